/**
 * Names as people type them: with two letters swapped ("Zelenksy"), one dropped ("Putn"), no
 * diacritics, or in another transliteration ("Selenskyj", "Kiev"). Each form of a name is kept as
 * a sound-alike key, and a query word matches a key word within a few edits (a swap is one).
 */
import type { EntityKind } from '@/lib/pack/schema';
import { foldForLookup } from './fold';

export interface NamedEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: readonly string[];
}

export interface NameMatch {
  entityId: string;
  /** 1 for an exact key match of every word, less for each edit. */
  score: number;
}

interface Form {
  entityId: string;
  words: string[];
}

export class NameFinder {
  private readonly forms: Form[] = [];
  /** Forms by the first letter of each of their words' keys, so a query reads few of them. */
  private readonly byInitial = new Map<string, Set<number>>();

  constructor(entities: readonly NamedEntity[]) {
    for (const entity of entities) {
      for (const form of new Set([entity.name, ...entity.aliases])) {
        const words = keyWords(form);
        if (words.length === 0) continue;
        const index = this.forms.push({ entityId: entity.id, words }) - 1;
        for (const word of words) {
          for (const initial of initialsOf(word)) {
            const set = this.byInitial.get(initial) ?? new Set<number>();
            set.add(index);
            this.byInitial.set(initial, set);
          }
        }
      }
    }
  }

  /** Entities one of whose forms has a word close to every word of the query, best first. */
  find(query: string, limit = 5): NameMatch[] {
    const words = keyWords(query);
    if (words.length === 0 || words.length > MAX_QUERY_WORDS) return [];
    const first = words[0] as string;
    const candidates = new Set<number>();
    for (const initial of initialsOf(first)) {
      for (const index of this.byInitial.get(initial) ?? []) candidates.add(index);
    }
    const best = new Map<string, number>();
    for (const index of candidates) {
      const form = this.forms[index] as Form;
      const score = matchScore(words, form.words);
      if (score > (best.get(form.entityId) ?? 0)) best.set(form.entityId, score);
    }
    return [...best]
      .map(([entityId, score]) => ({ entityId, score }))
      .sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId))
      .slice(0, limit);
  }
}

/** A query of more words than a name has is a sentence, not a name. */
const MAX_QUERY_WORDS = 4;

/** How many edits a word of this length may carry and still be the name. */
function allowedEdits(length: number): number {
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** Every query word close to a different word of the form; 0 if one is not. */
function matchScore(query: readonly string[], form: readonly string[]): number {
  let total = 0;
  const used = new Set<number>();
  for (const word of query) {
    let bestIndex = -1;
    let bestScore = 0;
    form.forEach((candidate, index) => {
      if (used.has(index)) return;
      const allowed = allowedEdits(Math.min(word.length, candidate.length));
      const distance = swapAwareDistance(word, candidate, allowed);
      if (distance > allowed) return;
      const score = 1 - distance / Math.max(word.length, candidate.length);
      if (score > bestScore) [bestIndex, bestScore] = [index, score];
    });
    if (bestIndex === -1) return 0;
    used.add(bestIndex);
    total += bestScore;
  }
  return total / query.length;
}

/**
 * A name's words as sound-alike keys: folded, with the letters transliterations trade collapsed
 * (i/y/j, z/s, k/c/q, v/w) and doubled letters single. "Zelenskyy", "Selenskyj" and "Zelensky"
 * share one key.
 */
export function keyWords(text: string): string[] {
  return foldForLookup(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) =>
      word
        .replace(/[yj]/g, 'i')
        .replace(/z/g, 's')
        .replace(/[cq]/g, 'k')
        .replace(/w/g, 'v')
        .replace(/(.)\1+/g, '$1'),
    );
}

/** The letters a word may be looked up by: its first, and its second (a dropped or swapped first). */
function initialsOf(word: string): string[] {
  return [...new Set([word.slice(0, 1), word.slice(1, 2)])].filter((letter) => letter !== '');
}

/**
 * Edits between two words, a swap of neighbours counting one (optimal string alignment), or
 * `limit + 1` as soon as it is clear the words are further apart than `limit`.
 */
export function swapAwareDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (beforePrevious[j - 2] as number) + 1);
      }
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    [beforePrevious, previous] = [previous, current];
  }
  return previous[b.length] as number;
}
