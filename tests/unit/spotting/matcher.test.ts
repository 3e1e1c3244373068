import { describe, expect, test } from 'vitest';
import { buildSpotDictionary } from '@/lib/spotting/dictionary';
import { createMatcher, MatcherBuilder } from '@/lib/spotting/matcher';
import { mentionsToMark } from '@/lib/spotting/mention-rules';
import { entity, spotted, testDictionary, testMatcher } from './entities';

describe('whole words only', () => {
  test('a name inside a longer word is not a mention', () => {
    expect(spotted('Putinism and the Putinov family')).toEqual([]);
    expect(spotted('Kyivska street, NATOs, 2Putin, Putin2')).toEqual([]);
  });

  test('word boundaries are Unicode-aware', () => {
    expect(spotted('Putiné, Kyivé, éPutin')).toEqual([]);
    expect(spotted('Путин и Putin')).toEqual([['Putin', 'vladimir-putin']]);
    expect(spotted('a Kyiv-based group')).toEqual([['Kyiv', 'kyiv']]);
  });
});

describe('the longest alias wins', () => {
  test('a full name is one mention, not a first and a last name', () => {
    expect(spotted('Vladimir Putin met Xi Jinping')).toEqual([
      ['Vladimir Putin', 'vladimir-putin'],
      ['Xi Jinping', 'xi-jinping'],
    ]);
  });

  test('titles that are aliases are part of the mention', () => {
    expect(spotted('President Putin and President Xi')).toEqual([
      ['President Putin', 'vladimir-putin'],
      ['President Xi', 'xi-jinping'],
    ]);
  });

  test('a shorter alias is found when the longer one does not go on', () => {
    expect(spotted('Vladimir Putinism, then Putin')).toEqual([['Putin', 'vladimir-putin']]);
  });

  test('any whitespace between the words of a name counts as one space', () => {
    expect(spotted('Xi\n      Jinping and Vladimir\u00a0Putin')).toEqual([
      ['Xi\n      Jinping', 'xi-jinping'],
      ['Vladimir\u00a0Putin', 'vladimir-putin'],
    ]);
  });
});

describe('punctuation around a name', () => {
  test('possessives and brackets leave the name itself', () => {
    expect(spotted("Putin's war, Xi's visit, (Peskov), Zelenskyy’s call, “Kremlin”.")).toEqual([
      ['Putin', 'vladimir-putin'],
      ['Xi', 'xi-jinping'],
      ['Peskov', 'dmitry-peskov'],
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Kremlin', 'kremlin'],
    ]);
  });

  test('an alias ending in a full stop matches before any next character', () => {
    expect(spotted('the U.S. said; U.S.-backed')).toEqual([
      ['U.S.', 'united-states'],
      ['U.S.', 'united-states'],
    ]);
  });

  test('straight and curly apostrophes in an alias match each other', () => {
    expect(spotted('China’s peace plan')).toEqual([['China’s peace plan', 'china-peace-plan']]);
  });
});

describe('currencies', () => {
  test('a name glued to a currency sign is an amount, not a mention', () => {
    expect(spotted('US$1.14 billion, $US 300, US¥9 and £China; then US troops')).toEqual([
      ['US', 'united-states'],
    ]);
  });

  test('the first mention of a place is the real one, not the amount before it', () => {
    const texts = ['A US$1.14 billion deal.', 'Two lines later, the US said no.'];
    const marks = mentionsToMark(texts, (text) => testMatcher.findAll(text), {
      markEveryPlaceMention: false,
    });
    expect(marks.map((matches) => matches.map((match) => match.term.entityId))).toEqual([
      [],
      ['united-states'],
    ]);
  });
});

describe('case', () => {
  test('case-sensitive aliases match only as written', () => {
    expect(spotted('Xi, XI, xi')).toEqual([['Xi', 'xi-jinping']]);
    expect(spotted('NATO, Nato, nato')).toEqual([['NATO', 'nato']]);
    expect(spotted('US, us, Us')).toEqual([['US', 'united-states']]);
  });

  test('other names match in any case, headlines in capitals included', () => {
    expect(spotted('PUTIN SPEAKS; putin; Vladimir PUTIN')).toEqual([
      ['PUTIN', 'vladimir-putin'],
      ['putin', 'vladimir-putin'],
      ['Vladimir PUTIN', 'vladimir-putin'],
    ]);
  });

  test('a short acronym in text all in capitals is a word too: not a mention', () => {
    expect(spotted('FOLLOW US ON SOCIAL MEDIA')).toEqual([]);
    expect(spotted('US')).toEqual([]);
    expect(spotted('PUTIN AND NATO')).toEqual([
      ['PUTIN', 'vladimir-putin'],
      ['NATO', 'nato'],
    ]);
    expect(spotted('Follow the US')).toEqual([['US', 'united-states']]);
  });

  test('a short alias does not match in capitals or in lower case (numerals, words)', () => {
    expect(spotted('Chapter LI; li; Li')).toEqual([['Li', 'li-hui']]);
  });

  test('context-required aliases come out flagged for the page rules to decide', () => {
    const [match] = createMatcher(testDictionary).findAll('Li said');
    expect(match?.term).toMatchObject({ text: 'Li', entityId: 'li-hui', contextRequired: true });
  });
});

describe('aliases shared by entities', () => {
  test('an alias two entities share is not marked: the page is not guessed at', () => {
    const matcher = createMatcher(
      buildSpotDictionary([
        entity('li-hui', 'Li Hui', 'person', ['Li']),
        entity('li-qiang', 'Li Qiang', 'person', ['Li']),
      ]),
    );
    expect(spotted('Li said Li Qiang', matcher)).toEqual([['Li Qiang', 'li-qiang']]);
  });

  test('a name wins over the same form used as a context-required alias of another entity', () => {
    const matcher = createMatcher(
      buildSpotDictionary([
        entity('georgia-country', 'Georgia', 'place'),
        entity('georgia-state', 'State of Georgia', 'place', ['Georgia'], {
          contextRequired: ['Georgia'],
        }),
      ]),
    );
    expect(spotted('Georgia', matcher)).toEqual([['Georgia', 'georgia-country']]);
  });
});

describe('building the matcher', () => {
  test('a builder stopped by its clock resumes and ends with the same matcher', () => {
    const terms = Array.from({ length: 1000 }, (_, index) => `Name${index} Person${index}`);
    const dictionary = buildSpotDictionary(
      terms.map((name, index) => entity(`person-${index}`, name, 'person')),
    );
    const builder = new MatcherBuilder(dictionary);
    let slices = 0;
    while (!builder.addTerms(() => false)) slices++;
    expect(slices).toBeGreaterThan(10);
    const matcher = builder.build();
    expect(matcher.version).toBe(dictionary.version);
    expect(spotted('Name999 Person999 met Name12 Person12.', matcher)).toEqual([
      ['Name999 Person999', 'person-999'],
      ['Name12 Person12', 'person-12'],
    ]);
  });

  test('build() refuses before every term is in', () => {
    const builder = new MatcherBuilder(testDictionary);
    expect(() => builder.build()).toThrow(/before every term/);
  });
});
