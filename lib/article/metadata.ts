/**
 * What a page says about itself, read from its markup and never from its prose: the titles it
 * declares, the names it gives its site, its canonical address, language, byline and the day it
 * was published.
 */
import { type JsonLdArticle, readJsonLd } from './json-ld';
import { wordCoverage } from './words';

export interface PageMetadata {
  /** The address the page names as its own (`<link rel=canonical>`), when it is http(s). */
  canonicalUrl: string | null;
  /** The titles the page declares, best first (og:title, JSON-LD, twitter:title, `<title>`). */
  titles: string[];
  /** og:site_name, the site's own name for itself. */
  siteName: string | null;
  /** `<meta name=application-name>`. */
  applicationName: string | null;
  /** The JSON-LD article's publisher. */
  publisher: string | null;
  /** Authors from JSON-LD or author meta tags. */
  byline: string | null;
  /** `<html lang>`. */
  language: string | null;
  /** Texts in which the page names itself: its titles and its description. */
  selfDescriptions: string[];
  /** Publication dates the markup gives, best first, as written. */
  dates: string[];
}

/** Reads the page's metadata; `url` resolves a relative canonical link. */
export function readPageMetadata(doc: Document, url: string): PageMetadata {
  const meta = readMetaTags(doc);
  const jsonLd = readJsonLd(doc);
  const documentTitle = clean(doc.querySelector('title')?.textContent ?? '');
  const titles = unique([
    meta.get('og:title'),
    ...jsonLdTitles(jsonLd, documentTitle),
    meta.get('twitter:title'),
    meta.get('dc.title') ?? meta.get('dcterms.title'),
    documentTitle,
  ]);
  const authors = jsonLd.authors.length > 0 ? jsonLd.authors : metaAuthors(meta);
  return {
    canonicalUrl: canonicalUrlOf(doc, url),
    titles,
    siteName: meta.get('og:site_name') ?? null,
    applicationName: meta.get('application-name') ?? null,
    publisher: jsonLd.publisher ? clean(jsonLd.publisher) : null,
    byline: authors.length > 0 ? authors.map(clean).join(', ') : null,
    language: doc.documentElement?.getAttribute('lang')?.trim() || null,
    selfDescriptions: unique([...titles, meta.get('og:description'), meta.get('description')]),
    dates: publicationDates(doc, meta, jsonLd),
  };
}

/**
 * The day the page says it was published (`YYYY-MM-DD`), from its metadata alone: what the
 * briefing card compares its own dates with. Null when the markup gives no date.
 */
export function pagePublicationDay(doc: Document): string | null {
  // Source by source: the card asks while the reader waits, and a page's JSON-LD (parsed in
  // full) is read only when its meta tags give no day.
  const sources = publicationDateSources(
    doc,
    () => readMetaTags(doc),
    () => readJsonLd(doc),
  );
  for (const source of sources) {
    const day = publicationDay(source().map((date) => date && clean(date)));
    if (day) return day;
  }
  return null;
}

function publicationDates(doc: Document, meta: Map<string, string>, jsonLd: JsonLdArticle) {
  const sources = publicationDateSources(
    doc,
    () => meta,
    () => jsonLd,
  );
  return unique(sources.flatMap((source) => source()));
}

/** Where the markup gives a publication date, best first, each read only when called. */
function publicationDateSources(
  doc: Document,
  meta: () => Map<string, string>,
  jsonLd: () => JsonLdArticle,
): (() => (string | undefined)[])[] {
  return [
    () => [meta().get('article:published_time')],
    () => [jsonLd().datePublished],
    () => microdataDates(doc),
  ];
}

/**
 * The day an article was published, `YYYY-MM-DD`, from the first of `dates` written as an ISO
 * date (the date part as the publisher wrote it, in its own time zone); null when none is.
 */
export function publicationDay(dates: readonly (string | null | undefined)[]): string | null {
  for (const date of dates) {
    const day = isoDay(date ?? '');
    if (day) return day;
  }
  return null;
}

/** The first `<time datetime>` inside an article: the dateline, when the metadata has none. */
export function articleTimes(root: Element | Document): string[] {
  const time = root.querySelector('time[datetime]');
  const value = time?.getAttribute('datetime')?.trim();
  return value ? [value] : [];
}

/** `2016-12-18T15:43:31Z` → `2016-12-18`, when it is a real day; null for anything else. */
function isoDay(value: string): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 1000;
  return real ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** Meta tags by lower-cased `property` (each of its words), `name` and `itemprop`: first wins. */
function readMetaTags(doc: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of doc.getElementsByTagName('meta')) {
    // `value` instead of `content` is not HTML, but saved copies of pages carry it.
    const value = clean(element.getAttribute('content') ?? element.getAttribute('value') ?? '');
    if (!value) continue;
    const keys = [
      ...(element.getAttribute('property') ?? '').split(/\s+/),
      element.getAttribute('name') ?? '',
      element.getAttribute('itemprop') ?? '',
    ];
    for (const key of keys) {
      const normalized = key.trim().toLowerCase();
      if (normalized && !values.has(normalized)) values.set(normalized, value);
    }
  }
  return values;
}

/** JSON-LD's headline and name, the one that agrees with the page's `<title>` first. */
function jsonLdTitles(jsonLd: JsonLdArticle, documentTitle: string): string[] {
  const { headline, name } = jsonLd;
  if (headline && name && headline !== name && documentTitle) {
    // Some pages put a description in `headline` and the title in `name` (or the reverse).
    const nameAgrees = wordCoverage(name, documentTitle) > wordCoverage(headline, documentTitle);
    return nameAgrees ? [name, headline] : [headline, name];
  }
  return [headline, name].filter((title): title is string => title !== undefined);
}

function metaAuthors(meta: Map<string, string>): string[] {
  const author = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator');
  return author && !/^https?:\/\//i.test(author) ? [author] : [];
}

/** `itemprop=datePublished` on any element, as an attribute value or its text. */
function microdataDates(doc: Document): string[] {
  const dates: string[] = [];
  for (const element of doc.querySelectorAll('[itemprop]')) {
    const props = (element.getAttribute('itemprop') ?? '').toLowerCase().split(/\s+/);
    if (!props.includes('datepublished')) continue;
    const value =
      element.getAttribute('content') ??
      element.getAttribute('datetime') ??
      element.getAttribute('value') ??
      element.textContent ??
      '';
    if (value.trim()) dates.push(value.trim());
  }
  return dates;
}

function canonicalUrlOf(doc: Document, url: string): string | null {
  for (const link of doc.querySelectorAll('link[rel][href]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    try {
      const canonical = new URL(link.getAttribute('href') ?? '', url);
      if (canonical.protocol === 'http:' || canonical.protocol === 'https:') return canonical.href;
    } catch {
      // An address that does not parse names nothing: the next canonical link, or none.
    }
  }
  return null;
}

/**
 * Metadata text as a reader would read it: one line, and the entities some pages escape twice
 * (`&#x27;`, `&amp;`) decoded.
 */
export function clean(value: string): string {
  return decodeEntities(value).replace(/\s+/g, ' ').trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (entity, dec, hex, name) => {
    if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

function unique(values: (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const value of values) {
    const cleaned = value ? clean(value) : '';
    if (cleaned) seen.add(cleaned);
  }
  return [...seen];
}
