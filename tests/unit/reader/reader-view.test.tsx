import { render, screen, within } from '@testing-library/preact';
import { beforeAll, expect, test, vi } from 'vitest';
import { ReaderPage } from '@/components/reader/ReaderPage';
import { ReaderView } from '@/components/reader/ReaderView';
import type { DocumentQuote, DocumentView, ReaderTarget } from '@/lib/views';
import { BUNDLED_PACK_ID, get, realDocuments } from './real-documents';

const PAYLOAD = '<img src=x onerror=alert(1)>';

/** The Moscow Times (AFP): outlet, author, printed date, an address, Peskov quoted. */
let moscowTimes: DocumentView;
/** Unknown outlet, inferred date, unattributed fragments. */
let talks: DocumentView;
/** A re-write of the Moscow Times story. */
let retold: DocumentView;

beforeAll(async () => {
  const views = await realDocuments('seed-001', 'seed-002', 'seed-000');
  moscowTimes = get(views, 'seed-001');
  talks = get(views, 'seed-002');
  retold = get(views, 'seed-000');
});

const PESKOV_QUOTE =
  'Undoubtedly, China has a very effective and commanding potential for mediation';

function quoteStarting(view: DocumentView, words: string): DocumentQuote {
  const quote = view.quotes.find((candidate) =>
    view.text.slice(candidate.start, candidate.end).startsWith(words),
  );
  if (!quote) throw new Error(`no quote starting “${words}” in ${view.id}`);
  return quote;
}

const markAt = (container: ParentNode, start: number) =>
  container.querySelector<HTMLElement>(`.reader__text mark[data-start="${start}"]`);

/** The speaker shown after a quote (its last piece). */
const speakerAfter = (mark: Element) =>
  document.getElementById(mark.getAttribute('aria-describedby') ?? '');

test('an article reads with its title, outlet, author, date, pack and a link to the original', () => {
  render(<ReaderView document={moscowTimes} />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
    'Kremlin Sees No Prospect of Chinese Mediation on Ukraine',
  );
  const article = screen.getByRole('article', { name: moscowTimes.title });
  const byline = article.querySelector('.reader__byline');
  expect(byline?.textContent).toBe('The Moscow Times · By AFP · 6 April 2023');
  // A printed date reads plainly: no "inferred", no reasoning.
  expect(article.textContent).not.toContain('inferred');
  expect(article.textContent).toContain(`From your briefings: ${moscowTimes.packTitle}`);
  const original = screen.getByRole('link', { name: 'The original at themoscowtimes.com' });
  expect(original.getAttribute('href')).toBe(moscowTimes.url);
  expect(original.getAttribute('target')).toBe('_blank');
  expect(original.getAttribute('rel')).toBe('noopener noreferrer');
  expect(article.textContent).not.toContain('re-tells');
});

test('an inferred date says so and why; an unknown outlet and a missing address say nothing false', () => {
  render(<ReaderView document={talks} />);
  const byline = document.querySelector('.reader__byline');
  expect(byline?.textContent).toBe('Outlet not known · 22 March 2023 (inferred)');
  expect(byline?.querySelector('time')?.getAttribute('datetime')).toBe('2023-03-22');
  expect(screen.getByText(/^The date is inferred, not printed in the article: /).textContent).toBe(
    `The date is inferred, not printed in the article: ${talks.dateReason}`,
  );
  expect(screen.queryByRole('link')).toBeNull();
});

test('a re-telling says so and links to the report it re-tells', () => {
  const linkTo = ({ packId, documentId }: ReaderTarget) =>
    `reader.html?pack=${packId}&doc=${documentId}`;
  render(<ReaderView document={retold} linkTo={linkTo} />);
  const note = screen.getByText(/This article re-tells another report/);
  expect(within(note).getByRole('link', { name: 'Read that report' }).getAttribute('href')).toBe(
    `reader.html?pack=${BUNDLED_PACK_ID}&doc=seed-001`,
  );
});

