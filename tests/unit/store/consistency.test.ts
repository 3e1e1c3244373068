import { afterEach, beforeEach, expect, test } from 'vitest';
import { findInconsistencies } from '@/lib/store/consistency';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase, rowsOfPack } from '@/lib/store/db';
import { deleteIndexParts } from '@/lib/store/index-parts';
import { importFile } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let store: CorpusStore;

beforeEach(async () => {
  db = new BriefingsDatabase(`consistency-${crypto.randomUUID()}`);
  store = new CorpusStore(db);
  await store.seedBundled(bundledPack());
  await importFile(store, JSON.stringify(smallPack()));
});

afterEach(async () => {
  await db.delete();
});

test('installed packs, with their rows and indexes, are consistent', async () => {
  expect(await findInconsistencies(db)).toEqual([]);
  await store.remove('field-notes');
  expect(await findInconsistencies(db)).toEqual([]);
});

test('rows of a pack that is not installed are found', async () => {
  const stray = rowsOfPack(smallPack('gone-pack'));
  await db.quotes.bulkAdd(stray.quotes);
  expect(await findInconsistencies(db)).toEqual([
    'quotes: rows of "gone-pack", which is not installed',
  ]);
});

test('a pack holding fewer rows than it declares is found, and its index entry without a row', async () => {
  const [quote] = await db.quotes.where('packId').equals('field-notes').toArray();
  await db.quotes.delete(['field-notes', quote?.id as string]);
  expect(await findInconsistencies(db)).toEqual([
    `"field-notes" declares 1 quotes and holds 0`,
    `"field-notes": 1 index entries without a row (quote:field-notes:${quote?.id}…)`,
  ]);
});

test('a row its pack index has no entry for is found', async () => {
  const [quote] = rowsOfPack(smallPack()).quotes;
  await db.quotes.add({ ...(quote as NonNullable<typeof quote>), id: 'quote-added-later' });
  const pack = await db.packs.get('field-notes');
  await db.packs.update('field-notes', {
    counts: { ...(pack as NonNullable<typeof pack>).counts, quotes: 2 },
  });
  expect(await findInconsistencies(db)).toEqual([
    '"field-notes": 1 rows not in its index (quote:field-notes:quote-added-later…)',
  ]);
});

test('a pack without its saved index is found, and an index of a pack not installed', async () => {
  const saved = (await db.searchIndexParts.toArray()).filter(
    ({ packId }) => packId === 'field-notes',
  );
  await db.searchIndexParts.bulkAdd(saved.map((part) => ({ ...part, packId: 'gone-pack' })));
  await deleteIndexParts(db, 'field-notes');
  const problems = await findInconsistencies(db);
  expect(problems).toEqual([
    'search index of "gone-pack", which is not installed',
    '"field-notes" has no saved search index',
  ]);
});

test('a change left under way is reported until it is finished', async () => {
  await db.journal.put({
    id: 'pending',
    removing: [{ id: 'field-notes', title: 'x' }],
    installing: [],
  });
  // As the removal's first transaction leaves it: the pack row and its index gone.
  await db.packs.delete('field-notes');
  await deleteIndexParts(db, 'field-notes');
  expect(await findInconsistencies(db)).toContain(
    'a change is under way: removing [field-notes], installing []',
  );
  const restarted = new CorpusStore(db);
  await restarted.resumeChange();
  await restarted.settled();
  expect(await findInconsistencies(db)).toEqual([]);
});
