import { afterEach, expect, test } from 'vitest';
import { buildSpotDictionary } from '@/lib/spotting/dictionary';
import { createMatcher } from '@/lib/spotting/matcher';
import { ownOutletIds } from '@/lib/spotting/own-outlet';
import { entity, testEntities } from './entities';

const matcher = createMatcher(
  buildSpotDictionary([
    ...testEntities,
    entity('cnn', 'CNN', 'organization', [], { caseSensitive: ['CNN'] }),
    entity('new-york-times', 'The New York Times', 'organization', ['New York Times']),
  ]),
);

function outletOf(head: string): string[] {
  document.head.innerHTML = head;
  return [...ownOutletIds(document, matcher)];
}

afterEach(() => {
  document.head.innerHTML = '';
});

test('the site name names the outlet the page is by', () => {
  // A name in capitals: not text in capitals, where a short acronym would also be a word.
  expect(outletOf('<meta property="og:site_name" content="CNN">')).toEqual(['cnn']);
  expect(outletOf('<meta name="application-name" content="The New York Times">')).toEqual([
    'new-york-times',
  ]);
  // As some pages write it: `name` for `property`, `value` for `content`.
  expect(outletOf('<meta value="The New York Times" name="og:site_name">')).toEqual([
    'new-york-times',
  ]);
});

test('only a name that is the whole site name, and an organisation, is the outlet', () => {
  expect(outletOf('<meta property="og:site_name" content="CNN Politics and Russia">')).toEqual([]);
  expect(outletOf('<meta property="og:site_name" content="Russia">')).toEqual([]);
  expect(outletOf('')).toEqual([]);
});