test('the full text is shown in its paragraphs, every quote marked and followed by its speaker', () => {
  const { container } = render(<ReaderView document={moscowTimes} />);
  const paragraphs = container.querySelectorAll('.reader__text p');
  const expected = moscowTimes.text.split(/\n\s*\n/).filter((part) => part.trim() !== '');
  expect(paragraphs).toHaveLength(expected.length);
  expect(paragraphs[0]?.textContent).toBe(expected[0]);
  expect(paragraphs[2]?.textContent).toBe(
    'The Kremlin on Thursday said it saw no "prospect"— said by Kremlin (fragment) for China to mediate the Ukraine conflict and that it had "no other way"— said by Kremlin (fragment) than to press on with its offensive.',
  );

  expect(moscowTimes.quotes.length).toBeGreaterThan(4);
  for (const quote of moscowTimes.quotes) {
    const mark = markAt(container, quote.start);
    expect(mark?.textContent).toBe(moscowTimes.text.slice(quote.start, quote.end));
    const speaker = speakerAfter(mark as HTMLElement);
    expect(speaker?.querySelector('.reader__speaker-name')?.textContent).toBe(
      quote.speaker?.name ?? 'speaker not stated',
    );
  }
  // After the closing quotation mark; seen as "— Dmitry Peskov", heard as "said by Dmitry
  // Peskov" (also when the quote has focus: it describes the quote).
  const peskov = markAt(container, quoteStarting(moscowTimes, PESKOV_QUOTE).start) as HTMLElement;
  expect(peskov.parentElement?.textContent).toBe(
    `"${PESKOV_QUOTE},"— said by Dmitry Peskov Kremlin spokesman Dmitry Peskov said.`,
  );
  const speaker = speakerAfter(peskov) as HTMLElement;
  expect(speaker.querySelector('[aria-hidden="true"]')?.textContent).toBe('— ');
  expect(speaker.querySelector('.bf-visually-hidden')?.textContent).toBe('said by ');
});

test('a quote without a speaker says so, and a fragment reads as a fragment', () => {
  const { container } = render(<ReaderView document={talks} />);
  const unattributed = talks.quotes.find((quote) => quote.speaker === null);
  expect(unattributed?.kind).toBe('fragment');
  const mark = markAt(container, unattributed?.start ?? -1) as HTMLElement;
  expect(mark.classList).toContain('reader__quote--fragment');
  expect(speakerAfter(mark)?.textContent).toBe('— speaker not stated (fragment)');
  const statement = quoteStarting(talks, 'Many provisions of the Chinese peace plan');
  expect(speakerAfter(markAt(container, statement.start) as HTMLElement)?.textContent).toBe(
    '— said by Vladimir Putin',
  );
});

test('opened at a quote, that quote is emphasised, scrolled into view and focused', () => {
  const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
  const quote = quoteStarting(moscowTimes, PESKOV_QUOTE);
  const { container } = render(<ReaderView document={moscowTimes} at={quote.start} />);
  const mark = markAt(container, quote.start) as HTMLElement;
  expect(document.activeElement).toBe(mark);
  expect(mark.tabIndex).toBe(-1);
  expect(mark.classList).toContain('reader__quote--target');
  expect(scrolled.mock.contexts).toEqual([mark]);
  expect(container.querySelectorAll('.reader__quote--target')).toHaveLength(1);
});

test('opened at a place no quote holds, its paragraph is focused instead', () => {
  const at = moscowTimes.text.indexOf('The comments came as');
  const { container } = render(<ReaderView document={moscowTimes} at={at} />);
  const focused = document.activeElement as HTMLElement;
  expect(focused.tagName).toBe('P');
  expect(focused.textContent?.startsWith('The comments came as')).toBe(true);
  expect(container.querySelector('.reader__quote--target')).toBeNull();
});

