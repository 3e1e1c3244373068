import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { BriefingPopover } from '@/components/briefing/BriefingPopover';
import type { Briefing } from '@/lib/views';
import { get, quoteLike, realBriefings, sourceLike } from './real-briefings';

const PAYLOAD = '<img src=x onerror=alert(1)>';

let peskov: Briefing;

beforeAll(async () => {
  peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
});

afterEach(cleanup);

/** Peskov's real briefing with markup planted in every text a pack controls. */
function poisoned(): Briefing {
  const briefing = structuredClone(peskov);
  const [first, ...rest] = briefing.quotesBy;
  if (!first) throw new Error('Peskov has no quotes in the bundled pack any more');
  const source = sourceLike(first.sources[0] as Briefing['quotesBy'][0]['sources'][0], {
    outlet: `Outlet ${PAYLOAD}`,
    title: `Title ${PAYLOAD}`,
    url: `javascript:document.body.append('${PAYLOAD}')`,
    dateReason: `Reason ${PAYLOAD}`,
    dateBasis: 'inferred',
  });
  briefing.entity.name = `Name ${PAYLOAD}`;
  briefing.entity.description = `Description ${PAYLOAD}`;
  briefing.quotesBy = [
    quoteLike(first, {
      text: `Quote ${PAYLOAD}`,
      sources: [source],
      variants: [{ source, diff: [{ op: 'insert', text: PAYLOAD }] }],
    }),
    ...rest,
  ];
  return briefing;
}

test('markup in a quote, a name or a source shows as text, and no element is made from it', () => {
  const { container } = render(
    <BriefingPopover
      state={{ status: 'ready', briefing: poisoned() }}
      pendingName={PAYLOAD}
      previous={null}
      onBack={vi.fn()}
      onClose={vi.fn()}
      onRetry={vi.fn()}
      onSelectEntity={vi.fn()}
      onOpenInBriefings={vi.fn()}
    />,
  );
  expect(screen.getByText(`“Quote ${PAYLOAD}”`)).toBeTruthy();
  expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Name ${PAYLOAD}`);
  expect(screen.getByText(`Description ${PAYLOAD}`)).toBeTruthy();
  const outlets = screen.getAllByText(`Outlet ${PAYLOAD}`);
  expect(outlets.length).toBeGreaterThan(0);
  // The javascript: address is not made a link.
  expect(outlets.map((outlet) => outlet.closest('a'))).toEqual(outlets.map(() => null));
  expect(container.querySelector('ins')?.textContent).toBe(PAYLOAD);
  expect(container.querySelector('img')).toBeNull();
  expect(document.querySelector('img')).toBeNull();
});
