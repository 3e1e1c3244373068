/**
 * The local database: one Dexie schema, its tables typed from the pack schema, and its history.
 *
 * Rows of a pack are keyed by [packId+id], so packs never overwrite each other's rows. Entity ids
 * are a shared vocabulary: the same id in two packs is the same entity, and a briefing gathers
 * what every pack says about it. Documents, quotes and events refer within their own pack.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ArticleFile } from '@/lib/corpus/frontMatter';
import type { CheckedPack } from '@/lib/pack/pack-file';
import type { Entity, Pack, PackDocument, Quote, TimelineEvent } from '@/lib/pack/schema';
import { foldForLookup } from '@/lib/search/fold';
import { mapInSlices } from '@/lib/slices';
import type { InstalledPack, PackOrigin } from '@/lib/views';
import { type StagingRow, stagingRowsOf } from './staging';

export type { PackOrigin };

export const DATABASE_NAME = 'briefings';

/** An installed pack's row is what pages are told of it. */
export type PackRow = InstalledPack;

type InPack<T> = T & { packId: string };

export type DocumentRow = InPack<PackDocument>;
/** `aliasKeys`: the name and aliases folded for lookup (see foldForLookup). */
export type EntityRow = InPack<Entity> & { aliasKeys: string[] };
/** `documentIds`: the documents among its sources, for the by-document index. */
export type QuoteRow = InPack<Quote> & { documentIds: string[] };
export type EventRow = InPack<TimelineEvent>;

/**
 * An article the reader added to their own pack: what was read (to compile it again), how to
 * recognise it at another address, and the entities as this article describes them (the pack's
 * entity rows merge these, so removing the article takes away exactly what it brought).
 */
export interface ReadingRow {
  packId: string;
  documentId: string;
  /** The article as a corpus file, front matter and text. */
  source: ArticleFile;
  url: string | null;
  /** Shingle fingerprint of the text (see lib/corpus/fingerprint.ts). */
  fingerprint: number[];
  entities: Entity[];
  /** The ids of `entities`, for the by-entity index. */
  entityIds: string[];
  quoteCount: number;
  /** When it was first added, and last compiled (ms since epoch). */
  addedAt: number;
  compiledAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * One part of a pack's search index, saved in parts of about a megabyte (see index-parts.ts).
 * Saved with the pack's rows, so the two always agree; keyed by pack id and place, so a change
 * to a pack rewrites its own index only.
 */
export interface SearchIndexPartRow {
  packId: string;
  /** Its place among the parts, from 0. */
  part: number;
  /** How many parts the index has: an index with a part missing is rebuilt, never read. */
  of: number;
  json: string;
  /** SEARCH_INDEX_FORMAT when it was saved: an index in a format no longer read is rebuilt. */
  format: number;
}

/** A pack to install, checked and hashed. */
export interface PendingInstall extends CheckedPack {
  origin: PackOrigin;
}

/**
 * A pack to install once the removals of its change are done: the `index`th pack of a stage
 * (see staging.ts), under the id and title it is installed with (a copy's differ).
 */
export interface StagedInstall {
  stageId: string;
  index: number;
  id: string;
  title: string;
  contentHash: string;
  origin: PackOrigin;
}

/**
 * A change too large for one transaction, written before it starts: the packs whose rows are
 * being deleted (their pack rows are already gone, which hides them from every read), then the
 * packs to install in their place. A worker that starts and finds it finishes the change.
 */
export interface JournalRow {
  id: 'pending';
  /**
   * `rows`: how many rows the pack held, from its pack row (counting them takes over a second
   * at 200,000 names, and holds the database meanwhile); missing in journals of version 5 and
   * before.
   */
  removing: { id: string; title: string; rows?: number }[];
  installing: StagedInstall[];
}

/**
 * Every version the schema has had, oldest first. Never edit a shipped entry: add a new one,
 * with an upgrade that brings the rows of the one before it along.
 */
export const schemaHistory = [
  {
    version: 1,
    stores: {
      packs: '&id, origin',
      documents: '[packId+id], packId',
      entities: '[packId+id], packId, id, *aliasKeys',
      quotes: '[packId+id], packId, speakerId, *aboutEntityIds',
      events: '[packId+id], packId, date, *entityIds',
      settings: '&key',
      searchIndex: '&id',
    },
  },
  {
    // Quotes by document, for a page's "what this article quotes" and for removing a document.
    version: 2,
    stores: { quotes: '[packId+id], packId, speakerId, *aboutEntityIds, *documentIds' },
    upgrade: (transaction: import('dexie').Transaction) =>
      transaction
        .table('quotes')
        .toCollection()
        .modify((quote: QuoteRow) => {
          quote.documentIds = documentIdsOf(quote);
        }),
  },
  {
    // The articles a reader adds to their own pack.
    version: 3,
    stores: { readings: '[packId+documentId], packId, url, *entityIds' },
  },
  {
    // One search index per pack (the index of every pack together goes), and the journal of a
    // change that runs in several transactions.
    version: 4,
    stores: { journal: '&id' },
    upgrade: (transaction: import('dexie').Transaction) => transaction.table('searchIndex').clear(),
  },
  {
    // Packs on their way in, handed from the page that read the file (see staging.ts). An
    // install under way names its packs' stage in the journal, which held the packs before.
    version: 5,
    stores: { staging: '[stageId+part], stageId' },
    upgrade: async (transaction: import('dexie').Transaction) => {
      const journal = await transaction.table('journal').get('pending');
      const held: PendingInstall[] = journal?.installing ?? [];
      if (held.length === 0) return;
      const { stageId, rows } = stagingRowsOf(held);
      await transaction.table('staging').bulkAdd(rows);
      const installing = held.map(
        ({ pack, contentHash, origin }, index): StagedInstall => ({
          stageId,
          index,
          id: pack.id,
          title: pack.title,
          contentHash,
          origin,
        }),
      );
      await transaction.table('journal').put({ ...journal, installing });
    },
  },
  {
    // Each pack's search index in parts, each saved by a request of its own: the index of
    // 200,000 names, one 70 MB value, held the worker over a second to write.
    version: 6,
    stores: { searchIndexParts: '[packId+part]' },
    upgrade: async (transaction: import('dexie').Transaction) => {
      const saved: { id: string; json: string; format?: number }[] = await transaction
        .table('searchIndex')
        .toArray();
      const parts = saved.flatMap(({ id, json, format }): SearchIndexPartRow[] =>
        format === undefined ? [] : [{ packId: id, part: 0, of: 1, json, format }],
      );
      await transaction.table('searchIndexParts').bulkAdd(parts);
    },
  },
  {
    // Read by the step before, which moved what it held.
    version: 7,
    stores: { searchIndex: null },
  },
] as const;

export class BriefingsDatabase extends Dexie {
  packs!: EntityTable<PackRow, 'id'>;
  documents!: Table<DocumentRow, [string, string]>;
  entities!: Table<EntityRow, [string, string]>;
  quotes!: Table<QuoteRow, [string, string]>;
  events!: Table<EventRow, [string, string]>;
  settings!: EntityTable<SettingRow, 'key'>;
  searchIndexParts!: Table<SearchIndexPartRow, [string, number]>;
  readings!: Table<ReadingRow, [string, string]>;
  journal!: EntityTable<JournalRow, 'id'>;
  staging!: Table<StagingRow, [string, number]>;

