/**
 * Quote attribution scored with the rules of ../shared/tools/score_quotes.py, ported line for line
 * so the benchmark and the shared scorer give the same figures on the same pack. Pure functions:
 * a pack and a gold file in, figures and every miss out.
 *
 * One deliberate difference: the pack's offsets are UTF-16 code units (see SourceSpan) and are
 * sliced as such here, where Python slices code points. The two agree on any text without
 * characters outside the Basic Multilingual Plane (true of all of PolNeAR).
 */
import type { Pack, Quote } from '../../lib/pack/schema';

export interface GoldQuote {
  id: string;
  /** The document the quote is printed in; matched against pack document ids loosely (docKey). */
  doc?: string;
  /** The annotated source; several names separated by ';'. */
  speaker: string;
  alt_speakers?: string[];
  kind: string;
  text: string;
  /** The source names nobody: never scored. */
  unnamed?: boolean;
  /** 'coref': the name came from automatic coreference; not scored with `direct`. */
  via?: string;
}

export interface Gold {
  about?: string;
  quotes: GoldQuote[];
}

export interface ScoreOptions {
  /** Score only gold quotes whose annotated source itself names the speaker (--direct). */
  direct?: boolean;
  /** Gold kinds recall counts (--kinds); default core. */
  kinds?: readonly string[];
}

/** A gold quote recall did not count, and why. */
export interface Miss {
  cause: 'not found' | 'no speaker' | 'wrong speaker';
  goldId: string;
  text: string;
  goldSpeaker: string;
  /** Speaker name of each pack quote that overlaps the gold quote (null: none). */
  packSpeakers: (string | null)[];
  /** Attribution methods of the sources of those quotes ('none' for a source without one). */
  methods: string[];
}

/** An attributed pack quote that matches gold quotes, none of them by its speaker. */
export interface WrongSpeaker {
  text: string;
  packSpeaker: string;
  goldSpeakers: string[];
  goldIds: string[];
  methods: string[];
}

/** A quote source whose span does not slice to the quote's text. */
export interface SpanMismatch {
  quoteId: string;
  text: string;
  printed: string;
}

export interface QuoteScore {
  packQuotes: number;
  /** Pack quotes with a speaker, gold or not. */
  packAttributed: number;
  /** Gold quotes left out because their document is not in the pack. */
  absentGold: number;
  kinds: readonly string[];
  /** Gold quotes of the scored kinds: recall's denominator. */
  goldScored: number;
  found: number;
  rightSpeaker: number;
  recall: number;
  /** Attributed pack quotes that match a gold quote: precision's denominator. */
  attributedMatching: number;
  correct: number;
  precision: number;
  spansExact: number;
  spansTotal: number;
  spanMismatches: SpanMismatch[];
  misses: Miss[];
  wrong: WrongSpeaker[];
}

// Python's `\s` (str.isspace), which the scorer's `[\s\u00a0]` and strip() use; unlike
// JavaScript's `\s` it leaves U+FEFF alone, which some PolNeAR articles contain.
const PYTHON_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const PYTHON_WHITESPACE_RUN = new RegExp(`[${PYTHON_SPACE}]+`, 'g');
const PYTHON_WHITESPACE_EDGES = new RegExp(`^[${PYTHON_SPACE}]+|[${PYTHON_SPACE}]+$`, 'g');

