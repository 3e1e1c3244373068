import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test } from 'vitest';
import { SourceLine } from '@/components/briefing/SourceLine';
import type { SourceRef } from '@/lib/views';
import { get, realBriefings, sourceLike } from './real-briefings';

/** The Moscow Times article behind Peskov's role: printed date, day precision, a URL. */
let moscowTimes: SourceRef;

beforeAll(async () => {
  const peskov = get(await realBriefings('dmitry-peskov'), 'dmitry-peskov');
  const source = peskov.entity.roles[0]?.sources.find((s) => s.outlet === 'The Moscow Times');
  if (!source) throw new Error('the bundled pack no longer cites The Moscow Times for Peskov');
  moscowTimes = source;
});

afterEach(cleanup);

test('a source reads outlet · date, the outlet linking to the article in a new tab', () => {
  render(<SourceLine source={moscowTimes} />);
  const link = screen.getByRole('link', { name: 'The Moscow Times' });
  expect(link.getAttribute('href')).toBe(moscowTimes.url);
  expect(link.getAttribute('target')).toBe('_blank');
  expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  expect(link.getAttribute('title')).toBe(moscowTimes.title);
  expect(link.parentElement?.textContent).toBe('The Moscow Times · 6 April 2023');
});

test('a date known to the month or the year is shown to the month or the year', () => {
  const { rerender, container } = render(
    <SourceLine
      source={sourceLike(moscowTimes, { publishedAt: '2023-04', datePrecision: 'month' })}
    />,
  );
  expect(container.textContent).toBe('The Moscow Times · April 2023');
  rerender(
    <SourceLine source={sourceLike(moscowTimes, { publishedAt: '2023', datePrecision: 'year' })} />,
  );
  expect(container.textContent).toBe('The Moscow Times · 2023');
});

test('an undated source shows no date, and one without an address no link', () => {
  const { container } = render(
    <SourceLine
      source={sourceLike(moscowTimes, {
        url: null,
        publishedAt: null,
        datePrecision: null,
        dateBasis: null,
      })}
    />,
  );
  expect(container.textContent).toBe('The Moscow Times');
  expect(screen.queryByRole('link')).toBeNull();
});

test('only web addresses become links', () => {
  for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url']) {
    const { unmount } = render(<SourceLine source={sourceLike(moscowTimes, { url })} />);
    expect(screen.getByText('The Moscow Times').closest('a')).toBeNull();
    unmount();
  }
});
