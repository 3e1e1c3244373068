/** "1 mention", "1,076 mentions": a count with its noun, in the singular only for one. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? noun : pluralNoun}`;
}
