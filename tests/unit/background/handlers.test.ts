import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerCall, backgroundHandlers } from '@/lib/background/api';
import { toggleActiveSite } from '@/lib/background/browser-events';
import type { BundledPack } from '@/lib/background/bundled-pack';
import { BackgroundService } from '@/lib/background/service';
import { contentHash } from '@/lib/hash';
import type { Pack } from '@/lib/pack/schema';
import { BriefingsDatabase } from '@/lib/store/db';
import { importFileByCall } from '../../support/import-file';
import { anotherVersionOf, bundledPack, smallPack } from '../../support/packs';

let db: BriefingsDatabase;
let shipped: Pack;
let service: BackgroundService;
let handlers: ReturnType<typeof backgroundHandlers>;

const shipping = (): Promise<BundledPack> =>
  Promise.resolve({ pack: structuredClone(shipped), hash: contentHash(JSON.stringify(shipped)) });

beforeEach(() => {
  // No extension page is open to hear progress reports: Chrome answers with no response.
  vi.spyOn(chrome.runtime, 'sendMessage').mockImplementation(((
    _message: unknown,
    respond?: (answer: unknown) => void,
  ) => respond?.(undefined)) as never);
  db = new BriefingsDatabase(`test-${crypto.randomUUID()}`);
  shipped = bundledPack();
  service = new BackgroundService(db, shipping);
  handlers = backgroundHandlers(service);
});

afterEach(async () => {
  await db.delete();
});

describe('the bundled pack', () => {
  test('is installed on first use, and not again by a restarted worker', async () => {
    const [first] = await handlers.listPacks(undefined);
    expect(first).toMatchObject({ id: shipped.id, origin: 'bundled' });
    const restarted = backgroundHandlers(new BackgroundService(db, shipping));
    const [again] = await restarted.listPacks(undefined);
    expect(again?.installedAt).toBe(first?.installedAt);
  });

  test('is replaced when an update ships a different one', async () => {
    await handlers.listPacks(undefined);
    shipped.quotes = shipped.quotes.slice(0, 2);
    const updated = backgroundHandlers(new BackgroundService(db, shipping));
    const [pack] = await updated.listPacks(undefined);
    expect(pack?.counts.quotes).toBe(2);
  });

  test('cannot be removed, only reset to', async () => {
    await expect(handlers.removePack({ packId: shipped.id })).rejects.toThrow(/Reset to bundled/);
  });
});

describe('the spot dictionary', () => {
  test('is sent once per version, and changes when a pack brings new names', async () => {
    const dictionary = await handlers.getSpotDictionary({ knownVersion: null });
    expect(dictionary?.terms).toContainEqual(
      expect.objectContaining({ text: 'Zelenskyy', entityId: 'volodymyr-zelensky' }),
    );
    expect(dictionary?.terms).toContainEqual(
      expect.objectContaining({ text: 'Xi', entityId: 'xi-jinping', caseSensitive: true }),
    );
    expect(
      await handlers.getSpotDictionary({ knownVersion: dictionary?.version ?? '' }),
    ).toBeNull();

    await importFileByCall(handlers, db, JSON.stringify(smallPack()));
    const next = await handlers.getSpotDictionary({ knownVersion: dictionary?.version ?? '' });
    expect(next?.terms).toContainEqual(expect.objectContaining({ text: 'Olena Kovalenko' }));
  });

  test('holds one entry per form, however many packs name the entity', async () => {
    const again = smallPack('second-notes');
    await importFileByCall(handlers, db, JSON.stringify(smallPack()));
    await importFileByCall(handlers, db, JSON.stringify(again));
    const dictionary = await handlers.getSpotDictionary({ knownVersion: null });
    const forms = dictionary?.terms.filter((term) => term.entityId === 'person-olena-kovalenko');
    expect(forms?.map((term) => term.text).sort()).toEqual([
      'Kovalenko',
      'Olena Kovalenko',
      'Olena Kovalénko',
    ]);
  });
});

