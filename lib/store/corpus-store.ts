/**
 * The installed packs: seeding the bundled one, importing, exporting, removing, resetting, and
 * the search index kept in step with them. Every change is one transaction over every table it
 * touches, so a failure (a quota error among them) leaves the database exactly as it was. Each
 * change counts a generation; the serialised search index is saved after the change, marked
 * with the generation it reflects, so a change costs what changed and an index left behind by
 * a stopped worker (or saved by a version that stored other fields) is rebuilt, not trusted.
 */
import { packContentHash } from '@/lib/pack/content-hash';
import type { Pack } from '@/lib/pack/schema';
import {
  type CorpusIndex,
  createCorpusIndex,
  LEDE_LENGTH,
  loadCorpusIndex,
  SEARCH_INDEX_FORMAT,
  type SearchFilters,
  type SearchHitRef,
  searchCorpus,
  searchEntriesOf,
  searchKeysOf,
} from '@/lib/search/index';
import type { InstallProgress } from '@/lib/views';
import {
  type BriefingsDatabase,
  countsOfPack,
  type DocumentRow,
  type EntityRow,
  type EventRow,
  type PackOrigin,
  type PackRow,
  type QuoteRow,
  rowsOfPack,
} from './db';

export type { InstallProgress };

export interface PackContents {
  documents: DocumentRow[];
  entities: EntityRow[];
  quotes: QuoteRow[];
  events: EventRow[];
}

const INSTALL_STEPS = [
  'Saving documents',
  'Saving names',
  'Saving quotes',
  'Saving the timeline',
  'Indexing for search',
] as const;
type InstallStage = (typeof INSTALL_STEPS)[number] | 'Saved';

const GENERATION_KEY = 'meta:corpusGeneration';
/** Changes in a burst (articles added one after another) share one save of the index. */
export const INDEX_SAVE_DELAY_MS = 1500;

export class CorpusStore {
  /** Loaded on first use: the service worker may have been stopped since the last call. */
  private index: CorpusIndex | null = null;
  private loading: Promise<CorpusIndex> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Changes run one after another, so none starts from an index a failed one left changed. */
  private lastChange: Promise<unknown> = Promise.resolve();

  constructor(readonly db: BriefingsDatabase) {}

  listPacks(): Promise<PackRow[]> {
    return this.db.packs.orderBy('id').toArray();
  }

  getPack(packId: string): Promise<PackRow | undefined> {
    return this.db.packs.get(packId);
  }

  /**
   * Installs validated packs in one transaction: all of them, or (on any error) none.
   * `replacing` names installed packs each one takes the place of; `contentHash`, if the caller
   * has it already, saves hashing the pack again.
   */
  async installAll(
    plan: readonly { pack: Pack; replacing: readonly string[]; contentHash?: string }[],
    origin: PackOrigin = 'imported',
    onProgress: (progress: InstallProgress) => void = () => {},
  ): Promise<PackRow[]> {
    const installed: PackRow[] = [];
    const steps = plan.length * INSTALL_STEPS.length + 1;
    let step = 0;
    const report = (stage: InstallStage) => onProgress({ stage, done: step++, total: steps });
    // Hashed before the transaction: awaiting anything but the database inside it ends it.
    const hashed = await Promise.all(
      plan.map(async (step) => ({
        ...step,
        hash: step.contentHash ?? (await packContentHash(step.pack)),
      })),
    );
    await this.change(async (index) => {
      for (const { pack, hash, replacing } of hashed) {
        for (const packId of replacing) await this.deleteRows(packId, index);
        installed.push(await this.addRows(pack, hash, origin, index, report));
      }
    });
    report('Saved');
    return installed;
  }

  /**
   * Installs (or, after an update, re-installs) the pack that ships with the extension. The
   * previous bundled pack goes; imported packs and settings are not touched.
   */
  async seedBundled(pack: Pack): Promise<PackRow> {
    // The previous bundled pack, and a pack of the same id if one was imported before this one
    // shipped: two packs cannot share an id.
    const previous = (await this.listPacks()).filter(
      (row) => row.origin === 'bundled' || row.id === pack.id,
    );
    const [row] = await this.installAll(
      [{ pack, replacing: previous.map((row) => row.id) }],
      'bundled',
    );
    return row as PackRow;
  }

