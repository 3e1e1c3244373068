/**
 * A short fingerprint of a text (MinHash over 4-word shingles), to recognise the same article
 * saved again from another address or after a small edit, without keeping every text at hand.
 */
import { fnv1a } from '../hash';

const SHINGLE_WORDS = 4;
const PERMUTATIONS = 64;
/** Share of equal MinHash values above which two texts are the same article. */
export const SAME_TEXT_SIMILARITY = 0.8;

export function textFingerprint(text: string): number[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const minima = new Array<number>(PERMUTATIONS).fill(0xffffffff);
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let index = 0; index < count; index++) {
    const shingle = fnv1a(words.slice(index, index + SHINGLE_WORDS).join(' '));
    for (let k = 0; k < PERMUTATIONS; k++) {
      // A cheap family of hash functions: mix the shingle's hash with the k-th seed.
      const value = mix(shingle ^ (SEEDS[k] as number));
      if (value < (minima[k] as number)) minima[k] = value;
    }
  }
  return minima;
}

/** Estimated Jaccard similarity of the two texts' shingle sets (0 to 1). */
export function fingerprintSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let equal = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) equal++;
  return equal / a.length;
}

const SEEDS = Array.from({ length: PERMUTATIONS }, (_, k) => mix(0x9e3779b9 * (k + 1)));

/** murmur3's finaliser: spreads every input bit over the output. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
