/**
 * Changes too large for one transaction: a pack removed is hidden at once and deleted in
 * batches; a pack installed is written in batches and shown at the end; either is finished by
 * the next worker when the one doing it stops on the way.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backgroundHandlers } from '@/lib/background/api';
import { BackgroundService } from '@/lib/background/service';
import { describeFailure } from '@/lib/failure-words';
import { findInconsistencies } from '@/lib/store/consistency';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase, rowsOfPack } from '@/lib/store/db';
import { SMALL_CHANGE_ROWS } from '@/lib/store/pack-rows';
import { stagePacks } from '@/lib/store/staging';
import type { ChangeInProgress } from '@/lib/views';
import { generatePack } from '../../../scripts/bench/generated-pack';
import { importFileByCall } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

/** Too large to replace in one transaction, so a removal takes many batches. */
const large = generatePack({
  documents: 20,
  entities: SMALL_CHANGE_ROWS + 10,
  quotes: 60,
  events: 10,
});
const nameInLarge = large.entities[7]?.name as string;

// Each test writes and deletes over 5,000 rows in fake-indexeddb: 2–5 s here, and more on a
// slower machine, so the default 5 s would fail them for the machine's speed, not their result.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let db: BriefingsDatabase;
let service: BackgroundService;

beforeEach(async () => {
  db = new BriefingsDatabase(`removal-${crypto.randomUUID()}`);
  service = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  await service.whenReady();
  await service.corpus.installAll([{ pack: large, replacing: [] }]);
});

afterEach(async () => {
  await db.delete();
});

/** A worker stopped after `batches` batches: the removal goes no further. */
function stopAfter(batches: number) {
  let heard = 0;
  service.corpus.onRemovalProgress = (progress) => {
    // One report as the removal starts, then one per batch.
    if (progress && heard++ > batches) throw new Error('the worker stopped');
  };
}

test('a large pack goes in batches, with its progress told at each one, and nothing stays', async () => {
  const heard: (ChangeInProgress | null)[] = [];
  service.corpus.onRemovalProgress = (progress) => heard.push(progress);
  await service.corpus.remove(large.id);
  const rows =
    large.documents.length + large.entities.length + large.quotes.length + large.events.length;
  expect(heard.at(-1)).toBeNull();
  const last = heard.at(-2);
  expect(last).toEqual({ removing: large.title, done: rows, total: rows });
  // One report before the first batch, one after each.
  expect(heard.length - 1).toBeGreaterThanOrEqual(4);
  expect(await findInconsistencies(db)).toEqual([]);
  expect(await db.entities.where('packId').equals(large.id).count()).toBe(0);
});

test('a stopped removal leaves the pack hidden from every read, and the next worker finishes it', async () => {
  stopAfter(1);
  await expect(service.corpus.remove(large.id)).rejects.toThrow('the worker stopped');
  // Rows are left, but no read sees them.
  expect(await db.entities.where('packId').equals(large.id).count()).toBeGreaterThan(0);
  const entityId = large.entities[7]?.id as string;
  expect(await service.briefing(entityId)).toBeNull();
  expect(await service.corpus.search(nameInLarge)).toEqual([]);
  expect((await service.corpus.listPacks()).map((pack) => pack.id)).not.toContain(large.id);

  const restarted = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  const heard: (ChangeInProgress | null)[] = [];
  restarted.corpus.onRemovalProgress = (progress) => heard.push(progress);
  await restarted.whenReady();
  await restarted.corpus.settled();
  expect(await findInconsistencies(db)).toEqual([]);
  expect(await db.entities.where('packId').equals(large.id).count()).toBe(0);
  // What is left is counted afresh: its progress ends at its total, whatever went before.
  const last = heard.at(-2);
  expect(last?.done).toBeGreaterThan(0);
  expect(last?.done).toBe(last?.total);
  // A later change still completes.
  await restarted.corpus.installAll([{ pack: smallPack(), replacing: [] }]);
  expect(await findInconsistencies(db)).toEqual([]);
});

