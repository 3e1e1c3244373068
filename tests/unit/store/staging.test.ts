/**
 * Packs handed from the page that read a file to the background, through the database: read
 * back whole, in parts small enough to read between two calls, and gone once imported or
 * abandoned.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase } from '@/lib/store/db';
import {
  ABANDONED_STAGE_MS,
  discardAbandonedStages,
  readStagedPacks,
  StageMissing,
  stagePacks,
} from '@/lib/store/staging';
import { generatePack } from '../../../scripts/bench/generated-pack';
import { importFile } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;

beforeEach(() => {
  db = new BriefingsDatabase(`staging-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

test('packs read back from their stage are the packs staged, each with its hash', async () => {
  const packs = [
    { pack: smallPack(), contentHash: 'small' },
    {
      pack: generatePack({ documents: 30, entities: 3_000, quotes: 300, events: 30 }),
      contentHash: 'large',
    },
  ];
  const stageId = await stagePacks(db, packs);
  expect(await readStagedPacks(db, stageId)).toEqual(packs);
});

test('a large pack is staged in many parts, none much over 256 KB of JSON', async () => {
  const pack = generatePack({ documents: 200, entities: 20_000, quotes: 2_000, events: 200 });
  const stageId = await stagePacks(db, [{ pack, contentHash: 'large' }]);
  const parts = await db.staging.where('stageId').equals(stageId).toArray();
  const sizes = parts.slice(1).map((part) => JSON.stringify(part.rows).length);
  expect(parts.length).toBeGreaterThan(JSON.stringify(pack).length / (300 * 1024));
  // A part ends with the row that takes it past 256 KB: at most one row more.
  const largestRow = Math.max(...pack.documents.map((document) => JSON.stringify(document).length));
  expect(Math.max(...sizes)).toBeLessThanOrEqual(256 * 1024 + largestRow + 2);
});

test('an import leaves no stage behind, whether it installs, asks or finds the pack there', async () => {
  const store = new CorpusStore(db);
  await store.seedBundled(bundledPack());
  expect(await importFile(store, JSON.stringify(smallPack()))).toMatchObject({ ok: true });
  const revised = { ...smallPack(), title: 'Field notes, revised', events: [] };
  expect(await importFile(store, JSON.stringify(revised))).toMatchObject({ ok: false });
  expect(await importFile(store, JSON.stringify(smallPack()))).toMatchObject({ ok: true });
  expect(await db.staging.count()).toBe(0);
});

test('a stage left by a closed page goes once it is old; a fresh one and the journal’s stay', async () => {
  const old = await stagePacks(db, [{ pack: smallPack('old'), contentHash: 'old' }]);
  const now = Date.now() + ABANDONED_STAGE_MS + 1_000;
  const fresh = await stagePacks(db, [{ pack: smallPack('fresh'), contentHash: 'fresh' }]);
  await db.staging.update([fresh, 0], { 'manifest.stagedAt': now - 1_000 });
  const journals = await stagePacks(db, [{ pack: smallPack('journal'), contentHash: 'journal' }]);

  await discardAbandonedStages(db, new Set([journals]), now);
  const left = await db.staging.orderBy('stageId').uniqueKeys();
  expect(left.sort()).toEqual([fresh, journals].sort());
  await expect(readStagedPacks(db, old)).rejects.toThrow(StageMissing);
  await expect(readStagedPacks(db, old)).rejects.toThrow('import it again');
});
