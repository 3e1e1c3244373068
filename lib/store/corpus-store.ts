/**
 * The installed packs: seeding the bundled one, importing, exporting, removing, resetting, and
 * the search index kept in step with them. Each pack has its own search index, saved in the
 * transaction that writes the pack's rows, so a change costs what changed: installing a pack
 * writes its rows and its index, nothing else. Installing is one transaction: a failure (a
 * quota error among them) leaves the database exactly as it was. Removing is too large for one
 * transaction: a first one hides the pack (its pack row and index go, a journal row says what is
 * under way), batches delete its rows, and a last one installs what takes its place, if
 * anything, and clears the journal. A worker stopped on the way finishes the change when it
 * starts again, so every change ends in the old state or the new one.
 */
import { failureKind } from '@/lib/failure-words';
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
} from '@/lib/search/index';
import type { ChangeInProgress, InstallProgress } from '@/lib/views';
import {
  type BriefingsDatabase,
  countsOfPack,
  type DocumentRow,
  type EntityRow,
  type EventRow,
  type JournalRow,
  type PackOrigin,
  type PackRow,
  type PendingInstall,
  type QuoteRow,
  rowsOfPack,
} from './db';
import { countPackRows, deletePackRows, deleteSmallPackRows, SMALL_PACK_ROWS } from './pack-rows';

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

export const STORE_CHANGE_MEASURE = 'Briefings: store change';

export class CorpusStore {
  /** Each installed pack's index, loaded on first use: the worker may have been stopped since. */
  private readonly indexes = new Map<string, CorpusIndex>();
  private loadingIndexes: Promise<CorpusIndex[]> | null = null;
  /** Counted up whenever `indexes` changes, so a load that overlapped a change is not kept. */
  private indexEpoch = 0;
  /** Changes run one after another, so none starts from an index a failed one left changed. */
  private lastChange: Promise<unknown> = Promise.resolve();
  private progress: ChangeInProgress | null = null;
  /** Told each step of a removal, whoever asked for it (a restarted worker included). */
  onRemovalProgress: (progress: ChangeInProgress | null) => void = () => {};

  /** `onVisibleChange`: the packs that reads see changed (a removal hides its pack at once). */
  constructor(
    readonly db: BriefingsDatabase,
    private readonly onVisibleChange: () => void = () => {},
  ) {}

  listPacks(): Promise<PackRow[]> {
    return this.db.packs.orderBy('id').toArray();
  }

  getPack(packId: string): Promise<PackRow | undefined> {
    return this.db.packs.get(packId);
  }

  /** The removal under way, if any, and how far it has got. */
  changeInProgress(): ChangeInProgress | null {
    return this.progress && { ...this.progress };
  }

