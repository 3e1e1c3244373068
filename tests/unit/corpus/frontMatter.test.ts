import { describe, expect, test } from 'vitest';
import { CorpusInputError } from '@/lib/corpus';
import { parseArticle } from '@/lib/corpus/frontMatter';
import { seedFile } from './helpers';

const article = (frontMatter: string, body = 'Headline\n\nText.') => ({
  fileName: 'a.txt',
  contents: `---\n${frontMatter}\n---\n${body}`,
});

function errorOf(run: () => unknown): CorpusInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof CorpusInputError) return error;
    throw error;
  }
  throw new Error('expected an input error');
}

describe('front matter', () => {
  test('seed 003: metadata with an inferred date and its reason; the body kept byte for byte', () => {
    const file = seedFile('003');
    const parsed = parseArticle(file);
    expect(parsed.meta).toMatchObject({
      id: 'seed-003',
      outlet: 'CNN',
      publishedAt: '2023-03-21',
      datePrecision: 'day',
      dateBasis: 'inferred',
    });
    expect(parsed.meta.dateReason).toContain('Tuesday');
    expect(file.contents.endsWith(parsed.body)).toBe(true);
    expect(parsed.body.startsWith('Xi-Putin meeting')).toBe(true);
  });

  test('without front matter: first line as title, id from the file name, date unknown and said so', () => {
    const parsed = parseArticle({
      fileName: 'dir/My Story.md',
      contents: '\n# Big News Today\n\nBody.',
    });
    expect(parsed.meta).toMatchObject({
      id: 'my-story',
      title: 'Big News Today',
      publishedAt: null,
      datePrecision: null,
      dateBasis: null,
    });
    expect(parsed.meta.dateReason).toMatch(/unknown/);
  });

  test('month precision comes from the date form', () => {
    const parsed = parseArticle(article('published: 2023-02\ndateBasis: metadata'));
    expect([parsed.meta.publishedAt, parsed.meta.datePrecision]).toEqual(['2023-02', 'month']);
  });

  test('bad input is refused with the file and line', () => {
    expect(
      errorOf(() => parseArticle(article('title: x\npublished: 2023-02-30\ndateBasis: printed')))
        .message,
    ).toBe('a.txt:3: impossible date "2023-02-30": 2023-02 has 28 days');
    expect(errorOf(() => parseArticle(article('title: [unclosed'))).message).toMatch(
      /^a\.txt:2: broken front matter/,
    );
    expect(errorOf(() => parseArticle(article('title: x\npublised: 2023-01-01'))).message).toBe(
      'a.txt:3: unknown front matter field "publised"',
    );
    expect(
      errorOf(() => parseArticle(article('published: 2023-01-01\ndateBasis: inferred'))).message,
    ).toBe('a.txt:3: an inferred date needs a dateReason');
    expect(
      errorOf(() => parseArticle({ fileName: 'b.txt', contents: '---\ntitle: x\n' })).message,
    ).toBe('b.txt:1: front matter opened with "---" is never closed');
  });
});
