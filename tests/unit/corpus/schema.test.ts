import { describe, expect, test } from 'vitest';
import { formatProblem, type Pack, validatePack } from '@/lib/pack/schema';
import { compiledSeeds } from './helpers';

const problemsOf = (edit: (pack: Pack) => void) => {
  const pack = structuredClone(compiledSeeds());
  edit(pack);
  const result = validatePack(pack);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('pack validation', () => {
  test('the compiled seed pack is valid', () => {
    expect(validatePack(compiledSeeds()).ok).toBe(true);
  });

  test('shape problems are all reported, each with its path', () => {
    const problems = problemsOf((pack) => {
      (pack as { version: number }).version = 2;
      (pack.documents[0] as { publishedAt: string }).publishedAt = '2023-02-30';
      (pack.quotes[0] as { kind: string }).kind = 'rumour';
    });
    expect(problems).toEqual([
      expect.stringMatching(/^version: /),
      'documents[0].publishedAt: is not a date on the calendar',
      expect.stringMatching(/^quotes\[0\]\.kind: /),
    ]);
  });

  test('cross-references and spans are checked', () => {
    const problems = problemsOf((pack) => {
      const quote = pack.quotes[3];
      const source = quote?.sources[0];
      if (quote === undefined || source === undefined) throw new Error('seed pack changed');
      quote.speakerId = 'nobody';
      source.end = 1_000_000;
      pack.entities[1] = { ...(pack.entities[0] as Pack['entities'][number]) };
      pack.events[0]?.entityIds.push('atlantis');
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'entities[1].id: duplicate id "antony-blinken"',
        'quotes[3].speakerId: no entity with id "nobody"',
        expect.stringMatching(
          /^quotes\[3\]\.sources\[0\]\.end: end 1000000 is past the document text/,
        ),
        'events[0].entityIds[3]: no entity with id "atlantis"',
      ]),
    );
  });

  test('a span that does not slice to the quote is caught', () => {
    const problems = problemsOf((pack) => {
      const source = pack.quotes[0]?.sources[0];
      if (source !== undefined) source.start += 1;
    });
    expect(problems).toEqual([expect.stringMatching(/^quotes\[0\]\.sources\[0\]: slices to /)]);
  });

  test('an inferred date needs its reason', () => {
    const problems = problemsOf((pack) => {
      delete (pack.documents[2] as { dateReason?: string }).dateReason;
    });
    expect(problems).toEqual(['documents[2].dateReason: required when the date is inferred']);
  });
});
