import { countOf } from '@/lib/plural';
import type { BriefingScope } from '@/lib/views';
import { formatDateSpan, formatShortDate, formatYears, type Relation, relateToDay } from './dates';

export interface ScopeProps {
  scope: BriefingScope;
  /** The publication day of the page being read (`YYYY-MM-DD`), when its metadata gives one. */
  pageDate?: string | null;
}

const RELATION_WORDS: Record<Relation, string> = {
  earlier: 'earlier than this page',
  later: 'later than this page',
  same: 'the same period as this page',
};

/**
 * What the briefing rests on, "Based on 3 articles, 21 Mar – 27 Apr 2023", and, on a dated page,
 * how the two relate in time: a briefing from other years than the page is said plainly.
 */
export function Scope({ scope, pageDate = null }: ScopeProps) {
  const { articles, earliest, latest } = scope;
  if (articles === 0) return null;
  const count = countOf(articles, 'article');
  const relation = pageDate && earliest && latest && relateToDay(earliest, latest, pageDate);
  return (
    <div class="bf-scope">
      <p class="bf-scope__basis">
        Based on {count}
        {earliest && latest && `, ${formatDateSpan(earliest, latest)}`}
      </p>
      {pageDate && earliest && latest && relation && (
        <p class={`bf-scope__page bf-scope__page--${relation}`}>
          This page: {formatShortDate(pageDate, 'day')}. This briefing:{' '}
          {formatYears(earliest, latest)}, {RELATION_WORDS[relation]}.
        </p>
      )}
    </div>
  );
}
