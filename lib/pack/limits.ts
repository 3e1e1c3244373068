/**
 * What one pack may hold. Every text and list has a bound, so that no pack can make a page, a card
 * or the store slow: a name is spotted on every page, a description shown in a card. The bounds
 * leave room several times over for real news (the bundled corpus and PolNeAR's 840 articles
 * compiled: names ≤ 31 characters, descriptions ≤ 840, quotes ≤ 1,382, articles ≤ 33,672).
 */
export const PACK_LIMITS = {
  /** The file as read from disk, before it is parsed (and under the browser's 64 MiB message). */
  fileMegabytes: 48,
  /** An article file (.txt, .md, .html), before it is read. */
  articleFileMegabytes: 10,
  documents: 50_000,
  entities: 250_000,
  quotes: 500_000,
  events: 100_000,
  idCharacters: 200,
  nameCharacters: 200,
  aliasesPerEntity: 100,
  descriptionCharacters: 5_000,
  /** Titles, outlets, authors, roles, reasons: one line of text each. */
  lineCharacters: 2_000,
  urlCharacters: 4_000,
  quoteCharacters: 10_000,
  /** Longer than any article a person reads (an added article is held to it too). */
  documentCharacters: 2_000_000,
  /** Sources, variants, roles, entity references of one item. */
  listItems: 1_000,
  diffParts: 20_000,
} as const;
