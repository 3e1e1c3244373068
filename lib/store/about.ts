/**
 * Which quotes are about an entity. The compiler lists every entity a quote mentions, also by a
 * reference resolved from the article ("the president", "the Kremlin leader"). A quote is about
 * an entity when it names it: its name or one of its aliases is printed in the quote itself.
 * A quote that reaches the entity only by a reference is about someone the reader cannot see.
 */
import { foldForLookup } from '@/lib/search/fold';

export function namesEntity(quoteText: string, names: readonly string[]): boolean {
  const text = ` ${foldForLookup(quoteText).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return names.some((name) => {
    const words = foldForLookup(name)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return words !== '' && text.includes(` ${words} `);
  });
}
