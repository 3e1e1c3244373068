import { expect, test } from 'vitest';
import { createCorpusIndex, searchEntriesOf } from '@/lib/search/index';
import { findInconsistencies } from '@/lib/store/consistency';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase, countsOfPack, rowsOfPack, schemaHistory } from '@/lib/store/db';
import { packsWithSavedIndex, savedIndex } from '@/lib/store/index-parts';
import { SettingsStore } from '@/lib/store/settings';
import { smallPack } from '../../support/packs';

test('a database made by every earlier schema opens under the current one, packs and settings intact', async () => {
  for (let version = 1; version < schemaHistory.length; version++) {
    const name = `upgrade-from-${version}-${crypto.randomUUID()}`;
    const old = new BriefingsDatabase(name, version);
    const rows = rowsOfPack(smallPack());
    // Rows as that version wrote them: fields added later are not there yet.
    const { documentIds: _, ...withoutDocumentIds } = rows.quotes[0]!;
    const oldQuote = version < 2 ? withoutDocumentIds : rows.quotes[0]!;
    await old.packs.add({
      id: 'field-notes',
      title: 'Field notes',
      createdAt: '2024-06-02',
      origin: 'imported',
      installedAt: 1,
      counts: { documents: 1, entities: 1, quotes: 1, events: 1 },
    });
    await old.documents.bulkAdd(rows.documents);
    await old.entities.bulkAdd(rows.entities);
    await old.table('quotes').add(oldQuote);
    await old.events.bulkAdd(rows.events);
    await old.settings.put({ key: 'general', value: { paused: true, highlightStyle: 'strong' } });
    await old.settings.put({ key: 'site:example.org', value: false });
    old.close();

    const current = new BriefingsDatabase(name);
    await current.open();
    expect(current.verno).toBe(schemaHistory.at(-1)?.version);
    expect(await current.packs.get('field-notes')).toMatchObject({ title: 'Field notes' });
    expect(await current.quotes.where('documentIds').equals('notes-1').count()).toBe(1);
    const settings = new SettingsStore(current);
    expect(await settings.general()).toMatchObject({ paused: true, highlightStyle: 'strong' });
    expect(await settings.siteEnabled('example.org')).toBe(false);
    await current.delete();
  }
});

test('an install a version 4 worker left under way, its packs in the journal, is finished after the upgrade', async () => {
  const name = `upgrade-journal-${crypto.randomUUID()}`;
  const old = new BriefingsDatabase(name, 4);
  const pack = smallPack();
  await old.table('journal').put({
    id: 'pending',
    removing: [],
    installing: [{ pack, contentHash: 'notes', origin: 'imported' }],
  });
  await old.entities.bulkAdd(rowsOfPack(pack).entities); // written before the worker stopped
  old.close();

  const current = new BriefingsDatabase(name);
  const store = new CorpusStore(current);
  await store.resumeChange();
  expect(await store.getPack('field-notes')).toMatchObject({
    title: pack.title,
    counts: { entities: pack.entities.length, quotes: pack.quotes.length },
  });
  expect(await findInconsistencies(current)).toEqual([]);
  expect(await current.staging.count()).toBe(0);
  await current.delete();
});

test('a search index saved whole by version 5 is kept, in parts, and searched without rebuilding', async () => {
  const name = `upgrade-index-${crypto.randomUUID()}`;
  const old = new BriefingsDatabase(name, 5);
  const pack = smallPack();
  const rows = rowsOfPack(pack);
  await old.packs.add({
    id: pack.id,
    title: pack.title,
    createdAt: pack.createdAt,
    origin: 'imported',
    installedAt: 1,
    counts: countsOfPack(pack),
  });
  await old.documents.bulkAdd(rows.documents);
  await old.entities.bulkAdd(rows.entities);
  await old.quotes.bulkAdd(rows.quotes);
  await old.events.bulkAdd(rows.events);
  const index = createCorpusIndex();
  index.addAll(searchEntriesOf(rows));
  const json = JSON.stringify(index);
  // Version 5 wrote format 2: the index as one JSON text.
  await old.table('searchIndex').put({ id: pack.id, json, format: 2 });
  // Saved before indexes had a format: rebuilt when read, so not worth moving.
  await old.table('searchIndex').put({ id: 'older', json: '{}' });
  old.close();

  const current = new BriefingsDatabase(name);
  expect(await savedIndex(current, pack.id)).toEqual({ format: 2, parts: [json] });
  expect(await packsWithSavedIndex(current)).toEqual(new Set([pack.id]));
  expect(current.tables.map((table) => table.name)).not.toContain('searchIndex');
  const store = new CorpusStore(current);
  const [hit] = await store.search(pack.entities[0]?.name as string);
  expect(hit).toMatchObject({ kind: 'entity', packId: pack.id, id: pack.entities[0]?.id });
  expect(await findInconsistencies(current)).toEqual([]);
  await current.delete();
});
