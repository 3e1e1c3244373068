/** Lower case, no diacritics, single spaces: "Zelenskyy" and "ZELENSKYY" fold alike. */
export function foldForLookup(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