  /** `upToVersion` opens an older schema: only the upgrade tests need it. */
  constructor(name = DATABASE_NAME, upToVersion: number = schemaHistory.length) {
    super(name);
    for (const step of schemaHistory.slice(0, upToVersion)) {
      const version = this.version(step.version).stores(step.stores);
      if ('upgrade' in step) version.upgrade(step.upgrade);
    }
  }

  /** Every table a pack writes to, for one transaction across them. */
  get packTables() {
    return [
      this.packs,
      this.documents,
      this.entities,
      this.quotes,
      this.events,
      this.readings,
      this.searchIndexParts,
      this.journal,
    ];
  }

  /** The tables holding rows of a pack, each with a `packId` index. */
  get rowTables() {
    return [this.documents, this.entities, this.quotes, this.events, this.readings];
  }
}

export function documentIdsOf(quote: Pick<Quote, 'sources'>): string[] {
  return [...new Set(quote.sources.map((source) => source.documentId))];
}

/** A pack's content as rows of the database. */
export function rowsOfPack(pack: Pack): PackRows {
  const make = rowMakersOf(pack.id);
  return {
    documents: pack.documents.map(make.document),
    entities: pack.entities.map(make.entity),
    quotes: pack.quotes.map(make.quote),
    events: pack.events.map(make.event),
  };
}

/** `rowsOfPack`, made a slice of `sliceMs` at a time: 200,000 names take about a second. */
export async function rowsOfPackInSlices(pack: Pack, sliceMs: number): Promise<PackRows> {
  const make = rowMakersOf(pack.id);
  return {
    documents: await mapInSlices(pack.documents, sliceMs, make.document),
    entities: await mapInSlices(pack.entities, sliceMs, make.entity),
    quotes: await mapInSlices(pack.quotes, sliceMs, make.quote),
    events: await mapInSlices(pack.events, sliceMs, make.event),
  };
}

export interface PackRows {
  documents: DocumentRow[];
  entities: EntityRow[];
  quotes: QuoteRow[];
  events: EventRow[];
}

function rowMakersOf(packId: string) {
  return {
    document: (document: PackDocument): DocumentRow => ({ ...document, packId }),
    entity: (entity: Entity): EntityRow => entityRowOf(entity, packId),
    quote: (quote: Quote): QuoteRow => ({ ...quote, packId, documentIds: documentIdsOf(quote) }),
    event: (event: TimelineEvent): EventRow => ({ ...event, packId }),
  };
}

/** How many rows a pack's counts add up to, across the row tables. */
export function rowsInCounts(counts: PackRow['counts']): number {
  return counts.documents + counts.entities + counts.quotes + counts.events;
}

/** How many rows of each kind a pack holds, as the options page lists them. */
export function countsOfPack(pack: Pack): PackRow['counts'] {
  return {
    documents: pack.documents.length,
    entities: pack.entities.length,
    quotes: pack.quotes.length,
    events: pack.events.length,
  };
}

export function entityRowOf(entity: Entity, packId: string): EntityRow {
  return {
    ...entity,
    packId,
    aliasKeys: [...new Set([entity.name, ...entity.aliases].map(foldForLookup))],
  };
}
