/**
 * Adding articles to "My reading" through the background's handlers, on a database seeded with
 * the real bundled pack: what a reader sees in cards, search, marks and the pack list.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { backgroundHandlers } from '@/lib/background/api';
import { BackgroundService } from '@/lib/background/service';
import { compileSubmission } from '@/lib/compiler/compile-for-reading';
import type { ReadArticle } from '@/lib/corpus/article';
import { validatePack } from '@/lib/pack/schema';
import { BriefingsDatabase } from '@/lib/store/db';
import { packsWithSavedIndex, savedIndex } from '@/lib/store/index-parts';
import { READING_PACK_ID } from '@/lib/views';
import { importFileByCall } from '../../support/import-file';
import { bundledPack } from '../../support/packs';

let db: BriefingsDatabase;
let service: BackgroundService;
let handlers: ReturnType<typeof backgroundHandlers>;

beforeEach(() => {
  vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
    _message: unknown,
    respond?: (answer: unknown) => void,
  ) => respond?.(undefined)) as never);
  db = new BriefingsDatabase(`reading-${crypto.randomUUID()}`);
  service = serviceOn(db);
  handlers = backgroundHandlers(service);
});

/** The background on `db`, seeded with the bundled pack, compiling in place (no worker here). */
function serviceOn(database: BriefingsDatabase): BackgroundService {
  return new BackgroundService(
    database,
    () => Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
    async (submission, known) => compileSubmission(submission, known),
  );
}

afterEach(async () => {
  await db.delete();
});

const GRAIN_TALKS: ReadArticle = {
  url: 'https://news.example.org/2024/05/grain-talks',
  title: 'Grain talks stall as ports stay shut',
  outlet: 'Example News',
  byline: 'By A. Reporter',
  publishedAt: '2024-05-14',
  text: [
    'Talks on reopening the Black Sea ports stalled on Tuesday, officials said.',
    '"We will not sign anything that ignores our security," Kremlin spokesman Dmitry Peskov told reporters in Moscow.',
    'Marta Lindqvist, a trade economist at the Nordic Grain Institute, said the delay would push prices higher. "Every week without a deal costs importers dearly," Lindqvist said.',
    'Negotiators are expected to meet again next month.',
  ].join('\n\n'),
};

async function add(article: ReadArticle) {
  return handlers.addArticle({ kind: 'read', article });
}

