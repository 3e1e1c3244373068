/**
 * Finds the dictionary's names in a string, in one pass, whole words only, longest alias first.
 * A name glued to a currency sign is part of an amount ("US$1.14 billion"), not a mention; in
 * text all in capitals a short acronym is also a word ("FOLLOW US"), so it is not one either.
 *
 * A character trie rather than one combined RegExp: a RegExp of 10,000 alternatives takes
 * 100–350 ms to compile in one go (DESIGN.md §6), while a trie is built term by term, so the
 * build can be cut into idle slices and no step blocks the page. Matching tries the trie only at
 * word starts; each try stops at the first character no name continues with, so a pass costs
 * about one map lookup per word.
 */
import type { SpotDictionary, SpotTerm } from './dictionary';
import {
  foldCode,
  isAllCaps,
  isAllLowerCase,
  isCurrencySignAt,
  isSpaceCode,
  isWordCharAt,
  isWordCharBefore,
  letterCount,
  plainForm,
  SPACE_CODE,
} from './text';

/** A name found in a string: `text.slice(start, end)` is the name as printed there. */
export interface TermMatch {
  start: number;
  end: number;
  term: SpotTerm;
}

/** Aliases with at most this many letters are too easily a word, numeral or code in capitals. */
const SHORT_ALIAS_LETTERS = 3;

interface TermEntry {
  term: SpotTerm;
  /** The term as compared with printed text: one space per whitespace run, plain apostrophes. */
  plain: string;
  /** A short alias not itself in capitals: "Li" must not match "LI" (or "li"). */
  shortMixedCase: boolean;
}

/**
 * Most nodes of a trie of names continue with one character only: such a node keeps its child in
 * two fields and makes a Map only at a second child. A Map per node made the matcher of a few
 * thousand names cost every tab several MB and most of a second to build.
 */
interface TrieNode {
  onlyCode: number;
  onlyChild: TrieNode | null;
  children: Map<number, TrieNode> | null;
  entries: TermEntry[] | null;
}

/** About 0.1 ms of trie building between two reads of the clock. */
const CHARACTERS_PER_CLOCK_CHECK = 1_000;

const newNode = (): TrieNode => ({ onlyCode: -1, onlyChild: null, children: null, entries: null });

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  if (node.onlyCode === code) return node.onlyChild ?? undefined;
  return node.children?.get(code);
}

function addChild(node: TrieNode, code: number): TrieNode {
  const child = newNode();
  if (node.onlyChild === null && node.children === null) {
    node.onlyCode = code;
    node.onlyChild = child;
    return child;
  }
  if (node.children === null) {
    node.children = new Map([[node.onlyCode, node.onlyChild as TrieNode]]);
    node.onlyCode = -1;
    node.onlyChild = null;
  }
  node.children.set(code, child);
  return child;
}

export class Matcher {
  constructor(
    /** The dictionary version this matcher was built from. */
    readonly version: string,
    private readonly root: TrieNode,
  ) {}

  /** Every name in `text`, left to right, never overlapping; at each place the longest wins. */
  findAll(text: string): TermMatch[] {
    const matches: TermMatch[] = [];
    const length = text.length;
    let inCapitals: boolean | undefined;
    const writtenInCapitals = () => {
      inCapitals ??= !/\p{Ll}/u.test(text);
      return inCapitals;
    };
    let index = 0;
    while (index < length) {
      if (!isWordCharAt(text, index)) {
        index++;
        continue;
      }
      // `index` starts a word: the previous character is not part of one.
      const match = childOf(this.root, foldCode(text.charCodeAt(index)))
        ? this.matchAt(text, index, writtenInCapitals)
        : null;
      if (match !== null) {
        matches.push(match);
        index = match.end;
        continue;
      }
      index++;
      while (index < length && isWordCharAt(text, index)) index++;
    }
    return matches;
  }

  /** The term `name` is, as a whole ("CNN", "The New York Times"), or null: a name, not prose. */
  termNamed(name: string): SpotTerm | null {
    const match = childOf(this.root, foldCode(name.charCodeAt(0)))
      ? this.matchAt(name, 0, () => false)
      : null;
    return match !== null && match.end === name.length ? match.term : null;
  }