test('a replace stopped among its deletions ends with the new pack after the restart', async () => {
  const revised = { ...large, title: 'Revised', entities: large.entities.slice(0, 5) };
  stopAfter(1);
  await expect(
    service.corpus.installAll([{ pack: revised, replacing: [large.id] }]),
  ).rejects.toThrow('the worker stopped');
  const restarted = new BackgroundService(db, () =>
    Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
  );
  await restarted.whenReady();
  expect(await restarted.corpus.getPack(large.id)).toMatchObject({
    title: 'Revised',
    counts: { entities: 5 },
  });
  expect(await findInconsistencies(db)).toEqual([]);
});

test('a change asked for during a removal waits for it, then runs', async () => {
  const removal = service.corpus.remove(large.id);
  const install = service.corpus.installAll([{ pack: smallPack(), replacing: [] }]);
  await Promise.all([removal, install]);
  expect((await service.corpus.listPacks()).map((pack) => pack.id)).toContain('field-notes');
  expect(await findInconsistencies(db)).toEqual([]);
});

test('a new worker on a database whose removal finished has nothing to resume', async () => {
  await service.corpus.remove(large.id);
  const fresh = new CorpusStore(db);
  expect(await fresh.resumeChange()).toBe(false);
  expect(await db.journal.count()).toBe(0);
});

test('a small pack is replaced in one transaction: a refused install leaves it in place', async () => {
  await service.corpus.installAll([{ pack: smallPack(), replacing: [] }]);
  vi.spyOn(db.quotes, 'bulkAdd').mockRejectedValueOnce(
    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  );
  const revised = { ...smallPack(), title: 'Field notes, revised' };
  await expect(
    service.corpus.installAll([{ pack: revised, replacing: ['field-notes'] }]),
  ).rejects.toThrow('quota');
  vi.restoreAllMocks();
  expect(await service.corpus.getPack('field-notes')).toMatchObject({
    title: smallPack().title,
  });
  expect(await findInconsistencies(db)).toEqual([]);
});

test('a large replace refused after the old version is removed says so, not "nothing was changed"', async () => {
  const newVersion = { ...large, title: `${large.title}, updated` };
  vi.spyOn(db.entities, 'bulkAdd').mockRejectedValueOnce(
    new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
  );
  const refused = service.corpus.installAll([{ pack: newVersion, replacing: [large.id] }]);
  await expect(refused).rejects.toThrow(
    `“${large.title}” was removed, but its new version could not be saved: your browser's storage for Briefings is full.`,
  );
  const error = await refused.catch((caught: unknown) => caught);
  expect(describeFailure(error)).not.toMatch(/nothing was changed/i);
  expect((await service.corpus.listPacks()).map((pack) => pack.id)).not.toContain(large.id);
  expect(await findInconsistencies(db)).toEqual([]);
});