describe('adding an article', () => {
  test('a known speaker is the same entity: their card gains the new quote', async () => {
    const added = await add(GRAIN_TALKS);
    expect(added).toMatchObject({ title: GRAIN_TALKS.title, outlet: 'Example News' });
    const briefing = await handlers.getBriefing({ entityId: 'dmitry-peskov', quoteLimit: 100 });
    const quote = briefing.quotesBy.find((q) => q.text.startsWith('We will not sign anything'));
    expect(quote?.sources[0]).toMatchObject({ packId: READING_PACK_ID, outlet: 'Example News' });
    const terms = (await handlers.getSpotDictionary({ knownVersion: null }))?.terms ?? [];
    const owners = terms.filter((term) => term.text === 'Dmitry Peskov').map((t) => t.entityId);
    expect(owners).toEqual(['dmitry-peskov']);
  });

  test('a new person is found, quoted, and marked on pages from then on', async () => {
    const added = await add(GRAIN_TALKS);
    expect(added.newNames).toContain('Marta Lindqvist');
    const [hit] = await handlers.search({ query: 'Lindqvist', kinds: ['entity'] });
    expect(hit).toMatchObject({ title: 'Marta Lindqvist' });
    const briefing = await handlers.getBriefing({ entityId: hit?.id as string });
    expect(briefing.quotesBy.map((q) => q.text)).toContain(
      'Every week without a deal costs importers dearly',
    );
    const dictionary = await handlers.getSpotDictionary({ knownVersion: null });
    expect(JSON.stringify(dictionary)).toContain('Marta Lindqvist');
  });

  test('its quotes and the article itself are found by search, and it is on the timeline', async () => {
    await add(GRAIN_TALKS);
    const quotes = await handlers.search({ query: 'importers dearly', kinds: ['quote'] });
    expect(quotes[0]).toMatchObject({ packId: READING_PACK_ID });
    const articles = await handlers.search({ query: 'grain talks stall', kinds: ['document'] });
    expect(articles[0]).toMatchObject({ packId: READING_PACK_ID, title: GRAIN_TALKS.title });
    const timeline = await handlers.getTimeline({});
    expect(timeline.find((event) => event.packId === READING_PACK_ID)).toMatchObject({
      date: '2024-05-14',
      dateBasis: 'metadata',
      title: `Example News: ${GRAIN_TALKS.title}`,
    });
  });

  test('the same address again updates it in place, never a second copy', async () => {
    const first = await add(GRAIN_TALKS);
    const again = await add({ ...GRAIN_TALKS, title: 'Grain talks stall (updated)' });
    expect(again).toMatchObject({ documentId: first.documentId, replaced: true });
    const [saved, ...others] = await handlers.listReadings(undefined);
    expect(others).toEqual([]);
    expect(saved?.title).toBe('Grain talks stall (updated)');
    const hits = await handlers.search({ query: 'importers dearly', kinds: ['quote'] });
    expect(hits).toHaveLength(1);
  });

  test('near-identical text at another address is the same article', async () => {
    const first = await add(GRAIN_TALKS);
    const syndicated = await add({
      ...GRAIN_TALKS,
      url: 'https://mirror.example.net/grain',
      text: `${GRAIN_TALKS.text}\n\nThis story was first published by Example News.`,
    });
    expect(syndicated).toMatchObject({ documentId: first.documentId, replaced: true });
    expect(await handlers.listReadings(undefined)).toHaveLength(1);
  });

  test('a different article is a second one', async () => {
    await add(GRAIN_TALKS);
    await add({
      url: 'https://news.example.org/2024/06/summit',
      title: 'Summit ends without a statement',
      outlet: 'Example News',
      byline: null,
      publishedAt: null,
      text: 'The summit in Brussels ended on Friday without a joint statement. Diplomats blamed a late dispute over wording, and several delegations left early to catch flights home.',
    });
    const listed = await handlers.listReadings(undefined);
    expect(listed.map((article) => article.title)).toEqual([
      'Summit ends without a statement',
      GRAIN_TALKS.title,
    ]);
    const [pack] = (await handlers.listPacks(undefined)).filter((p) => p.id === READING_PACK_ID);
    expect(pack).toMatchObject({ title: 'My reading', origin: 'reading' });
    expect(pack?.counts.documents).toBe(2);
  });

  test('a text file is compiled the same way; an empty one is refused with nothing saved', async () => {
    const added = await handlers.addArticle({
      kind: 'file',
      file: { fileName: 'notes.txt', contents: `Grain talks\n\n${GRAIN_TALKS.text}` },
    });
    expect(added.title).toBe('Grain talks');
    expect(added.quotes).toBeGreaterThan(1);
    await expect(
      handlers.addArticle({ kind: 'file', file: { fileName: 'empty.md', contents: '\n\n' } }),
    ).rejects.toThrow(/empty\.md could not be read as an article: the article is empty/);
    expect(await handlers.listReadings(undefined)).toHaveLength(1);
  });

  test('the export of My reading is a valid pack holding the article', async () => {
    await add(GRAIN_TALKS);
    const file = await handlers.exportPack({ packId: READING_PACK_ID });
    const validation = validatePack(JSON.parse(file.text));
    expect(validation.ok).toBe(true);
    expect(validation.ok && validation.pack.documents[0]?.title).toBe(GRAIN_TALKS.title);
  });

  test('an exported My reading, once the reading has grown, asks; kept both, it is a pack beside it', async () => {
    await add(GRAIN_TALKS);
    const file = await handlers.exportPack({ packId: READING_PACK_ID });
    expect(await importFileByCall(handlers, db, file.text)).toMatchObject({
      ok: true,
      installed: [],
      unchanged: [{ id: READING_PACK_ID }],
    });
    await add({
      ...GRAIN_TALKS,
      url: 'https://news.example.org/2024/05/ports',
      title: 'Ports stay shut',
      text: 'Marta Lindqvist said: "The ports will not open before June." Negotiators will meet again.',
    });
    const asked = await importFileByCall(handlers, db, file.text);
    expect(asked).toMatchObject({
      ok: false,
      conflicts: [{ packId: READING_PACK_ID, replaceable: false }],
    });
    const kept = await importFileByCall(handlers, db, file.text, 'keep-both');
    expect(kept).toMatchObject({
      ok: true,
      installed: [{ id: `${READING_PACK_ID}-2`, title: 'My reading (2)', origin: 'imported' }],
    });
    expect(await handlers.listReadings(undefined)).toHaveLength(2);
  });

  test('an exported My reading imported where there is none is a pack of its own, not a reading', async () => {
    await add(GRAIN_TALKS);
    const file = await handlers.exportPack({ packId: READING_PACK_ID });
    const elsewhere = new BriefingsDatabase(`reading-${crypto.randomUUID()}`);
    const other = backgroundHandlers(serviceOn(elsewhere));
    const outcome = await importFileByCall(other, elsewhere, file.text);
    expect(outcome).toMatchObject({
      ok: true,
      installed: [
        { id: `${READING_PACK_ID}-2`, title: 'My reading (imported)', origin: 'imported' },
      ],
    });
    expect(await other.listReadings(undefined)).toEqual([]);
    await elsewhere.delete();
  });
});

