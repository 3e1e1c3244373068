import { beforeAll, describe, expect, test } from 'vitest';
import type { Pack, PackDocument, Quote } from '@/lib/pack/schema';
import {
  type CorpusIndex,
  createCorpusIndex,
  idsInSavedIndex,
  loadCorpusIndex,
  loadSavedIndex,
  SEARCH_INDEX_FORMAT,
  searchCorpus,
  searchEntriesOf,
  serializeInParts,
} from '@/lib/search/index';
import { snippetOf } from '@/lib/search/snippet';
import { rowsOfPack } from '@/lib/store/db';
import { generatePack } from '../../../scripts/bench/generated-pack';
import { bundledPack } from '../../support/packs';

let index: CorpusIndex;

beforeAll(() => {
  index = createCorpusIndex();
  index.addAll(searchEntriesOf(rowsOfPack(bundledPack())));
});

const top = (query: string) => searchCorpus(index, query)[0];

describe('a name finds its entity first, however it is typed', () => {
  test.each([
    ['zelenskyy', 'volodymyr-zelensky'],
    ['Zelenskiy', 'volodymyr-zelensky'],
    ['zelenskky', 'volodymyr-zelensky'], // a typo
    ['peskov', 'dmitry-peskov'],
    ['PESKÓV', 'dmitry-peskov'], // case and diacritics
    ['xi jin', 'xi-jinping'], // prefixes of both words
    ['stoltenb', 'jens-stoltenberg'],
    ['kiev', 'kyiv'],
  ])('%s → %s', (query, entityId) => {
    expect(top(query)).toMatchObject({ kind: 'entity', id: entityId });
  });
});

test('quotes are found by their words and by their speaker', () => {
  const byWords = searchCorpus(index, 'commanding potential mediation', { kinds: ['quote'] });
  expect(byWords[0]?.title).toBe('Dmitry Peskov');
  const bySpeaker = searchCorpus(index, 'stoltenberg', { kinds: ['quote'] });
  expect(bySpeaker.length).toBeGreaterThan(0);
  expect(bySpeaker.every((hit) => hit.kind === 'quote' && hit.title === 'Jens Stoltenberg')).toBe(
    true,
  );
});

test('kind and date filters narrow the hits', () => {
  const events = searchCorpus(index, 'putin', { kinds: ['event'] });
  expect(events.length).toBeGreaterThan(0);
  expect(events.every((hit) => hit.kind === 'event')).toBe(true);

  const april = searchCorpus(index, 'kremlin', { from: '2023-04-01', to: '2023-04-30' });
  expect(april.length).toBeGreaterThan(0);
  expect(april.every((hit) => hit.date >= '2023-04' && hit.date <= '2023-04-30')).toBe(true);
});

test('each hit names whose briefing it opens', () => {
  const article = searchCorpus(index, 'Kremlin Sees No Prospect', { kinds: ['document'] })[0];
  expect(article).toMatchObject({ id: 'seed-001', entityId: 'dmitry-peskov' });
  expect(searchCorpus(index, 'sovereign matter', { kinds: ['quote'] })[0]?.entityId).toBe(
    'dmitry-peskov',
  );
  expect(searchCorpus(index, 'annexes Crimea', { kinds: ['event'] })[0]?.entityId).toBe('crimea');
});

test('a query that matches nothing finds nothing', () => {
  expect(searchCorpus(index, 'quetzalcoatl')).toEqual([]);
});

test('the serialised index answers like the live one', () => {
  const reloaded = loadCorpusIndex(JSON.stringify(index));
  const ranked = (hits: ReturnType<typeof searchCorpus>) =>
    hits.map((hit) => [hit.kind, hit.id, hit.score]);
  expect(ranked(searchCorpus(reloaded, 'zelenskiy'))).toEqual(
    ranked(searchCorpus(index, 'zelenskiy')),
  );
});

test('saved in parts, each read alone, a slice at a time, the index holds what it held', async () => {
  // Thousands of entries: every table is written in several runs, and in several parts.
  const large = createCorpusIndex();
  const pack = generatePack({ documents: 40, entities: 3_000, quotes: 400, events: 40 });
  large.addAll(searchEntriesOf(rowsOfPack(pack)));
  const parts = await serializeInParts(large, 1, 50_000);
  expect(parts.length).toBeGreaterThan(5);
  // Each part ends once it reaches its length, with what was written last, and is read alone.
  expect(Math.max(...parts.map((part) => part.length))).toBeLessThan(100_000);
  for (const part of parts) expect(() => JSON.parse(part)).not.toThrow();
  // What the index holds, as text; its terms sorted, as a reloaded tree lists them in its own
  // order. Compared as text: a deep comparison of the objects took seconds.
  const asText = (index: CorpusIndex | undefined) => {
    const json = JSON.parse(JSON.stringify(index));
    const terms = [...json.index].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return JSON.stringify({ ...json, index: terms });
  };
  const saved = { format: SEARCH_INDEX_FORMAT, parts };
  const reloaded = await loadSavedIndex(saved, 1);
  expect(asText(reloaded)).toBe(asText(large));
  const ranked = (hits: ReturnType<typeof searchCorpus>) =>
    hits.map((hit) => [hit.kind, hit.id, hit.score]);
  const name = pack.entities[42]?.name as string;
  expect(ranked(searchCorpus(reloaded as CorpusIndex, name)).length).toBeGreaterThan(0);
  expect(ranked(searchCorpus(reloaded as CorpusIndex, name))).toEqual(
    ranked(searchCorpus(large, name)),
  );
  expect(idsInSavedIndex(saved)?.sort()).toEqual(
    Object.values(JSON.parse(JSON.stringify(large)).documentIds).sort(),
  );
  // An empty index, and one with a discarded entry (its dirt counted), come back as they were.
  const empty = createCorpusIndex();
  const emptySaved = { format: SEARCH_INDEX_FORMAT, parts: await serializeInParts(empty, 1) };
  expect(asText(await loadSavedIndex(emptySaved, 1))).toBe(asText(empty));
  large.discard(`entity:${pack.id}:${pack.entities[0]?.id}`);
  expect(large.dirtCount).toBe(1);
  const dirty = { format: SEARCH_INDEX_FORMAT, parts: await serializeInParts(large, 1) };
  expect(asText(await loadSavedIndex(dirty, 1))).toBe(asText(large));
});