describe('page settings', () => {
  test('follow the global pause and the rule for the site', async () => {
    const url = 'https://www.example.org/news/1';
    expect(await handlers.getPageSettings({ url })).toEqual({
      enabled: true,
      markEveryPlaceMention: false,
      markWholePage: false,
      highlightStyle: 'underline',
      cardAppearance: 'page',
      hiddenKinds: [],
      hiddenEntityIds: [],
    });

    await handlers.setSiteEnabled({ host: 'example.org', enabled: false });
    expect((await handlers.getPageSettings({ url })).enabled).toBe(false);
    expect((await handlers.getPageSettings({ url: 'https://other.example/' })).enabled).toBe(true);

    await handlers.setSiteEnabled({ host: 'example.org', enabled: true });
    await handlers.updateSettings({
      paused: true,
      markEveryPlaceMention: true,
      markWholePage: true,
      highlightStyle: 'strong',
    });
    expect(await handlers.getPageSettings({ url })).toEqual({
      enabled: false,
      markEveryPlaceMention: true,
      markWholePage: true,
      highlightStyle: 'strong',
      cardAppearance: 'page',
      hiddenKinds: [],
      hiddenEntityIds: [],
    });
  });

  test('the keyboard shortcut switches the active tab’s site off, then on again', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      {
        id: 3,
        index: 0,
        url: 'https://www.example.org/a',
        active: true,
        highlighted: true,
        pinned: false,
        incognito: false,
        windowId: 1,
      },
    ]);
    expect(await toggleActiveSite(service, handlers)).toEqual({
      host: 'example.org',
      enabled: false,
    });
    expect((await handlers.getPageSettings({ url: 'https://example.org/b' })).enabled).toBe(false);
    expect(await toggleActiveSite(service, handlers)).toEqual({
      host: 'example.org',
      enabled: true,
    });
    expect((await handlers.getPageSettings({ url: 'https://example.org/b' })).enabled).toBe(true);
  });

  test('carry the names the reader hid: everywhere, or on one site only', async () => {
    const news = 'https://www.news.example/world/1';
    const other = 'https://other.example/';
    await handlers.setNameHidden({ entityId: 'dmitry-peskov', hidden: true });
    await handlers.setExcludedOnSite({ entityId: 'vladimir-putin', excluded: true }, { url: news });
    await handlers.updateSettings({ hiddenKinds: ['place'] });
    expect(await handlers.getPageSettings({ url: news })).toMatchObject({
      hiddenKinds: ['place'],
      hiddenEntityIds: ['dmitry-peskov', 'vladimir-putin'],
    });
    expect((await handlers.getPageSettings({ url: other })).hiddenEntityIds).toEqual([
      'dmitry-peskov',
    ]);
    const listed = await handlers.getSettings(undefined);
    expect(listed.hiddenNames).toEqual([
      { id: 'dmitry-peskov', name: 'Dmitry Peskov', kind: 'person' },
    ]);
    expect(listed.exclusions).toEqual([
      {
        host: 'news.example',
        entity: { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person' },
      },
    ]);

    await handlers.setNameHidden({ entityId: 'dmitry-peskov', hidden: false });
    await handlers.setExcludedOnSite({
      entityId: 'vladimir-putin',
      host: 'news.example',
      excluded: false,
    });
    expect((await handlers.getPageSettings({ url: news })).hiddenEntityIds).toEqual([]);
  });

  test('refuse to hide a name no pack knows, and a site choice with no site', async () => {
    await expect(handlers.setNameHidden({ entityId: 'nobody', hidden: true })).rejects.toThrow(
      /any more/,
    );
    await expect(
      handlers.setExcludedOnSite({ entityId: 'dmitry-peskov', excluded: true }, {}),
    ).rejects.toThrow(/no site/);
    await expect(
      answerCall(
        handlers,
        'updateSettings',
        {
          data: { hiddenKinds: ['planet'] },
          sender: { id: 'test-extension' },
        },
        'test-extension',
      ),
    ).rejects.toThrow(/Invalid request/);
  });

  test('are off where there is no site to speak of', async () => {
    expect((await handlers.getPageSettings({ url: 'chrome://settings' })).enabled).toBe(false);
    expect((await handlers.getPageSettings({ url: 'not a url' })).enabled).toBe(false);
  });

  test('reach every open tab when they change', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/a' });
    const sent = vi
      .spyOn(chrome.tabs, 'sendMessage')
      .mockImplementation(((
        _tabId: number,
        _message: unknown,
        _options: unknown,
        respond: (answer: unknown) => void,
      ) => respond({ res: undefined })) as never);
    await handlers.setSiteEnabled({ host: 'example.org', enabled: false });
    expect(sent).toHaveBeenCalledWith(
      tab.id,
      expect.objectContaining({ type: 'pageSettingsChanged', data: undefined }),
      undefined,
      expect.any(Function),
    );
  });
});

