/**
 * The outlet an article comes from, by the name the site gives itself. og:site_name says so
 * outright. Without it, the weaker sources (the JSON-LD publisher, application-name, the last
 * part of the page's title) are trusted first where they agree with the address: on
 * en.wikipedia.org the title's "Wikipedia" is the site, its publisher "Wikimedia Foundation,
 * Inc." is not. Last, the address: its name as the page spells it, or the host itself.
 */
import { leadingWordsSpell, startsWithName, wordsOf } from './words';

export interface SiteNames {
  siteName: string | null;
  applicationName: string | null;
  publisher: string | null;
  /** The last parts of the page's titles ("… - Wikipedia"), which may name the site. */
  titleEndings: string[];
  /** Texts in which the page names itself (titles, description). */
  selfDescriptions: string[];
}

/** The outlet's name for the page at `url`. */
export function outletName(names: SiteNames, url: string): string {
  const labels = hostLabels(url);
  const spelled = (name: string) => titleSpelling(name, names.titleEndings);
  if (names.siteName) return spelled(names.siteName);
  const weaker = [names.publisher, names.applicationName, ...names.titleEndings].filter(
    (name): name is string => !!name,
  );
  const agreeing = weaker.find((name) => agreesWithHost(name, labels));
  if (agreeing) return spelled(agreeing);
  const declared = names.publisher ?? names.applicationName;
  if (declared) return spelled(declared);
  return spellingInPage(labels, names.selfDescriptions) ?? hostName(url);
}

/** Whether a title's part names the site: it begins with one of `names`, or spells the host. */
export function namesSite(part: string, names: readonly string[], url: string): boolean {
  return names.some((name) => startsWithName(part, name)) || agreesWithHost(part, hostLabels(url));
}

/** The parts of a host that can name a site: en.wikipedia.org → wikipedia; not www, com, co. */
function hostLabels(url: string): string[] {
  const host = hostName(url);
  if (/^[\d.]+$/.test(host) || host.includes(':')) return [];
  const labels = host.split('.').slice(0, -1);
  return labels.filter((label) => label.length >= 3 && !GENERIC_LABELS.has(label)).reverse();
}

const GENERIC_LABELS = new Set(['www', 'com', 'org', 'net', 'gov', 'edu', 'news']);

function agreesWithHost(name: string, labels: readonly string[]): boolean {
  return labels.some((label) => leadingWordsSpell(name, label));
}

/** The way the page's titles write a name ("infobae" is "Infobae" in "… - Infobae"). */
function titleSpelling(name: string, titleEndings: readonly string[]): string {
  const key = wordsOf(name).join(' ');
  return titleEndings.find((ending) => wordsOf(ending).join(' ') === key) ?? name;
}

/** A word of the page's own descriptions that is one of the host's names (axios → "Axios"). */
function spellingInPage(labels: readonly string[], texts: readonly string[]): string | null {
  for (const label of labels) {
    for (const text of texts) {
      const word = text.match(/[\p{L}\p{N}]+/gu)?.find((item) => wordsOf(item)[0] === label);
      if (word) return word;
    }
  }
  return null;
}

/** The host without a leading "www.", or the whole address when it has none. */
function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}
