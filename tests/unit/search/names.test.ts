import { describe, expect, test } from 'vitest';
import { type NamedEntity, NameFinder, swapAwareDistance } from '@/lib/search/names';
import { bundledPack } from '../../support/packs';

const bundled = new NameFinder(bundledPack().entities);

/** Names spelled one way only: each other spelling below must be found by folding, not an alias. */
const oneSpelling = (id: string, name: string, kind: NamedEntity['kind'] = 'person') => ({
  id,
  name,
  kind,
  aliases: [],
});
const spelledOnce = new NameFinder([
  oneSpelling('kyiv', 'Kyiv', 'place'),
  oneSpelling('kharkiv', 'Kharkiv', 'place'),
  oneSpelling('erdogan', 'Recep Tayyip Erdoğan'),
  oneSpelling('lavrov', 'Sergey Lavróv'),
  oneSpelling('zelensky', 'Volodymyr Zelenskyy'),
  oneSpelling('gaddafi', 'Muammar Gaddafi'),
  oneSpelling('yevgeny', 'Yevgeny Prigozhin'),
  oneSpelling('xi', 'Xi Jinping'),
  oneSpelling('li', 'Li Hui'),
]);

test('a swap of two letters is one edit', () => {
  expect(swapAwareDistance('zelenksy', 'zelensky', 2)).toBe(1);
  expect(swapAwareDistance('putn', 'putin', 1)).toBe(1);
  expect(swapAwareDistance('moscow', 'beijing', 2)).toBe(3);
});

describe('other romanisations and missing diacritics find the one spelling a pack has', () => {
  test.each([
    ['Kiev', 'kyiv'],
    ['kyiv', 'kyiv'],
    ['Kharkov', 'kharkiv'],
    ['Erdogan', 'erdogan'],
    ['Lavrov', 'lavrov'],
    ['Sergei Lavrov', 'lavrov'],
    ['Zelensky', 'zelensky'],
    ['Zelenskiy', 'zelensky'],
    ['Selenskyj', 'zelensky'],
    ['Wolodymyr Selenskyj', 'zelensky'],
    ['Qaddafi', 'gaddafi'],
    ['Kadhafi', 'gaddafi'],
    ['Evgeny Prigozhin', 'yevgeny'],
  ])('"%s" finds %s', (query, entityId) => {
    expect(spelledOnce.find(query)[0]?.entityId).toBe(entityId);
  });
});

describe('typos in the bundled names', () => {
  test.each([
    ['Zelenksy', 'volodymyr-zelensky'],
    ['Putn', 'vladimir-putin'],
    ['Vladmir Putin', 'vladimir-putin'],
    ['peskov', 'dmitry-peskov'],
    ['Dmitri Peskow', 'dmitry-peskov'],
    ['Stoltenburg', 'jens-stoltenberg'],
    ['Mishustn', 'mikhail-mishustin'],
  ])('"%s" finds %s', (query, entityId) => {
    expect(bundled.find(query)[0]?.entityId).toBe(entityId);
  });
});

test('short words must be exact: "Xi" is not "Li", nor "Si"', () => {
  expect(spelledOnce.find('Xi').map((match) => match.entityId)).toEqual(['xi']);
  expect(spelledOnce.find('Si')).toEqual([]);
});

test('a word about something else, or a sentence, is not a name', () => {
  expect(bundled.find('Xo')).toEqual([]);
  expect(bundled.find('the talks in moscow went well today')).toEqual([]);
  expect(bundled.find('quetzalcoatl')).toEqual([]);
  expect(bundled.find('quetzalcoatl', 'suggestion')).toEqual([]);
});

test('a suggestion may stray further than a typo', () => {
  expect(bundled.find('Makronne')).toEqual([]);
  expect(bundled.find('Makronne', 'suggestion')[0]?.entityId).toBe('emmanuel-macron');
});

test('an exact name ranks before a near one, and a name before a longer one it is part of', () => {
  const finder = new NameFinder([
    oneSpelling('kovalenka', 'Anna Kovalenka'),
    oneSpelling('kovalenko', 'Anna Kovalenko'),
  ]);
  expect(finder.find('Anna Kovalenko').map((match) => match.entityId)).toEqual([
    'kovalenko',
    'kovalenka',
  ]);
  expect(bundled.find('Ukrane')[0]?.entityId).toBe('ukraine');
});
