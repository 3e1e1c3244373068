import { foldForLookup } from '@/lib/search/fold';
import type { PackDocument } from './schema';

/**
 * Which article a document is, whichever pack holds it: a pack installed twice ("Keep both"
 * gives the copy a new id) or two packs made from one article hold the same article. Its
 * address says which (a "#fragment" or trailing slash makes no other article); without one,
 * its title does.
 */
export function articleIdentity(document: Pick<PackDocument, 'url' | 'title'>): string {
  if (document.url) return `url:${document.url.replace(/#.*$/, '').replace(/\/$/, '')}`;
  return `title:${foldForLookup(document.title)}`;
}
