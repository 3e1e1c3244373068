/**
 * A few quoted words make sense only in the sentence that prints them: "prospect" alone says
 * nothing, "the Kremlin saw no prospect of talks" does. Short quotes are shown in that sentence,
 * from the source document, with the quoted words marked.
 */
import { segmentText, sentenceAt, wordCount } from '@/lib/corpus/segment';
import type { QuoteContext } from '@/lib/views';

/** A quote of this many words or fewer is never shown on its own. */
export const SHORT_QUOTE_WORDS = 5;

export function isShortQuote(text: string): boolean {
  return wordCount(text) <= SHORT_QUOTE_WORDS;
}

/**
 * The sentence(s) of `text` around [start, end); null when the span is not in the text. Only
 * the paragraph (line) that holds the span is segmented: a quote never crosses paragraphs.
 */
export function sentenceAround(text: string, start: number, end: number): QuoteContext | null {
  if (start < 0 || end > text.length || start >= end) return null;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  const { sentences } = segmentText(line);
  const first = sentenceAt(sentences, start - lineStart);
  const last = sentenceAt(sentences, Math.max(start, end - 1) - lineStart);
  const from = lineStart + Math.min(first.start, start - lineStart);
  const to = lineStart + Math.max(last.end, end - lineStart);
  return {
    before: text.slice(from, start).trimStart(),
    quoted: text.slice(start, end),
    after: text.slice(end, to).trimEnd(),
  };
}
