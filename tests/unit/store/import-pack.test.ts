/**
 * An import whose background is stopped midway: a large install is finished by the worker that
 * starts next, and the page then says the pack is imported; otherwise it says nothing changed.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { describeFailure, INTERRUPTED } from '@/lib/failure-words';
import { importPackText } from '@/lib/import-pack';
import { stagePackFile } from '@/lib/pack-file-reading';
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
  const outcome = await importPackText(
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
  const failed = await importPackText(
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
