/**
 * Names as people type them: with two letters swapped ("Zelenksy"), one dropped ("Putn"), no
 * diacritics ("Erdogan"), or in another romanisation ("Selenskyj", "Kiev", "Kharkov", "Qaddafi").
 * A query word matches a word of a name when it is a few edits away (a swap of neighbours counts
 * one), or a little further when the two sound alike by Double Metaphone, which folds the
 * letters romanisations trade (y/i/j, kh/h, ie/ye, w/v, z/s, q/k/g, doubled letters).
 */
import { doubleMetaphone } from 'double-metaphone';
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
  /** 1 when every word matches exactly, less for each edit. */
  score: number;
}

/**
 * How far a word may stray. `typo`: what search shows as a hit without asking. `suggestion`:
 * what "Did you mean" may offer once nothing matched.
 */
export type Tolerance = 'typo' | 'suggestion';

interface NameWord {
  text: string;
  sounds: readonly string[];
}

/** A form of a name (the name or an alias) as its words, by their place in the vocabulary. */
interface Form {
  entityId: string;
  words: number[];
}

export class NameFinder {
  /** Every distinct word of every form: a query is compared with each word once, not per form. */
  private readonly vocabulary: NameWord[] = [];
  /** The forms each word of the vocabulary is in. */
  private readonly formsOf: number[][] = [];
  private readonly forms: Form[] = [];
  /** Words by their first and second letters, so a query word reads few of them. */
  private readonly byLetter = new Map<string, number[]>();
  /** Each word's place in the vocabulary. */
  private readonly wordIndex = new Map<string, number>();

  constructor(entities: readonly NamedEntity[] = []) {
    for (const entity of entities) this.add(entity);
  }

  /** Adds an entity's name and aliases (a large corpus's, a slice at a time). */
  add(entity: NamedEntity): void {
    for (const form of new Set([entity.name, ...entity.aliases])) {
      const texts = foldedWords(form);
      if (texts.length === 0) continue;
      const formIndex = this.forms.length;
      const words = texts.map((text) => {
        let index = this.wordIndex.get(text);
        if (index === undefined) {
          index = this.vocabulary.push(nameWord(text)) - 1;
          this.wordIndex.set(text, index);
          this.formsOf.push([]);
          for (const letter of lookupLetters(text)) {
            const bucket = this.byLetter.get(letter) ?? [];
            bucket.push(index);
            this.byLetter.set(letter, bucket);
          }
        }
        (this.formsOf[index] as number[]).push(formIndex);
        return index;
      });
      this.forms.push({ entityId: entity.id, words });
    }
  }

  /** Entities one of whose forms has a word close to every word of the query, best first. */
  find(query: string, tolerance: Tolerance = 'typo', limit = 5): NameMatch[] {
    const words = foldedWords(query).map(nameWord);
    if (words.length === 0 || words.length > MAX_QUERY_WORDS) return [];
    // For each query word, the vocabulary words close to it and how close.
    const close = words.map((word) => {
      const found = new Map<number, number>();
      for (const letter of lookupLetters(word.text)) {
        for (const index of this.byLetter.get(letter) ?? []) {
          if (found.has(index)) continue;
          const closeness = wordCloseness(word, this.vocabulary[index] as NameWord, tolerance);
          if (closeness > 0) found.set(index, closeness);
        }
      }
      return found;
    });
    const best = new Map<string, number>();
    for (const wordIndex of (close[0] as Map<number, number>).keys()) {
      for (const formIndex of this.formsOf[wordIndex] as number[]) {
        const form = this.forms[formIndex] as Form;
        const score = matchScore(close, form.words);
        if (score > (best.get(form.entityId) ?? 0)) best.set(form.entityId, score);
      }
    }
    return [...best]
      .map(([entityId, score]) => ({ entityId, score }))
      .sort((a, b) => b.score - a.score || a.entityId.localeCompare(b.entityId))
      .slice(0, limit);
  }
}

/** A query of more words than a name has is a sentence, not a name. */
const MAX_QUERY_WORDS = 4;

/** Edits a word of this length may carry and still be the name; one more if it sounds alike. */
function allowedEdits(length: number, tolerance: Tolerance): number {
  if (tolerance === 'suggestion') return length <= 2 ? 0 : Math.ceil(length / 3);
  return length <= 3 ? 0 : length <= 6 ? 1 : 2;
}

/** What each word of a form the query leaves out costs: "Ukraine" is Ukraine before the war in it. */
const UNMATCHED_WORD_COST = 0.01;

/**
 * Every query word close to a different word of the form (`close`: for each query word, the
 * closeness of the words near it): the mean closeness, a little less for each word of the form
 * left over; or 0.
 */
function matchScore(close: readonly Map<number, number>[], form: readonly number[]): number {
  let total = 0;
  const used = new Set<number>();
  for (const near of close) {
    let bestPlace = -1;
    let bestScore = 0;
    form.forEach((word, place) => {
      const score = near.get(word) ?? 0;
      if (!used.has(place) && score > bestScore) [bestPlace, bestScore] = [place, score];
    });
    if (bestPlace === -1) return 0;
    used.add(bestPlace);
    total += bestScore;
  }
  return total / close.length - UNMATCHED_WORD_COST * (form.length - close.length);
}

/** 1 for the same word, less for each edit, 0 when too far apart. */
function wordCloseness(a: NameWord, b: NameWord, tolerance: Tolerance): number {
  // Short words sound alike too easily ("Xi", "Si") for that to count.
  const soundAlike =
    Math.min(a.text.length, b.text.length) >= 4 &&
    a.sounds.some((sound) => b.sounds.includes(sound));
  const allowed =
    allowedEdits(Math.min(a.text.length, b.text.length), tolerance) + (soundAlike ? 1 : 0);
  const distance = swapAwareDistance(a.text, b.text, allowed);
  if (distance > allowed) return 0;
  return 1 - distance / Math.max(a.text.length, b.text.length);
}

/** A name's words, folded: lower case, no diacritics. */
function foldedWords(text: string): string[] {
  return foldForLookup(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** A word with how it sounds. */
function nameWord(text: string): NameWord {
  return { text, sounds: [...new Set(doubleMetaphone(text))] };
}

/**
 * The letters a word may be looked up by: its first, and its second (for a first letter dropped,
 * swapped or romanised otherwise: "Selenskyj").
 */
function lookupLetters(word: string): string[] {
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
