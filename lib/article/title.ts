/**
 * The article's headline. Pages declare titles with their site's name appended ("… | CNN
 * Politics", "… - Wikipedia"), and some declare a longer one for search engines than the one they
 * print. The printed headline (an `<h1>` whose words the declared titles carry) wins; else the
 * best declared title without the parts that name the site.
 */
import { wordCoverage, wordsOf } from './words';

/** " | ", " - ", " – ", " — ", " · ", " • ", " » ", " / ", " :: " between a title's parts. */
const SEPARATOR = / (?:[|\-–—·•»/\\]|::) /;

/** The parts of a title, split where a separator stands. */
export function titleParts(title: string): string[] {
  return title.split(SEPARATOR).map((part) => part.trim());
}

/** The last part of each title that has more than one: where sites write their name. */
export function titleEndings(titles: readonly string[]): string[] {
  return titles.flatMap((title) => {
    const parts = titleParts(title);
    const last = parts.at(-1);
    return parts.length > 1 && last ? [last] : [];
  });
}

/** The title without leading or trailing parts that name the site; never without its headline. */
export function withoutSiteName(title: string, namesSite: (part: string) => boolean): string {
  const parts = titleParts(title);
  while (parts.length > 1 && namesSite(parts.at(-1) ?? '')) parts.pop();
  if (parts.length > 1 && namesSite(parts[0] ?? '')) parts.shift();
  // Rejoined from the original text, so separators inside the headline stay as written.
  const first = parts[0] ?? '';
  const last = parts.at(-1) ?? '';
  const start = title.indexOf(first);
  const end = title.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? title.slice(start, end).trim() : title;
}

/**
 * The headline: the first heading that is a declared title or most of one's words (and is not
 * the site's name), else the first declared title, each without the site's name.
 */
export function chooseTitle(
  declared: readonly string[],
  headings: readonly string[],
  namesSite: (part: string) => boolean,
): string {
  const titles = declared.map((title) => withoutSiteName(title, namesSite)).filter(Boolean);
  const printed = headings.find(
    (heading) =>
      heading !== '' &&
      !namesSite(heading) &&
      titles.some((title) => isPrintedFormOf(heading, title)),
  );
  return printed ?? titles[0] ?? headings.find((heading) => heading !== '') ?? '';
}

/** "China snubs Imran Khan, says resolve J&K bilaterally" prints "Kashmir issue: China snubs…". */
function isPrintedFormOf(heading: string, title: string): boolean {
  const words = wordsOf(heading);
  if (words.join(' ') === wordsOf(title).join(' ')) return true;
  return words.length >= 3 && wordCoverage(heading, title) >= 0.7;
}
