import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { validatePack } from '@/lib/pack/schema';
import { CorpusStore } from '@/lib/store/corpus-store';
import { BriefingsDatabase } from '@/lib/store/db';
import { exportPackFile } from '@/lib/store/pack-files';
import { SettingsStore } from '@/lib/store/settings';
import { importFile } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let store: CorpusStore;

beforeEach(async () => {
  db = new BriefingsDatabase(`test-${crypto.randomUUID()}`);
  store = new CorpusStore(db);
  await store.seedBundled(bundledPack());
});

afterEach(async () => {
  await db.delete();
});

async function counts() {
  return {
    packs: await db.packs.count(),
    documents: await db.documents.count(),
    entities: await db.entities.count(),
    quotes: await db.quotes.count(),
    events: await db.events.count(),
  };
}

test('the bundled pack compiled from corpus/ is valid', () => {
  expect(validatePack(bundledPack())).toMatchObject({ ok: true });
});

describe('seeding', () => {
  test('installs every row of the bundled pack in its tables', async () => {
    const pack = bundledPack();
    expect(await counts()).toEqual({
      packs: 1,
      documents: pack.documents.length,
      entities: pack.entities.length,
      quotes: pack.quotes.length,
      events: pack.events.length,
    });
    const [row] = await store.listPacks();
    expect(row).toMatchObject({ id: pack.id, origin: 'bundled' });
  });

  test('an update replaces the bundled rows and leaves imported packs and settings alone', async () => {
    await importFile(store, JSON.stringify(smallPack()));
    const settings = new SettingsStore(db);
    await settings.updateGeneral({ highlightStyle: 'strong' });
    await settings.setSiteEnabled('example.org', false);

    const updated = bundledPack();
    updated.id = 'seed-corpus-v2';
    updated.quotes = updated.quotes.slice(0, 3);
    await store.seedBundled(updated);

    const packs = await store.listPacks();
    expect(packs.map((pack) => [pack.id, pack.origin])).toEqual([
      ['field-notes', 'imported'],
      ['seed-corpus-v2', 'bundled'],
    ]);
    expect(await db.quotes.where('packId').equals('seed-corpus-v2').count()).toBe(3);
    expect(await db.quotes.where('packId').equals(bundledPack().id).count()).toBe(0);
    expect(await db.quotes.where('packId').equals('field-notes').count()).toBe(1);
    expect((await settings.general()).highlightStyle).toBe('strong');
    expect(await settings.siteEnabled('example.org')).toBe(false);
  });
});

