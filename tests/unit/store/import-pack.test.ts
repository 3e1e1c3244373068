/**
 * An import from the page that picked the file. Its background stopped midway: a large install
 * is finished by the worker that starts next, and the page then says the pack is imported;
 * otherwise it says nothing changed. The picked file is read where it is staged, and one that can
 * no longer be read is said so.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { describeFailure, INTERRUPTED } from '@/lib/failure-words';
import { importPackFile } from '@/lib/import-pack';
import { FILE_UNREADABLE, stagePackFile, stagePickedFile } from '@/lib/pack-file-reading';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase } from '@/lib/store/db';
import { importStagedPacks } from '@/lib/store/pack-files';
import type { OnConflict } from '@/lib/views';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let store: CorpusStore;

beforeEach(async () => {
  db = new BriefingsDatabase(`import-pack-${crypto.randomUUID()}`);
  store = new CorpusStore(db);
  await store.seedBundled(bundledPack());
});

afterEach(async () => {
  await db.delete();
});

const stage = (text: string) => stagePackFile(text, db);

/** The browser's words when the worker answering a call stops. */
const stopped = () =>
  new Error(
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  );

test('stopped after the install was under way: the next worker finished it, and the page says imported', async () => {
  const background = {
    async installStaged(stageId: string, onConflict: OnConflict) {
      await importStagedPacks(store, stageId, onConflict);
      throw stopped();
    },
    listPacks: () => store.listPacks(),
  };
  const outcome = await importPackFile(
    JSON.stringify(smallPack()),
    'refuse',
    background,
    db,
    stage,
  );
  expect(outcome).toMatchObject({ ok: true, installed: [{ id: 'field-notes' }], unchanged: [] });
});

test('stopped before anything was saved: the page says so, and that nothing changed', async () => {
  const before = await store.listPacks();
  const background = {
    installStaged: () => Promise.reject(stopped()),
    listPacks: () => store.listPacks(),
  };
  const failed = await importPackFile(
    JSON.stringify(smallPack()),
    'refuse',
    background,
    db,
    stage,
  ).catch((error: unknown) => error);
  expect(describeFailure(failed)).toBe(INTERRUPTED);
  expect(await store.listPacks()).toEqual(before);
  expect(await db.staging.count()).toBe(0);
});

const installedHere = {
  installStaged: (stageId: string, onConflict: OnConflict) =>
    importStagedPacks(store, stageId, onConflict),
  listPacks: () => store.listPacks(),
};

test('the picked file is read where it is staged, and imported', async () => {
  const file = new Blob([JSON.stringify(smallPack())], { type: 'application/json' });
  const outcome = await importPackFile(file, 'refuse', installedHere, db, (picked) =>
    stagePickedFile(picked, db),
  );
  expect(outcome).toMatchObject({ ok: true, installed: [{ id: 'field-notes' }] });
});

test('a picked file that can no longer be read (moved or changed since) is said so, and nothing changes', async () => {
  const before = await store.listPacks();
  const moved = {
    text: () =>
      Promise.reject(new DOMException('The requested file could not be read.', 'NotReadableError')),
  } as unknown as Blob;
  const outcome = await importPackFile(moved, 'refuse', installedHere, db, (picked) =>
    stagePickedFile(picked, db),
  );
  expect(outcome).toEqual({ ok: false, message: FILE_UNREADABLE, problems: [] });
  expect(await store.listPacks()).toEqual(before);
  expect(await db.staging.count()).toBe(0);
});
