/**
 * The article a reader is reading, taken from the page in the page: its text by Readability, its
 * title, outlet, date and address from what the page declares about itself. Plain DOM code: no
 * extension API, no HTML parsing, nothing sent anywhere.
 */
import { Readability } from '@mozilla/readability';
import { articleTimes, clean, publicationDay, readPageMetadata } from './metadata';
import { namesSite, outletName } from './outlet';
import { paragraphsOf } from './text';
import { chooseTitle, titleEndings } from './title';
import { nameWords } from './words';

export interface ExtractedArticle {
  /** The page's canonical address when it names an http(s) one, else the address it was read at. */
  url: string;
  /** The headline, without the site's name. */
  title: string;
  byline: string | null;
  /** The outlet's name, as the site gives it (the host, when the page gives none). */
  outlet: string;
  /** YYYY-MM-DD, from the page's metadata only; null when it gives none. */
  publishedAt: string | null;
  /** `<html lang>`. */
  language: string | null;
  /** The article's paragraphs (headings and list items too), separated by a blank line. */
  text: string;
}

/** Shorter than this, what Readability found is not an article. */
const MIN_TEXT_LENGTH = 200;

/** The article in `doc`, read at `url`; null when the page has no readable article. */
export function extractArticle(doc: Document, url: string): ExtractedArticle | null {
  // Readability rewrites the document it reads: it reads a copy, and the page stays as it was.
  // It keeps class names, for the text step to know furniture by them.
  const copy = doc.cloneNode(true) as Document;
  const parsed = new Readability<Node>(copy, {
    serializer: (node) => node,
    keepClasses: true,
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== ELEMENT_NODE) return null;
  const text = paragraphsOf(content as Element).join('\n\n');
  if (text.length < MIN_TEXT_LENGTH) return null;

  const metadata = readPageMetadata(doc, url);
  const address = metadata.canonicalUrl ?? url;
  const endings = titleEndings(metadata.titles);
  const outlet = outletName({ ...metadata, titleEndings: endings }, address);
  const siteNames = [outlet, metadata.siteName, metadata.applicationName, metadata.publisher];
  const isSiteName = (part: string) =>
    namesSite(
      part,
      siteNames.filter((name): name is string => !!name),
      address,
    );
  const readabilityTitle = parsed.title ? clean(parsed.title) : null;
  const headings = Array.from(doc.getElementsByTagName('h1'), (h1) => clean(h1.textContent ?? ''));
  const articleElement = doc.querySelector('article');
  return {
    url: address,
    title: chooseTitle(
      readabilityTitle ? [...metadata.titles, readabilityTitle] : metadata.titles,
      headings,
      isSiteName,
    ),
    byline: bylineOf(metadata.byline ?? readabilityByline(parsed.byline), outlet),
    outlet,
    publishedAt: publicationDay([
      ...metadata.dates,
      ...articleTimes(articleElement ?? (content as Element)),
      parsed.publishedTime,
    ]),
    language: metadata.language ?? (parsed.lang?.trim() || null),
    text,
  };
}

const ELEMENT_NODE = 1;

/** Readability's byline when it looks like names: short, and no date or time in it. */
function readabilityByline(byline: string | null | undefined): string | null {
  const cleaned = clean(byline ?? '');
  return cleaned && cleaned.length <= 100 && !/\d/.test(cleaned) ? cleaned : null;
}

/** The byline without a leading "By"; none when it only names the outlet ("ABC News"). */
function bylineOf(byline: string | null, outlet: string): string | null {
  const names = byline?.replace(/^by\s+/i, '').trim();
  if (!names || nameWords(names).join(' ') === nameWords(outlet).join(' ')) return null;
  return names;
}
