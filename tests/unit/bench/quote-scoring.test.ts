// The TypeScript port of score_quotes.py: expected values were checked against the Python script.
// Every sentence here is invented for the test.
import { describe, expect, test } from 'vitest';
import type { AttributionMethod, Pack, Quote } from '@/lib/pack/schema';
import {
  checkSpans,
  type GoldQuote,
  matchedWordCount,
  norm,
  overlap,
  pythonFixed,
  pythonRepr,
  sameGroup,
  sameSpeaker,
  scoreListedQuotes,
  scoreQuotes,
  summaryLines,
  tokEq,
  verboseLines,
  words,
} from '@/scripts/bench/quote-scoring';

const HARBOUR = 'wire-harbour-plan';
const HARBOUR_TEXT =
  'Harbour chief Lena Varga said: “The new harbour wall will be finished before the autumn storms arrive.” ' +
  'Critics called the plan “a costly gamble for the whole town”. ' +
  '“We will not pay for a wall nobody in this town ever asked for,” said Mr. Brandt. ' +
  'He added: “The council never asked the fishermen what they needed this winter.” ' +
  'A resident said the works were “louder than any storm we have had in years”.';
const MARKET = 'daily-market-hall';
const MARKET_TEXT =
  '“The market hall stays open every Sunday until the end of the year,” Mayor Tomas Novak said.';

