import type { SearchKind } from '@/lib/search/kinds';
import type { Snippet } from '@/lib/search/snippet';
import type { SearchHit } from '@/lib/views';

export const KIND_HEADINGS: Record<SearchKind, string> = {
  entity: 'Names',
  quote: 'Quotes',
  event: 'Timeline',
  document: 'Articles',
};
const KIND_ORDER: SearchKind[] = ['entity', 'quote', 'event', 'document'];

/** Hits in the order they are shown (grouped by kind), which is also the keyboard order. */
export function orderHits(hits: readonly SearchHit[]): SearchHit[] {
  return KIND_ORDER.flatMap((kind) => hits.filter((hit) => hit.kind === kind));
}

export const hitDomId = (hit: SearchHit) => `hit-${hit.kind}-${hit.packId}-${hit.id}`;

interface SearchResultsProps {
  /** Already in display order (orderHits). */
  hits: SearchHit[];
  activeIndex: number;
  listId: string;
  onOpen: (hit: SearchHit) => void;
  onHover: (index: number) => void;
}

/** Results grouped by kind, each with the words that matched emphasised. */
export function SearchResults({ hits, activeIndex, listId, onOpen, onHover }: SearchResultsProps) {
  return (
    // A listbox of rich options, driven from the search box (aria-activedescendant): a <select>
    // cannot hold snippets, and the options take no focus of their own.
    <div id={listId} role="listbox" aria-label="Search results" class="results">
      {KIND_ORDER.map((kind) => {
        const group = hits.filter((hit) => hit.kind === kind);
        if (group.length === 0) return null;
        return (
          // A group of options inside the listbox, not a form's fieldset.
          // biome-ignore lint/a11y/useSemanticElements: see above
          <div role="group" aria-labelledby={`${listId}-${kind}`} key={kind} class="results__group">
            {/* Not a heading element: a listbox may hold only groups and options. */}
            <div id={`${listId}-${kind}`} class="results__heading">
              {KIND_HEADINGS[kind]} <span class="results__count">{group.length}</span>
            </div>
            {group.map((hit) => {
              const index = hits.indexOf(hit);
              return (
                // Keys reach options through the search box, which owns the focus.
                // biome-ignore lint/a11y/useFocusableInteractive: see above
                // biome-ignore lint/a11y/useKeyWithClickEvents: see above
                <div
                  key={hitDomId(hit)}
                  id={hitDomId(hit)}
                  role="option"
                  aria-selected={index === activeIndex}
                  class={`result${index === activeIndex ? ' result--active' : ''}`}
                  onClick={() => onOpen(hit)}
                  onMouseMove={() => onHover(index)}
                >
                  <span class="result__title">{hit.title || 'Speaker not named'}</span>
                  {hit.date && <span class="result__date">{hit.date}</span>}
                  <Emphasised snippet={hit.snippet} />
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}

/** A snippet with its matching ranges in <mark>: text nodes only, never HTML. */
export function Emphasised({ snippet }: { snippet: Snippet }) {
  if (!snippet.text) return null;
  const parts: preact.ComponentChild[] = [];
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return <span class="result__snippet">{parts}</span>;
}