  /** Back to the bundled corpus alone: every imported pack removed. Settings are kept. */
  async resetTo(bundled: Pack): Promise<void> {
    const all = await this.listPacks();
    await this.installAll([{ pack: bundled, replacing: all.map((row) => row.id) }], 'bundled');
  }

  /**
   * Each installed pack's content hash, by pack id. A pack installed before hashes were kept is
   * hashed now and keeps it; the reader's own pack changes with each article, so it is hashed
   * afresh each time.
   */
  async contentHashes(): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    for (const row of await this.listPacks()) {
      let hash = row.contentHash;
      if (hash === undefined) {
        const pack = await this.exportPack(row.id);
        if (!pack) continue; // removed meanwhile
        hash = await packContentHash(pack);
        if (row.origin !== 'reading') await this.db.packs.update(row.id, { contentHash: hash });
      }
      hashes.set(row.id, hash);
    }
    return hashes;
  }

  async remove(packId: string): Promise<void> {
    await this.change((index) => this.deleteRows(packId, index));
  }

  /** The pack as it was installed: the same content, in id order. */
  async exportPack(packId: string): Promise<Pack | undefined> {
    const packRow = await this.db.packs.get(packId);
    if (!packRow) return undefined;
    const rows = await this.contentsOf(packId);
    return {
      format: 'briefings-pack',
      version: 1,
      id: packRow.id,
      title: packRow.title,
      createdAt: packRow.createdAt,
      documents: rows.documents.map(({ packId: _, ...document }) => document),
      entities: rows.entities.map(({ packId: _, aliasKeys: __, ...entity }) => entity),
      quotes: rows.quotes.map(({ packId: _, documentIds: __, ...quote }) => quote),
      events: rows.events.map(({ packId: _, ...event }) => event),
    };
  }

  async contentsOf(packId: string): Promise<PackContents> {
    const [documents, entities, quotes, events] = await Promise.all([
      this.db.documents.where('packId').equals(packId).toArray(),
      this.db.entities.where('packId').equals(packId).toArray(),
      this.db.quotes.where('packId').equals(packId).toArray(),
      this.db.events.where('packId').equals(packId).toArray(),
    ]);
    return { documents, entities, quotes, events };
  }

  async search(query: string, filters?: SearchFilters, limit?: number): Promise<SearchHitRef[]> {
    return searchCorpus(await this.searchIndex(), query, filters, limit);
  }

  /** For each hit, in order, the text its snippet is cut from ('' for a row that is gone). */
  async hitTexts(refs: readonly Pick<SearchHitRef, 'kind' | 'packId' | 'id'>[]): Promise<string[]> {
    const key = (ref: { packId: string; id: string }): [string, string] => [ref.packId, ref.id];
    const ofKind = (kind: SearchHitRef['kind']) => refs.filter((ref) => ref.kind === kind).map(key);
    const [entities, quotes, events, documents] = await Promise.all([
      this.db.entities.bulkGet(ofKind('entity')),
      this.db.quotes.bulkGet(ofKind('quote')),
      this.db.events.bulkGet(ofKind('event')),
      this.db.documents.bulkGet(ofKind('document')),
    ]);
    const queues: Record<SearchHitRef['kind'], (string | undefined)[]> = {
      entity: entities.map((row) => row && [row.description, ...row.aliases].join(' · ')),
      quote: quotes.map((row) => row?.text),
      event: events.map((row) => row?.title),
      // Only the lede is indexed, so only the lede can hold the match.
      document: documents.map((row) => row?.text.slice(0, LEDE_LENGTH)),
    };
    return refs.map((ref) => queues[ref.kind].shift() ?? '');
  }

  /**
   * The in-memory index, loaded from the database, or rebuilt from the rows if it is missing or
   * older than the packs.
   */
  searchIndex(): Promise<CorpusIndex> {
    if (this.index) return Promise.resolve(this.index);
    // One load at a time: a search and a change asking together share it, so neither can put
    // an index older than the other's in place.
    this.loading ??= this.loadIndex()
      .then((index) => {
        this.index = index;
        return index;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async loadIndex(): Promise<CorpusIndex> {
    const [saved, generation] = await Promise.all([
      this.db.searchIndex.get('main'),
      this.generation(),
    ]);
    if (saved && (saved.generation ?? 0) === generation && saved.format === SEARCH_INDEX_FORMAT) {
      return loadCorpusIndex(saved.json);
    }
    const index = createCorpusIndex();
    for (const pack of await this.listPacks()) {
      index.addAll(searchEntriesOf(await this.contentsOf(pack.id)));
    }
    return index;
  }

  private async addRows(
    pack: Pack,
    contentHash: string,
    origin: PackOrigin,
    index: CorpusIndex,
    report: (stage: InstallStage) => void,
  ): Promise<PackRow> {
    const rows = rowsOfPack(pack);
    const packRow: PackRow = {
      id: pack.id,
      title: pack.title,
      createdAt: pack.createdAt,
      origin,
      installedAt: Date.now(),
      counts: countsOfPack(pack),
      contentHash,
    };
    report('Saving documents');
    await this.db.packs.add(packRow);
    await this.db.documents.bulkAdd(rows.documents);
    report('Saving names');
    await this.db.entities.bulkAdd(rows.entities);
    report('Saving quotes');
    await this.db.quotes.bulkAdd(rows.quotes);
    report('Saving the timeline');
    await this.db.events.bulkAdd(rows.events);
    report('Indexing for search');
    index.addAll(searchEntriesOf(rows));
    return packRow;
  }

  private async deleteRows(packId: string, index: CorpusIndex): Promise<void> {
    const rows = await this.contentsOf(packId);
    index.discardAll(searchKeysOf(rows).filter((key) => index.has(key)));
    await this.db.packs.delete(packId);
    const { documents, entities, quotes, events, readings } = this.db;
    for (const table of [documents, entities, quotes, events, readings]) {
      await table.where('packId').equals(packId).delete();
    }
  }

  /** Which change the packs are at: counted up by each one. */
  private async generation(): Promise<number> {
    const row = await this.db.settings.get(GENERATION_KEY);
    return typeof row?.value === 'number' ? row.value : 0;
  }

  /**
   * Runs a change in one read-write transaction over the pack tables, after every earlier
   * change has settled. On failure the database rolls back; the in-memory index, changed along
   * the way, is dropped (and reloaded from the database by the next use) before any later change
   * can start from it. On success the index is saved a little later, once changes pause.
   */
  change<T>(apply: (index: CorpusIndex) => Promise<T>): Promise<T> {
    const run = this.lastChange.then(async () => {
      const index = await this.searchIndex();
      try {
        return await this.db.transaction('rw', this.db.packTables, async () => {
          const result = await apply(index);
          await this.db.settings.put({ key: GENERATION_KEY, value: (await this.generation()) + 1 });
          return result;
        });
      } catch (error) {
        this.index = null;
        throw error;
      }
    });
    this.lastChange = run.then(
      () => this.scheduleIndexSave(),
      () => undefined,
    );
    return run;
  }

  /** Saves the index now rather than after the pause, once changes in flight are done. */
  async flushIndex(): Promise<void> {
    await this.lastChange;
    if (this.saveTimer !== null) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.lastChange = this.lastChange.then(() => this.saveIndex());
    }
    await this.lastChange;
  }

  private scheduleIndexSave(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.lastChange = this.lastChange.then(() => this.saveIndex());
    }, INDEX_SAVE_DELAY_MS);
  }

  /** Saves the index as it is after the last change; a failure only costs a rebuild later. */
  private async saveIndex(): Promise<void> {
    const index = this.index;
    if (!index) return;
    try {
      // Entries discarded by the changes leave dirt behind; clean it before it is saved.
      if (index.dirtCount > 0) await index.vacuum();
      if (index !== this.index) return; // a failed change dropped it meanwhile
      await this.db.transaction('rw', [this.db.searchIndex, this.db.settings], async () => {
        const generation = await this.generation();
        await this.db.searchIndex.put({
          id: 'main',
          json: JSON.stringify(index),
          generation,
          format: SEARCH_INDEX_FORMAT,
        });
      });
    } catch (error) {
      console.warn('[Briefings] the search index was not saved; it will be rebuilt:', error);
    }
  }
}
