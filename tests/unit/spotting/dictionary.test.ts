import { describe, expect, test } from 'vitest';
import type { Entity } from '@/lib/pack/schema';
import {
  buildSpotDictionary,
  MAX_SPOT_CHARACTERS,
  MAX_SPOT_TERMS,
} from '@/lib/spotting/dictionary';
import { createMatcher, MatcherBuilder } from '@/lib/spotting/matcher';
import { entity, spotted } from './entities';

/** `count` people "Given<n> Family<n>", each with the alias "Family<n>". */
function people(count: number): Entity[] {
  return Array.from({ length: count }, (_, index) =>
    entity(`person-${index}`, `Given${index} Family${index}`, 'person', [`Family${index}`]),
  );
}

describe('what every page is sent, whatever the packs hold', () => {
  test('200,000 entities: the dictionary stays within its bound and says how much it left out', () => {
    const dictionary = buildSpotDictionary(people(200_000));
    expect(dictionary.terms.length).toBeLessThanOrEqual(MAX_SPOT_TERMS);
    const characters = dictionary.terms.reduce((sum, term) => sum + term.text.length, 0);
    expect(characters).toBeLessThanOrEqual(MAX_SPOT_CHARACTERS);
    expect(dictionary.leftOut).toBe(400_000 - dictionary.terms.length);
  });

  test('past the bound, names are kept before aliases, and sourced entities first', () => {
    const crowd = people(MAX_SPOT_TERMS + 10);
    const sourced: Entity = {
      ...entity('sourced', 'Olena Sourced', 'person', ['Sourced']),
      roles: [{ title: 'mayor', sources: [{ documentId: 'doc', start: 0, end: 5 }] }],
    };
    const dictionary = buildSpotDictionary([...crowd, sourced]);
    const texts = dictionary.terms.map((term) => term.text);
    expect(texts[0]).toBe('Olena Sourced');
    expect(texts).toContain('Given0 Family0');
    expect(texts.some((text) => /^Family\d+$/.test(text))).toBe(false);
    expect(dictionary.leftOut).toBeGreaterThan(0);
  });

  test('the longest names allowed still leave room for a useful dictionary', () => {
    const longest = Array.from({ length: 5_000 }, (_, index) =>
      entity(
        `long-${index}`,
        `${'Long '.repeat(38)}Name${String(index).padStart(6, '0')}`,
        'person',
      ),
    );
    const dictionary = buildSpotDictionary(longest);
    const characters = dictionary.terms.reduce((sum, term) => sum + term.text.length, 0);
    expect(characters).toBeLessThanOrEqual(MAX_SPOT_CHARACTERS);
    expect(dictionary.terms.length).toBe(Math.floor(MAX_SPOT_CHARACTERS / 200));
  });

  test('a one-letter alias, "the" or "a" never marks ordinary text', () => {
    const matcher = createMatcher(
      buildSpotDictionary([
        entity('odd', 'Odd Pack Entity', 'organization', ['a', 'The', 'X', 'the', '.*']),
      ]),
    );
    expect(spotted('The cat saw a dog and the X. Then .* appeared', matcher)).toEqual([]);
    expect(spotted('Odd Pack Entity said so', matcher)).toEqual([['Odd Pack Entity', 'odd']]);
  });

  test('the matcher reads the clock per amount of work, so long terms still yield', () => {
    const long = Array.from({ length: 20 }, (_, index) =>
      entity(`long-${index}`, `${'Word '.repeat(39)}End${index}`, 'person'),
    );
    const builder = new MatcherBuilder(buildSpotDictionary(long));
    let slices = 1;
    while (!builder.addTerms(() => false)) slices++;
    // 20 terms of 200 characters: 4,000 characters, a stop every 1,000.
    expect(slices).toBeGreaterThanOrEqual(4);
  });
});
