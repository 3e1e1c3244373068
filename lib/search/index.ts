/**
 * Offline search over everything the installed packs hold: entities (names and aliases), quotes,
 * timeline events and documents. MiniSearch gives prefix and typo-tolerant matching; terms are
 * folded (lower case, no diacritics) on both sides, so "zelenskiy" finds "Zelenskyy".
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { contentHash } from '@/lib/hash';
import { articleIdentity } from '@/lib/pack/identity';
import type { Entity, PackDocument, Quote, TimelineEvent } from '@/lib/pack/schema';
import { forEachInSlices } from '@/lib/slices';
import { foldForLookup } from './fold';
import type { SearchFilters, SearchKind } from './kinds';
import { STOP_WORDS } from './stop-words';

export type { SearchFilters, SearchKind };

/** What the index holds of one row. */
interface SearchEntry {
  /** `${kind}:${packId}:${id}`, unique across packs. */
  key: string;
  kind: SearchKind;
  packId: string;
  id: string;
  title: string;
  aliases: string;
  body: string;
  /** Partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) for date filters; '' when undated. */
  date: string;
  /**
   * Whose briefing opening the hit shows: the name itself; a quote's speaker, or whom it is
   * about; an event's first entity; the person an article quotes most. '' when none fits.
   */
  entityId: string;
  /**
   * What makes two rows the same thing to a reader, whichever pack holds them: a name's id; a
   * quote's text with each document it is from; an event's date and title; an article's address
   * (else its title). A pack installed twice, or two packs carrying one quote, give one hit.
   */
  sameAs: string[];
}

/**
 * Changes when what the index stores, or how it is laid out in parts, changes: an index saved in
 * a format not read here is rebuilt. Format 3: each part a JSON text of its own
 * (`serializeInParts`), read a part at a time. Format 2, one JSON text cut in parts, is still read.
 */
export const SEARCH_INDEX_FORMAT = 3;
const ONE_JSON_TEXT_FORMAT = 2;

/** A pack's index as saved: the parts, in order, and the format they were written in. */
export interface SavedIndex {
  format: number;
  parts: readonly string[];
}

/** How much of an article's text is indexed (and so can give its snippet). */
export const LEDE_LENGTH = 600;

type StoredFields = Pick<
  SearchEntry,
  'kind' | 'packId' | 'id' | 'title' | 'date' | 'entityId' | 'sameAs'
>;

const indexOptions = {
  idField: 'key',
  // Vacuuming runs in timed batches; inside a database transaction that wait would end the
  // transaction. The store vacuums after a change instead (CorpusStore.saveIndex).
  autoVacuum: false,
  fields: ['title', 'aliases', 'body'],
  storeFields: ['kind', 'packId', 'id', 'title', 'date', 'entityId', 'sameAs'],
  processTerm: (term: string) => {
    const folded = foldForLookup(term);
    return folded === '' || STOP_WORDS.has(folded) ? null : folded;
  },
  searchOptions: {
    boost: { title: 3, aliases: 2.5, body: 1 },
    // As the user types, only the last word is unfinished: the others must match whole words
    // (or their inflections). Short words get no typo tolerance: "xi" must not find "li".
    prefix: (_term: string, index: number, terms: string[]) => index === terms.length - 1,
    fuzzy: (term: string) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false),
    // Names are what people look up most: an entity outranks a quote that mentions it.
    boostDocument: (_key: unknown, _term: string, stored?: Record<string, unknown>) =>
      stored?.kind === 'entity' ? 2 : 1,
  },
};

export type CorpusIndex = MiniSearch<SearchEntry>;

export function createCorpusIndex(): CorpusIndex {
  return new MiniSearch<SearchEntry>(indexOptions);
}

export function loadCorpusIndex(json: string): CorpusIndex {
  return MiniSearch.loadJSON<SearchEntry>(json, indexOptions);
}

/**
 * A saved index, read a part and a slice of `sliceMs` at a time; undefined when its format is
 * not read here (it is rebuilt). Read in one go, a 10,000-article index holds the thread over a
 * second (half of it `JSON.parse`), and a worker that starts again reads one on its first search.
 */
