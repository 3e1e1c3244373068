import { describe, expect, test } from 'vitest';
import { formatProblem, PACK_LIMITS, type Pack, validatePack } from '@/lib/pack/schema';
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

describe('what a pack may hold', () => {
  const firstEntity = (pack: Pack) => {
    const entity = pack.entities[0];
    if (entity === undefined) throw new Error('seed pack changed');
    return entity;
  };

  test('names, aliases and descriptions have a length limit, said with the item and the limit', () => {
    const problems = problemsOf((pack) => {
      const entity = firstEntity(pack);
      entity.name = 'N'.repeat(PACK_LIMITS.nameCharacters + 1);
      entity.aliases = ['A'.repeat(1_000_000)];
      entity.description = 'd'.repeat(PACK_LIMITS.descriptionCharacters + 1);
    });
    expect(problems).toEqual([
      'entities[0].name: is 201 characters long; the limit is 200',
      'entities[0].aliases[0]: is 1,000,000 characters long; the limit is 200',
      'entities[0].description: is 5,001 characters long; the limit is 5,000',
    ]);
  });

  test('quotes, document texts and lists of an item are bounded too', () => {
    const problems = problemsOf((pack) => {
      const quote = pack.quotes[0];
      const document = pack.documents[0];
      if (quote === undefined || document === undefined) throw new Error('seed pack changed');
      quote.text = 'q'.repeat(PACK_LIMITS.quoteCharacters + 1);
      document.text = 't'.repeat(PACK_LIMITS.documentCharacters + 1);
      firstEntity(pack).aliases = Array.from({ length: 101 }, (_, index) => `Alias ${index}`);
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'documents[0].text: is 2,000,001 characters long; the limit is 2,000,000',
        'entities[0].aliases: has 101 items; the limit is 100',
        'quotes[0].text: is 10,001 characters long; the limit is 10,000',
      ]),
    );
  });

  test('a pack may hold so many entities, documents, quotes and events, and no more', () => {
    const problems = problemsOf((pack) => {
      pack.entities = Array.from({ length: PACK_LIMITS.entities + 1 }, (_, index) => ({
        ...firstEntity(pack),
        id: `entity-${index}`,
      }));
    });
    expect(problems).toContain('entities: has 250,001 items; the limit is 250,000');
  });

  test('blank names and titles are refused, as are names with nothing to spot', () => {
    const problems = problemsOf((pack) => {
      firstEntity(pack).name = '   \u00a0';
      firstEntity(pack).aliases = ['.*'];
      pack.title = '\n\t';
    });
    expect(problems).toEqual([
      'title: must not be blank',
      'entities[0].name: must not be blank',
      'entities[0].name: must have a letter or a digit',
      'entities[0].aliases[0]: must have a letter or a digit',
    ]);
  });

  test('a document links only to a web address', () => {
    const problems = problemsOf((pack) => {
      const [first, second] = pack.documents;
      if (first === undefined || second === undefined) throw new Error('seed pack changed');
      first.url = 'javascript:alert(1)';
      second.url = 'data:text/html,<script>alert(1)</script>';
    });
    expect(problems).toEqual([
      'documents[0].url: must be an http or https address',
      'documents[1].url: must be an http or https address',
    ]);
  });
});
