/** "1 mention", "76 mentions": a count with its noun, in the singular only for one. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
