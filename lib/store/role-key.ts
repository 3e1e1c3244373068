/**
 * When two role titles say the same thing: "Russia's President", "Russian President" and
 * "President of Russia" are one role. The key folds case, diacritics and possessives, puts
 * "X of Y" in the order "Y X", drops articles, and reduces each capitalised word to a stem that
 * a place name and its demonym share ("Russia"/"Russian", "China"/"Chinese",
 * "Ukraine"/"Ukrainian", "Pakistan"/"Pakistani", "Germany"/"German"). Rules, not a list of
 * countries, so they hold for places no pack has named yet; irregular pairs ("France"/"French")
 * stay apart, which only costs a second line, never a wrong merge.
 */
import { foldForLookup } from '@/lib/search/fold';

const ARTICLES = new Set(['the', 'a', 'an']);
/** Endings that turn a place name into its adjective, longest first. */
const DEMONYM_ENDINGS = ['ese', 'ian', 'ish', 'an', 'i'];

/** The same key for titles a reader would take to mean the same role. */
export function roleKey(title: string): string {
  const words = reorderOf(title.trim())
    .split(/[\s\-–]+/)
    .map(withoutPossessive)
    .filter((word) => word !== '' && !ARTICLES.has(foldForLookup(word)));
  return words
    .map((word) => (isCapitalised(word) ? placeStem(word) : foldForLookup(word)))
    .join(' ');
}

/** "President of Russia" → "Russia President"; a title without " of " is left as it is. */
function reorderOf(title: string): string {
  const match = /^(.+?)\s+of\s+(?:the\s+)?(.+)$/i.exec(title);
  return match ? `${match[2]} ${match[1]}` : title;
}

function withoutPossessive(word: string): string {
  return word.replace(/[’']s?$/u, '').replace(/[,.;:]+$/, '');
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** The stem a place and its demonym share: demonym endings and trailing vowels go. */
export function placeStem(word: string): string {
  // "Chinese" loses "ese" as written; "Germany" first loses its "y", then "an"; "Pakistani"
  // loses "i", then "an", as "Pakistan" does.
  let stem = foldForLookup(word);
  for (;;) {
    const shorter = withoutDemonymEnding(stem) ?? withoutDemonymEnding(trimVowels(stem));
    if (shorter === null || shorter === stem) return trimVowels(stem);
    stem = shorter;
  }
}

function withoutDemonymEnding(word: string): string | null {
  for (const ending of DEMONYM_ENDINGS) {
    // Keep at least three letters, so short words are never reduced to nothing alike.
    if (word.endsWith(ending) && word.length - ending.length >= 3) {
      return trimVowels(word.slice(0, -ending.length));
    }
  }
  return null;
}

function trimVowels(word: string): string {
  const trimmed = word.replace(/[aeiouy]+$/, '');
  return trimmed.length >= 3 ? trimmed : word;
}