  private matchAt(text: string, start: number, writtenInCapitals: () => boolean): TermMatch | null {
    // "$US": a currency, not the country (and "US$" below).
    if (isCurrencySignAt(text, start - 1)) return null;
    const ends: number[] = [];
    const nodes: TrieNode[] = [];
    let node = this.root;
    let index = start;
    while (index < text.length) {
      const code = text.charCodeAt(index);
      let next: TrieNode | undefined;
      if (isSpaceCode(code)) {
        // Any run of whitespace stands for the one space of a name ("Xi\n   Jinping").
        next = childOf(node, SPACE_CODE);
        index++;
        while (index < text.length && isSpaceCode(text.charCodeAt(index))) index++;
      } else {
        next = childOf(node, foldCode(code));
        index++;
      }
      if (next === undefined) break;
      node = next;
      if (node.entries !== null) {
        ends.push(index);
        nodes.push(node);
      }
    }
    for (let candidate = ends.length - 1; candidate >= 0; candidate--) {
      const end = ends[candidate] as number;
      // A name ending in a letter must end a word: not "Putin" in "Putinism".
      if (isWordCharBefore(text, end) && isWordCharAt(text, end)) continue;
      if (isCurrencySignAt(text, end)) continue;
      const term = chooseTerm((nodes[candidate] as TrieNode).entries ?? [], text.slice(start, end));
      if (term === 'ambiguous') return null;
      if (term === null) continue;
      // "FOLLOW US ON SOCIAL MEDIA": where all is in capitals, a short acronym is also a word.
      if (isShortAcronym(text.slice(start, end)) && writtenInCapitals()) return null;
      return { start, end, term };
    }
    return null;
  }
}

/**
 * The term a printed form stands for, among those spelled like it: case rules first, then the
 * gazetteer's own precedence (a name over a context-required alias). Two entities still left
 * make the form ambiguous, and an ambiguous form is not marked: the page is never guessed at.
 */
function chooseTerm(
  entries: readonly TermEntry[],
  printedText: string,
): SpotTerm | 'ambiguous' | null {
  const printed = plainForm(printedText);
  const fitting = entries.filter((entry) => caseFits(entry, printed));
  if (fitting.length === 0) return null;
  const preferred = fitting.filter((entry) => !entry.term.contextRequired);
  const pool = preferred.length > 0 ? preferred : fitting;
  const entityIds = new Set(pool.map((entry) => entry.term.entityId));
  if (entityIds.size > 1) return 'ambiguous';
  return (pool[0] as TermEntry).term;
}

function isShortAcronym(printed: string): boolean {
  return letterCount(printed) <= SHORT_ALIAS_LETTERS && isAllCaps(printed);
}

function caseFits(entry: TermEntry, printed: string): boolean {
  if (entry.term.caseSensitive) return printed === entry.plain;
  if (!entry.shortMixedCase) return true;
  // "XI" in a numbered list, "LI" in a code: short aliases match as written, not in capitals.
  if (isAllCaps(printed)) return false;
  return !isAllLowerCase(printed) || isAllLowerCase(entry.plain);
}

/** Adds terms to a trie one at a time, so that a caller can spread the work over idle slices. */
export class MatcherBuilder {
  private readonly root = newNode();
  private added = 0;

  constructor(private readonly dictionary: SpotDictionary) {}

  /** Whether every term of the dictionary has been added. */
  get done(): boolean {
    return this.added >= this.dictionary.terms.length;
  }

  /** Adds terms until all are in or `hasTimeLeft()` says stop; returns whether all are in. */
  addTerms(hasTimeLeft: () => boolean): boolean {
    const { terms } = this.dictionary;
    let charactersSinceCheck = 0;
    while (this.added < terms.length) {
      const term = terms[this.added] as SpotTerm;
      addTerm(this.root, term);
      this.added++;
      // The clock is read per fixed amount of work, not per term: a term may be long.
      charactersSinceCheck += term.text.length;
      if (charactersSinceCheck >= CHARACTERS_PER_CLOCK_CHECK) {
        charactersSinceCheck = 0;
        if (!hasTimeLeft()) break;
      }
    }
    return this.done;
  }

  build(): Matcher {
    if (!this.done) throw new Error('MatcherBuilder.build() called before every term was added');
    return new Matcher(this.dictionary.version, this.root);
  }
}

function addTerm(root: TrieNode, term: SpotTerm): void {
  const plain = plainForm(term.text);
  if (plain === '') return;
  let node = root;
  for (let index = 0; index < plain.length; index++) {
    const code = foldCode(plain.charCodeAt(index));
    node = childOf(node, code) ?? addChild(node, code);
  }
  const entry: TermEntry = {
    term,
    plain,
    shortMixedCase: letterCount(plain) <= SHORT_ALIAS_LETTERS && !isAllCaps(plain),
  };
  node.entries = node.entries === null ? [entry] : [...node.entries, entry];
}

/** The matcher of a dictionary, built in one go (tests, benchmarks, small dictionaries). */
export function createMatcher(dictionary: SpotDictionary): Matcher {
  const builder = new MatcherBuilder(dictionary);
  builder.addTerms(() => true);
  return builder.build();
}
