/**
 * Importing a pack that is already there: the same content is recognised and nothing is written;
 * a taken id with other content waits for the reader's choice (replace, keep both, or nothing).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backgroundHandlers } from '@/lib/background/api';
import { BackgroundService } from '@/lib/background/service';
import { compileSubmission } from '@/lib/compiler/compile-for-reading';
import { packContentHash } from '@/lib/pack/content-hash';
import type { Pack } from '@/lib/pack/schema';
import { BriefingsDatabase } from '@/lib/store/db';
import { READING_PACK_ID } from '@/lib/views';
import { importFileByCall } from '../../support/import-file';
import { bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let service: BackgroundService;
let handlers: ReturnType<typeof backgroundHandlers>;

beforeEach(async () => {
  // Progress and change notices go to pages; none listen here.
  vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
    _message: unknown,
    respond?: (answer: unknown) => void,
  ) => respond?.(undefined)) as never);
  db = new BriefingsDatabase(`imports-${crypto.randomUUID()}`);
  service = new BackgroundService(
    db,
    () => Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
    async (submission, known) => compileSubmission(submission, known),
  );
  handlers = backgroundHandlers(service);
  await service.whenReady();
});

afterEach(async () => {
  await service.corpus.settled();
  await db.delete();
});

const importText = (fileText: string, onConflict?: 'replace' | 'keep-both') =>
  importFileByCall(handlers, db, fileText, onConflict);

/** The field notes, revised: the same id, one more event on the timeline. */
function revisedNotes(): Pack {
  const pack = smallPack('field-notes', { title: 'Field notes, revised', createdAt: '2024-07-01' });
  const [event] = pack.events;
  if (!event) throw new Error('the small pack has an event');
  pack.events.push({ ...event, id: 'event-bridge-reopened', title: 'The bridge reopens' });
  return pack;
}

/** Everything an import could write, to show that nothing was. */
async function everything() {
  const tables = [db.packs, db.documents, db.entities, db.quotes, db.events, db.settings];
  return Promise.all(tables.map((table) => table.toArray()));
}

const packList = async () =>
  (await handlers.listPacks(undefined)).map((row) => `${row.id}: ${row.title}`);

describe('a pack that is already installed', () => {
  test('the same file twice: the second import is recognised and writes nothing', async () => {
    await importText(JSON.stringify(smallPack()));
    const before = await everything();
    const outcome = await importText(JSON.stringify(smallPack()));
    expect(outcome).toMatchObject({
      ok: true,
      installed: [],
      unchanged: [{ id: 'field-notes', title: 'Field notes from Zolotyi Bereh' }],
    });
    expect(await everything()).toEqual(before);
  });

  test('the same content laid out differently (spacing, key order, list order) is the same pack', async () => {
    const pack = smallPack();
    pack.events.push({ ...(pack.events[0] as Pack['events'][number]), id: 'event-another' });
    await importText(JSON.stringify(pack));
    const reordered = { ...pack, events: [...pack.events].reverse() };
    const keysReversed = Object.fromEntries(Object.entries(reordered).reverse());
    const outcome = await importText(JSON.stringify(keysReversed, null, '\t'));
    expect(outcome).toMatchObject({ ok: true, installed: [], unchanged: [{ id: 'field-notes' }] });
  });

  test('the bundled corpus, exported and imported again, is already installed', async () => {
    const before = await everything();
    const file = await handlers.exportPack({ packId: bundledPack().id });
    const outcome = await importText(file.text);
    expect(outcome).toMatchObject({ ok: true, installed: [], unchanged: [{ origin: 'bundled' }] });
    expect(await everything()).toEqual(before);
  });

  test('"My reading", exported and imported again, is already installed', async () => {
    await handlers.addArticle({
      kind: 'read',
      article: {
        url: 'https://news.example.org/grain',
        title: 'Grain talks stall',
        outlet: 'Example News',
        byline: null,
        publishedAt: '2024-05-14',
        text: '"We will not sign anything that ignores our security," Kremlin spokesman Dmitry Peskov told reporters in Moscow.',
      },
    });
    const file = await handlers.exportPack({ packId: READING_PACK_ID });
    const before = await packList();
    const outcome = await importText(file.text);
    expect(outcome).toMatchObject({
      ok: true,
      installed: [],
      unchanged: [{ id: READING_PACK_ID, origin: 'reading' }],
    });
    expect(await packList()).toEqual(before);
  });

  test('a pack installed before content hashes were kept is recognised, and keeps its hash', async () => {
    await importText(JSON.stringify(smallPack()));
    await db.packs.update('field-notes', { contentHash: undefined });
    const outcome = await importText(JSON.stringify(smallPack()));
    expect(outcome).toMatchObject({ ok: true, installed: [], unchanged: [{ id: 'field-notes' }] });
    expect((await db.packs.get('field-notes'))?.contentHash).toBe(
      await packContentHash(smallPack()),
    );
  });

  test('a file of several packs installs the new ones and leaves the known ones alone', async () => {
    await importText(JSON.stringify(smallPack()));
    const other = smallPack('other-notes', { title: 'Other notes' });
    other.documents[0] = { ...(other.documents[0] as Pack['documents'][number]), title: 'Other' };
    const file = { format: 'briefings-pack-collection', version: 1, packs: [smallPack(), other] };
    const outcome = await importText(JSON.stringify(file));
    expect(outcome).toMatchObject({
      ok: true,
      installed: [{ id: 'other-notes' }],
      unchanged: [{ id: 'field-notes' }],
    });
  });
});

