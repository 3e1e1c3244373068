/**
 * Stage 2: duplicates. Finds documents that are re-writes of one another (shared word sequences)
 * and names the original of each group; groups quotations printed in several documents (the same
 * words, or a re-worded version of one statement) and diffs their wordings word by word.
 */
import type { DiffOp } from '../pack/schema';

export interface DocumentForDedup {
  id: string;
  text: string;
  outlet: string | null;
  url?: string;
  publishedAt: string | null;
}

const SHINGLE_WORDS = 4;
/** Share of the smaller document's 4-word sequences also found in the other. */
const DUPLICATE_CONTAINMENT = 0.25;
/** A re-write appears within days of its original. */
const DUPLICATE_MAX_DAYS_APART = 3;
/** A sequence found in more documents than this is boilerplate, not evidence of copying. */
const MAX_DOCUMENTS_PER_SHINGLE = 8;

/** Maps each duplicate's id to its original's id. */
export function findDuplicateDocuments(
  documents: readonly DocumentForDedup[],
): Map<string, string> {
  const shingleSets = documents.map((document) => shingles(document.text));
  const postings = new Map<string, number[]>();
  shingleSets.forEach((set, index) => {
    for (const shingle of set) {
      const list = postings.get(shingle) ?? [];
      list.push(index);
      postings.set(shingle, list);
    }
  });
  const shared = new Map<string, number>();
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_DOCUMENTS_PER_SHINGLE) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = `${list[i]} ${list[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const parent = documents.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] as number;
    return current;
  };
  for (const [key, count] of shared) {
    const [a, b] = key.split(' ').map(Number) as [number, number];
    const smaller = Math.min(
      (shingleSets[a] as Set<string>).size,
      (shingleSets[b] as Set<string>).size,
    );
    const close =
      daysApart(documents[a] as DocumentForDedup, documents[b] as DocumentForDedup) <=
      DUPLICATE_MAX_DAYS_APART;
    if (smaller > 0 && count / smaller >= DUPLICATE_CONTAINMENT && close) parent[root(a)] = root(b);
  }
  const groups = new Map<number, number[]>();
  documents.forEach((_, index) => {
    const members = groups.get(root(index)) ?? [];
    members.push(index);
    groups.set(root(index), members);
  });
  const duplicateOf = new Map<string, string>();
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const ordered = members
      .map((index) => documents[index] as DocumentForDedup)
      .sort(originalFirst);
    const original = ordered[0] as DocumentForDedup;
    for (const copy of ordered.slice(1)) duplicateOf.set(copy.id, original.id);
  }
  return duplicateOf;
}

/** Days between two publication dates; 0 when either is unknown (no evidence against). */
export function daysApart(
  a: { publishedAt: string | null },
  b: { publishedAt: string | null },
): number {
  if (a.publishedAt === null || b.publishedAt === null) return 0;
  const day = (date: string) =>
    Date.parse(`${`${date}-01-01`.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  return Math.abs(day(a.publishedAt) - day(b.publishedAt));
}

/** The original is the one whose publisher is known, then the one with a URL, then the earliest. */
function originalFirst(a: DocumentForDedup, b: DocumentForDedup): number {
  const known = Number(b.outlet !== null) - Number(a.outlet !== null);
  if (known !== 0) return known;
  const linked = Number(b.url !== undefined) - Number(a.url !== undefined);
  if (linked !== 0) return linked;
  const dated = (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999');
  return dated !== 0 ? dated : a.id.localeCompare(b.id);
}

function shingles(text: string): Set<string> {
  const words = comparableWords(text);
  const set = new Set<string>();
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index++) {
    set.add(words.slice(index, index + SHINGLE_WORDS).join(' '));
  }
  return set;
}

/** Lowercase words without punctuation, apostrophes unified: what two wordings are compared on. */
function comparableWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  );
}