export async function loadSavedIndex(
  { format, parts }: SavedIndex,
  sliceMs: number,
): Promise<CorpusIndex | undefined> {
  if (format === ONE_JSON_TEXT_FORMAT) return loadCorpusIndex(parts.join(''));
  if (format !== SEARCH_INDEX_FORMAT) return undefined;
  const plain = { documentIds: {}, fieldLength: {}, storedFields: {}, index: [] as unknown[] };
  await forEachInSlices(parts, sliceMs, (part) => {
    for (const [table, data] of JSON.parse(part) as IndexPiece[]) {
      if (table === 'header') Object.assign(plain, data);
      else if (table === 'index') for (const term of data) plain.index.push(term);
      else Object.assign(plain[table], data);
    }
  });
  // MiniSearch builds its maps from the plain object a thousand terms at a time.
  return MiniSearch.loadJSAsync<SearchEntry>(
    plain as unknown as Parameters<typeof MiniSearch.loadJS>[0],
    indexOptions,
  );
}

/** The ids of what a saved index holds (its `documentIds`); undefined as for `loadSavedIndex`. */
export function idsInSavedIndex({ format, parts }: SavedIndex): string[] | undefined {
  if (format === ONE_JSON_TEXT_FORMAT) {
    const { documentIds } = JSON.parse(parts.join('')) as { documentIds: Record<string, string> };
    return Object.values(documentIds);
  }
  if (format !== SEARCH_INDEX_FORMAT) return undefined;
  return parts.flatMap((part) =>
    (JSON.parse(part) as IndexPiece[]).flatMap(([table, data]) =>
      table === 'documentIds' ? Object.values(data as Record<string, string>) : [],
    ),
  );
}

/**
 * Adds entries a slice of `sliceMs` at a time, letting the thread answer other calls between
 * slices: indexing a large pack takes seconds, and searches and briefings should not wait.
 */
export function addInSlices(
  index: CorpusIndex,
  entries: Iterable<SearchEntry>,
  sliceMs: number,
): Promise<void> {
  return forEachInSlices(entries, sliceMs, (entry) => index.add(entry));
}

/**
 * The index in parts of about `partLength` characters, each a JSON text of its own (so that it
 * can be read alone: see `loadSavedIndex`), written a slice of `sliceMs` at a time: at 200,000
 * names it is 70 MB, and `JSON.stringify` of it holds the thread for over 3 s, MiniSearch's
 * `toJSON` alone most of a second. A part is a list of pieces, each a table's name and a run of
 * its entries, read from the index as `toJSON` reads them (see IndexInternals). Parts let the
 * store save it a request at a time: one 70 MB value held the thread over a second to write.
 */
export async function serializeInParts(
  index: CorpusIndex,
  sliceMs: number,
  partLength = INDEX_PART_LENGTH,
): Promise<string[]> {
  const parts: string[] = [];
  await forEachInSlices(partsWritten(index, partLength, parts), sliceMs, () => {});
  return parts;
}

/** The same parts, written in one go: in a database transaction, which a pause would end. */
export function serializeWhole(index: CorpusIndex, partLength = INDEX_PART_LENGTH): string[] {
  const parts: string[] = [];
  Array.from(partsWritten(index, partLength, parts)); // every step, none waited for
  return parts;
}

/** Writes the index's parts into `parts`, a run of entries at each step. */
function* partsWritten(index: CorpusIndex, partLength: number, parts: string[]): Generator<void> {
  const internals = index as unknown as IndexInternals;
  let pieces: string[] = [];
  let piecesLength = 0;
  const endPart = () => {
    parts.push(`[${pieces.join(',')}]`);
    pieces = [];
    piecesLength = 0;
  };
  const write = (...piece: IndexPiece) => {
    const json = JSON.stringify(piece);
    pieces.push(json);
    piecesLength += json.length;
    if (piecesLength >= partLength) endPart();
  };
  const {
    _documentCount: documentCount,
    _nextId: nextId,
    _fieldIds: fieldIds,
    _avgFieldLength: averageFieldLength,
    _dirtCount: dirtCount,
  } = internals;
  const scalars = { documentCount, nextId, fieldIds, averageFieldLength, dirtCount };
  write('header', { ...scalars, serializationVersion: 2 });
  const tables = {
    documentIds: internals._documentIds,
    fieldLength: internals._fieldLength,
    storedFields: internals._storedFields,
  };
  for (const [table, entries] of Object.entries(tables) as [TableName, Map<number, never>][]) {
    for (const run of runsOf(entries)) {
      write(table, Object.fromEntries(run));
      yield;
    }
  }
  for (const run of runsOf(termsOf(internals))) {
    write('index', run);
    yield;
  }
  if (pieces.length > 0) endPart();
}

