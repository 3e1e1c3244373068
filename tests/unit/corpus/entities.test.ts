import { describe, expect, test } from 'vitest';
import { compileCorpusFiles } from '@/lib/corpus';
import { fromGazetteer, MentionMatcher } from '@/lib/corpus/entities';
import { compiledSeeds, gazetteerText, seedFile, seedGazetteer, sliceOf } from './helpers';

const matcher = () => new MentionMatcher(seedGazetteer().entities.map(fromGazetteer));
const spotted = (text: string) =>
  matcher()
    .find(text)
    .map((m) => [text.slice(m.start, m.end), m.entityId]);

describe('spotting gazetteer entities', () => {
  test('spelling variants real pages use', () => {
    expect(spotted('Zelenskyy met Zelenskiy and Volodymyr Zelensky in Kiev, then Kyiv.')).toEqual([
      ['Zelenskyy', 'volodymyr-zelensky'],
      ['Zelenskiy', 'volodymyr-zelensky'],
      ['Volodymyr Zelensky', 'volodymyr-zelensky'],
      ['Kiev', 'kyiv'],
      ['Kyiv', 'kyiv'],
    ]);
    expect(spotted('US Secretary of State Anthony Blinken')).toContainEqual([
      'Anthony Blinken',
      'antony-blinken',
    ]);
  });

  test('case-sensitive aliases: "Xi" and "US", not "xi" or "us"', () => {
    expect(spotted('President Xi told us the US would wait; xi is not a name here.')).toEqual([
      ['Xi', 'xi-jinping'],
      ['US', 'united-states'],
    ]);
  });

  test('context-required aliases and references count only where the entity is named', () => {
    expect(spotted('Qin spoke first.')).toEqual([]);
    expect(spotted('Qin Gang arrived. Qin spoke first.')).toEqual([
      ['Qin Gang', 'qin-gang'],
      ['Qin', 'qin-gang'],
    ]);
    expect(spotted("Washington's top diplomat said so.")).toEqual([]);
    expect(spotted("Blinken arrived. Washington's top diplomat said so.")).toEqual([
      ['Blinken', 'antony-blinken'],
      ["Washington's top diplomat", 'antony-blinken'],
    ]);
  });
});

describe('roles', () => {
  test('every role points to where it is printed, next to the name', () => {
    const pack = compiledSeeds();
    const roles = pack.entities.flatMap((e) =>
      e.roles.map((r) => [e.id, r.title, r.sources.map((s) => sliceOf(pack, s))]),
    );
    expect(roles).toContainEqual([
      'mao-ning',
      'Chinese Foreign Ministry spokeswoman',
      ['Chinese Foreign Ministry spokeswoman'],
    ]);
    expect(roles).toContainEqual([
      'jens-stoltenberg',
      'alliance’s secretary-general',
      ['alliance’s secretary-general'],
    ]);
    expect(roles).toContainEqual([
      'antony-blinken',
      'US Secretary of State',
      ['US Secretary of State'],
    ]);
    expect(roles).toContainEqual([
      'li-hui',
      'Beijing’s special representative for Eurasian affairs',
      ['Beijing’s special representative for Eurasian affairs'],
    ]);
    const peskov = pack.entities.find((e) => e.id === 'dmitry-peskov');
    expect(peskov?.roles.map((r) => [r.title, r.sources.map((s) => s.documentId)])).toEqual([
      ['Kremlin spokesman', ['seed-000', 'seed-000', 'seed-001', 'seed-004']],
    ]);
  });

  test('spotting rules travel in the pack', () => {
    const xi = compiledSeeds().entities.find((e) => e.id === 'xi-jinping');
    expect(xi?.spotting).toEqual({ caseSensitive: ['Xi'] });
    const qin = compiledSeeds().entities.find((e) => e.id === 'qin-gang');
    expect(qin?.spotting).toEqual({ caseSensitive: ['Qin'], contextRequired: ['Qin'] });
  });
});

describe('discovering people the gazetteer lacks', () => {
  test('Mao Ning, left out of the gazetteer, is found by her role and given her quote', () => {
    const withoutMaoNing = gazetteerText().replace(
      / {2}- id: mao-ning[\s\S]*?(?=\n {2}- id: )/,
      '',
    );
    const pack = compileCorpusFiles([
      seedFile('004'),
      { fileName: 'gazetteer.yaml', contents: withoutMaoNing },
    ]);
    const maoNing = pack.entities.find((e) => e.name === 'Mao Ning');
    expect(maoNing).toMatchObject({ id: 'mao-ning', kind: 'person', origin: 'discovered' });
    expect(maoNing?.roles.map((r) => r.title)).toEqual(['Chinese Foreign Ministry spokeswoman']);
    const quote = pack.quotes.find((q) => q.text.startsWith('The Chinese-appointed special envoy'));
    expect(quote?.speakerId).toBe('mao-ning');
  });

  test('names that are neither quoted nor given a role are not turned into people', () => {
    const pack = compileCorpusFiles([
      {
        fileName: 'a.txt',
        contents: 'Headline\n\nThe Black Sea Fleet sailed past Snake Island as New Year neared.\n',
      },
    ]);
    expect(pack.entities).toEqual([]);
  });
});
