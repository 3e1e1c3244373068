import { type SearchFilters as Filters, SEARCH_KINDS, type SearchKind } from '@/lib/search/kinds';
import { KIND_HEADINGS } from './SearchResults';

interface SearchFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

/** Narrow the search to some kinds of hit, and to a date range. */
export function SearchFilters({ filters, onChange }: SearchFiltersProps) {
  const kinds = filters.kinds ?? [];
  const toggle = (kind: SearchKind) =>
    onChange({
      ...filters,
      kinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind],
    });
  return (
    <div class="filters">
      <fieldset class="filters__kinds">
        <legend class="visually-hidden">Show only</legend>
        {SEARCH_KINDS.map((kind) => (
          <label key={kind} class={`chip${kinds.includes(kind) ? ' chip--on' : ''}`}>
            <input type="checkbox" checked={kinds.includes(kind)} onChange={() => toggle(kind)} />
            {KIND_HEADINGS[kind]}
          </label>
        ))}
      </fieldset>
      <div class="filters__dates">
        <label>
          From
          <input
            type="date"
            value={filters.from ?? ''}
            onInput={(event) =>
              onChange({ ...filters, from: event.currentTarget.value || undefined })
            }
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={filters.to ?? ''}
            onInput={(event) =>
              onChange({ ...filters, to: event.currentTarget.value || undefined })
            }
          />
        </label>
      </div>
    </div>
  );
}