describe('a taken id with other content', () => {
  test('asks, comparing both versions, and changes nothing until the reader chooses', async () => {
    await importText(JSON.stringify(smallPack()));
    const before = await everything();
    const outcome = await importText(JSON.stringify(revisedNotes()));
    expect(outcome).toEqual({
      ok: false,
      message:
        'A different version of “Field notes from Zolotyi Bereh” is installed. Nothing was changed yet.',
      problems: [],
      conflicts: [
        {
          packId: 'field-notes',
          installed: {
            title: 'Field notes from Zolotyi Bereh',
            createdAt: '2024-06-02',
            counts: { documents: 1, entities: 1, quotes: 1, events: 1 },
            installedAt: expect.any(Number),
          },
          incoming: {
            title: 'Field notes, revised',
            createdAt: '2024-07-01',
            counts: { documents: 1, entities: 1, quotes: 1, events: 2 },
          },
          replaceable: true,
        },
      ],
    });
    expect(await everything()).toEqual(before);
  });

  test('keep both installs a numbered copy beside it; replace puts it in its place', async () => {
    await importText(JSON.stringify(smallPack()));
    await importText(JSON.stringify(revisedNotes()), 'keep-both');
    expect(await packList()).toEqual([
      'field-notes: Field notes from Zolotyi Bereh',
      'field-notes-2: Field notes, revised (2)',
      `${bundledPack().id}: ${bundledPack().title}`,
    ]);
    // The copy is now installed too: importing the file again is recognised.
    expect(await importText(JSON.stringify(revisedNotes()))).toMatchObject({
      ok: true,
      unchanged: [{ id: 'field-notes-2' }],
    });

    await handlers.removePack({ packId: 'field-notes-2' });
    await importText(JSON.stringify(revisedNotes()), 'replace');
    const [replaced] = await handlers.listPacks(undefined);
    expect(replaced).toMatchObject({
      id: 'field-notes',
      title: 'Field notes, revised',
      counts: { events: 2 },
    });
  });

  test('the bundled corpus and "My reading" can be kept beside a copy, never replaced', async () => {
    const bundled = bundledPack();
    const changed = { ...bundled, quotes: bundled.quotes.slice(1) };
    const outcome = await importText(JSON.stringify(changed), 'replace');
    expect(outcome).toMatchObject({ ok: false, conflicts: [{ replaceable: false }] });
    expect((await handlers.listPacks(undefined)).map((row) => row.origin)).toEqual(['bundled']);

    await importText(JSON.stringify(changed), 'keep-both');
    expect(await packList()).toEqual([
      `${bundled.id}: ${bundled.title}`,
      `${bundled.id}-2: ${bundled.title} (2)`,
    ]);
  });
});
