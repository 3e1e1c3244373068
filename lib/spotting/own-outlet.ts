/**
 * The page's own outlet. A page by CNN names CNN in its byline, its dateline ("Washington
 * (CNN)"), its credits, its follow buttons and its copyright line, and in prose about its own
 * reporting ("told CNN"): everywhere the page speaking of itself. The reader knows where they
 * are, so the outlet a page is by is not marked on that page at all; other outlets are.
 *
 * The outlet is known when the page's site name (og:site_name, application-name) or its host
 * ("edition.cnn.com") is, as a whole, a name of an organisation in the dictionary.
 */
import type { Matcher } from './matcher';

const SITE_NAME_META =
  'meta[property="og:site_name"], meta[name="og:site_name"], meta[name="application-name"]';

/** Entity ids of the organisations the page names itself by. */
export function ownOutletIds(document: Document, matcher: Matcher): Set<string> {
  const ids = new Set<string>();
  for (const name of siteNamesOf(document)) {
    const term = matcher.termNamed(name);
    if (term?.kind === 'organization') ids.add(term.entityId);
  }
  return ids;
}

function siteNamesOf(document: Document): string[] {
  const names: string[] = [];
  for (const meta of document.querySelectorAll(SITE_NAME_META)) {
    // Some pages put the name in `value` rather than `content`.
    const name = (meta.getAttribute('content') ?? meta.getAttribute('value'))?.trim();
    if (name) names.push(name);
  }
  // "www.cnn.com": "cnn", and "CNN" as acronyms are written; not the top-level domain.
  const labels = (document.location?.hostname ?? '').split('.').slice(0, -1);
  for (const label of labels) {
    if (label === 'www' || label === '') continue;
    names.push(label, label.toUpperCase());
  }
  return names;
}