  /**
   * Installs validated packs: all of them, or (on any error) none. `replacing` names installed
   * packs each one takes the place of; `contentHash`, if the caller has it already, saves
   * hashing the pack again. Small packs are replaced in the same transaction, so a refused
   * install leaves them in place. Large ones are removed first, in batches: a stopped worker
   * then finishes with the new packs, but an install refused after the removal (storage full)
   * leaves neither, and says so.
   */
  async installAll(
    plan: readonly { pack: Pack; replacing: readonly string[]; contentHash?: string }[],
    origin: PackOrigin = 'imported',
    onProgress: (progress: InstallProgress) => void = () => {},
  ): Promise<PackRow[]> {
    // Hashed before any transaction: awaiting anything but the database inside one ends it.
    const installing = await Promise.all(
      plan.map(
        async ({ pack, contentHash }): Promise<PendingInstall> => ({
          pack,
          contentHash: contentHash ?? (await packContentHash(pack)),
          origin,
        }),
      ),
    );
    const replacing = [...new Set(plan.flatMap((step) => step.replacing))];
    return this.queue(async () => {
      const rows = await Promise.all(replacing.map((packId) => countPackRows(this.db, packId)));
      if (rows.reduce((sum, count) => sum + count, 0) <= SMALL_PACK_ROWS) {
        return this.install(installing, onProgress, { replacing, endsJournal: false });
      }
      const journal = await this.beginRemoval(replacing, installing);
      return this.finish(journal, onProgress);
    });
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

  async remove(
    packId: string,
    onProgress: (progress: InstallProgress) => void = () => {},
  ): Promise<void> {
    await this.queue(async () => {
      const journal = await this.beginRemoval([packId], []);
      await this.finish(journal, onProgress);
    });
  }

  /**
   * Finishes a change a stopped worker left under way. Resolves once what it installs is in
   * place; a removal alone goes on after (its pack is hidden already).
   */
  async resumeChange(onProgress: (progress: InstallProgress) => void = () => {}): Promise<void> {
    const journal = await this.db.journal.get('pending');
    if (!journal) return;
    const finished = this.queue(async () => {
      const current = await this.db.journal.get('pending');
      if (current) await this.finish(current, onProgress);
    });
    if (journal.installing.length > 0) await finished;
    else finished.catch((error) => console.warn('[Briefings] a removal did not finish:', error));
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
    return searchCorpus(await this.allIndexes(), query, filters, limit);
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
   * Runs a change to one pack's rows (the reader's pack, an article at a time) in one
   * transaction, with that pack's index; the index is saved in the same transaction. On
   * failure the database rolls back and the index, changed along the way, is dropped.
   */
  changePack<T>(packId: string, apply: (index: CorpusIndex) => Promise<T>): Promise<T> {
    return this.queue(async () => {
      const index = (await this.indexOf(packId)) ?? createCorpusIndex();
      try {
        const result = await this.db.transaction('rw', this.db.packTables, async () => {
          const result = await apply(index);
          await this.saveIndex(packId, index);
          return result;
        });
        this.setIndex(packId, index);
        // Discarded entries leave dirt; cleaning it (in timed batches) waits for no reader.
        if (index.dirtCount > 0) void this.queue(() => index.vacuum());
        return result;
      } catch (error) {
        this.dropIndex(packId);
        throw error;
      }
    });
  }

  /** Each installed pack's index, loaded or, if missing or in another format, rebuilt. */
  private allIndexes(): Promise<CorpusIndex[]> {
    this.loadingIndexes ??= (async () => {
      for (;;) {
        const epoch = this.indexEpoch;
        const packIds = (await this.listPacks()).map((pack) => pack.id);
        const loaded = await Promise.all(
          packIds.map(async (packId) => this.indexes.get(packId) ?? (await this.readIndex(packId))),
        );
        // A change landed meanwhile: what was read may be older than it.
        if (epoch !== this.indexEpoch) continue;
        packIds.forEach((packId, at) => {
          this.indexes.set(packId, loaded[at] as CorpusIndex);
        });
        return loaded;
      }
    })().finally(() => {
      this.loadingIndexes = null;
    });
    return this.loadingIndexes;
  }

  /** One installed pack's index; undefined if the pack is not installed. */
  private async indexOf(packId: string): Promise<CorpusIndex | undefined> {
    const cached = this.indexes.get(packId);
    if (cached) return cached;
    if (!(await this.getPack(packId))) return undefined;
    return this.readIndex(packId);
  }

  private async readIndex(packId: string): Promise<CorpusIndex> {
    const saved = await this.db.searchIndex.get(packId);
    if (saved?.format === SEARCH_INDEX_FORMAT) return loadCorpusIndex(saved.json);
    const index = createCorpusIndex();
    index.addAll(searchEntriesOf(await this.contentsOf(packId)));
    return index;
  }

  private setIndex(packId: string, index: CorpusIndex): void {
    this.indexes.set(packId, index);
    this.indexEpoch++;
  }

  private dropIndex(packId: string): void {
    this.indexes.delete(packId);
    this.indexEpoch++;
  }

  /** In a transaction over the pack tables: the pack's index, as it is now. */
  private async saveIndex(packId: string, index: CorpusIndex): Promise<void> {
    await this.db.searchIndex.put({
      id: packId,
      json: JSON.stringify(index),
      format: SEARCH_INDEX_FORMAT,
    });
  }

  /**
   * Installs packs in one transaction, in place of the small packs `replacing` names; clears
   * the journal if it ends one.
   */
  private async install(
    installing: readonly PendingInstall[],
    onProgress: (progress: InstallProgress) => void,
    { replacing = [], endsJournal }: { replacing?: readonly string[]; endsJournal: boolean },
  ): Promise<PackRow[]> {
    const steps = installing.length * INSTALL_STEPS.length + 1;
    let step = 0;
    const report = (stage: InstallStage) => onProgress({ stage, done: step++, total: steps });
    const indexes = installing.map(() => createCorpusIndex());
    const installed = await this.db.transaction('rw', this.db.packTables, async () => {
      for (const packId of replacing) {
        await this.db.packs.delete(packId);
        await this.db.searchIndex.delete(packId);
        await deleteSmallPackRows(this.db, packId);
      }
      const rows: PackRow[] = [];
      for (const [at, pending] of installing.entries()) {
        rows.push(await this.addRows(pending, indexes[at] as CorpusIndex, report));
      }
      if (endsJournal) await this.db.journal.delete('pending');
      return rows;
    });
    for (const packId of replacing) this.dropIndex(packId);
    installing.forEach(({ pack }, at) => {
      this.setIndex(pack.id, indexes[at] as CorpusIndex);
    });
    report('Saved');
    if (installing.length + replacing.length > 0) this.onVisibleChange();
    return installed;
  }

  /**
   * One transaction: the packs' rows and indexes go from every read (their pack rows and saved
   * indexes are deleted), and the journal says what remains to do.
   */
  private async beginRemoval(
    packIds: readonly string[],
    installing: PendingInstall[],
  ): Promise<JournalRow> {
    const journal = await this.db.transaction('rw', this.db.packTables, async () => {
      const packs = await this.db.packs.bulkGet([...packIds]);
      const removing = packs.flatMap((pack) => (pack ? [{ id: pack.id, title: pack.title }] : []));
      const journal: JournalRow = { id: 'pending', removing, installing };
      await this.db.journal.put(journal);
      await this.db.packs.bulkDelete([...packIds]);
      await this.db.searchIndex.bulkDelete([...packIds]);
      return journal;
    });
    for (const packId of packIds) this.dropIndex(packId);
    this.onVisibleChange();
    return journal;
  }

  /** Deletes the rows of the journal's packs in batches, then installs what it says, if anything. */
  private async finish(
    journal: JournalRow,
    onProgress: (progress: InstallProgress) => void,
  ): Promise<PackRow[]> {
    try {
      const counts = await Promise.all(
        journal.removing.map(({ id }) => countPackRows(this.db, id)),
      );
      const total = counts.reduce((sum, count) => sum + count, 0);
      let done = 0;
      const report = (title: string) => {
        this.progress = { removing: title, done, total };
        this.onRemovalProgress({ ...this.progress });
        onProgress({ stage: `Removing ${title}`, done, total });
      };
      for (const { id, title } of journal.removing) {
        report(title);
        await deletePackRows(this.db, id, (deleted) => {
          done += deleted;
          report(title);
        });
      }
    } finally {
      this.progress = null;
      this.onRemovalProgress(null);
    }
    try {
      return await this.install(journal.installing, onProgress, { endsJournal: true });
    } catch (error) {
      // Refused (storage full, say) rather than stopped: trying at every start would not help.
      // The packs it replaced are gone: the reader is told so, never "nothing was changed".
      await this.db.journal.delete('pending');
      throw replacedButNotInstalled(journal, error);
    }
  }

  private async addRows(
    { pack, contentHash, origin }: PendingInstall,
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
    await this.saveIndex(pack.id, index);
    return packRow;
  }

  /**
   * Runs a change after every earlier one has settled. Its own time, without the wait, is the
   * last `STORE_CHANGE_MEASURE` of the worker's performance timeline (DevTools shows it).
   */
  private queue<T>(run: () => Promise<T>): Promise<T> {
    const change = this.lastChange.then(async () => {
      const start = performance.now();
      try {
        return await run();
      } finally {
        performance.clearMeasures(STORE_CHANGE_MEASURE);
        performance.measure(STORE_CHANGE_MEASURE, { start, end: performance.now() });
      }
    });
    this.lastChange = change.catch(() => undefined);
    return change;
  }

  /** Resolves once every change asked for so far has settled. */
  async settled(): Promise<void> {
    await this.lastChange;
  }
}

/** What a large replace that removed the old packs and could not install the new ones did. */
function replacedButNotInstalled(journal: JournalRow, error: unknown): Error {
  const removed = journal.removing.map(({ title }) => `“${title}”`).join(', ');
  const why =
    failureKind(error) === 'storage-full'
      ? ": your browser's storage for Briefings is full. Free some space, then import the file again."
      : '. Import the file again.';
  return new Error(`${removed} was removed, but its new version could not be saved${why}`);
}
