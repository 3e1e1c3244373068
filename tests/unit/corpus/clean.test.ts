import { describe, expect, test } from 'vitest';
import { cleanArticleText } from '@/lib/corpus/clean';
import { parseArticle } from '@/lib/corpus/frontMatter';
import { seedFile } from './helpers';

const cleanSeed = (prefix: string) => {
  const parsed = parseArticle(seedFile(prefix));
  return { raw: parsed.body, ...cleanArticleText(parsed.body) };
};

describe('cleaning', () => {
  test('page furniture goes: share buttons, comment form, related stories, see-also lines', () => {
    expect(cleanSeed('000').text).not.toContain('icon-facebook');
    const seed002 = cleanSeed('002').text;
    expect(seed002).not.toContain('Leave a Reply');
    expect(seed002).not.toContain('More Related Stories');
    expect(seed002.endsWith('“containment” of China.”')).toBe(true);
    const seed003 = cleanSeed('003').text;
    expect(seed003).not.toMatch(/See also|Dodgers|Creed III|D-Day/);
    expect(seed003).not.toContain('contributed to this report');
  });

  test('markdown becomes text: links, bold, headings; url lines and related-article lines go', () => {
    const { text, author } = cleanSeed('001');
    expect(text.startsWith('Kremlin Sees No Prospect of Chinese Mediation on Ukraine\n')).toBe(
      true,
    );
    expect(text).not.toMatch(/\*\*|\]\(#\)|<https:|Original url|Related article/);
    expect(author).toBe('AFP');
  });

  test('photo captions that would break the story are removed', () => {
    expect(cleanSeed('001').text).not.toContain('Stanislav Krasilnikov');
    const seed003 = cleanSeed('003').text;
    expect(seed003).not.toContain('Mikhail Mishustin meets Chinese President');
    expect(seed003).toContain('Washington’s top diplomat said.\n\n“Any call for a cease-fire');
  });

  test('the author bio tail goes and the author is kept', () => {
    const { text, author } = cleanSeed('004');
    expect(author).toBe('Dave DeCamp');
    expect(text).not.toContain('Author:');
    expect(text.endsWith('the territory it annexed last fall as Russian.')).toBe(true);
  });

  test('offsets stay honest: every kept run is copied from the original', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { raw, text, segments } = cleanSeed(prefix);
      const covered = segments.reduce((sum, segment) => sum + segment.length, 0);
      // Everything except the line breaks between kept lines comes from the original.
      expect(covered).toBe(text.replace(/\n/g, '').length);
      for (const segment of segments) {
        const original = raw
          .slice(segment.rawStart, segment.rawStart + segment.length)
          .replace(/\u00a0/g, ' ');
        expect(text.slice(segment.cleanStart, segment.cleanStart + segment.length)).toBe(original);
      }
    }
  });
});
