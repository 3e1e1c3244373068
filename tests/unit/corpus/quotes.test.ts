// Quotations and speakers, as a reader of each article would list them. Each row: a distinctive
// fragment of the quotation, its kind, and who said it (null where the text does not say).
// Countries and capitals stand for their governments where the text makes them the speaker
// ("the US warned", "Beijing announced").
import { describe, expect, test } from 'vitest';
import { compileCorpusFiles } from '@/lib/corpus';
import type { QuoteKind } from '@/lib/pack/schema';
import { compiledFixtures, compiledSeeds, gazetteerText, quotesIn, sliceOf } from './helpers';

type Row = [fragment: string, kind: QuoteKind, speakerId: string | null];

const EXPECTED: Record<string, Row[]> = {
  'seed-000': [
    ['prospect', 'fragment', 'kremlin'],
    ['no other way', 'fragment', 'kremlin'],
    [
      'Undoubtedly, China has a very commanding and effective potential',
      'statement',
      'dmitry-peskov',
    ],
    ['bring Russia to its senses', 'fragment', 'emmanuel-macron'],
  ],
  'seed-001': [
    ['prospect', 'fragment', 'kremlin'],
    ['no other way', 'fragment', 'kremlin'],
    [
      'Undoubtedly, China has a very effective and commanding potential',
      'statement',
      'dmitry-peskov',
    ],
    ['But the situation with Ukraine is complex', 'statement', 'dmitry-peskov'],
    ['bring Russia to its senses', 'fragment', 'emmanuel-macron'],
    ['At the moment, there are no other ways for us', 'statement', 'dmitry-peskov'],
    ["Our goal is to push (Ukraine's forces) back", 'statement', 'vladimir-putin'],
  ],
  'seed-002': [
    ['increase tensions', 'fragment', null],
    ['prolong', 'fragment', null],
    ['respect the sovereignty, security, interests', 'fragment', null],
    ['prevent the formation of confrontational blocs', 'fragment', null],
    ['in the West and Kyiv', 'fragment', 'vladimir-putin'],
    ['Many provisions of the Chinese peace plan', 'statement', 'vladimir-putin'],
    ['readiness', 'fragment', 'vladimir-putin'],
    ['strong leadership', 'fragment', 'xi-jinping'],
    ['very happy', 'fragment', 'xi-jinping'],
    ['frank, open and friendly', 'fragment', 'xi-jinping'],
    ['Talk of Ukraine was overshadowed', 'statement', 'new-york-times'],
    ['containment', 'fragment', 'xi-jinping'],
  ],
  'seed-003': [
    ['peaceful settlement in Ukraine', 'fragment', null],
    ['diplomatic cover', 'fragment', 'united-states'],
    // A partial quotation, kept as a variant of the full statement 002 prints.
    ['can be taken as a basis for a peaceful settlement', 'statement', 'vladimir-putin'],
    ['All of our talks today and yesterday', 'statement', 'vladimir-putin'],
    ['I have developed a close relationship', 'statement', 'xi-jinping'],
    ['We agreed that the relations', 'statement', 'xi-jinping'],
    ['objective and fair', 'fragment', 'russia'],
    ['the legitimate security interests', 'fragment', null],
    ['some signs', 'fragment', 'jens-stoltenberg'],
    ['China is the leading importer of Russian oil', 'statement', 'vladimir-putin'],
    ['the implementation of the initiative to build the Power 2', 'fragment', 'vladimir-putin'],
    ['Russia-China relations are at an all-time high', 'statement', 'vladimir-putin'],
    ['Diplomatic Cover', 'fragment', null],
    ['China has no responsibility to hold the Kremlin', 'statement', 'antony-blinken'],
    ['Any call for a cease-fire', 'statement', 'antony-blinken'],
    ['allow President Putin to rest', 'fragment', 'antony-blinken'],
    ['successful implementation', 'fragment', 'oleksiy-danilov'],
    ['peace plan', 'fragment', 'oleksiy-danilov'],
    ['surrender or withdrawal', 'fragment', 'oleksiy-danilov'],
    ['We have not seen any evidence', 'statement', 'jens-stoltenberg'],
    ['China should not provide dangerous aid', 'statement', 'jens-stoltenberg'],
  ],
  'seed-004': [
    ['We are ready to welcome anything', 'statement', 'dmitry-peskov'],
    ['As for the fact of their communication', 'statement', 'dmitry-peskov'],
    ['all parties', 'fragment', 'beijing'],
    ['The Chinese-appointed special envoy', 'statement', 'mao-ning'],
    ['China and the Central Asian countries', 'statement', 'qin-gang'],
  ],
};

