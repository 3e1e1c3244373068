import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeAll, expect, test, vi } from 'vitest';
import { BriefingPopover } from '@/components/briefing/BriefingPopover';
import { BriefingView } from '@/components/briefing/BriefingView';
import type { Briefing } from '@/lib/views';
import { get, realBriefings } from '../briefing/real-briefings';

let peskov: Briefing;

beforeAll(async () => {
  peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
});

const COMMANDING = 'Undoubtedly, China has a very effective and commanding potential for mediation';

/** The list item of Peskov's quote that two outlets word differently. */
const commandingQuote = () => screen.getByText(`“${COMMANDING}”`).closest('li') as HTMLElement;

test('"Read" on a quote’s source opens that document at that quote, beside the link to the original', () => {
  const onReadSource = vi.fn();
  render(<BriefingView briefing={peskov} onSelectEntity={vi.fn()} onReadSource={onReadSource} />);
  const quote = commandingQuote();
  const [best] = within(quote).getAllByRole('button', { name: 'Read it in The Moscow Times' });
  // The link to the original stays, next to it.
  const original = within(quote).getAllByRole('link', { name: 'The Moscow Times' })[0];
  expect(original?.getAttribute('href')).toMatch(/^https:\/\/www\.themoscowtimes\.com\//);
  expect(best?.closest('.bf-source')).toBe(original?.closest('.bf-source'));

  fireEvent.click(best as HTMLElement);
  expect(onReadSource).toHaveBeenCalledWith({
    packId: 'seed-corpus',
    documentId: 'seed-001',
    at: 366,
  });

  // The other wording, in the article with no outlet, opens that article at its own wording.
  const otherWording = within(quote).getByRole('list', { name: 'Other wordings' });
  fireEvent.click(
    within(otherWording).getByRole('button', {
      name: 'Read it in Russia Sees No Prospect of Chinese Mediation in Ukraine Conflict',
    }),
  );
  expect(onReadSource).toHaveBeenLastCalledWith({
    packId: 'seed-corpus',
    documentId: 'seed-000',
    at: 397,
  });
  expect(onReadSource).toHaveBeenCalledTimes(2);
});

test('every source of a quote can be read; roles and events keep their plain source lines', () => {
  const onReadSource = vi.fn();
  const { container } = render(
    <BriefingView briefing={peskov} onSelectEntity={vi.fn()} onReadSource={onReadSource} />,
  );
  const quote = commandingQuote();
  fireEvent.click(within(quote).getByRole('button', { name: '2 sources' }));
  const listed = within(quote).getAllByRole('listitem');
  expect(listed.length).toBeGreaterThan(1);
  const reads = within(quote).getAllByRole('button', { name: /^Read it in / });
  // The best source, each listed source, and the other wording.
  expect(reads).toHaveLength(1 + 2 + 1);
  const roles = screen.getByRole('list', { name: 'Roles' });
  expect(within(roles).getAllByRole('link').length).toBeGreaterThan(0);
  expect(within(roles).queryByRole('button', { name: /^Read/ })).toBeNull();
  expect(container.querySelector('.bf-timeline .bf-read')).toBeNull();
});

test('without a way to open the reader, no source offers "Read"', () => {
  render(<BriefingView briefing={peskov} onSelectEntity={vi.fn()} />);
  expect(screen.queryByRole('button', { name: /^Read it in / })).toBeNull();
});

test('the popover passes "Read" on to whoever opens the reader', () => {
  const onReadSource = vi.fn();
  render(
    <BriefingPopover
      state={{ status: 'ready', briefing: peskov }}
      pendingName="Dmitry Peskov"
      previous={null}
      onBack={vi.fn()}
      onClose={vi.fn()}
      onRetry={vi.fn()}
      onSelectEntity={vi.fn()}
      onOpenInBriefings={vi.fn()}
      onReadSource={onReadSource}
    />,
  );
  fireEvent.click(
    within(commandingQuote()).getAllByRole('button', {
      name: 'Read it in The Moscow Times',
    })[0] as HTMLElement,
  );
  expect(onReadSource).toHaveBeenCalledWith({
    packId: 'seed-corpus',
    documentId: 'seed-001',
    at: 366,
  });
});
