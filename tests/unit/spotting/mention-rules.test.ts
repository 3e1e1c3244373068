import { describe, expect, test } from 'vitest';
import { mentionsToMark } from '@/lib/spotting/mention-rules';
import { testMatcher } from './entities';

const findAll = (text: string) => testMatcher.findAll(text);

function marked(texts: string[], markEveryPlaceMention = false): string[][] {
  return mentionsToMark(texts, findAll, { markEveryPlaceMention }).map((matches, index) =>
    matches.map((match) => (texts[index] as string).slice(match.start, match.end)),
  );
}

describe('context-required aliases', () => {
  test('are not marked on a page that never names the entity outright', () => {
    expect(marked(['Li said the talks went well.', 'Qin agreed.'])).toEqual([[], []]);
  });

  test('are marked once the page names the entity, before or after them', () => {
    expect(marked(['Li said the talks went well.', 'Li Hui, the envoy, arrived.'])).toEqual([
      ['Li'],
      ['Li Hui'],
    ]);
    expect(marked(["China's peace plan was published.", 'The peace plan has 12 points.'])).toEqual([
      ["China's peace plan"],
      ['peace plan'],
    ]);
  });
});

describe('density', () => {
  test('people, organisations and topics are marked at every mention', () => {
    expect(marked(['Putin and the Kremlin.', 'Putin again; the Kremlin again.'])).toEqual([
      ['Putin', 'Kremlin'],
      ['Putin', 'Kremlin'],
    ]);
  });

  test('places are marked at their first mention only', () => {
    expect(marked(['Russia and China.', 'Russia, Kyiv and China again.'])).toEqual([
      ['Russia', 'China'],
      ['Kyiv'],
    ]);
  });

  test('every place mention is marked when the reader asks for it', () => {
    expect(marked(['Russia and China.', 'Russia again.'], true)).toEqual([
      ['Russia', 'China'],
      ['Russia'],
    ]);
  });
});
