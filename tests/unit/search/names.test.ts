import { expect, test } from 'vitest';
import { keyWords, NameFinder, swapAwareDistance } from '@/lib/search/names';
import { bundledPack } from '../../support/packs';

const finder = new NameFinder(bundledPack().entities);
const found = (query: string) => finder.find(query)[0]?.entityId;

test('a swap of two letters is one edit', () => {
  expect(swapAwareDistance('selenksi', 'selenski', 2)).toBe(1);
  expect(swapAwareDistance('putn', 'putin', 1)).toBe(1);
  expect(swapAwareDistance('moscow', 'beijing', 2)).toBe(3);
});

test('transliterations share a key', () => {
  expect(keyWords('Zelenskyy')).toEqual(keyWords('Selenskyj'));
  expect(keyWords('Zelensky')).toEqual(keyWords('Zelenskiy'));
});

test.each([
  ['Zelenksy', 'volodymyr-zelensky'],
  ['Putn', 'vladimir-putin'],
  ['Selenskyj', 'volodymyr-zelensky'],
  ['peskov', 'dmitry-peskov'],
  ['Dmitri Peskow', 'dmitry-peskov'],
  ['Stoltenburg', 'jens-stoltenberg'],
])('"%s" finds %s', (query, entityId) => {
  expect(found(query)).toBe(entityId);
});

test('short words must be exact, and a sentence is not a name', () => {
  expect(finder.find('Xo')).toEqual([]);
  expect(finder.find('the talks in moscow went well today')).toEqual([]);
  expect(finder.find('quetzalcoatl')).toEqual([]);
});
