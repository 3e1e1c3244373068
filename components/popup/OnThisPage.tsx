import { countOf } from '@/lib/plural';
import type { EntityRef } from '@/lib/views';

export type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | {
      state: 'ready';
      /** The page's address, as its content script reads it. */
      url: string;
      active: boolean;
      found: (EntityRef & { count: number })[];
    };

interface OnThisPageProps {
  page: PageState;
  onReveal: (entity: EntityRef) => void;
  onOpen: (entity: EntityRef) => void;
}

const KIND_LABELS: Record<EntityRef['kind'], string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  topic: 'Topic',
};

/**
 * The names found on the reader's tab, most mentioned first, each with every mention on the
 * page (marked or not). A screen reader hears one item as "Vladimir Putin, Person, 24 mentions".
 */
export function OnThisPage({ page, onReveal, onOpen }: OnThisPageProps) {
  if (page.state === 'loading') return <p class="muted">Looking at this page…</p>;
  if (page.state === 'unavailable') {
    return (
      <p class="muted">
        Briefings can't read this page. Browser pages and extension stores are out of its reach; a
        web page opened before Briefings was installed can be read once reloaded.
      </p>
    );
  }
  if (!page.active) return <p class="muted">Highlighting is off on this page.</p>;
  if (page.found.length === 0) return <p>No names from your briefings found yet.</p>;
  return (
    <ul class="found" aria-label="Names on this page">
      {page.found.map((entity) => (
        <li key={entity.id} class="found__item">
          <button
            type="button"
            class="found__name"
            onClick={() => onReveal(entity)}
            title="Scroll to its first mention"
          >
            {/* The commas give a screen reader its pauses; the columns give them to the eye. */}
            <span>
              {entity.name}
              <span class="visually-hidden">,</span>
            </span>
            <span class="muted">
              {KIND_LABELS[entity.kind]}
              <span class="visually-hidden">,</span>
            </span>
            <span class="found__count">{countOf(entity.count, 'mention')}</span>
          </button>
          <button
            type="button"
            class="found__open"
            onClick={() => onOpen(entity)}
            aria-label={`Briefing on ${entity.name}`}
          >
            Briefing
          </button>
        </li>
      ))}
    </ul>
  );
}
