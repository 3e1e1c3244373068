/**
 * What search can find and how it can be narrowed: shared by the popup and the background
 * without pulling the search engine into the popup's bundle.
 */
export type SearchKind = 'entity' | 'quote' | 'event' | 'document';
export const SEARCH_KINDS: readonly SearchKind[] = ['entity', 'quote', 'event', 'document'];

export interface SearchFilters {
  kinds?: SearchKind[];
  /** Inclusive bounds on partial ISO dates; undated hits are kept only without bounds. */
  from?: string;
  to?: string;
}