describe('briefings', () => {
  test('gather quotes with their sources, wording variants, roles and timeline', async () => {
    const briefing = await handlers.getBriefing({ entityId: 'dmitry-peskov' });
    expect(briefing.entity).toMatchObject({ name: 'Dmitry Peskov', kind: 'person' });
    expect(briefing.entity.roles[0]?.title).toBe('Kremlin spokesman');
    const roleSource = briefing.entity.roles[0]?.sources[0];
    const document = shipped.documents.find((doc) => doc.id === roleSource?.documentId);
    expect(roleSource?.title).toBe(document?.title);
    expect(document?.text.slice(roleSource?.start, roleSource?.end)).toBe('Kremlin spokesman');

    const mediation = briefing.quotesBy.find((quote) => quote.text.includes('commanding'));
    expect(mediation?.sources).toHaveLength(2);
    expect(mediation?.carriedBy).toBe(2);
    // The two outlets' wordings, with the words that differ told apart from those they share.
    const diff = mediation?.variants[0]?.diff ?? [];
    expect(diff.filter((part) => part.op === 'delete').length).toBeGreaterThan(0);
    expect(diff.filter((part) => part.op === 'insert').length).toBeGreaterThan(0);
    const wordings = [
      mediation?.text,
      diff
        .filter((part) => part.op !== 'delete')
        .map((part) => part.text)
        .join(''),
    ];
    expect(wordings.map((text) => text?.match(/very (\w+ and \w+)/)?.[1]).sort()).toEqual([
      'commanding and effective',
      'effective and commanding',
    ]);
    expect(briefing.quotesBy.every((quote) => quote.speaker?.id === 'dmitry-peskov')).toBe(true);
    expect(briefing.events.some((event) => event.involvesEntity)).toBe(true);
    expect(briefing.related.map((entity) => entity.id)).toContain('china');
  });

  test('of an unknown entity say so', async () => {
    await expect(handlers.getBriefing({ entityId: 'nobody' })).rejects.toThrow(
      /Nothing in your briefings/,
    );
  });
});

test('status reports the version of the installed manifest', async () => {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Briefings',
    version: '1.2.3',
  });
  expect(await handlers.getStatus(undefined)).toEqual({ version: '1.2.3' });
});

describe('calls', () => {
  test('from outside the extension are refused', async () => {
    await expect(
      answerCall(
        handlers,
        'listPacks',
        { data: undefined, sender: { id: 'someone-else' } },
        'briefings',
      ),
    ).rejects.toThrow('Briefings answers only its own pages and scripts.');
  });

  test('with invalid input are refused before any work', async () => {
    await expect(
      answerCall(
        handlers,
        'search',
        { data: { query: 42 }, sender: { id: 'briefings' } },
        'briefings',
      ),
    ).rejects.toThrow(/^Invalid request for search: /);
  });

  test('search answers with snippets that emphasise the match', async () => {
    const hits = (await answerCall(
      handlers,
      'search',
      { data: { query: 'peskov', kinds: ['quote'] }, sender: { id: 'briefings' } },
      'briefings',
    )) as Awaited<ReturnType<typeof handlers.search>>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.snippet.text.length).toBeGreaterThan(0);
  });
});

describe('search forgives mistyped names', () => {
  test.each([
    ['Zelenksy', 'volodymyr-zelensky'],
    ['Putn', 'vladimir-putin'],
    ['Selenskyj', 'volodymyr-zelensky'],
  ])('"%s" finds %s, as a name', async (query, entityId) => {
    const hits = await handlers.search({ query });
    expect(hits.find((hit) => hit.kind === 'entity')).toMatchObject({ id: entityId });
  });

  test('no name is offered for a query about something else', async () => {
    const hits = await handlers.search({ query: 'quetzalcoatl' });
    expect(hits.filter((hit) => hit.kind === 'entity')).toEqual([]);
  });
});

test('a name spelled right is one hit, not two', async () => {
  const hits = await handlers.search({ query: 'Peskov', kinds: ['entity'] });
  expect(hits.filter((hit) => hit.id === 'dmitry-peskov')).toHaveLength(1);
});

describe('when nothing matches', () => {
  test('names close to the query are offered, never the query itself', async () => {
    const offered = await handlers.suggestNames({ query: 'Makronne' });
    expect(offered.map((name) => name.id)).toContain('emmanuel-macron');
    expect(await handlers.suggestNames({ query: 'quetzalcoatl' })).toEqual([]);
    const exact = await handlers.suggestNames({ query: 'Emmanuel Macron' });
    expect(exact.map((name) => name.id)).not.toContain('emmanuel-macron');
  });

  test('the coverage counts articles, outlets, dates and names from the packs', async () => {
    const dates = shipped.documents.flatMap((document) => document.publishedAt ?? []).sort();
    const people = shipped.entities.filter((entity) => entity.kind === 'person').length;
    const coverage = await handlers.getCoverage(undefined);
    expect(coverage).toMatchObject({
      articles: shipped.documents.length,
      outlets: new Set(shipped.documents.flatMap((document) => document.outlet ?? [])).size,
      from: dates[0],
      to: dates.at(-1),
    });
    expect(coverage.names.person).toBe(people);
  });

  test('a pack kept twice adds no article to the coverage, and no quote to search', async () => {
    const before = await handlers.search({ query: 'Peskov', kinds: ['quote'], limit: 200 });
    const coverage = await handlers.getCoverage(undefined);
    await importFileByCall(handlers, db, JSON.stringify(anotherVersionOf(shipped)), 'keep-both');
    expect((await handlers.listPacks(undefined)).length).toBe(2);
    expect(await handlers.getCoverage(undefined)).toEqual(coverage);
    const after = await handlers.search({ query: 'Peskov', kinds: ['quote'], limit: 200 });
    expect(after.map((hit) => hit.snippet.text)).toEqual(before.map((hit) => hit.snippet.text));
  });
});
