import { describe, expect, test } from 'vitest';
import { buildSpotDictionary } from '@/lib/spotting/dictionary';
import { createMatcher } from '@/lib/spotting/matcher';
import { markableUnder, NO_CHOICES, sameChoices } from '@/lib/spotting/reader-choices';
import { entity } from './entities';

const matcher = createMatcher(
  buildSpotDictionary([
    entity('vladimir-putin', 'Vladimir Putin', 'person', ['Putin']),
    entity('new-york-times', 'New York Times', 'organization'),
    entity('new-york', 'New York', 'place'),
    entity('kyiv', 'Kyiv', 'place'),
    entity('kremlin', 'Kremlin', 'organization'),
  ]),
);

/** What would be marked in `text` under the reader's choices. */
function markedUnder(text: string, choices = NO_CHOICES): string[] {
  const markable = markableUnder(choices);
  return matcher
    .findAll(text)
    .filter((match) => markable(match.term))
    .map((match) => text.slice(match.start, match.end));
}

const TEXT = 'Putin told the New York Times in Kyiv that the Kremlin agreed, Vladimir Putin said.';

describe('the reader’s choices', () => {
  test('leave every name marked when nothing is hidden', () => {
    expect(markedUnder(TEXT)).toEqual([
      'Putin',
      'New York Times',
      'Kyiv',
      'Kremlin',
      'Vladimir Putin',
    ]);
  });

  test('a hidden name loses every one of its forms', () => {
    const choices = { hiddenEntityIds: ['vladimir-putin'], hiddenKinds: [] };
    expect(markedUnder(TEXT, choices)).toEqual(['New York Times', 'Kyiv', 'Kremlin']);
  });

  test('a hidden name keeps its place: a shorter name inside it is not marked instead', () => {
    const choices = { hiddenEntityIds: ['new-york-times'], hiddenKinds: [] };
    expect(markedUnder(TEXT, choices)).not.toContain('New York');
  });

  test('a kind switched off hides every name of that kind', () => {
    const choices = { hiddenEntityIds: [], hiddenKinds: ['place' as const] };
    expect(markedUnder(TEXT, choices)).toEqual([
      'Putin',
      'New York Times',
      'Kremlin',
      'Vladimir Putin',
    ]);
  });

  test('are the same whatever order they arrive in', () => {
    expect(
      sameChoices(
        { hiddenEntityIds: ['a', 'b'], hiddenKinds: ['place'] },
        { hiddenEntityIds: ['b', 'a'], hiddenKinds: ['place'] },
      ),
    ).toBe(true);
    expect(
      sameChoices(
        { hiddenEntityIds: ['a'], hiddenKinds: [] },
        { hiddenEntityIds: ['a'], hiddenKinds: ['topic'] },
      ),
    ).toBe(false);
    expect(sameChoices({ hiddenEntityIds: ['a'], hiddenKinds: [] }, NO_CHOICES)).toBe(false);
  });
});
