import { foldForLookup } from './fold';

/** A short extract of a text with the ranges to emphasise; rendered as text, never as HTML. */
export interface Snippet {
  text: string;
  /** [start, end) ranges into `text`. */
  highlights: [number, number][];
}

/**
 * The part of `text` around the first word that matches one of the folded `terms` (as a
 * prefix), at most about `width` characters, cut at word boundaries.
 */
export function snippetOf(text: string, terms: readonly string[], width = 180): Snippet {
  const folded = foldPreservingOffsets(text);
  const wanted = terms.map(foldForLookup).filter(Boolean);
  const words = [...folded.matchAll(/[\p{L}\p{N}]+/gu)];
  const hits = words.filter((word) => wanted.some((term) => word[0].startsWith(term)));
  const first = hits[0]?.index ?? 0;

  let start = Math.max(0, first - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length)
    end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;

  const highlights = hits
    .filter((hit) => hit.index >= start && hit.index + hit[0].length <= end)
    .map((hit): [number, number] => [hit.index - start, hit.index - start + hit[0].length]);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  return {
    text: prefix + text.slice(start, end) + suffix,
    highlights: highlights.map(([from, to]) => [from + prefix.length, to + prefix.length]),
  };
}

/** foldForLookup character by character, so offsets in the result are offsets in the input. */
function foldPreservingOffsets(text: string): string {
  let folded = '';
  for (const char of text) {
    const one = foldForLookup(char);
    // Characters whose folding changes their length (ligatures, spaces) are kept as they are.
    folded += one.length === char.length ? one : char;
  }
  return folded;
}