/** Length of the longest common subsequence of two word lists. */
function commonWords(a: readonly string[], b: readonly string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 0; j < b.length; j++) {
      current[j + 1] =
        word === b[j]
          ? (previous[j] as number) + 1
          : Math.max(previous[j + 1] as number, current[j] as number);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Share of the shorter wording's words that the longer one has in the same order (0..1). */
export function wordingSimilarity(a: string, b: string): number {
  const wordsA = comparableWords(a);
  const wordsB = comparableWords(b);
  const shorter = Math.min(wordsA.length, wordsB.length);
  return shorter === 0 ? 0 : commonWords(wordsA, wordsB) / shorter;
}

/**
 * Word-level diff from `from` to `to`: equal parts are in both, delete parts only in `from`, insert
 * parts only in `to`. Parts keep their spacing, so equal+delete spell `from` and equal+insert `to`.
 */
export function diffWords(from: string, to: string): DiffOp[] {
  const a = from.match(/\S+\s*/g) ?? [];
  const b = to.match(/\S+\s*/g) ?? [];
  // lengths[i][j]: common tokens of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] as number[];
      const below = lengths[i + 1] as number[];
      row[j] =
        a[i] === b[j]
          ? (below[j + 1] as number) + 1
          : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const parts: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === op) last.text += text;
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      push('equal', a[i] as string);
      i++;
      j++;
    } else if (
      j < b.length &&
      (i === a.length ||
        ((lengths[i] as number[])[j + 1] as number) >= ((lengths[i + 1] as number[])[j] as number))
    ) {
      push('insert', b[j] as string);
      j++;
    } else {
      push('delete', a[i] as string);
      i++;
    }
  }
  return parts;
}

export interface QuoteForGrouping {
  documentId: string;
  text: string;
  /**
   * Long enough to recognise across stories: a statement, or a partial quotation of one (words
   * the reporter's sentence runs into, but a clause's worth of them).
   */
  substantial: boolean;
  speakerId: string | null;
}

/** A re-worded statement shares at least this much of its words, in order, with the other. */
const VARIANT_SIMILARITY = 0.7;

/**
 * Groups quotations that are one statement printed in several documents: any quotation repeated
 * word for word in two versions of one story (`sameStory`); a statement repeated word for word by
 * the same speaker; a re-worded statement of the same speaker in documents published close in time
 * (`closeInTime`). Short fragments ("peace plan") are only grouped within one story: the same two
 * words from one speaker on two occasions are two quotes. `quotes` must come originals first; each
 * group lists indexes, its first member being the canonical wording.
 */
export function groupQuotes(
  quotes: readonly QuoteForGrouping[],
  sameStory: (documentA: string, documentB: string) => boolean,
  closeInTime: (documentA: string, documentB: string) => boolean,
): number[][] {
  const groups: number[][] = [];
  const documentsOf: Set<string>[] = [];
  const byWords = new Map<string, number[]>();
  // Content words of each speaker's statements → groups, to find re-worded candidates fast.
  const postings = new Map<string, number[]>();
  const contentWords = (words: readonly string[]) => [
    ...new Set(words.filter((word) => word.length > 3)),
  ];

  quotes.forEach((quote, index) => {
    const words = comparableWords(quote.text);
    const key = words.join(' ');
    const fits = (groupIndex: number) =>
      !(documentsOf[groupIndex] as Set<string>).has(quote.documentId);
    const canonicalOf = (groupIndex: number) =>
      quotes[(groups[groupIndex] as number[])[0] as number] as QuoteForGrouping;
    const sameSpeaker = (other: QuoteForGrouping) =>
      quote.speakerId !== null && quote.speakerId === other.speakerId;

    let target = (byWords.get(key) ?? []).find((groupIndex) => {
      const canonical = canonicalOf(groupIndex);
      return (
        fits(groupIndex) &&
        ((quote.substantial && sameSpeaker(canonical)) ||
          sameStory(canonical.documentId, quote.documentId))
      );
    });
    const content = contentWords(words);
    if (target === undefined && quote.substantial && quote.speakerId !== null) {
      const hits = new Map<number, number>();
      for (const word of content) {
        for (const groupIndex of postings.get(`${quote.speakerId} ${word}`) ?? []) {
          hits.set(groupIndex, (hits.get(groupIndex) ?? 0) + 1);
        }
      }
      target = [...hits.entries()]
        .filter(
          ([groupIndex, count]) =>
            count >= (content.length * VARIANT_SIMILARITY) / 2 &&
            fits(groupIndex) &&
            closeInTime(canonicalOf(groupIndex).documentId, quote.documentId),
        )
        .map(([groupIndex]) => groupIndex)
        .sort((a, b) => a - b)
        .find((groupIndex) => {
          const canonical = canonicalOf(groupIndex);
          return (
            canonical.substantial &&
            wordingSimilarity(canonical.text, quote.text) >= VARIANT_SIMILARITY
          );
        });
    }
    if (target === undefined) {
      target = groups.length;
      groups.push([]);
      documentsOf.push(new Set());
      appendTo(byWords, key, target);
      if (quote.substantial && quote.speakerId !== null) {
        for (const word of content) appendTo(postings, `${quote.speakerId} ${word}`, target);
      }
    }
    (groups[target] as number[]).push(index);
    (documentsOf[target] as Set<string>).add(quote.documentId);
  });
  return groups;
}

function appendTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
