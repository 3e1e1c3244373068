/**
 * One article, whichever pack holds it: a pack installed twice ("Keep both" gives the copy a
 * new id) or two packs compiled from the same article hold the same document under different
 * keys. Its address says which article it is; without one, its title and text do.
 */
import { contentHash } from '@/lib/hash';
import type { DocumentRow } from './db';

export function documentIdentity(
  document: Pick<DocumentRow, 'url' | 'title' | 'text'> | undefined,
  fallback: string,
): string {
  if (!document) return `missing:${fallback}`;
  if (document.url) return `url:${withoutFragment(document.url)}`;
  return `text:${contentHash(`${document.title}\u0000${document.text}`)}`;
}

/** "#comments" or a trailing slash does not make another article. */
function withoutFragment(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/$/, '');
}
