/**
 * A document's text laid out for reading: paragraphs (the text split on blank lines) and, in
 * each, the runs of plain text and of quotes. Offsets are the document's own, so a quote found
 * at `start` in the pack is the one shown there; spans that are out of range, empty or overlap
 * an earlier one are dropped, and a quote that crosses a paragraph break is shown in pieces.
 */
import type { DocumentQuote } from '@/lib/views';

export interface Paragraph {
  start: number;
  end: number;
  runs: Run[];
}

export type Run =
  | { kind: 'text'; start: number; end: number }
  | {
      kind: 'quote';
      start: number;
      end: number;
      quote: DocumentQuote;
      /** The quote's first piece: the one that takes focus. */
      first: boolean;
    }
  /** Who said it: after the quote's last piece, past its closing quotation mark. */
  | { kind: 'speaker'; start: number; end: number; quote: DocumentQuote };

type QuoteRun = Extract<Run, { kind: 'quote' }>;

/** Punctuation closing a quotation right after its words: `,"` `."` `”` `’`. */
const CLOSING = /^[,.;:!?…]{0,3}["”’'»]/;

/** Paragraphs of `text`, trimmed, with the quotes that fall in each and who said them. */
export function layoutText(text: string, quotes: readonly DocumentQuote[]): Paragraph[] {
  const spans = usableQuotes(text, quotes);
  const paragraphs = paragraphSpans(text).map(({ start, end }) => ({
    start,
    end,
    runs: runsOf(start, end, spans),
  }));
  // A quote across a paragraph break is shown in pieces: the first takes focus, the last is
  // followed by the speaker.
  const pieces = new Map<DocumentQuote, { paragraph: Paragraph; run: QuoteRun }[]>();
  for (const paragraph of paragraphs) {
    for (const run of paragraph.runs) {
      if (run.kind !== 'quote') continue;
      run.first = !pieces.has(run.quote);
      pieces.set(run.quote, [...(pieces.get(run.quote) ?? []), { paragraph, run }]);
    }
  }
  for (const list of pieces.values()) {
    const last = list.at(-1);
    if (last) placeSpeaker(text, last.paragraph, last.run);
  }
  return paragraphs;
}

/** Puts the speaker after the quote's closing mark ("…mediation," — Dmitry Peskov), if any. */
function placeSpeaker(text: string, paragraph: Paragraph, quoteRun: QuoteRun): void {
  const index = paragraph.runs.indexOf(quoteRun);
  const next = paragraph.runs[index + 1];
  let at = quoteRun.end;
  if (next?.kind === 'text') {
    const closing = CLOSING.exec(text.slice(next.start, next.end))?.[0].length ?? 0;
    at = next.start + closing;
  }
  const speaker: Run = { kind: 'speaker', start: at, end: at, quote: quoteRun.quote };
  if (next?.kind === 'text' && at > next.start) {
    const rest: Run[] = at < next.end ? [{ kind: 'text', start: at, end: next.end }] : [];
    paragraph.runs.splice(
      index + 1,
      1,
      { kind: 'text', start: next.start, end: at },
      speaker,
      ...rest,
    );
  } else {
    paragraph.runs.splice(index + 1, 0, speaker);
  }
}

/** The quote a reader opened at `at`: the one starting there, else the one holding it. */
export function quoteAt(quotes: readonly DocumentQuote[], at: number): DocumentQuote | null {
  return (
    quotes.find((quote) => quote.start === at) ??
    quotes.find((quote) => quote.start <= at && at < quote.end) ??
    null
  );
}

function paragraphSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) spans.push({ start, end });
  };
  let at = 0;
  for (const blank of text.matchAll(/\n[^\S\n]*\n\s*/g)) {
    push(at, blank.index);
    at = blank.index + blank[0].length;
  }
  push(at, text.length);
  return spans;
}

function usableQuotes(text: string, quotes: readonly DocumentQuote[]): DocumentQuote[] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DocumentQuote[] = [];
  for (const quote of sorted) {
    const valid =
      Number.isInteger(quote.start) &&
      Number.isInteger(quote.end) &&
      quote.start >= 0 &&
      quote.end <= text.length &&
      quote.start < quote.end;
    const last = kept.at(-1);
    if (valid && !(last && quote.start < last.end)) kept.push(quote);
  }
  return kept;
}

function runsOf(start: number, end: number, quotes: readonly DocumentQuote[]): Run[] {
  const runs: Run[] = [];
  let at = start;
  for (const quote of quotes) {
    if (quote.end <= start || quote.start >= end) continue;
    const from = Math.max(quote.start, start);
    const to = Math.min(quote.end, end);
    if (from > at) runs.push({ kind: 'text', start: at, end: from });
    runs.push({ kind: 'quote', start: from, end: to, quote, first: true });
    at = to;
  }
  if (at < end) runs.push({ kind: 'text', start: at, end });
  return runs;
}