test('an index saved as one JSON text (format 2) is still read; one of an unknown format is not', async () => {
  const json = JSON.stringify(index);
  const oneText = { format: 2, parts: [json.slice(0, 1000), json.slice(1000)] };
  const reloaded = await loadSavedIndex(oneText, 1);
  const ranked = (hits: ReturnType<typeof searchCorpus>) =>
    hits.map((hit) => [hit.kind, hit.id, hit.score]);
  expect(ranked(searchCorpus(reloaded as CorpusIndex, 'zelenskiy'))).toEqual(
    ranked(searchCorpus(index, 'zelenskiy')),
  );
  expect(idsInSavedIndex(oneText)).toEqual(Object.values(JSON.parse(json).documentIds));
  const unknown = { format: 1, parts: [json] };
  expect(await loadSavedIndex(unknown, 1)).toBeUndefined();
  expect(idsInSavedIndex(unknown)).toBeUndefined();
});

describe('one hit per quote, article and event, however many packs hold it', () => {
  const pack = bundledPack();
  const twice = createCorpusIndex();
  twice.addAll(searchEntriesOf(rowsOfPack(pack)));
  // "Keep both": the same pack again under another id.
  twice.addAll(searchEntriesOf(rowsOfPack({ ...pack, id: `${pack.id}-2` })));

  test.each([
    ['quote', 'peskov'],
    ['quote', 'peace plan'],
    ['document', 'kremlin'],
    ['event', 'putin'],
  ] as const)('%s hits for "%s" are as in one pack', (kind, query) => {
    const once = searchCorpus(index, query, { kinds: [kind] }, 200);
    const doubled = searchCorpus(twice, query, { kinds: [kind] }, 200);
    expect(once.length).toBeGreaterThan(0);
    expect(doubled.map((hit) => hit.id)).toEqual(once.map((hit) => hit.id));
  });

  /** A pack holding one quote of the bundled pack, from a document made of `document`. */
  const packQuoting = (quote: Quote, document: PackDocument): Pack => ({
    ...pack,
    id: 'another-pack',
    documents: [{ ...document, id: 'doc-a' }],
    entities: [],
    events: [],
    quotes: [
      {
        ...quote,
        id: 'quote-a',
        sources: quote.sources.slice(0, 1).map((span) => ({ ...span, documentId: 'doc-a' })),
      },
    ],
  });
  const quoteHits = (other: Pack, words: string) => {
    const both = createCorpusIndex();
    both.addAll(searchEntriesOf(rowsOfPack(pack)));
    both.addAll(searchEntriesOf(rowsOfPack(other)));
    return searchCorpus(both, words, { kinds: ['quote'] }, 200).length;
  };
  const quoteFrom = (hasUrl: boolean) => {
    for (const quote of pack.quotes) {
      const source = pack.documents.find((row) => row.id === quote.sources[0]?.documentId);
      if (source && Boolean(source.url) === hasUrl) {
        return { quote, source, words: quote.text.split(' ').slice(0, 6).join(' ') };
      }
    }
    throw new Error('the bundled pack has quotes from articles with and without an address');
  };

  test('another pack quoting the same words from the same address adds no hit', () => {
    const { quote, source, words } = quoteFrom(true);
    const alone = searchCorpus(index, words, { kinds: ['quote'] }, 200).length;
    expect(quoteHits(packQuoting(quote, { ...source, title: 'Retitled' }), words)).toBe(alone);
    expect(
      quoteHits(packQuoting(quote, { ...source, url: 'https://example.org/elsewhere' }), words),
    ).toBe(alone + 1);
  });

  test('without an address, the same title is the same article', () => {
    const { quote, source, words } = quoteFrom(false);
    const alone = searchCorpus(index, words, { kinds: ['quote'] }, 200).length;
    expect(quoteHits(packQuoting(quote, source), words)).toBe(alone);
    expect(quoteHits(packQuoting(quote, { ...source, title: 'Another story' }), words)).toBe(
      alone + 1,
    );
  });
});

describe('snippets', () => {
  test('emphasise the matching words, as ranges into the extract', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(20)}Kremlin spokesman Dmitry Peskov said China has potential.`;
    const snippet = snippetOf(text, ['peskov']);
    expect(snippet.text.startsWith('…')).toBe(true);
    const [[start, end]] = snippet.highlights as [[number, number]];
    expect(snippet.text.slice(start, end)).toBe('Peskov');
  });

  test('match without diacritics and keep offsets honest', () => {
    const snippet = snippetOf('Le président Zelenskyy a parlé à Kyiv.', ['president', 'kyiv']);
    expect(snippet.highlights.map(([start, end]) => snippet.text.slice(start, end))).toEqual([
      'président',
      'Kyiv',
    ]);
  });
});
