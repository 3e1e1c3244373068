/**
 * The installed packs: seeding the bundled one, importing, exporting, removing, resetting, and
 * the search index kept in step with them. Every change is one transaction over every table it
 * touches, the serialised search index included, so a failure (a quota error among them) leaves
 * the database exactly as it was.
 */
import type { Pack } from '@/lib/pack/schema';
import {
  type CorpusIndex,
  createCorpusIndex,
  LEDE_LENGTH,
  loadCorpusIndex,
  type SearchFilters,
  type SearchHitRef,
  searchCorpus,
  searchEntriesOf,
  searchKeysOf,
} from '@/lib/search/index';
import type { InstallProgress } from '@/lib/views';
import {
  type BriefingsDatabase,
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
type InstallStage = (typeof INSTALL_STEPS)[number] | 'Saving the search index';

export class CorpusStore {
  /** Loaded on first use: the service worker may have been stopped since the last call. */
  private index: CorpusIndex | null = null;
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
   * `replacing` names installed packs each one takes the place of.
   */
  async installAll(
    plan: readonly { pack: Pack; replacing: readonly string[] }[],
    origin: PackOrigin = 'imported',
    onProgress: (progress: InstallProgress) => void = () => {},
  ): Promise<PackRow[]> {
    const installed: PackRow[] = [];
    const steps = plan.length * INSTALL_STEPS.length + 1;
    let step = 0;
    const report = (stage: InstallStage) => onProgress({ stage, done: step++, total: steps });
    await this.changeAtomically(async (index) => {
      for (const { pack, replacing } of plan) {
        for (const packId of replacing) await this.deleteRows(packId, index);
        installed.push(await this.addRows(pack, origin, index, report));
      }
      report('Saving the search index');
      await this.saveIndex(index);
    });
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

  async remove(packId: string): Promise<void> {
    await this.changeAtomically(async (index) => {
      await this.deleteRows(packId, index);
      await this.saveIndex(index);
    });
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

  /** The in-memory index, loaded from the database, or rebuilt from the rows if it is missing. */
  async searchIndex(): Promise<CorpusIndex> {
    if (this.index) return this.index;
    const saved = await this.db.searchIndex.get('main');
    if (saved) {
      this.index = loadCorpusIndex(saved.json);
      return this.index;
    }
    const index = createCorpusIndex();
    for (const pack of await this.listPacks()) {
      index.addAll(searchEntriesOf(await this.contentsOf(pack.id)));
    }
    this.index = index;
    return index;
  }

  private async addRows(
    pack: Pack,
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
      counts: {
        documents: pack.documents.length,
        entities: pack.entities.length,
        quotes: pack.quotes.length,
        events: pack.events.length,
      },
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
    for (const table of [this.db.documents, this.db.entities, this.db.quotes, this.db.events]) {
      await table.where('packId').equals(packId).delete();
    }
  }

  private async saveIndex(index: CorpusIndex): Promise<void> {
    await this.db.searchIndex.put({ id: 'main', json: JSON.stringify(index) });
  }

  /**
   * Runs a change in one read-write transaction, after every earlier change has settled. On
   * failure the database rolls back; the in-memory index, changed along the way, is dropped
   * (and reloaded from the database by the next use) before any later change can start from it.
   */
  private changeAtomically(change: (index: CorpusIndex) => Promise<void>): Promise<void> {
    const run = this.lastChange.then(async () => {
      const index = await this.searchIndex();
      try {
        await this.db.transaction('rw', this.db.packTables, () => change(index));
      } catch (error) {
        this.index = null;
        throw error;
      }
    });
    this.lastChange = run.catch(() => undefined);
    return run;
  }
}
