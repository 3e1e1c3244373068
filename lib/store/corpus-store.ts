/**
 * The installed packs: seeding the bundled one, importing, exporting, removing, resetting, and
 * the search index kept in step with them. Each pack has its own search index, saved with the
 * pack, so a change costs what changed: installing a pack writes its rows and its index, nothing
 * else. A small change is one transaction: a failure (a quota error among them) leaves the
 * database exactly as it was. A large one would hold every table for as long as it runs, so it
 * goes in steps: a first transaction hides the packs it removes (their pack rows and indexes go)
 * and writes a journal of what is under way; batches delete their rows, then write the rows and
 * the index parts of the packs to install (hidden too: a pack's rows and index are read only once
 * its pack row exists); and a last transaction adds the new pack rows and clears the journal. Reads are answered
 * between batches. A worker stopped on the way finishes the change when it starts again, so
 * every change ends in the old state or the new one.
 */
import type { Table } from 'dexie';
import { failureKind } from '@/lib/failure-words';
import { compareIds, inIdOrder, packContentHash } from '@/lib/pack/content-hash';
import type { Entity, Pack } from '@/lib/pack/schema';
import {
  addInSlices,
  type CorpusIndex,
  createCorpusIndex,
  LEDE_LENGTH,
  loadSavedIndex,
  type SearchFilters,
  type SearchHitRef,
  searchCorpus,
  searchEntriesIn,
  searchEntriesOf,
  serializeInParts,
  serializeWhole,
} from '@/lib/search/index';
import { SLICE_MS } from '@/lib/slices';
import type { ChangeInProgress, InstallProgress } from '@/lib/views';
import {
  type BriefingsDatabase,
  countsOfPack,
  type EntityRow,
  type JournalRow,
  type PackOrigin,
  type PackRow,
  type PackRows,
  type PendingInstall,
  rowsInCounts,
  rowsOfPack,
  rowsOfPackInSlices,
  type StagedInstall,
} from './db';
import { deleteIndexParts, savedIndex, saveIndexPartByPart, saveIndexParts } from './index-parts';
import {
  addInBatches,
  countPackRows,
  deletePackRows,
  deleteSmallPackRows,
  installedPackIds,
  readInPages,
  SMALL_CHANGE_ROWS,
} from './pack-rows';
import { discardAbandonedStages, discardStages, readStagedPack, stagePacks } from './staging';

