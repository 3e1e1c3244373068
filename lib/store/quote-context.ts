/**
 * A few quoted words make sense only in the sentence that prints them: "prospect" alone says
 * nothing, "the Kremlin saw no prospect of talks" does. Short quotes are shown in that sentence,
 * from the source document, with the quoted words marked.
 */
import { type Range, segmentText, sentenceAt } from '@/lib/corpus/segment';
import type { QuoteContext } from '@/lib/views';

/** A quote of this many words or fewer is never shown on its own. */
export const SHORT_QUOTE_WORDS = 5;

export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function isShortQuote(text: string): boolean {
  return wordCount(text) <= SHORT_QUOTE_WORDS;
}

/** Splits each document into sentences once, however many quotes point into it. */
export class SentenceFinder {
  private readonly sentences = new Map<string, Range[]>();

  /** The sentence(s) of `text` around [start, end); null when the span is not in the text. */
  around(key: string, text: string, start: number, end: number): QuoteContext | null {
    if (start < 0 || end > text.length || start >= end) return null;
    let sentences = this.sentences.get(key);
    if (!sentences) {
      sentences = segmentText(text).sentences;
      this.sentences.set(key, sentences);
    }
    const first = sentenceAt(sentences, start);
    const last = sentenceAt(sentences, Math.max(start, end - 1));
    const from = Math.min(first.start, start);
    const to = Math.max(last.end, end);
    return {
      before: text.slice(from, start).trimStart(),
      quoted: text.slice(start, end),
      after: text.slice(end, to).trimEnd(),
    };
  }
}
