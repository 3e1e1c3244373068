import { describe, expect, test } from 'vitest';
import { findTextDates } from '@/lib/corpus/dates';
import { compiledSeeds, sliceOf } from './helpers';

const resolved = (text: string, published: string) =>
  findTextDates(text, { date: published, precision: 'day', basis: 'printed' }).map((d) => [
    text.slice(d.start, d.end),
    d.date,
    d.precision,
    d.basis,
  ]);

describe('dates in the text', () => {
  test('relative expressions resolve against the publication date', () => {
    expect(resolved('The Kremlin said on Thursday that', '2023-04-06')).toEqual([
      ['on Thursday', '2023-04-06', 'day', 'inferred'],
    ]);
    expect(resolved('US officials warned on Monday.', '2023-03-21')).toEqual([
      ['on Monday', '2023-03-20', 'day', 'inferred'],
    ]);
    expect(resolved('The plan, published last month, said.', '2023-03-22')).toEqual([
      ['last month', '2023-02', 'month', 'inferred'],
    ]);
    expect(resolved('The territory it annexed last fall.', '2023-04-27')).toEqual([
      ['last fall', '2022', 'year', 'inferred'],
    ]);
    expect(resolved('Kishida will meet Zelensky on Tuesday.', '2023-03-20')).toEqual([
      ['on Tuesday', '2023-03-21', 'day', 'inferred'],
    ]);
  });

  test('printed dates are printed; vague ones are not given a day', () => {
    expect(resolved('It began in 2014 when Russia annexed Crimea.', '2023-04-06')).toEqual([
      ['in 2014', '2014', 'year', 'printed'],
    ]);
    expect(resolved('in Moscow on March 21, 2023.', '2023-04-06')).toEqual([
      ['March 21, 2023', '2023-03-21', 'day', 'printed'],
    ]);
    expect(resolved('As he said last week, talks stalled.', '2023-03-01')).toEqual([]);
  });

  test('without a day-precise publication date nothing relative is resolved', () => {
    expect(
      findTextDates('Markets fell on Monday.', { date: null, precision: null, basis: null }),
    ).toEqual([]);
  });
});

describe('publication dates in the pack', () => {
  test('printed or inferred as the front matter says, with the reason', () => {
    const documents = compiledSeeds().documents;
    expect(documents.map((d) => [d.id, d.publishedAt, d.datePrecision, d.dateBasis])).toEqual([
      ['seed-000', '2023-04-06', 'day', 'printed'],
      ['seed-001', '2023-04-06', 'day', 'printed'],
      ['seed-002', '2023-03-22', 'day', 'inferred'],
      ['seed-003', '2023-03-21', 'day', 'inferred'],
      ['seed-004', '2023-04-27', 'day', 'inferred'],
    ]);
    for (const document of documents.filter((d) => d.dateBasis === 'inferred'))
      expect(document.dateReason).toBeTruthy();
  });
});

describe('timeline events', () => {
  const EXPECTED = [
    ['crimea-annexation-2014', '2014', undefined, 'year', 'printed'],
    ['annexation-claims-2022', '2022', undefined, 'year', 'inferred'],
    ['china-peace-plan-published-2023', '2023-02', undefined, 'month', 'inferred'],
    ['icc-arrest-warrant-putin-2023', '2023-03', undefined, 'month', 'inferred'],
    ['xi-state-visit-moscow-2023', '2023-03-20', '2023-03-22', 'day', 'inferred'],
    ['xi-putin-talks-joint-statement-2023', '2023-03-21', undefined, 'day', 'inferred'],
    ['kremlin-no-prospect-2023', '2023-04-06', undefined, 'day', 'inferred'],
    ['xi-zelensky-call-2023', '2023-04-26', undefined, 'day', 'inferred'],
    ['li-hui-special-envoy-2023', '2023-04-27', undefined, 'day', 'inferred'],
  ];

  test('every required event, dated with its precision and basis, in date order', () => {
    expect(
      compiledSeeds().events.map((e) => [e.id, e.date, e.endDate, e.datePrecision, e.dateBasis]),
    ).toEqual(EXPECTED);
  });

  test('each event points to the words that support it, and says how it was dated', () => {
    const pack = compiledSeeds();
    const spans = (id: string) =>
      pack.events.find((e) => e.id === id)?.sources.map((s) => [s.documentId, sliceOf(pack, s)]);
    expect(spans('crimea-annexation-2014')).toEqual([['seed-000', 'Russia annexed Crimea']]);
    expect(spans('annexation-claims-2022')).toContainEqual([
      'seed-004',
      'territory it annexed last fall',
    ]);
    expect(spans('xi-state-visit-moscow-2023')).toContainEqual(['seed-003', 'Xi’s arrival']);
    expect(spans('li-hui-special-envoy-2023')).toContainEqual([
      'seed-004',
      'The envoy China is sending is Li Hui',
    ]);
    for (const event of pack.events) expect(event.dateReason).toBeTruthy();
    expect(pack.events.find((e) => e.id === 'xi-zelensky-call-2023')?.dateReason).toMatch(
      /^Not printed/,
    );
    expect(
      pack.events.find((e) => e.id === 'china-peace-plan-published-2023')?.dateReason,
    ).toContain('“last month”');
  });
});