type TableName = 'documentIds' | 'fieldLength' | 'storedFields';

/** One piece of a saved index: its scalars, a run of one table's entries, or a run of terms. */
type IndexPiece =
  | ['header', Record<string, unknown>]
  | [TableName, Record<string, unknown>]
  | ['index', [string, Record<number, object>][]];

/** `items` in runs of RUN_LENGTH, the last one shorter. */
function* runsOf<T>(items: Iterable<T>): Generator<T[]> {
  let run: T[] = [];
  for (const item of items) {
    if (run.push(item) < RUN_LENGTH) continue;
    yield run;
    run = [];
  }
  if (run.length > 0) yield run;
}

/** Each term of the index with its data, as `toJSON` writes them. */
function* termsOf(internals: IndexInternals): Generator<[string, Record<number, object>]> {
  for (const [term, fieldIndex] of internals._index) {
    const data: Record<number, object> = {};
    for (const [fieldId, frequencies] of fieldIndex)
      data[fieldId] = Object.fromEntries(frequencies);
    yield [term, data];
  }
}

/**
 * What MiniSearch 7.2's `toJSON` reads of an index, read here a slice at a time (a test checks
 * that both write the same).
 */
interface IndexInternals {
  _documentCount: number;
  _nextId: number;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _dirtCount: number;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
  /** Each term with, by field id, each document's frequency of it. */
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
}

/** About a megabyte of JSON: a part takes some 25 ms to save. */
export const INDEX_PART_LENGTH = 1_000_000;

/** Items serialised in one run: a few milliseconds' work. */
const RUN_LENGTH = 500;

/** A pack's rows as the store keeps them: each knows its pack; a quote, its documents. */
type InPack<T> = T & { packId: string };
export interface PackRowsForSearch {
  documents: readonly InPack<PackDocument>[];
  entities: readonly InPack<Entity>[];
  quotes: readonly InPack<Quote & { documentIds: readonly string[] }>[];
  events: readonly InPack<TimelineEvent>[];
}

/** The index entries of a pack's rows. Quotes carry their speaker's name so "Peskov" finds them. */
export function searchEntriesOf(rows: PackRowsForSearch): SearchEntry[] {
  return [...searchEntriesIn(rows)];
}

/** `searchEntriesOf`, each entry made as it is asked for: a large pack's, while it is indexed. */
export function* searchEntriesIn(rows: PackRowsForSearch): Generator<SearchEntry> {
  // Only the speakers' names are looked up: a gazetteer of 200,000 names, mapped whole, held
  // the thread some 100 ms before the first entry.
  const speakerIds = new Set(rows.quotes.map((quote) => quote.speakerId));
  const names = new Map<string, string>();
  for (const { id, name } of rows.entities) if (speakerIds.has(id)) names.set(id, name);
  const documentIdentity = new Map(
    rows.documents.map((document) => [document.id, articleIdentity(document)]),
  );
  const mostQuoted = mostQuotedSpeakers(rows.quotes);
  const entry = (kind: SearchKind, row: { packId: string; id: string }) => ({
    key: `${kind}:${row.packId}:${row.id}`,
    kind,
    packId: row.packId,
    id: row.id,
  });
  for (const entity of rows.entities) {
    yield {
      ...entry('entity', entity),
      title: entity.name,
      aliases: entity.aliases.join(' · '),
      body: [entity.description, ...entity.roles.map((role) => role.title)].join(' · '),
      date: '',
      entityId: entity.id,
      sameAs: [entity.id],
    };
  }
  for (const quote of rows.quotes) {
    yield {
      ...entry('quote', quote),
      title: (quote.speakerId && names.get(quote.speakerId)) ?? '',
      aliases: '',
      body: quote.text,
      date: quote.date ?? '',
      entityId: quote.speakerId ?? quote.aboutEntityIds[0] ?? '',
      sameAs: quote.documentIds.map((documentId) =>
        contentHash(
          `${foldForLookup(quote.text)}\n${documentIdentity.get(documentId) ?? documentId}`,
        ),
      ),
    };
  }
  for (const event of rows.events) {
    yield {
      ...entry('event', event),
      title: event.title,
      aliases: '',
      body: '',
      date: event.date,
      entityId: event.entityIds[0] ?? '',
      sameAs: [contentHash(`${event.date}\n${foldForLookup(event.title)}`)],
    };
  }
  for (const document of rows.documents) {
    yield {
      ...entry('document', document),
      title: document.title,
      aliases: document.outlet ?? '',
      // The lede says what a story is about; the rest is searchable through its quotes and events.
      body: document.text.slice(0, LEDE_LENGTH),
      date: document.publishedAt ?? '',
      entityId: mostQuoted.get(document.id) ?? '',
      sameAs: [contentHash(articleIdentity(document))],
    };
  }
}

