/** "1 mention", "1,076 mentions": a count with its noun, in the singular only for one. */
export function countOf(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${groupedDigits(count)} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * "1,076": digits in threes, as en-GB writes them. Not `toLocaleString`: the first number a tab
 * formats through Intl loads the browser's locale data, 30 to 70 ms measured here, and the card
 * shows counts when it first opens (DESIGN.md §6: the card within 150 ms of the pointer resting).
 */
function groupedDigits(count: number): string {
  const [whole = '', fraction] = String(Math.abs(count)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${count < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}
