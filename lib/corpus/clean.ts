/**
 * Stage 1: clean an article's original text into the text the pack stores and every span points
 * into. Only whole lines are dropped and markup characters removed; every character kept is copied
 * from the original, and `segments` says where from, so offsets stay honest.
 */

export interface CopiedSegment {
  /** Offset in the cleaned text. */
  cleanStart: number;
  /** Offset in the original text. */
  rawStart: number;
  length: number;
}

export interface CleanedText {
  text: string;
  /** Runs of the cleaned text copied from the original (no-break spaces become plain spaces). */
  segments: CopiedSegment[];
  /** Byline found in the text ("By AFP", "Author: Dave DeCamp"), kept as metadata. */
  author?: string;
  /** What was removed and why, one entry per rule that fired (for the CLI and for tests). */
  removed: { rule: string; text: string }[];
}

type LineAction =
  | { kind: 'keep' }
  | { kind: 'drop'; rule: string }
  | { kind: 'stop'; rule: string };

const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** "… in Moscow on March 21, 2023." / "… in Moscow, March 20, 2023." / "… March 21, 2023 in Moscow." */
const CAPTION_DATELINE = new RegExp(
  `(?:,|\\bon)\\s+${MONTH}\\s+\\d{1,2},\\s+\\d{4}(?:\\s+in\\s+[A-Z][\\w ]*)?\\.$`,
);
const PHOTO_CREDIT = /\*\*[^*/]+\/[^*]+\*\*\s*$/;
const QUOTE_MARKS = /["“”]/;

/** Rules for lines that are page furniture, not article text. Order matters: first match wins. */
const LINE_RULES: { rule: string; test: RegExp; action: 'drop' | 'stop' }[] = [
  { rule: 'comment form', test: /^Leave a Reply\b/i, action: 'stop' },
  { rule: 'related stories list', test: /^More Related Stories\s*$/i, action: 'stop' },
  { rule: 'author bio', test: /^Author:\s+\S/, action: 'stop' },
  { rule: 'share buttons', test: /^(?:icon-[\w-]+\s*)+$/, action: 'drop' },
  { rule: 'see-also link', test: /^See also[\s\u00a0]/i, action: 'drop' },
  {
    rule: 'related article link',
    test: /^(?:\*\*)?Related (?:article|story|stories)s?:/i,
    action: 'drop',
  },
  { rule: 'url line', test: /^<https?:\/\/[^>\s]+>$/, action: 'drop' },
  { rule: 'url label', test: /^Original url:?$/i, action: 'drop' },
  { rule: 'contributor credit', test: /\bcontributed to this report\.?$/i, action: 'drop' },
  { rule: 'photo caption', test: PHOTO_CREDIT, action: 'drop' },
];

const BYLINE = /^By\s+(.{1,80})$/;
const BYLINE_SEARCH_LINES = 8;

export function cleanArticleText(raw: string): CleanedText {
  const lines = splitLines(raw);
  const output = new OutputBuilder();
  const removed: CleanedText['removed'] = [];
  let author: string | undefined;
  let pendingBlank = false;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as Line;
    const trimmedEnd = line.text.replace(/[\s\u00a0]+$/, '');
    const trimmed = trimmedEnd.replace(/^[\s\u00a0]+/, '');
    if (trimmed === '') {
      pendingBlank = output.length > 0;
      continue;
    }
    const action = classifyLine(trimmed, lines, index);
    if (action.kind === 'stop') {
      removed.push({
        rule: action.rule,
        text: lines
          .slice(index)
          .map((l) => l.text)
          .join('\n'),
      });
      if (action.rule === 'author bio') author ??= trimmed.replace(/^Author:\s+/, '');
      break;
    }
    if (action.kind === 'drop') {
      removed.push({ rule: action.rule, text: trimmed });
      continue;
    }
    const byline = index < BYLINE_SEARCH_LINES ? BYLINE.exec(stripInlineMarkup(trimmed)) : null;
    if (byline?.[1] !== undefined) {
      author ??= byline[1];
      removed.push({ rule: 'byline', text: trimmed });
      continue;
    }
    if (output.length > 0) output.addSeparator(pendingBlank ? '\n\n' : '\n');
    pendingBlank = false;
    const leading = trimmedEnd.length - trimmed.length;
    output.copyWithInlineCleanup(trimmed, line.start + leading);
  }

  const result: CleanedText = { text: output.text, segments: output.segments, removed };
  if (author !== undefined) result.author = author;
  return result;
}

function classifyLine(trimmed: string, lines: Line[], index: number): LineAction {
  for (const { rule, test, action } of LINE_RULES) {
    if (test.test(trimmed)) return { kind: action, rule };
  }
  if (isDatedCaption(trimmed, lines, index)) return { kind: 'drop', rule: 'photo caption' };
  return { kind: 'keep' };
}

/**
 * A photo caption placed between paragraphs: one sentence on its own line, no quotation, ending in
 * a dateline ("… in Moscow on March 21, 2023."). Left in, it breaks the flow of the story (a "he
 * added" after it would seem to refer to the person in the photo).
 */
function isDatedCaption(trimmed: string, lines: Line[], index: number): boolean {
  if (index === 0 || QUOTE_MARKS.test(trimmed) || !CAPTION_DATELINE.test(trimmed)) return false;
  const withoutDate = trimmed.replace(CAPTION_DATELINE, '');
  if (/[.!?]\s+[A-Z]/.test(withoutDate)) return false;
  const previous = lines[index - 1]?.text.trim() ?? '';
  const next = lines[index + 1]?.text.trim() ?? '';
  const standsAlone = previous === '' && (next === '' || /^See also[\s\u00a0]/i.test(next));
  return standsAlone;
}

interface Line {
  text: string;
  start: number;
}

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const text of raw.split('\n')) {
    lines.push({ text: text.replace(/\r$/, ''), start });
    start += text.length + 1;
  }
  return lines;
}

/** Markdown links [text](url) → text; **bold** → bold; a leading "# " heading mark dropped. */
const INLINE_MARKUP = /\[([^\]]*)\]\([^)\s]*\)|\*\*|^#{1,6}\s+/g;

function stripInlineMarkup(text: string): string {
  return text.replace(INLINE_MARKUP, (_match, linkText: string | undefined) => linkText ?? '');
}

class OutputBuilder {
  text = '';
  segments: CopiedSegment[] = [];

  get length(): number {
    return this.text.length;
  }

  addSeparator(separator: string): void {
    this.text += separator;
  }

  /** Copies `line` (found at `rawStart` in the original) minus its markup characters. */
  copyWithInlineCleanup(line: string, rawStart: number): void {
    let cursor = 0;
    for (const match of line.matchAll(INLINE_MARKUP)) {
      this.copy(line.slice(cursor, match.index), rawStart + cursor);
      const linkText = match[1];
      if (linkText !== undefined) this.copy(linkText, rawStart + match.index + 1);
      cursor = match.index + match[0].length;
    }
    this.copy(line.slice(cursor), rawStart + cursor);
  }

  private copy(piece: string, rawStart: number): void {
    if (piece === '') return;
    this.segments.push({ cleanStart: this.text.length, rawStart, length: piece.length });
    this.text += piece.replace(/\u00a0/g, ' ');
  }
}