test('a quote across a paragraph break is marked in each, attributed once, focused at its start', () => {
  const text = 'He said: "First part.\n\nSecond part." Then he left.';
  const start = text.indexOf('First');
  const end = text.indexOf('Then') - 2;
  const view: DocumentView = {
    ...moscowTimes,
    text,
    quotes: [
      {
        quoteId: 'q1',
        start,
        end,
        kind: 'statement',
        speaker: { id: 'x', name: 'Ada Lovelace', kind: 'person' },
      },
      // Out of range and overlapping spans are left out rather than break the text.
      { quoteId: 'q2', start: 3, end: 999, kind: 'fragment', speaker: null },
      { quoteId: 'q3', start: start + 2, end: start + 6, kind: 'fragment', speaker: null },
    ],
  };
  const { container } = render(<ReaderView document={view} at={start} />);
  const paragraphs = [...container.querySelectorAll('.reader__text p')];
  expect(paragraphs.map((p) => p.querySelector('mark')?.textContent)).toEqual([
    'First part.',
    'Second part.',
  ]);
  expect(container.querySelectorAll('.reader__speaker')).toHaveLength(1);
  expect(paragraphs[1]?.querySelector('.reader__speaker-name')?.textContent).toBe('Ada Lovelace');
  expect(document.activeElement?.textContent).toBe('First part.');
  expect(container.querySelector('.reader__text')?.textContent).toBe(
    'He said: "First part.Second part."— said by Ada Lovelace Then he left.',
  );
});

test('markup in the text, title, outlet or a speaker shows as text, and an unsafe address is no link', () => {
  const text = `Intro ${PAYLOAD}\n\nShe said "${PAYLOAD} is fine" later.`;
  const quoteStart = text.indexOf(PAYLOAD, 10);
  const view: DocumentView = {
    ...moscowTimes,
    title: `Title ${PAYLOAD}`,
    outlet: `Outlet ${PAYLOAD}`,
    author: `Author ${PAYLOAD}`,
    packTitle: `Pack ${PAYLOAD}`,
    url: `javascript:document.body.append('${PAYLOAD}')`,
    text,
    quotes: [
      {
        quoteId: 'q1',
        start: quoteStart,
        end: quoteStart + PAYLOAD.length + 8,
        kind: 'statement',
        speaker: { id: 'x', name: `Name ${PAYLOAD}`, kind: 'person' },
      },
    ],
  };
  const { container } = render(<ReaderView document={view} />);
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`Title ${PAYLOAD}`);
  expect(container.textContent).toContain(`Outlet ${PAYLOAD}`);
  expect(container.textContent).toContain(`By Author ${PAYLOAD}`);
  expect(container.textContent).toContain(`Pack ${PAYLOAD}`);
  expect(markAt(container, quoteStart)?.textContent).toBe(`${PAYLOAD} is fine`);
  expect(container.querySelector('.reader__speaker-name')?.textContent).toBe(`Name ${PAYLOAD}`);
  expect(screen.queryByRole('link')).toBeNull();
  for (const url of ['data:text/html,<b>x</b>', 'not a url', 'ftp://example.org/a']) {
    const { container: again, unmount } = render(<ReaderView document={{ ...view, url }} />);
    expect(again.querySelector('a')).toBeNull();
    unmount();
  }
});

test('the page says when it is loading, when the article is gone, and when no article is named', () => {
  const { rerender } = render(<ReaderPage state={{ status: 'loading' }} at={null} />);
  expect(screen.getByRole('status').textContent).toBe('Loading the article…');
  rerender(
    <ReaderPage
      state={{ status: 'error', message: 'This article is no longer in your briefings.' }}
      at={null}
    />,
  );
  expect(screen.getByRole('alert').textContent).toBe(
    'This article is no longer in your briefings.',
  );
  rerender(<ReaderPage state={{ status: 'missing' }} at={null} />);
  expect(screen.getByRole('alert').textContent).toBe(
    'This address does not say which article to show.',
  );
  rerender(<ReaderPage state={{ status: 'ready', document: moscowTimes }} at={null} />);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(moscowTimes.title);
});
