import { describe, expect, test } from 'vitest';
import {
  diffWords,
  findDuplicateDocuments,
  groupQuotes,
  wordingSimilarity,
} from '@/lib/corpus/duplicates';
import { compiledSeeds, documentOf, quotesIn } from './helpers';

describe('duplicates', () => {
  test('000 is a re-write of the AFP story in 001, and nothing else is a duplicate', () => {
    const pack = compiledSeeds();
    expect(
      pack.documents.filter((d) => d.duplicateOf !== undefined).map((d) => [d.id, d.duplicateOf]),
    ).toEqual([['seed-000', 'seed-001']]);
    expect(documentOf(pack, 'seed-001').duplicateOf).toBeUndefined();
  });

  test('the same quotations in both become one quote with two sources', () => {
    const pack = compiledSeeds();
    for (const fragment of ['prospect', 'no other way', 'bring Russia to its senses']) {
      const quote = quotesIn(pack, 'seed-001').find((q) => q.text === fragment)?.quote;
      expect(quote?.sources.map((s) => s.documentId)).toEqual(['seed-000', 'seed-001']);
      expect(quote?.variants).toEqual([]);
    }
  });

  test('Peskov worded two ways: one quote, the differing words identifiable', () => {
    const quote = quotesIn(compiledSeeds(), 'seed-001').find((q) =>
      q.text.startsWith('Undoubtedly'),
    )?.quote;
    expect(quote?.text).toBe(
      'Undoubtedly, China has a very effective and commanding potential for mediation',
    );
    expect(quote?.sources.map((s) => s.documentId)).toEqual(['seed-000', 'seed-001']);
    expect(quote?.variants).toHaveLength(1);
    const changed = quote?.variants[0]?.diff
      .filter((part) => part.op !== 'equal')
      .map((part) => part.text.trim());
    expect(changed?.sort()).toEqual(['and commanding', 'commanding and']);
  });

  test("Putin's remark on the Chinese plan, reported differently by two stories, is one quote", () => {
    const pack = compiledSeeds();
    const quote = quotesIn(pack, 'seed-002').find((q) =>
      q.text.startsWith('Many provisions'),
    )?.quote;
    expect(quote?.speakerId).toBe('vladimir-putin');
    expect(quote?.sources.map((s) => s.documentId)).toEqual(['seed-002', 'seed-003']);
    // The full statement is the quote; the other outlet's partial wording is its variant.
    expect(quote?.kind).toBe('statement');
    const dropped = quote?.variants[0]?.diff.filter((p) => p.op === 'delete').map((p) => p.text);
    expect(dropped).toContain('Many provisions of the Chinese peace plan ');
  });

  test('a word diff spells both wordings', () => {
    const from = 'a very effective and commanding potential';
    const to = 'a very commanding and effective potential';
    const diff = diffWords(from, to);
    expect(
      diff
        .filter((p) => p.op !== 'insert')
        .map((p) => p.text)
        .join(''),
    ).toBe(from);
    expect(
      diff
        .filter((p) => p.op !== 'delete')
        .map((p) => p.text)
        .join(''),
    ).toBe(to);
    expect(wordingSimilarity(from, to)).toBeGreaterThan(0.6);
  });

  test('unrelated texts are not duplicates; fragments from different stories stay apart', () => {
    const documents = [
      {
        id: 'a',
        text: 'The talks in Geneva ended without a deal on grain exports.',
        outlet: null,
        publishedAt: null,
      },
      {
        id: 'b',
        text: 'Voters in Finland elected a new parliament on Sunday.',
        outlet: null,
        publishedAt: null,
      },
    ];
    expect(findDuplicateDocuments(documents).size).toBe(0);
    const groups = groupQuotes(
      [
        { documentId: 'a', text: 'peace plan', substantial: false, speakerId: 'x' },
        { documentId: 'b', text: 'peace plan', substantial: false, speakerId: 'x' },
      ],
      () => false,
      () => true,
    );
    expect(groups).toEqual([[0], [1]]);
  });
});
