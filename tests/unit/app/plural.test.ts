import { describe, expect, it } from 'vitest';
import { countOf } from '@/lib/plural';

describe('countOf', () => {
  it('says one in the singular and any other count in the plural', () => {
    expect(countOf(1, 'mention')).toBe('1 mention');
    expect(countOf(0, 'mention')).toBe('0 mentions');
    expect(countOf(2, 'person', 'people')).toBe('2 people');
  });

  it('groups digits as en-GB does', () => {
    for (const count of [0, 7, 999, 1000, 1076, 12345, 999999, 1000000, 1234567890, -4321, 2.5]) {
      expect(countOf(count, 'article')).toBe(`${count.toLocaleString('en-GB')} articles`);
    }
  });
});
