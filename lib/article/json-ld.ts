/**
 * What a page's JSON-LD (schema.org) says about its article: headline, name, authors, publisher
 * and publication date. Pages write it in many shapes (one object, an array, an `@graph`, the
 * article as a page's `mainEntity`, a publisher given by `@id`), and some write it badly: a block
 * that does not parse says nothing, and never stops the reading of the others.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** What the article's JSON-LD declares; every field is absent when it says nothing. */
export interface JsonLdArticle {
  headline?: string;
  name?: string;
  authors: string[];
  publisher?: string;
  /** As written: the caller reads the date out of it. */
  datePublished?: string;
}

/** The article (or, failing one, the web page) the page's JSON-LD describes. */
export function readJsonLd(doc: Document): JsonLdArticle {
  const nodes: JsonObject[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type')?.trim().toLowerCase() !== 'application/ld+json') continue;
    collectNodes(parseJsonLd(script.textContent ?? ''), nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && !byId.has(id)) byId.set(id, node);
  }
  const articles = nodes.filter((node) => typesOf(node).some(isArticleType));
  const pages = nodes.filter((node) => typesOf(node).some(isPageType));
  const described = [...articles, ...pages];
  const first = <T>(read: (node: JsonObject) => T | undefined): T | undefined => {
    for (const node of described) {
      const value = read(node);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  return {
    headline: first((node) => text(node.headline)),
    name: first((node) => text(node.name)),
    authors: first((node) => nonEmpty(namesOf(node.author, byId))) ?? [],
    publisher: first((node) => namesOf(node.publisher, byId)[0]),
    datePublished: first((node) => text(node.datePublished)),
  };
}

/** One block's JSON, or null when it is not JSON even after the usual repairs. */
function parseJsonLd(source: string): Json {
  const trimmed = source
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, '')
    .replace(/^<!--|-->$/g, '')
    .trim()
    .replace(/;$/, '');
  for (const candidate of [trimmed, trimmed.replace(/\p{Cc}+/gu, ' ')]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // Not JSON as written (raw line breaks inside strings are the usual fault): try the
      // repaired text, then give this block up. A malformed block only means it says nothing.
    }
  }
  return null;
}

/** Every object a block describes: the block itself, array items, `@graph` and `mainEntity`. */
function collectNodes(value: Json, into: JsonObject[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
    return;
  }
  into.push(value);
  collectNodes(value['@graph'] ?? null, into, depth + 1);
  collectNodes(value.mainEntity ?? null, into, depth + 1);
}

/** The node's schema.org types, without a `schema:` or `https://schema.org/` prefix. */
function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const types = Array.isArray(type) ? type : [type];
  return types
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.replace(/^.*[/:#]/, ''));
}

/** Article, NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report… */
function isArticleType(type: string): boolean {
  return /^(?:\w*Article|\w*Posting|Report)$/.test(type);
}

/** WebPage, ItemPage, AboutPage…: a page may carry the dates its article does not. */
function isPageType(type: string): boolean {
  return /^\w*Page$/.test(type);
}

/** The names of people or organisations, given as strings, objects, arrays or `@id`s. */
function namesOf(value: Json | undefined, byId: Map<string, JsonObject>): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => namesOf(item, byId));
  if (typeof value === 'string') return nonEmpty([value.trim()]) ?? [];
  if (typeof value !== 'object') return [];
  const id = value['@id'];
  const node = value.name === undefined && typeof id === 'string' ? byId.get(id) : value;
  const name = node && text(node.name);
  return name ? [name] : [];
}

/** A non-empty string, trimmed (the first of an array of them), or undefined. */
function text(value: Json | undefined): string | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  if (typeof item !== 'string') return undefined;
  const trimmed = item.trim();
  return trimmed === '' ? undefined : trimmed;
}

function nonEmpty(items: string[]): string[] | undefined {
  const kept = items.filter((item) => item !== '');
  return kept.length > 0 ? kept : undefined;
}