describe('a large pack is installed in steps', () => {
  const another = { ...large, id: 'another-large', title: 'Another large pack' };

  test('its rows are written in batches and shown at once at the end, searchable', async () => {
    const stages: string[] = [];
    const batches = vi.spyOn(db.entities, 'bulkAdd');
    const [row] = await service.corpus.installAll(
      [{ pack: another, replacing: [] }],
      'imported',
      ({ stage }) => stages.push(stage),
    );
    expect(row).toMatchObject({ id: another.id, counts: { entities: another.entities.length } });
    expect(batches.mock.calls.length).toBeGreaterThan(1);
    expect(stages).toEqual([
      'Saving documents',
      'Saving names',
      'Saving quotes',
      'Saving the timeline',
      'Indexing for search',
      'Saved',
    ]);
    const hits = await new CorpusStore(db).search(nameInLarge);
    expect(hits.map((hit) => hit.packId)).toContain(another.id);
    expect(await findInconsistencies(db)).toEqual([]);
    // The journal named the pack's stage, not the pack; the stage goes with the journal.
    expect(await db.staging.count()).toBe(0);
  });

  test('the names of the corpus it leaves are ready when it shows: no read after it builds them', async () => {
    const revised = {
      ...large,
      title: 'Revised',
      entities: large.entities.map((entity, at) => ({
        ...entity,
        name: `Ottoline Quarrendon ${at}`,
        aliases: [],
      })),
    };
    // No page listens for the import's progress here.
    vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
      _message: unknown,
      respond?: (answer: unknown) => void,
    ) => respond?.(undefined)) as never);
    const handlers = backgroundHandlers(service);
    await handlers.getBriefing({ entityId: 'entity-7' }); // the present names are built
    const entityReads = vi.spyOn(service.corpus, 'installedEntities');
    const outcome = await importFileByCall(handlers, db, JSON.stringify(revised), 'replace');
    expect(outcome).toMatchObject({ ok: true });
    const readsByImport = entityReads.mock.calls.length;
    const briefing = await handlers.getBriefing({ entityId: 'entity-7' });
    expect(briefing?.entity.name).toBe('Ottoline Quarrendon 7');
    const [mistyped] = await handlers.search({ query: 'Otolline Quarendon' });
    expect(mistyped).toMatchObject({ kind: 'entity', packId: large.id });
    expect(entityReads.mock.calls.length).toBe(readsByImport);
    // What a worker starting now would build from the database.
    const fresh = new BackgroundService(db, () =>
      Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
    );
    const [prepared, built] = [await service.corpusCatalog(), await fresh.corpusCatalog()];
    expect(prepared.dictionary).toEqual(built.dictionary);
    expect(prepared.entities).toEqual(built.entities);
    expect([...prepared.packOf]).toEqual([...built.packOf]);
    expect([...prepared.spellings]).toEqual([...built.spellings]);
  });

  test('refused on the way (storage full), it leaves nothing behind and nothing changed', async () => {
    vi.spyOn(db.quotes, 'bulkAdd').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await expect(service.corpus.installAll([{ pack: another, replacing: [] }])).rejects.toThrow(
      'quota',
    );
    expect(await service.corpus.getPack(another.id)).toBeUndefined();
    expect(await db.entities.where('packId').equals(another.id).count()).toBe(0);
    expect(await db.journal.count()).toBe(0);
    expect(await db.staging.count()).toBe(0);
    expect(await findInconsistencies(db)).toEqual([]);
  });

  test('refused at its last step, the names it prepared are never shown', async () => {
    await service.briefing(large.entities[0]?.id as string);
    vi.spyOn(db.packs, 'bulkAdd').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    await expect(service.corpus.installAll([{ pack: another, replacing: [] }])).rejects.toThrow(
      'quota',
    );
    const { packOf } = await service.corpusCatalog();
    expect(packOf.get(another.entities[0]?.id as string)).toBe(large.id);
    expect(new Set(packOf.values())).not.toContain(another.id);
    expect(await findInconsistencies(db)).toEqual([]);
  });

  test('stopped among its batches, it is installed whole by the next worker', async () => {
    // What a worker stopped while saving names leaves: the pack staged, the journal naming
    // it, and some rows, hidden.
    const stageId = await stagePacks(db, [{ pack: another, contentHash: 'another' }]);
    // Staged long ago: the journal's stage is read, not cleared as abandoned.
    await db.staging.update([stageId, 0], { 'manifest.stagedAt': 0 });
    await db.journal.put({
      id: 'pending',
      removing: [],
      installing: [
        {
          stageId,
          index: 0,
          id: another.id,
          title: another.title,
          contentHash: 'another',
          origin: 'imported',
        },
      ],
    });
    await db.entities.bulkAdd(rowsOfPack(another).entities.slice(0, 1_000));
    expect((await service.corpus.listPacks()).map((pack) => pack.id)).not.toContain(another.id);

    const restarted = new BackgroundService(db, () =>
      Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
    );
    // Open pages were never told of the change: the worker that takes it up tells them.
    const pagesTold = vi.fn();
    restarted.onChangeResumed = pagesTold;
    await restarted.whenReady();
    expect(pagesTold).toHaveBeenCalledTimes(1);
    expect(await restarted.corpus.getPack(another.id)).toMatchObject({
      counts: { entities: another.entities.length },
    });
    expect(await db.journal.count()).toBe(0);
    expect(await db.staging.count()).toBe(0);
    expect(await findInconsistencies(db)).toEqual([]);
  });
});