export type { InstallProgress };

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
  /**
   * Each installed pack's entities, for the names of the corpus (see BackgroundService): kept
   * from the install that wrote them, or read a page at a time, so that after a change the names
   * are built again from memory, not from every entity row (8 s at 200,000 entities).
   */
  private readonly entitiesOfPack = new Map<string, Entity[]>();
  /**
   * Counted up whenever what is kept of a pack (`indexes`, `entitiesOfPack`) changes, so a load
   * that overlapped a change is not kept.
   */
  private keptEpoch = 0;
  /** Changes run one after another, so none starts from an index a failed one left changed. */
  private lastChange: Promise<unknown> = Promise.resolve();
  private progress: ChangeInProgress | null = null;
  /** Told each step of a removal, whoever asked for it (a restarted worker included). */
  onRemovalProgress: (progress: ChangeInProgress | null) => void = () => {};

  /**
   * `onVisibleChange`: the packs that reads see changed (a removal hides its pack at once).
   * `prepareVisibleChange`: told, before a large install shows its packs, each pack's entities
   * as they will then be (packs and entities in id order); what it resolves with is called in
   * place of `onVisibleChange` once they show, never if the install fails.
   */
  constructor(
    readonly db: BriefingsDatabase,
    private readonly onVisibleChange: () => void = () => {},
    private readonly prepareVisibleChange: (
      entitiesByPack: ReadonlyMap<string, readonly Entity[]>,
    ) => Promise<() => void> = async () => onVisibleChange,
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
   * hashing the pack again; `staged`, where the pack is staged already (see staging.ts). A
   * small change is one transaction, so a refused install leaves the packs it replaces in place.
   * A large one goes in steps: a stopped worker then finishes it, but an install refused after
   * the packs it replaces are removed (storage full) leaves neither, and says so.
   */
  async installAll(
    plan: readonly {
      pack: Pack;
      replacing: readonly string[];
      contentHash?: string;
      staged?: { stageId: string; index: number };
    }[],
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
      const removed = await this.db.packs.bulkGet(replacing);
      const rows = [
        ...removed.map((row) => (row ? rowsInCounts(row.counts) : 0)),
        ...installing.map(({ pack }) => rowsInCounts(countsOfPack(pack))),
      ].reduce((sum, count) => sum + count, 0);
      if (rows <= SMALL_CHANGE_ROWS) return this.install(installing, onProgress, replacing);
      const journal = await this.beginChange(replacing, await this.staged(plan, installing));
      return this.finish(
        journal,
        onProgress,
        installing.map(({ pack }) => pack),
      );
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
      const journal = await this.beginChange([packId], []);
      await this.finish(journal, onProgress);
    });
  }

  /**
   * Finishes a change a stopped worker left under way. Resolves once what it installs is in
   * place; a removal alone goes on after (its pack is hidden already). True if there was one:
   * the pages open when it began were never told of it.
   */
  async resumeChange(onProgress: (progress: InstallProgress) => void = () => {}): Promise<boolean> {
    const journal = await this.db.journal.get('pending');
    // Stages a closed page or a stopped worker left behind (the journal's own are in use).
    await discardAbandonedStages(
      this.db,
      new Set(journal?.installing.map(({ stageId }) => stageId)),
    );
    if (!journal) return false;
    const finished = this.queue(async () => {
      const current = await this.db.journal.get('pending');
      if (!current) return;
      // Counted afresh: some of the rows the journal names may be deleted already.
      const removing = current.removing.map(({ id, title }) => ({ id, title }));
      await this.finish({ ...current, removing }, onProgress);
    });
    if (journal.installing.length > 0) await finished;
    else finished.catch((error) => console.warn('[Briefings] a removal did not finish:', error));
    return true;
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
      entities: rows.entities.map(entityOfRow),
      quotes: rows.quotes.map(({ packId: _, documentIds: __, ...quote }) => quote),
      events: rows.events.map(({ packId: _, ...event }) => event),
    };
  }

  async contentsOf(packId: string): Promise<PackRows> {
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
        const epoch = this.keptEpoch;
        const packIds = (await this.listPacks()).map((pack) => pack.id);
        const loaded = await Promise.all(
          packIds.map(async (packId) => this.indexes.get(packId) ?? (await this.readIndex(packId))),
        );
        // A change landed meanwhile: what was read may be older than it.
        if (epoch !== this.keptEpoch) continue;
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
    const saved = await savedIndex(this.db, packId);
    const loaded = saved && (await loadSavedIndex(saved, SLICE_MS));
    if (loaded) return loaded;
    const index = createCorpusIndex();
    index.addAll(searchEntriesOf(await this.contentsOf(packId)));
    return index;
  }

  /** What is kept of a pack after a change: its index, and its entities when the change has them. */
  private setIndex(packId: string, index: CorpusIndex, entities?: readonly Entity[]): void {
    this.indexes.set(packId, index);
    if (entities) this.entitiesOfPack.set(packId, inIdOrder(entities));
    else this.entitiesOfPack.delete(packId);
    this.keptEpoch++;
  }

  private dropIndex(packId: string): void {
    this.indexes.delete(packId);
    this.entitiesOfPack.delete(packId);
    this.keptEpoch++;
  }

  /**
   * Every installed pack's entities, by pack id, the packs in id order and each pack's entities
   * in id order (as the database lists them).
   */
  async installedEntities(): Promise<Map<string, Entity[]>> {
    for (;;) {
      const epoch = this.keptEpoch;
      const packIds = [...(await installedPackIds(this.db))];
      const lists: Entity[][] = [];
      for (const packId of packIds) {
        const kept = this.entitiesOfPack.get(packId);
        lists.push(kept ?? (await readInPages(this.db.entities, packId)).map(entityOfRow));
      }
      // A change landed meanwhile: what was read may be older than it.
      if (epoch !== this.keptEpoch) continue;
      packIds.forEach((packId, at) => {
        this.entitiesOfPack.set(packId, lists[at] as Entity[]);
      });
      return new Map(packIds.map((packId, at) => [packId, lists[at] as Entity[]]));
    }
  }

  /** In a transaction over the pack tables: the pack's index, as it is now. */
  private async saveIndex(packId: string, index: CorpusIndex): Promise<void> {
    await saveIndexParts(this.db, packId, serializeWhole(index));
  }

  /** Installs packs in one transaction, in place of the small packs `replacing` names. */
  private async install(
    installing: readonly PendingInstall[],
    onProgress: (progress: InstallProgress) => void,
    replacing: readonly string[],
  ): Promise<PackRow[]> {
    const report = stepReporter(installing.length, onProgress);
    const indexes = installing.map(() => createCorpusIndex());
    const installed = await this.db.transaction('rw', this.db.packTables, async () => {
      for (const packId of replacing) {
        await this.db.packs.delete(packId);
        await deleteIndexParts(this.db, packId);
        await deleteSmallPackRows(this.db, packId);
      }
      const rows: PackRow[] = [];
      for (const [at, pending] of installing.entries()) {
        rows.push(await this.addRows(pending, indexes[at] as CorpusIndex, report));
      }
      return rows;
    });
    for (const packId of replacing) this.dropIndex(packId);
    installing.forEach(({ pack }, at) => {
      this.setIndex(pack.id, indexes[at] as CorpusIndex, pack.entities);
    });
    report('Saved');
    if (installing.length + replacing.length > 0) this.onVisibleChange();
    return installed;
  }

  /**
   * Where each pack of a large change is read from by the worker that installs it: its stage,
   * written now for a pack that has none (the bundled one), so the journal never holds a pack.
   */
  private async staged(
    plan: readonly { staged?: { stageId: string; index: number } }[],
    installing: readonly PendingInstall[],
  ): Promise<StagedInstall[]> {
    const unstaged = installing.filter((_, at) => !plan[at]?.staged);
    const stageId = unstaged.length > 0 ? await stagePacks(this.db, unstaged) : '';
    return installing.map((install, at) => ({
      ...(plan[at]?.staged ?? { stageId, index: unstaged.indexOf(install) }),
      id: install.pack.id,
      title: install.pack.title,
      contentHash: install.contentHash,
      origin: install.origin,
    }));
  }

  /**
   * Starts a change in steps, in one transaction: the removed packs' rows and indexes go from
   * every read (their pack rows and saved indexes are deleted), and the journal says what
   * remains to do, the packs to install with it.
   */
  private async beginChange(
    packIds: readonly string[],
    installing: StagedInstall[],
  ): Promise<JournalRow> {
    const journal = await this.db.transaction('rw', this.db.packTables, async () => {
      const packs = await this.db.packs.bulkGet([...packIds]);
      const removing = packs.flatMap((pack) =>
        pack ? [{ id: pack.id, title: pack.title, rows: rowsInCounts(pack.counts) }] : [],
      );
      const journal: JournalRow = { id: 'pending', removing, installing };
      await this.db.journal.put(journal);
      await this.db.packs.bulkDelete([...packIds]);
      for (const packId of packIds) await deleteIndexParts(this.db, packId);
      return journal;
    });
    for (const packId of packIds) this.dropIndex(packId);
    this.onVisibleChange();
    return journal;
  }

  /**
   * Deletes the rows of the journal's packs in batches, then installs what it says, if
   * anything, in steps. `inMemory`: the packs it installs, in the journal's order, when the
   * worker that began the change has them; a worker that starts again reads them from their
   * stages.
   */
  private async finish(
    journal: JournalRow,
    onProgress: (progress: InstallProgress) => void,
    inMemory: readonly Pack[] = [],
  ): Promise<PackRow[]> {
    // Rows an install stopped on the way left behind go too: it starts again from the journal.
    const removingIds = new Set(journal.removing.map(({ id }) => id));
    const installingPacks = journal.installing.map(({ id, title }) => ({ id, title }));
    const leftBehind = installingPacks.filter(({ id }) => !removingIds.has(id));
    await this.deleteRowsOf([...journal.removing, ...leftBehind], onProgress);
    try {
      return await this.installInSteps(journal, onProgress, inMemory);
    } catch (error) {
      // Refused (storage full, say) rather than stopped: trying at every start would not help.
      // What it wrote is hidden; it goes, and so does the journal.
      await this.deleteRowsOf(installingPacks, onProgress);
      const tables = [this.db.journal, this.db.staging, this.db.searchIndexParts];
      await this.db.transaction('rw', tables, () =>
        Promise.all([
          this.db.journal.delete('pending'),
          discardStages(this.db, stagesOf(journal)),
          ...installingPacks.map(({ id }) => deleteIndexParts(this.db, id)),
        ]),
      );
      if (journal.removing.length === 0) throw error;
      // The packs it replaced are gone: the reader is told so, never "nothing was changed".
      throw replacedButNotInstalled(journal, error);
    }
  }

  /**
   * Deletes the rows of packs with no pack row (removed, or never installed), in batches. Their
   * `rows`, where known, say how many there are; the others are counted.
   */
  private async deleteRowsOf(
    packs: readonly { id: string; title: string; rows?: number }[],
    onProgress: (progress: InstallProgress) => void,
  ): Promise<void> {
    try {
      const counts = await Promise.all(
        packs.map(({ id, rows }) => rows ?? countPackRows(this.db, id)),
      );
      const total = counts.reduce((sum, count) => sum + count, 0);
      let done = 0;
      const report = (title: string) => {
        this.progress = { removing: title, done, total };
        this.onRemovalProgress({ ...this.progress });
        onProgress({ stage: `Removing ${title}`, done, total });
      };
      for (const [at, { id, title }] of packs.entries()) {
        if (counts[at] === 0) continue;
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
  }

  /**
   * Writes the packs' rows in batches while no read sees them, indexes them a slice at a time
   * and saves each index a part at a time, then, in one transaction, adds their pack rows and
   * ends the journal.
   */
  private async installInSteps(
    journal: JournalRow,
    onProgress: (progress: InstallProgress) => void,
    inMemory: readonly Pack[],
  ): Promise<PackRow[]> {
    const report = stepReporter(journal.installing.length, onProgress);
    const installed: { row: PackRow; index: CorpusIndex; entities: Entity[] }[] = [];
    for (const [at, staged] of journal.installing.entries()) {
      const { stageId, index: place, id, title, contentHash, origin } = staged;
      // Read again only by a worker that did not start the change.
      const pack = inMemory[at] ?? {
        ...(await readStagedPack(this.db, stageId, place)).pack,
        id,
        title,
      };
      const pending = { pack, contentHash, origin };
      const rows = await rowsOfPackInSlices(pending.pack, SLICE_MS);
      await this.saveRows(rows, report, (table, tableRows) =>
        addInBatches(this.db, table, tableRows),
      );
      const index = createCorpusIndex();
      await addInSlices(index, searchEntriesIn(rows), SLICE_MS);
      const parts = await serializeInParts(index, SLICE_MS);
      await saveIndexPartByPart(this.db, id, parts);
      installed.push({ row: packRowOf(pending), index, entities: inIdOrder(pack.entities) });
    }
    // A removal alone changed what reads see when it started, not now.
    const show =
      installed.length > 0
        ? await this.prepareVisibleChange(await this.entitiesOnceShown(installed))
        : () => {};
    const tables = [this.db.packs, this.db.journal, this.db.staging];
    await this.db.transaction('rw', tables, () =>
      Promise.all([
        this.db.packs.bulkAdd(installed.map(({ row }) => row)),
        this.db.journal.delete('pending'),
        discardStages(this.db, stagesOf(journal)),
      ]),
    );
    for (const { row, index, entities } of installed) this.setIndex(row.id, index, entities);
    report('Saved');
    show();
    return installed.map(({ row }) => row);
  }

  /** Each pack's entities once `installing` show, as `installedEntities` will then give them. */
  private async entitiesOnceShown(
    installing: readonly { row: PackRow; entities: Entity[] }[],
  ): Promise<Map<string, Entity[]>> {
    const shown = await this.installedEntities();
    for (const { row, entities } of installing) shown.set(row.id, entities);
    return new Map([...shown].sort(([a], [b]) => compareIds(a, b)));
  }

  private async addRows(
    pending: PendingInstall,
    index: CorpusIndex,
    report: (stage: InstallStage) => void,
  ): Promise<PackRow> {
    const rows = rowsOfPack(pending.pack);
    const packRow = packRowOf(pending);
    await this.db.packs.add(packRow);
    await this.saveRows(rows, report, (table, tableRows) => table.bulkAdd(tableRows));
    index.addAll(searchEntriesOf(rows));
    await this.saveIndex(packRow.id, index);
    return packRow;
  }

  /** A pack's rows, table by table, each stage told as it starts; `add` writes one table's. */
  private async saveRows(
    rows: ReturnType<typeof rowsOfPack>,
    report: (stage: InstallStage) => void,
    add: <Row extends { packId: string; id: string }>(
      table: Table<Row, [string, string]>,
      rows: Row[],
    ) => Promise<unknown>,
  ): Promise<void> {
    report('Saving documents');
    await add(this.db.documents, rows.documents);
    report('Saving names');
    await add(this.db.entities, rows.entities);
    report('Saving quotes');
    await add(this.db.quotes, rows.quotes);
    report('Saving the timeline');
    await add(this.db.events, rows.events);
    report('Indexing for search');
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

function packRowOf({ pack, contentHash, origin }: PendingInstall): PackRow {
  return {
    id: pack.id,
    title: pack.title,
    createdAt: pack.createdAt,
    origin,
    installedAt: Date.now(),
    counts: countsOfPack(pack),
    contentHash,
  };
}

/** The stages a change reads its packs from. */
function stagesOf(journal: JournalRow): string[] {
  return [...new Set(journal.installing.map(({ stageId }) => stageId))];
}

/** Reports each stage of installing `packs` packs, counted against all of them. */
function stepReporter(packs: number, onProgress: (progress: InstallProgress) => void) {
  const total = packs * INSTALL_STEPS.length + 1;
  let done = 0;
  return (stage: InstallStage) => onProgress({ stage, done: done++, total });
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

/** An entity as its pack gave it, without the fields its row adds. */
function entityOfRow({ packId: _, aliasKeys: __, ...entity }: EntityRow): Entity {
  return entity;
}