describe('removing an article', () => {
  test('its quotes leave every card, and a person only it named is gone', async () => {
    const added = await add(GRAIN_TALKS);
    const [person] = await handlers.search({ query: 'Lindqvist', kinds: ['entity'] });
    await handlers.removeReading({ documentId: added.documentId });
    const peskov = await handlers.getBriefing({ entityId: 'dmitry-peskov', quoteLimit: 100 });
    expect(peskov.quotesBy.some((q) => q.text.startsWith('We will not sign'))).toBe(false);
    await expect(handlers.getBriefing({ entityId: person?.id as string })).rejects.toThrow(
      /Nothing in your briefings is about this name/,
    );
    const hits = await handlers.search({ query: 'importers dearly' });
    expect(hits.filter((hit) => hit.packId === READING_PACK_ID)).toEqual([]);
    expect(await handlers.listReadings(undefined)).toEqual([]);
  });

  test('a person two articles name stays while one of them is left', async () => {
    const first = await add(GRAIN_TALKS);
    await add({
      ...GRAIN_TALKS,
      url: 'https://news.example.org/2024/07/prices',
      title: 'Prices climb',
      text: 'Bread prices rose again in July. "We warned about this in May," said Marta Lindqvist, a trade economist. Bakers said they could not absorb the cost for long, and several had already raised prices twice this year.',
    });
    await handlers.removeReading({ documentId: first.documentId });
    const [person] = await handlers.search({ query: 'Lindqvist', kinds: ['entity'] });
    const briefing = await handlers.getBriefing({ entityId: person?.id as string });
    expect(briefing.quotesBy.map((q) => q.text)).toEqual(['We warned about this in May']);
  });
});

describe('the search index', () => {
  test('is saved with the article: a restarted worker finds it at once', async () => {
    await add(GRAIN_TALKS);
    // A new worker on the same database, as soon as the article is added.
    const restarted = backgroundHandlers(serviceOn(db));
    const hits = await restarted.search({ query: 'importers dearly' });
    expect(hits[0]).toMatchObject({ packId: READING_PACK_ID });
  });

  test("an article rewrites the reader's pack's index, and no other pack's", async () => {
    await service.whenReady();
    const savedIndexes = async () => {
      const packIds = [...(await packsWithSavedIndex(db))];
      const saved = await Promise.all(
        packIds.map(async (packId) => (await savedIndex(db, packId))?.parts.join('')),
      );
      return new Map(packIds.map((packId, at) => [packId, saved[at]]));
    };
    const before = await savedIndexes();
    await add(GRAIN_TALKS);
    const after = await savedIndexes();
    expect(after.get(READING_PACK_ID)).toContain('dearly');
    const others = [...after].filter(([packId]) => packId !== READING_PACK_ID);
    expect(others.length).toBeGreaterThan(0);
    for (const [packId, json] of others) expect(json === before.get(packId)).toBe(true);
  });
});

test('compiling again an article removed meanwhile does not bring it back', async () => {
  const added = await add(GRAIN_TALKS);
  // A compiler that waits until the removal is done, as a slow one might.
  let removed: () => void = () => {};
  const removal = new Promise<void>((resolve) => {
    removed = resolve;
  });
  const slow = backgroundHandlers(
    new BackgroundService(
      db,
      () => Promise.resolve({ pack: bundledPack(), hash: 'bundled' }),
      async (submission, known) => {
        await removal;
        return compileSubmission(submission, known);
      },
    ),
  );
  const again = slow.recompileReading({ documentId: added.documentId });
  await slow.removeReading({ documentId: added.documentId });
  removed();
  await expect(again).rejects.toThrow('That article is no longer in your reading.');
  expect(await handlers.listReadings(undefined)).toEqual([]);
  await expect(handlers.recompileReading({ documentId: added.documentId })).rejects.toThrow(
    'That article is no longer in your reading.',
  );
});