describe('import', () => {
  test('a good pack is installed and becomes searchable', async () => {
    const outcome = await importFile(store, JSON.stringify(smallPack()));
    expect(outcome).toMatchObject({
      ok: true,
      installed: [{ id: 'field-notes', origin: 'imported' }],
    });
    const hits = await store.search('kovalenko');
    expect(hits[0]).toMatchObject({ kind: 'entity', id: 'person-olena-kovalenko' });
  });

  test('reports its progress, step by step, to the end', async () => {
    const steps: string[] = [];
    await importFile(store, JSON.stringify(smallPack()), 'refuse', (progress) =>
      steps.push(`${progress.done}/${progress.total} ${progress.stage}`),
    );
    expect(steps).toEqual([
      '0/6 Saving documents',
      '1/6 Saving names',
      '2/6 Saving quotes',
      '3/6 Saving the timeline',
      '4/6 Indexing for search',
      '5/6 Saved',
    ]);
  });

  test('a file that is not JSON is refused, with nothing changed', async () => {
    const before = await counts();
    const outcome = await importFile(store, '{"format": "briefings-pack"');
    expect(outcome).toMatchObject({
      ok: false,
      message: 'This file is not a pack: it is not valid JSON.',
      // In words, not the parser's own message.
      problems: ['It ends before the JSON is complete: the file may be cut short.'],
    });
    expect(await importFile(store, '{"format": 1,, }')).toMatchObject({
      problems: [expect.stringMatching(/^It stops being JSON at (character|line) /)],
    });
    expect(await counts()).toEqual(before);
  });

  test('a malformed pack lists every problem with its path, with nothing changed', async () => {
    const before = await counts();
    const broken = smallPack();
    broken.quotes[0]!.sources[0]!.end = 9999;
    broken.quotes[0]!.speakerId = 'person-nobody';
    const outcome = await importFile(store, JSON.stringify(broken));
    if (outcome.ok) throw new Error('a broken pack was imported');
    expect(outcome.message).toBe(
      'This pack was not imported: it has 3 problems. Nothing was changed.',
    );
    expect(outcome.problems).toEqual([
      'quotes[0].speakerId: no entity with id "person-nobody"',
      expect.stringMatching(/^quotes\[0\]\.sources\[0\]\.end: end 9999 is past the document text/),
      expect.stringMatching(/^quotes\[0\]\.sources\[0\]: slices to ".*", which is neither/),
    ]);
    expect(await counts()).toEqual(before);
  });

  test('a pack of the wrong shape is refused with the place of each fault', async () => {
    const before = await counts();
    const broken = smallPack() as unknown as Record<string, unknown>;
    broken.version = 7;
    (broken.events as { date: string }[])[0]!.date = '2024-02-30';
    const outcome = await importFile(store, JSON.stringify(broken));
    if (outcome.ok) throw new Error('a broken pack was imported');
    expect(outcome.problems).toEqual([
      expect.stringMatching(/^version: /),
      'events[0].date: is not a date on the calendar',
    ]);
    expect(await counts()).toEqual(before);
  });

  test('keep both gives the copy an id that no pack of the same file uses', async () => {
    await importFile(store, JSON.stringify(smallPack()));
    const revised = smallPack('field-notes', { title: 'Field notes, revised' });
    revised.documents[0]!.title = 'Mayor promises a bridge, again';
    const neighbour = smallPack('field-notes-2', { title: 'More field notes' });
    neighbour.documents[0]!.title = 'Another account';
    const file = JSON.stringify({
      format: 'briefings-pack-collection',
      version: 1,
      packs: [revised, neighbour],
    });
    const outcome = await importFile(store, file, 'keep-both');
    expect(outcome).toMatchObject({ ok: true });
    expect((await store.listPacks()).map((pack) => [pack.id, pack.title])).toEqual([
      ['field-notes', 'Field notes from Zolotyi Bereh'],
      ['field-notes-2', 'More field notes'],
      ['field-notes-3', 'Field notes, revised (3)'],
      [bundledPack().id, bundledPack().title],
    ]);
  });

  test('two packs may use the same ids inside them without touching each other', async () => {
    const other = smallPack('other-notes');
    other.quotes[0]!.text = 'We will rebuild the bridge before winter.';
    other.documents[0]!.title = 'Another account';
    await importFile(store, JSON.stringify(smallPack()));
    await importFile(store, JSON.stringify(other));
    expect((await db.documents.get(['field-notes', 'notes-1']))?.title).toBe(
      'Mayor promises a bridge',
    );
    expect((await db.documents.get(['other-notes', 'notes-1']))?.title).toBe('Another account');
  });

  test('a quota error mid-import rolls everything back and says what happened', async () => {
    const before = await counts();
    const hitsBefore = await store.search('kremlin');
    vi.spyOn(db.quotes, 'bulkAdd').mockRejectedValueOnce(
      new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const outcome = await importFile(store, JSON.stringify(smallPack()));
    expect(outcome).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Your browser's storage for Briefings is full\. Nothing was changed/,
      ),
    });
    expect(await counts()).toEqual(before);
    expect(await store.search('kovalenko')).toEqual([]);
    expect(await store.search('kremlin')).toEqual(hitsBefore);
    // A fresh store (a restarted service worker) sees the same, from the database alone.
    expect(await new CorpusStore(db).search('kovalenko')).toEqual([]);
  });
});

describe('export', () => {
  test('export then import gives the same data', async () => {
    await importFile(store, JSON.stringify(smallPack()));
    const file = await exportPackFile(store, 'all');
    const rowsBefore = await Promise.all([
      db.documents.toArray(),
      db.quotes.toArray(),
      db.events.toArray(),
      db.entities.toArray(),
    ]);

    const fresh = new BriefingsDatabase(`test-${crypto.randomUUID()}`);
    const freshStore = new CorpusStore(fresh);
    const outcome = await importFile(freshStore, file?.text ?? '');
    expect(outcome).toMatchObject({ ok: true });
    const rowsAfter = await Promise.all([
      fresh.documents.toArray(),
      fresh.quotes.toArray(),
      fresh.events.toArray(),
      fresh.entities.toArray(),
    ]);
    expect(rowsAfter).toEqual(rowsBefore);
    await fresh.delete();
  });

  test('one pack exports as a valid pack file named after it', async () => {
    const file = await exportPackFile(store, bundledPack().id);
    expect(file?.fileName).toBe(`${bundledPack().id}.briefings.json`);
    const validation = validatePack(JSON.parse(file?.text ?? ''));
    expect(validation.ok).toBe(true);
  });
});

describe('remove and reset', () => {
  test('removing a pack removes its rows and its search hits', async () => {
    await importFile(store, JSON.stringify(smallPack()));
    await store.remove('field-notes');
    expect(await db.documents.where('packId').equals('field-notes').count()).toBe(0);
    expect(await store.search('kovalenko')).toEqual([]);
    expect(await new CorpusStore(db).search('kovalenko')).toEqual([]);
  });

  test('reset leaves the bundled corpus alone and keeps settings', async () => {
    await importFile(store, JSON.stringify(smallPack()));
    const settings = new SettingsStore(db);
    await settings.updateGeneral({ paused: true });
    await store.resetTo(bundledPack());
    expect((await store.listPacks()).map((pack) => pack.id)).toEqual([bundledPack().id]);
    expect((await settings.general()).paused).toBe(true);
  });
});