/** For each document of a pack, the speaker it quotes most. */
function mostQuotedSpeakers(quotes: PackRowsForSearch['quotes']): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const quote of quotes) {
    if (!quote.speakerId) continue;
    for (const documentId of quote.documentIds) {
      const speakers = counts.get(documentId) ?? new Map<string, number>();
      speakers.set(quote.speakerId, (speakers.get(quote.speakerId) ?? 0) + 1);
      counts.set(documentId, speakers);
    }
  }
  return new Map(
    [...counts].map(([documentId, speakers]) => [
      documentId,
      [...speakers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '',
    ]),
  );
}

export function searchKeysOf(rows: PackRowsForSearch): string[] {
  return searchEntriesOf(rows).map((entry) => entry.key);
}

export interface SearchHitRef extends Omit<StoredFields, 'sameAs'> {
  score: number;
  /** The folded query terms that matched, to emphasise them in the snippet. */
  terms: string[];
}

/**
 * Ranked hits for a query over one index or several (the store keeps one per pack), merged by
 * score. All words must match (as prefixes, with typos allowed); when that finds nothing in any
 * index, any word may.
 */
export function searchCorpus(
  indexes: CorpusIndex | readonly CorpusIndex[],
  query: string,
  filters: SearchFilters = {},
  limit = 30,
): SearchHitRef[] {
  const all = Array.isArray(indexes) ? indexes : [indexes as CorpusIndex];
  const filter = (result: SearchResult) =>
    passesFilters(result as SearchResult & StoredFields, filters);
  const searchAll = (combineWith: 'AND' | 'OR') =>
    all
      .flatMap((index) => index.search(query, { combineWith, filter }))
      .sort((a, b) => b.score - a.score);
  let results = searchAll('AND');
  if (results.length === 0) results = searchAll('OR');
  return distinctHits(results, limit).map((result) => ({
    kind: result.kind as SearchKind,
    packId: result.packId as string,
    id: result.id as string,
    title: result.title as string,
    date: result.date as string,
    entityId: result.entityId as string,
    score: result.score,
    terms: result.terms,
  }));
}

/**
 * The first `limit` results that are not the same thing as a better one: what several packs
 * hold (a name, a quote from one article, a pack installed twice) is one hit. Stops at `limit`:
 * a common word matches thousands.
 */
function distinctHits(results: readonly SearchResult[], limit: number): SearchResult[] {
  const seen = new Set<string>();
  const distinct: SearchResult[] = [];
  for (const result of results) {
    if (distinct.length === limit) break;
    const keys = (result.sameAs as string[]).map((key) => `${result.kind}:${key}`);
    if (keys.some((key) => seen.has(key))) continue;
    for (const key of keys) seen.add(key);
    distinct.push(result);
  }
  return distinct;
}

function passesFilters(result: StoredFields, filters: SearchFilters): boolean {
  if (filters.kinds && filters.kinds.length > 0 && !filters.kinds.includes(result.kind)) {
    return false;
  }
  if (!filters.from && !filters.to) return true;
  if (result.date === '') return false;
  // Compare at the precision both sides have: "2023-03" is within from "2023-03-20".
  if (filters.from && result.date < filters.from.slice(0, result.date.length)) return false;
  if (filters.to && result.date > filters.to.slice(0, result.date.length)) return false;
  return true;
}