/** Curly quotes made straight, whitespace runs single spaces, edge quotes and punctuation off, lowercase. */
export function norm(text: string): string {
  return text
    .replace(/\u2019/g, "'")
    .replace(/\u2018/g, "'")
    .replace(/\u201c/g, '"')
    .replace(/\u201d/g, '"')
    .replace(PYTHON_WHITESPACE_RUN, ' ')
    .replace(/^["' ,.]+|["' ,.]+$/g, '')
    .toLowerCase();
}

export function words(text: string): string[] {
  return norm(text).match(/[a-z0-9']+/g) ?? [];
}

/**
 * Whether two quote texts are the same quotation: one contains the other, or they share 80% of the
 * shorter's words in order; and the shorter has six words or half the longer's.
 */
export function overlap(a: string, b: string): boolean {
  const normA = norm(a);
  const normB = norm(b);
  if (normA === '' || normB === '') return false;
  const wordsA = words(a);
  const wordsB = words(b);
  const shorter = Math.min(wordsA.length, wordsB.length);
  const longer = Math.max(wordsA.length, wordsB.length);
  // A few words lifted from a long quote are not that quote.
  if (shorter === 0 || (shorter < 6 && shorter < 0.5 * longer)) return false;
  if (normA.includes(normB) || normB.includes(normA)) return true;
  return matchedWordCount(wordsA, wordsB) >= 0.8 * shorter;
}

/**
 * The summed sizes of difflib.SequenceMatcher(None, a, b).get_matching_blocks(): the longest
 * common run (earliest in a, then in b, on ties), then the same on each side of it.
 */
export function matchedWordCount(a: readonly string[], b: readonly string[]): number {
  const positionsInB = new Map<string, number[]>();
  b.forEach((word, index) => {
    const positions = positionsInB.get(word);
    if (positions === undefined) positionsInB.set(word, [index]);
    else positions.push(index);
  });
  // difflib's autojunk: in a b of 200 items or more, items making up over 1% of it are not indexed.
  if (b.length >= 200) {
    const popularAbove = Math.floor(b.length / 100) + 1;
    for (const [word, positions] of positionsInB) {
      if (positions.length > popularAbove) positionsInB.delete(word);
    }
  }
  let total = 0;
  const ranges: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  for (let range = ranges.pop(); range !== undefined; range = ranges.pop()) {
    const [aLow, aHigh, bLow, bHigh] = range;
    const match = longestMatch(a, b, positionsInB, aLow, aHigh, bLow, bHigh);
    if (match.size === 0) continue;
    total += match.size;
    if (aLow < match.a && bLow < match.b) ranges.push([aLow, match.a, bLow, match.b]);
    if (match.a + match.size < aHigh && match.b + match.size < bHigh) {
      ranges.push([match.a + match.size, aHigh, match.b + match.size, bHigh]);
    }
  }
  return total;
}

/** difflib's find_longest_match with no junk function. */
function longestMatch(
  a: readonly string[],
  b: readonly string[],
  positionsInB: ReadonlyMap<string, readonly number[]>,
  aLow: number,
  aHigh: number,
  bLow: number,
  bHigh: number,
): { a: number; b: number; size: number } {
  let bestA = aLow;
  let bestB = bLow;
  let bestSize = 0;
  // Length of the common run ending at a[i - 1], b[j], by j.
  let runEndingAt = new Map<number, number>();
  for (let i = aLow; i < aHigh; i++) {
    const next = new Map<number, number>();
    for (const j of positionsInB.get(a[i] as string) ?? []) {
      if (j < bLow) continue;
      if (j >= bHigh) break;
      const size = (runEndingAt.get(j - 1) ?? 0) + 1;
      next.set(j, size);
      if (size > bestSize) {
        bestA = i - size + 1;
        bestB = j - size + 1;
        bestSize = size;
      }
    }
    runEndingAt = next;
  }
  // Words left out of the index as popular still extend a match on either side.
  while (bestA > aLow && bestB > bLow && a[bestA - 1] === b[bestB - 1]) {
    bestA--;
    bestB--;
    bestSize++;
  }
  while (
    bestA + bestSize < aHigh &&
    bestB + bestSize < bHigh &&
    a[bestA + bestSize] === b[bestB + bestSize]
  ) {
    bestSize++;
  }
  return { a: bestA, b: bestB, size: bestSize };
}

/** Speakers that one outlet names by country, another by institution. */
export const GROUPS: readonly ReadonlySet<string>[] = [
  new Set([
    'chinese government',
    'china',
    'beijing',
    'chinese foreign ministry',
    'government of china',
    "people's republic of china",
  ]),
  new Set(['chinese state media', 'state media', 'cctv', 'xinhua', 'china central television']),
  new Set(['russian government', 'russia', 'kremlin', 'moscow', 'the kremlin']),
  new Set(['french government', 'france', 'elysee', 'élysée']),
  new Set(['united states government', 'united states', 'washington', 'us government', 'u.s.']),
];

function pythonStrip(text: string): string {
  return text.replace(PYTHON_WHITESPACE_EDGES, '');
}

export function sameGroup(a: string, b: string): boolean {
  const first = pythonStrip(a).toLowerCase();
  const second = pythonStrip(b).toLowerCase();
  return GROUPS.some((group) => group.has(first) && group.has(second));
}

/** Last-name tokens match when equal, or when both have 5+ letters and share the first six. */
export function tokEq(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 6) === b.slice(0, 6));
}

export function last(name: string | null | undefined): string {
  const tokens = (name ?? '').toLowerCase().match(/[a-z]+/g);
  return tokens?.[tokens.length - 1] ?? '';
}

/** Whether `got` names a gold speaker: a gold quote (its ';'-separated names and alternatives) or a name. */
export function sameSpeaker(gold: GoldQuote | string, got: string): boolean {
  const names =
    typeof gold === 'string'
      ? gold.split(';')
      : [
          ...gold.speaker.split(';'),
          ...(gold.alt_speakers ?? []).flatMap((alternative) => alternative.split(';')),
        ];
  const candidates = names
    .map(pythonStrip)
    .filter((name) => name !== '' && name !== 'unattributed');
  return candidates.some(
    (name) => sameGroup(name, got) || (last(name) !== '' && tokEq(last(name), last(got))),
  );
}

/** A document id as the gold and the pack can both be matched on: lowercase words joined by '-'. */
export function docKey(documentId: string | null | undefined): string {
  return (documentId ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The attribution method of each of the quote's sources, 'none' where it has no cue. */
export function attributionMethods(quote: Quote): string[] {
  return quote.sources.map((source) => source.attribution?.method ?? 'none');
}

/** Scores the pack's quotes against the gold, as `score_quotes.py PACK GOLD [--direct]` does. */
export function scoreQuotes(pack: Pack, gold: Gold, options: ScoreOptions = {}): QuoteScore {
  const kinds = options.kinds ?? ['core'];
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const documents = new Map(pack.documents.map((document) => [document.id, document]));
  const quotes = pack.quotes;
  const speakerName = (quote: Quote): string | null =>
    (quote.speakerId !== null && entities.get(quote.speakerId)?.name) || null;
  // The quote's wording and each variant wording another outlet printed.
  const texts = (quote: Quote): string[] => [
    quote.text,
    ...quote.variants.flatMap((variant) => {
      const document = documents.get(variant.documentId);
      return document === undefined ? [] : [document.text.slice(variant.start, variant.end)];
    }),
  ];

  const spans = checkSpans(pack, documents);

  const documentIds = [...documents.keys()];
  const present = gold.quotes.filter(
    (quote) =>
      !quote.doc ||
      documentIds.some((id) =>
        id.toLowerCase().includes((quote.doc as string).replace(/_/g, '-').toLowerCase()),
      ),
  );
  // Not scored: sources that name nobody; with `direct` also names from automatic coreference.
  const scored = present.filter(
    (quote) => !quote.unnamed && !(options.direct && quote.via === 'coref'),
  );
  const core = scored.filter((quote) => kinds.includes(quote.kind));

  // A gold quote is compared only with pack quotes printed in its document (when it names one).
  const quotesByDocKey = new Map<string, Quote[]>();
  for (const quote of quotes) {
    for (const span of [...quote.sources, ...quote.variants]) {
      pushTo(quotesByDocKey, docKey(span.documentId), quote);
    }
  }
  const quotesNear = (goldQuote: GoldQuote): Quote[] => {
    if (!goldQuote.doc) return quotes;
    const key = docKey(goldQuote.doc);
    const near = new Set<Quote>();
    for (const [documentKey, documentQuotes] of quotesByDocKey) {
      if (documentKey.includes(key)) for (const quote of documentQuotes) near.add(quote);
    }
    return [...near];
  };
  const goldByDocKey = new Map<string, GoldQuote[]>();
  for (const goldQuote of scored) pushTo(goldByDocKey, docKey(goldQuote.doc), goldQuote);
  const goldNear = (quote: Quote): GoldQuote[] => {
    const keys = new Set(quote.sources.map((source) => docKey(source.documentId)));
    const near = [...(goldByDocKey.get('') ?? [])];
    for (const [key, goldQuotes] of goldByDocKey) {
      if (key !== '' && [...keys].some((documentKey) => documentKey.includes(key))) {
        near.push(...goldQuotes);
      }
    }
    return near;
  };

  let found = 0;
  let rightSpeaker = 0;
  const misses: Miss[] = [];
  for (const goldQuote of core) {
    const candidates = quotesNear(goldQuote).filter((quote) =>
      texts(quote).some((text) => overlap(text, goldQuote.text)),
    );
    const miss = {
      goldId: goldQuote.id,
      text: goldQuote.text,
      goldSpeaker: goldQuote.speaker,
      packSpeakers: candidates.map(speakerName),
    };
    if (candidates.length === 0) {
      misses.push({ ...miss, cause: 'not found', methods: [] });
      continue;
    }
    found++;
    if (miss.packSpeakers.some((name) => name !== null && sameSpeaker(goldQuote, name))) {
      rightSpeaker++;
      continue;
    }
    const attributed = candidates.filter((quote) => speakerName(quote) !== null);
    misses.push({
      ...miss,
      cause: attributed.length === 0 ? 'no speaker' : 'wrong speaker',
      methods: distinct(
        (attributed.length === 0 ? candidates : attributed).flatMap(attributionMethods),
      ),
    });
  }

  // Precision: pack quotes that match a gold quote (any kind) and carry a speaker.
  let attributedMatching = 0;
  let correct = 0;
  const wrong: WrongSpeaker[] = [];
  for (const quote of quotes) {
    const name = speakerName(quote);
    if (name === null) continue;
    const matching = goldNear(quote).filter((goldQuote) => overlap(quote.text, goldQuote.text));
    // Not a gold quote, or one whose source names nobody.
    if (matching.length === 0) continue;
    attributedMatching++;
    if (matching.some((goldQuote) => sameSpeaker(goldQuote, name))) correct++;
    else {
      wrong.push({
        text: quote.text,
        packSpeaker: name,
        goldSpeakers: matching.map((goldQuote) => goldQuote.speaker),
        goldIds: matching.map((goldQuote) => goldQuote.id),
        methods: distinct(attributionMethods(quote)),
      });
    }
  }

  return {
    packQuotes: quotes.length,
    packAttributed: quotes.filter((quote) => speakerName(quote) !== null).length,
    absentGold: gold.quotes.length - present.length,
    kinds,
    goldScored: core.length,
    found,
    rightSpeaker,
    recall: core.length > 0 ? rightSpeaker / core.length : 0,
    attributedMatching,
    correct,
    precision: attributedMatching > 0 ? correct / attributedMatching : 0,
    ...spans,
    misses,
    wrong,
  };
}

/** Every quote source must slice to the quote's text (normalised), or be one of its variants. */
export function checkSpans(
  pack: Pack,
  documents = new Map(pack.documents.map((document) => [document.id, document])),
): { spansExact: number; spansTotal: number; spanMismatches: SpanMismatch[] } {
  let spansExact = 0;
  let spansTotal = 0;
  const spanMismatches: SpanMismatch[] = [];
  for (const quote of pack.quotes) {
    for (const source of quote.sources) {
      spansTotal++;
      const document = documents.get(source.documentId);
      if (document === undefined) continue;
      const printed = document.text.slice(source.start, source.end);
      const isVariant = quote.variants.some(
        (variant) =>
          variant.documentId === source.documentId &&
          variant.start === source.start &&
          variant.end === source.end,
      );
      const quoteText = norm(quote.text);
      if (
        isVariant ||
        norm(printed) === quoteText ||
        (norm(printed).includes(quoteText) && printed.length <= quote.text.length + 4)
      ) {
        spansExact++;
      } else {
        spanMismatches.push({ quoteId: quote.id, text: quote.text, printed });
      }
    }
  }
  return { spansExact, spansTotal, spanMismatches };
}

/** Quotes someone listed by their first words, with the speaker they should get. */
export interface ListedQuote {
  doc: string;
  quote: string;
  speaker: string;
}

export interface ListedQuoteScore {
  listed: number;
  /** Listed quotes the pack has: a quote printed in that document whose wording contains them. */
  found: number;
  /** Found with a speaker. */
  attributed: number;
  right: number;
  /** right / attributed */
  precision: number;
  /** right / listed */
  recall: number;
  misses: (ListedQuote & { packSpeakers: (string | null)[] })[];
}

/** Finds each listed quote in its document and checks its speaker with the scorer's rules. */
export function scoreListedQuotes(pack: Pack, listed: readonly ListedQuote[]): ListedQuoteScore {
  const entities = new Map(pack.entities.map((entity) => [entity.id, entity]));
  const documents = new Map(pack.documents.map((document) => [document.id, document]));
  let found = 0;
  let attributed = 0;
  let right = 0;
  const misses: ListedQuoteScore['misses'] = [];
  for (const item of listed) {
    const key = docKey(item.doc);
    const wanted = norm(item.quote);
    const printedThere = (quote: Quote) =>
      quote.sources.some((source) => {
        const document = documents.get(source.documentId);
        return (
          document !== undefined &&
          docKey(source.documentId).includes(key) &&
          norm(document.text.slice(source.start, source.end)).includes(wanted)
        );
      });
    const speakers = pack.quotes
      .filter(printedThere)
      .map((quote) =>
        quote.speakerId === null ? null : (entities.get(quote.speakerId)?.name ?? null),
      );
    const named = speakers.filter((name) => name !== null);
    if (speakers.length > 0) found++;
    if (named.length > 0) attributed++;
    if (named.some((name) => sameSpeaker(item.speaker, name))) right++;
    else misses.push({ ...item, packSpeakers: speakers });
  }
  return {
    listed: listed.length,
    found,
    attributed,
    right,
    precision: attributed > 0 ? right / attributed : 0,
    recall: listed.length > 0 ? right / listed.length : 0,
    misses,
  };
}

/** The script's -v lines (span, absent, missed, speaker, wrong), in its order and wording. */
export function verboseLines(score: QuoteScore): string[] {
  const lines = score.spanMismatches.map(
    (span) =>
      `span     ${pythonRepr(head(span.text, 50))} != ${pythonRepr(head(span.printed, 50))}`,
  );
  if (score.absentGold > 0) {
    lines.push(`absent   ${score.absentGold} gold quotes of articles not in the pack`);
  }
  for (const miss of score.misses) {
    lines.push(
      miss.cause === 'not found'
        ? `missed   ${miss.goldId}: ${pythonRepr(head(miss.text, 70))} (${miss.goldSpeaker})`
        : `speaker  ${miss.goldId}: ${pythonRepr(head(miss.text, 50))} gold=${miss.goldSpeaker} got=${pythonList(miss.packSpeakers)}`,
    );
  }
  for (const quote of score.wrong) {
    lines.push(
      `wrong    ${pythonRepr(head(quote.text, 50))} -> ${quote.packSpeaker} (gold ${pythonList(quote.goldSpeakers)})`,
    );
  }
  return lines;
}

/** The script's summary lines: 'pack quotes …' and 'recall R precision P spans S/T'. */
export function summaryLines(score: QuoteScore): string[] {
  return [
    `pack quotes ${score.packQuotes}, attributed ${score.packAttributed}, gold ${pythonList(score.kinds)} ${score.goldScored}, found ${score.found}, right speaker ${score.rightSpeaker}`,
    `recall ${pythonFixed(score.recall, 2)} precision ${pythonFixed(score.precision, 2)} spans ${score.spansExact}/${score.spansTotal}`,
  ];
}

/** Python's f'{x:.{digits}f}': exact ties round to even, where toFixed rounds them up. */
export function pythonFixed(value: number, digits: number): string {
  const exact = value.toFixed(100);
  const point = exact.indexOf('.');
  const truncated = exact.slice(0, point + 1 + digits);
  const isTie = /^50*$/.test(exact.slice(point + 1 + digits));
  const lastDigit = Number(truncated[truncated.length - 1]);
  return isTie && lastDigit % 2 === 0 ? truncated : value.toFixed(digits);
}

/** Python's repr() of a string. */
export function pythonRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (char !== ' ' && /[\p{C}\p{Z}]/u.test(char)) out += pythonEscape(code);
    else out += char;
  }
  return out + quote;
}

function pythonEscape(code: number): string {
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function pythonList(items: readonly (string | null)[]): string {
  return `[${items.map((item) => (item === null ? 'None' : pythonRepr(item))).join(', ')}]`;
}

/** The first `count` characters, counted as Python counts them (code points). */
function head(text: string, count: number): string {
  return Array.from(text).slice(0, count).join('');
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
