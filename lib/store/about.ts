/**
 * Which quotes are about an entity. The compiler lists every entity a quote mentions, also in
 * passing ("…hold the Kremlin responsible for the atrocities in Ukraine") and by a reference
 * resolved from the article ("the president"). A quote is about an entity when the quote names
 * it (its name or an alias, printed in the quote itself) before any other entity it mentions:
 * the first-named is the quote's topic, where English puts the subject; later names are
 * objects and settings. So "China has no responsibility to hold the Kremlin responsible…" is
 * about China, not about the Kremlin, and a quote that reaches someone only by a reference is
 * about no one the reader can see.
 */
import { foldForLookup } from '@/lib/search/fold';

/** Where the quote first names the entity (in its folded words), or -1. */
export function namedAt(quoteText: string, names: readonly string[]): number {
  const text = ` ${words(quoteText)} `;
  let first = -1;
  for (const name of names) {
    const folded = words(name);
    if (folded === '') continue;
    const at = text.indexOf(` ${folded} `);
    if (at !== -1 && (first === -1 || at < first)) first = at;
  }
  return first;
}

/**
 * Whether the quote is about `entityId`: it names it, and names none of `mentioned` (the other
 * entities the compiler found in it, with their names) before it.
 */
export function isAbout(
  quoteText: string,
  entityId: string,
  names: ReadonlyMap<string, readonly string[]>,
  mentioned: readonly string[],
): boolean {
  const own = namedAt(quoteText, names.get(entityId) ?? []);
  if (own === -1) return false;
  return mentioned.every((other) => {
    if (other === entityId) return true;
    const at = namedAt(quoteText, names.get(other) ?? []);
    return at === -1 || at >= own;
  });
}

function words(text: string): string {
  return foldForLookup(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