describe('quotations in the seed articles', () => {
  for (const [documentId, rows] of Object.entries(EXPECTED)) {
    test(`${documentId}: every quotation found, in order, with its kind and speaker`, () => {
      const found = quotesIn(compiledSeeds(), documentId);
      expect(found.map((q) => [q.text, q.quote.kind, q.speakerId])).toEqual(
        rows.map(([fragment, kind, speakerId]) => [
          expect.stringContaining(fragment),
          kind,
          speakerId,
        ]),
      );
    });
  }

  test('every full statement in the seeds is found once, with its speaker named', () => {
    // Twenty statements as printed; the AFP re-write repeats one of them.
    const statements = compiledSeeds().quotes.filter((quote) => quote.kind === 'statement');
    expect(statements).toHaveLength(19);
    expect(statements.filter((quote) => quote.speakerId === null)).toEqual([]);
  });

  test('pronouns resolve to the person meant', () => {
    const pack = compiledSeeds();
    const cueOf = (documentId: string, fragment: string) => {
      const quote = quotesIn(pack, documentId).find((q) => q.text.includes(fragment))?.quote;
      const source = quote?.sources.find((s) => s.documentId === documentId);
      const cue = source?.attribution;
      return cue === undefined || source === undefined
        ? undefined
        : {
            method: cue.method,
            text: sliceOf(pack, { documentId, start: cue.start, end: cue.end }),
            speakerId: quote?.speakerId,
          };
    };
    expect(cueOf('seed-001', 'But the situation')).toEqual({
      method: 'pronoun',
      text: 'he said',
      speakerId: 'dmitry-peskov',
    });
    expect(cueOf('seed-001', 'Our goal')).toEqual({
      method: 'pronoun',
      text: 'he said',
      speakerId: 'vladimir-putin',
    });
    expect(cueOf('seed-003', 'allow President Putin')).toEqual({
      method: 'pronoun',
      text: 'he added',
      speakerId: 'antony-blinken',
    });
    expect(cueOf('seed-003', 'China has no responsibility')).toEqual({
      method: 'role',
      text: 'Washington’s top diplomat said',
      speakerId: 'antony-blinken',
    });
    expect(cueOf('seed-004', 'Central Asian')).toEqual({
      method: 'pronoun',
      text: 'he said',
      speakerId: 'qin-gang',
    });
  });

  test('a quote split around its attribution, and a quote continuing one, share its speaker', () => {
    const pack = compiledSeeds();
    const methodOf = (fragment: string) =>
      quotesIn(pack, 'seed-003').find((q) => q.text.includes(fragment))?.quote.sources[0]
        ?.attribution?.method;
    expect(methodOf('Any call for a cease-fire')).toBe('shared');
    expect(methodOf('We agreed that the relations')).toBe('shared');
  });

  test('the quotation inside the New York Times summary is kept apart and linked to it', () => {
    const found = quotesIn(compiledSeeds(), 'seed-002');
    const outer = found.find((q) => q.text.startsWith('Talk of Ukraine'))?.quote;
    const inner = found.find((q) => q.text === 'containment')?.quote;
    expect(outer?.text).toContain('“containment” of China.');
    expect(inner?.insideQuoteId).toBe(outer?.id);
  });

  test('statements dated by their attribution ("Mao Ning said Thursday")', () => {
    const maoNing = quotesIn(compiledSeeds(), 'seed-004').find(
      (q) => q.speakerId === 'mao-ning',
    )?.quote;
    expect([maoNing?.date, maoNing?.datePrecision, maoNing?.dateBasis]).toEqual([
      '2023-04-27',
      'day',
      'inferred',
    ]);
    expect(maoNing?.dateReason).toContain('“Thursday”');
  });
});

describe('quotations in articles the rules were not written from', () => {
  const EXPECTED_FIXTURES: Record<string, Row[]> = {
    'wire-grain-corridor': [
      ['We need a corridor that works every week', 'statement', 'olena-hrytsenko'],
      ['Without guarantees, the ships will not sail', 'statement', 'hakan-demir'],
      ['sharply', 'fragment', 'hakan-demir'],
      ['cannot be extended forever', 'fragment', 'kremlin'],
      ['nobody has offered a serious alternative so far', 'statement', 'dmitry-peskov'],
      ['millions of people', 'fragment', 'volodymyr-zelensky'],
    ],
    'transcript-kremlin-briefing': [
      [
        'China has a very effective potential for mediation. But the situation is complex',
        'statement',
        'dmitry-peskov',
      ],
      ['At the moment there are no other ways for us.', 'statement', 'dmitry-peskov'],
    ],
    'opinion-peace-plan': [
      ['peace plan', 'fragment', null],
      ['peace plan', 'fragment', null],
      ['respect', 'fragment', null],
      ['dialogue', 'fragment', null],
      ['balanced', 'fragment', null],
      ['convenient', 'fragment', null],
      ['lacks credibility', 'fragment', 'jens-stoltenberg'],
      ['framework', 'fragment', null],
    ],
    'markets-no-quotes': [],
  };
  for (const [documentId, rows] of Object.entries(EXPECTED_FIXTURES)) {
    test(`${documentId}`, () => {
      const found = quotesIn(compiledFixtures(), documentId);
      expect(found.map((q) => [q.text, q.quote.kind, q.speakerId])).toEqual(
        rows.map(([fragment, kind, speakerId]) => [
          expect.stringContaining(fragment),
          kind,
          speakerId,
        ]),
      );
    });
  }

  test('snippets: never a guess', () => {
    const speakerOf = (text: string) => {
      const pack = compileCorpusFiles([
        { fileName: 'snippet.txt', contents: `Snippet\n\n${text}\n` },
        { fileName: 'gazetteer.yaml', contents: gazetteerText() },
      ]);
      return pack.quotes.map((q) => q.speakerId);
    };
    // A pronoun with nobody named before it.
    expect(speakerOf('“We will not back down,” he said.')).toEqual([null]);
    // "it" and unnamed groups are not people we can name.
    expect(
      speakerOf('In a statement, it said talks must “respect everyone involved in them now”.'),
    ).toEqual([null]);
    expect(speakerOf('Officials told reporters the plan was “dead on arrival”.')).toEqual([null]);
    // A new clause after the verb has its own subject.
    expect(
      speakerOf('Putin spoke of “trust between us,” but analysts called it “theatre”.'),
    ).toEqual(['vladimir-putin', null]);
    // "she" skips a man named just before.
    expect(
      speakerOf(
        'Chinese Foreign Ministry spokeswoman Mao Ning met Qin Gang. “We are open to talks with everyone,” she said.',
      ),
    ).toEqual(['mao-ning']);
    // Inverted attribution, with a role before the name.
    expect(speakerOf('“There is no deal yet,” said Kremlin spokesman Dmitry Peskov.')).toEqual([
      'dmitry-peskov',
    ]);
  });
});
