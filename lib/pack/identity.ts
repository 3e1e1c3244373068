import { foldForLookup } from '@/lib/search/fold';
import type { PackDocument } from './schema';

/**
 * Which article a document is, whichever pack holds it: its address, else its title. A pack
 * installed twice, or two packs made from one article, hold the same article.
 */
export function articleIdentity(document: Pick<PackDocument, 'url' | 'title'>): string {
  return document.url ?? `title:${foldForLookup(document.title)}`;
}