interface QuoteSpec {
  doc: string;
  text: string;
  speaker?: string;
  method?: AttributionMethod;
  /** Slice the source from this text instead (a span check). */
  printed?: string;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** A pack over the two documents above; each quote's source is where its text is printed. */
function packOf(entities: string[], quotes: QuoteSpec[]): Pack {
  const texts: Record<string, string> = { [HARBOUR]: HARBOUR_TEXT, [MARKET]: MARKET_TEXT };
  return {
    format: 'briefings-pack',
    version: 1,
    id: 'test',
    title: 'Test',
    createdAt: '2024-01-05',
    documents: Object.entries(texts).map(([id, text]) => ({
      id,
      title: id,
      outlet: null,
      publishedAt: null,
      datePrecision: null,
      dateBasis: null,
      dateReason: 'test',
      text,
    })),
    entities: entities.map((name) => ({
      id: slug(name),
      name,
      kind: 'person',
      aliases: [],
      description: '',
      roles: [],
      origin: 'discovered',
    })),
    quotes: quotes.map((spec, index): Quote => {
      const text = texts[spec.doc] as string;
      const start = text.indexOf(spec.printed ?? spec.text);
      if (start === -1) throw new Error(`not in ${spec.doc}: ${spec.text}`);
      return {
        id: `q${index}`,
        text: spec.text,
        kind: 'statement',
        speakerId: spec.speaker === undefined ? null : slug(spec.speaker),
        sources: [
          {
            documentId: spec.doc,
            start,
            end: start + (spec.printed ?? spec.text).length,
            ...(spec.method === undefined
              ? {}
              : { attribution: { method: spec.method, start: 0, end: 5 } }),
          },
        ],
        variants: [],
        aboutEntityIds: [],
        date: null,
        datePrecision: null,
        dateBasis: null,
      };
    }),
    events: [],
  };
}

function gold(
  id: string,
  text: string,
  speaker: string,
  extra: Partial<GoldQuote> = {},
): GoldQuote {
  return { id, doc: HARBOUR, speaker, kind: 'core', text, ...extra };
}

describe('norm and words', () => {
  test('straightens quotes, folds whitespace, strips edge punctuation, lowercases', () => {
    expect(norm('“We will\u00a0 not\n pay,” ')).toBe('we will not pay');
    expect(words('It’s the council’s wall, 2024.')).toEqual([
      "it's",
      'the',
      "council's",
      'wall',
      '2024',
    ]);
  });

  test('treats whitespace as Python does: U+FEFF is not whitespace', () => {
    expect(norm('\ufeffabc ')).toBe('\ufeffabc');
    expect(norm('a\x1cb')).toBe('a b');
  });
});

describe('overlap', () => {
  const ten = 'one two three four five six seven eight nine ten';

  test('a contained quote of six words or more is the same quote', () => {
    expect(
      overlap(
        'the harbour wall will be finished before the autumn storms',
        'We said the harbour wall will surely be finished well before the autumn storms arrive',
      ),
    ).toBe(true);
  });

  test('a short fragment lifted from a long quote is not that quote', () => {
    expect(overlap('costly gamble', 'the plan is a costly gamble for the whole town')).toBe(false);
    // Three words are at least half of five: a short quote may match a short one.
    expect(overlap('a costly gamble', 'a costly gamble indeed')).toBe(true);
  });

  test('80% of the shorter quote’s words, in order', () => {
    expect(overlap(ten, 'one two three four five six seven eight x y')).toBe(true);
    expect(overlap(ten, 'one two three four five six seven x y z')).toBe(false);
    expect(overlap('ten nine eight seven six five four three two one', ten)).toBe(false);
  });

  test('nothing left after normalising matches nothing', () => {
    expect(overlap('"  ', 'x')).toBe(false);
  });

  test('difflib’s matching blocks: longest run first, then each side of it', () => {
    expect(matchedWordCount('a b c x d e'.split(' '), 'a b c d e x'.split(' '))).toBe(5);
    expect(matchedWordCount('p q a b c r s t'.split(' '), 'a b c x p q r s t'.split(' '))).toBe(6);
  });

  test('difflib’s autojunk: in 200 words or more, a word over 1% of them is not indexed', () => {
    const shorter = `alpha ${Array(7).fill('and').join(' ')}`;
    const longer = (count: number) => `${Array(count).fill('and').join(' ')} zeta`;
    expect(overlap(shorter, longer(198))).toBe(true);
    expect(overlap(shorter, longer(199))).toBe(false);
    // A match still extends across unindexed words on either side.
    expect(matchedWordCount(Array(10).fill('the'), Array(200).fill('the'))).toBe(10);
  });
});

describe('speakers', () => {
  test('the last name decides: "Mr. Trump" is "Donald Trump"', () => {
    expect(sameSpeaker('Donald Trump', 'Mr. Trump')).toBe(true);
    expect(sameSpeaker('Donald J. Trump', 'Ivanka Trump')).toBe(true);
    expect(sameSpeaker('Donald Trump', 'Mike Pence')).toBe(false);
  });

  test('last names of five letters or more match on their first six', () => {
    expect(tokEq('horvath', 'horvat')).toBe(true);
    expect(sameSpeaker('Anna Horvath', 'Horvat')).toBe(true);
    expect(sameSpeaker('Petro', 'Petrov')).toBe(false);
    expect(sameSpeaker('Nina Stein', 'Steiner')).toBe(false);
  });

  test('several gold names, alternatives, and "unattributed" skipped', () => {
    const quote = gold('g', 'x', 'unattributed; Karl Moreau', { alt_speakers: ['Jana Lind'] });
    expect(sameSpeaker(quote, 'Lind')).toBe(true);
    expect(sameSpeaker(quote, 'Mr. Moreau')).toBe(true);
    expect(sameSpeaker(quote, 'Unattributed')).toBe(false);
  });

  test('groups: a government named by its country, capital or institution', () => {
    expect(sameGroup(' The Kremlin', 'russia')).toBe(true);
    expect(sameSpeaker('Beijing', 'Chinese Foreign Ministry')).toBe(true);
    expect(sameGroup('China', 'Russia')).toBe(false);
  });
});

describe('scoreQuotes', () => {
  const wall = 'The new harbour wall will be finished before the autumn storms arrive.';
  const pay = 'We will not pay for a wall nobody in this town ever asked for,';
  const council = 'The council never asked the fishermen what they needed this winter.';
  const louder = 'louder than any storm we have had in years';
  const pack = packOf(
    ['Lena Varga', 'Karl Brandt', 'Tomas Novak'],
    [
      { doc: HARBOUR, text: wall, speaker: 'Lena Varga', method: 'name' },
      { doc: HARBOUR, text: 'a costly gamble for the whole town' },
      { doc: HARBOUR, text: pay, speaker: 'Karl Brandt', method: 'name' },
      { doc: HARBOUR, text: council, speaker: 'Lena Varga', method: 'pronoun' },
      { doc: HARBOUR, text: louder },
      {
        doc: MARKET,
        text: 'The market hall stays open every Sunday until the end of the year,',
        speaker: 'Tomas Novak',
        method: 'role',
      },
    ],
  );
  const goldQuotes: GoldQuote[] = [
    gold('h1', '“The new harbour wall will be finished before the autumn storms arrive.”', 'Varga'),
    gold('h2', 'We will not pay for a wall nobody in this town ever asked for', 'Mr. Brandt'),
    gold('h3', 'The council never asked the fishermen what they needed this winter', 'Karl Brandt'),
    gold('h4', louder, 'a resident', { unnamed: true }),
    gold('h5', 'Tourists have been coming back to the harbour since the spring', 'Lena Varga'),
    gold('h6', 'a costly gamble for the whole town', 'Olga Lind', { kind: 'fragment' }),
    gold('h7', 'louder than any storm we have had in years', 'Jana Petrenko', { via: 'coref' }),
    gold('m1', 'The market hall stays open every Sunday until the end of the year', 'Novak', {
      doc: 'daily_market_hall',
    }),
    gold('x1', 'Nothing from this article is in the pack at all today', 'Nobody', {
      doc: 'other-paper-story',
    }),
  ];
  const score = scoreQuotes(pack, { quotes: goldQuotes }, { direct: true });

  test('recall: core gold quotes found with the right speaker', () => {
    expect(score).toMatchObject({ absentGold: 1, goldScored: 5, found: 4, rightSpeaker: 3 });
    expect(score.recall).toBe(3 / 5);
    expect(score.misses).toEqual([
      {
        cause: 'wrong speaker',
        goldId: 'h3',
        text: goldQuotes[2]?.text,
        goldSpeaker: 'Karl Brandt',
        packSpeakers: ['Lena Varga'],
        methods: ['pronoun'],
      },
      {
        cause: 'not found',
        goldId: 'h5',
        text: goldQuotes[4]?.text,
        goldSpeaker: 'Lena Varga',
        packSpeakers: [],
        methods: [],
      },
    ]);
  });

  test('without direct, a coreference speaker is scored too', () => {
    const loose = scoreQuotes(pack, { quotes: goldQuotes });
    expect(loose).toMatchObject({ goldScored: 6, found: 5, rightSpeaker: 3 });
    expect(loose.misses.map((miss) => [miss.goldId, miss.cause, miss.methods])).toEqual([
      ['h3', 'wrong speaker', ['pronoun']],
      ['h5', 'not found', []],
      ['h7', 'no speaker', ['none']],
    ]);
  });

  test('precision: attributed pack quotes that match a gold quote of any kind', () => {
    // Four attributed quotes match named gold quotes; the council quote has the wrong speaker.
    expect(score).toMatchObject({ attributedMatching: 4, correct: 3, packAttributed: 4 });
    expect(score.precision).toBe(3 / 4);
    expect(score.wrong).toEqual([
      {
        text: council,
        packSpeaker: 'Lena Varga',
        goldSpeakers: ['Karl Brandt'],
        goldIds: ['h3'],
        methods: ['pronoun'],
      },
    ]);
  });

  test('the script’s lines, word for word', () => {
    expect(verboseLines(score)).toEqual([
      'absent   1 gold quotes of articles not in the pack',
      "speaker  h3: 'The council never asked the fishermen what they ne' gold=Karl Brandt got=['Lena Varga']",
      "missed   h5: 'Tourists have been coming back to the harbour since the spring' (Lena Varga)",
      "wrong    'The council never asked the fishermen what they ne' -> Lena Varga (gold ['Karl Brandt'])",
    ]);
    expect(summaryLines(score)).toEqual([
      "pack quotes 6, attributed 4, gold ['core'] 5, found 4, right speaker 3",
      'recall 0.60 precision 0.75 spans 6/6',
    ]);
  });
});

describe('spans', () => {
  test('a source slices to the quote’s text, give or take its quotation marks', () => {
    const pack = packOf(
      [],
      [
        { doc: MARKET, text: 'The market hall stays open' },
        { doc: MARKET, text: 'The market hall stays open', printed: '“The market hall stays open' },
        {
          doc: MARKET,
          text: 'The market hall stays open',
          printed: '“The market hall stays open every',
        },
        { doc: MARKET, text: 'The market hall stays open', printed: 'Mayor Tomas Novak said' },
      ],
    );
    const spans = checkSpans(pack);
    expect(spans).toMatchObject({ spansExact: 2, spansTotal: 4 });
    expect(spans.spanMismatches.map((mismatch) => mismatch.printed)).toEqual([
      '“The market hall stays open every',
      'Mayor Tomas Novak said',
    ]);
  });

  test('a source that prints another wording counts when it is a variant', () => {
    const pack = packOf(
      [],
      [{ doc: MARKET, text: 'The hall stays open', printed: 'The market hall stays open' }],
    );
    const quote = pack.quotes[0] as Quote;
    const source = quote.sources[0] as Quote['sources'][number];
    expect(checkSpans(pack).spansExact).toBe(0);
    quote.variants.push({ ...source, diff: [] });
    expect(checkSpans(pack).spansExact).toBe(1);
  });
});

describe('scoreListedQuotes', () => {
  test('finds each listed quote by its first words in its document', () => {
    const pack = packOf(
      ['Lena Varga'],
      [
        { doc: HARBOUR, text: 'The council never asked the fishermen', speaker: 'Lena Varga' },
        { doc: HARBOUR, text: 'louder than any storm' },
      ],
    );
    const result = scoreListedQuotes(pack, [
      { doc: HARBOUR, quote: '“The council never asked', speaker: 'Karl Brandt' },
      { doc: HARBOUR, quote: 'louder than', speaker: 'Karl Brandt' },
      { doc: MARKET, quote: 'The council never asked', speaker: 'Karl Brandt' },
      { doc: HARBOUR, quote: 'the fishermen', speaker: 'Ms. Varga' },
    ]);
    expect(result).toMatchObject({ listed: 4, found: 3, attributed: 2, right: 1 });
    expect(result.precision).toBe(1 / 2);
    expect(result.recall).toBe(1 / 4);
  });
});

describe('Python formatting', () => {
  test('fixed decimals round exact ties to even', () => {
    expect(pythonFixed(0.125, 2)).toBe('0.12');
    expect(pythonFixed(0.375, 2)).toBe('0.38');
    expect(pythonFixed(2.675, 2)).toBe('2.67');
    expect(pythonFixed(41 / 328, 3)).toBe('0.125');
  });

  test('repr picks its quote and escapes the unprintable', () => {
    expect(pythonRepr('it\'s "x"\\ \u00a0\t\u200b')).toBe("'it\\'s \"x\"\\\\ \\xa0\\t\\u200b'");
    expect(pythonRepr("it's")).toBe('"it\'s"');
  });
});
