/**
 * Paragraphs, quotation marks and sentences of a cleaned text. Sentences are found with
 * Intl.Segmenter on a copy whose quoted words are masked, so a full stop inside a quotation does
 * not end the sentence that reports it.
 */

export interface Range {
  start: number;
  end: number;
}

export interface QuotationMarks {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  /** The quoted words: inside the marks, trimmed of spaces and of one trailing comma. */
  start: number;
  end: number;
  /** Index (in the same list) of the quotation this one is printed inside, if any. */
  parent?: number;
  paragraph: number;
}

export interface SegmentedText {
  text: string;
  paragraphs: Range[];
  sentences: Range[];
  quotations: QuotationMarks[];
  /**
   * The text with the letters of top-level quotations replaced by "X" (same length; capitals, so a
   * quotation opening a sentence still starts one for Intl.Segmenter).
   */
  masked: string;
}

export function segmentText(text: string): SegmentedText {
  const paragraphs = findParagraphs(text);
  const quotations = paragraphs
    .flatMap((paragraph, index) => findQuotations(text, paragraph, index))
    .sort((a, b) => a.open - b.open);
  linkNestedQuotations(quotations);
  const masked = maskQuotations(text, quotations);
  const sentences = paragraphs.flatMap((paragraph) => findSentences(masked, paragraph));
  return { text, paragraphs, sentences, quotations, masked };
}

function findParagraphs(text: string): Range[] {
  const paragraphs: Range[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    paragraphs.push({ start: match.index, end: match.index + match[0].length });
  }
  return paragraphs;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Pairs quotation marks within one paragraph: curly double marks nest; straight double marks
 * alternate; curly single marks count only where they cannot be an apostrophe (‘Diplomatic Cover’).
 * Marks left open at the paragraph's end are ignored.
 */
function findQuotations(text: string, paragraph: Range, paragraphIndex: number): QuotationMarks[] {
  const found: QuotationMarks[] = [];
  const open: { mark: string; at: number }[] = [];
  const close = (at: number) => {
    const opening = open.pop();
    if (opening === undefined) return;
    const inner = trimQuoted(text, opening.at + 1, at);
    if (inner.start >= inner.end) return;
    found.push({ open: opening.at, close: at, ...inner, paragraph: paragraphIndex });
  };
  for (let at = paragraph.start; at < paragraph.end; at++) {
    const mark = text[at] as string;
    const top = open[open.length - 1]?.mark;
    const before = text[at - 1] ?? ' ';
    const after = text[at + 1] ?? ' ';
    if (mark === '“') open.push({ mark, at });
    else if (mark === '”' && top === '“') close(at);
    else if (mark === '"') {
      if (top === '"') close(at);
      else open.push({ mark, at });
    } else if (mark === '‘' && !LETTER.test(before) && LETTER.test(after)) open.push({ mark, at });
    else if (mark === '’' && top === '‘' && !LETTER.test(after)) close(at);
  }
  return found;
}

/** Links each quotation to the one it is printed inside; `quotations` is sorted by `open`. */
function linkNestedQuotations(quotations: QuotationMarks[]): void {
  for (const [index, quotation] of quotations.entries()) {
    const parent = quotations.findLastIndex(
      (other, otherIndex) => otherIndex < index && other.close > quotation.close,
    );
    if (parent !== -1) quotation.parent = parent;
  }
}

function trimQuoted(text: string, start: number, end: number): Range {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  // A comma, or the full stop of an embedded phrase, belongs to the sentence around the quote.
  const embedded = /^[\p{Ll}]/u.test(text[from] ?? '');
  if (text[to - 1] === ',' || (embedded && text[to - 1] === '.')) to--;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  return { start: from, end: to };
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS =
  /\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sen|Rep|Gov|St|Sgt|Capt|Adm|Jr|Sr|No|U\.S|U\.N|U\.K|E\.U)\./g;

/** The full stop of an initial before a name ("R.J. Castellanos", "John D. Podesta"). */
const INITIAL = /(?<=(?:^|[^\p{L}.])(?:\p{Lu}\.)*\p{Lu})\.(?=\s*\p{Lu}\p{Ll})/gu;

function maskQuotations(text: string, quotations: readonly QuotationMarks[]): string {
  // split('') gives UTF-16 code units, so indexes stay the text's offsets.
  const chars = text
    .replace(ABBREVIATIONS, (match) => `${match.slice(0, -1)}x`)
    .replace(INITIAL, 'x')
    .split('');
  for (const quotation of quotations) {
    if (quotation.parent !== undefined) continue;
    for (let at = quotation.open + 1; at < quotation.close; at++) {
      const keepsSentenceEnd = at >= quotation.end - 1 && /[.!?]/.test(text[at] as string);
      if (!keepsSentenceEnd && !/\s/.test(text[at] as string)) chars[at] = 'X';
    }
  }
  return chars.join('');
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

function findSentences(masked: string, paragraph: Range): Range[] {
  const sentences: Range[] = [];
  const slice = masked.slice(paragraph.start, paragraph.end);
  for (const { index, segment } of sentenceSegmenter.segment(slice)) {
    const trimmedLength = segment.trimEnd().length;
    if (trimmedLength === 0) continue;
    sentences.push({
      start: paragraph.start + index,
      end: paragraph.start + index + trimmedLength,
    });
  }
  return sentences;
}

/** The sentence that contains `offset` (the last one starting at or before it). */
export function sentenceAt(sentences: readonly Range[], offset: number): Range {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((sentences[middle] as Range).start <= offset) low = middle;
    else high = middle - 1;
  }
  return sentences[low] ?? { start: 0, end: 0 };
}

/** Words as a reader counts them: "Kyiv's" and "so-called" are one each. */
export function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
