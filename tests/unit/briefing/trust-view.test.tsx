/** What the briefing view shows to be trusted at a glance, on briefings built from the real pack. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { BriefingView } from '@/components/briefing/BriefingView';
import type { Briefing } from '@/lib/views';
import { get, realBriefings } from './real-briefings';

let briefings: Map<string, Briefing>;

beforeAll(async () => {
  briefings = await realBriefings('vladimir-putin', 'kremlin', 'dmitry-peskov');
});

afterEach(cleanup);

function show(id: string, pageDate?: string) {
  const briefing = get(briefings, id);
  render(<BriefingView briefing={briefing} onSelectEntity={vi.fn()} pageDate={pageDate} />);
  return { briefing, article: screen.getByRole('article', { name: briefing.entity.name }) };
}

test('the scope line counts the articles and gives their dates; a dated page is related to them', () => {
  const { briefing, article } = show('vladimir-putin', '2016-12-18');
  const { articles } = briefing.scope;
  expect(articles).toBeGreaterThan(1);
  expect(
    within(article).getByText(new RegExp(`^Based on ${articles} articles, .+ 2023$`)),
  ).toBeTruthy();
  expect(
    within(article).getByText('This page: 18 Dec 2016. This briefing: 2023, later than this page.'),
  ).toBeTruthy();
});

test('without a page date (the popup), the scope line stands alone', () => {
  const { article } = show('vladimir-putin');
  expect(article.textContent).toContain('Based on');
  expect(article.textContent).not.toContain('This page:');
});

test('a few quoted words appear only under a closed "Also quoted", in their sentence', () => {
  const { briefing, article } = show('kremlin');
  const short = [...briefing.quotesBy, ...briefing.quotesAbout].filter((q) => q.context);
  expect(short.length).toBeGreaterThan(0);
  for (const blockquote of article.querySelectorAll('blockquote')) {
    expect(blockquote.textContent?.match(/[\p{L}\p{N}]+/gu)?.length ?? 0).toBeGreaterThan(5);
  }
  const also = article.querySelector('details');
  expect(also?.open).toBe(false);
  const summary = within(article).getByText(/^Also quoted \(\d+\)$/);
  fireEvent.click(summary);
  for (const quote of short) {
    const marked = within(article).getByText(quote.text, { selector: 'mark' });
    expect(marked.parentElement?.textContent).toBe(
      `${quote.context?.before}${quote.text}${quote.context?.after}`,
    );
  }
});

test('"inferred" is explained once; each inferred date carries only a mark', () => {
  const { article } = show('dmitry-peskov');
  const inferred = article.querySelectorAll('.bf-date--inferred');
  expect(inferred.length).toBeGreaterThan(1);
  for (const date of inferred) {
    expect(date.querySelector('[aria-hidden="true"]')?.textContent).toBe('*');
    expect(date.querySelector('.bf-date__basis')).toBeNull();
  }
  expect(within(article).getAllByText(/Inferred date:/)).toHaveLength(1);
});

test("a quote's date is not repeated on its source line", () => {
  const briefing = get(briefings, 'kremlin');
  const dated = [...briefing.quotesBy, ...briefing.quotesAbout].find(
    (quote) => quote.date && quote.sources.some((source) => source.publishedAt === quote.date),
  );
  if (!dated) throw new Error('the Kremlin briefing has no quote dated like its source');
  show('kremlin');
  fireEvent.click(screen.getByText(/^Also quoted/));
  const item = screen.getByText(dated.text, { selector: 'mark' }).closest('li') as HTMLElement;
  expect(item.querySelectorAll('time')).toHaveLength(1);
});
