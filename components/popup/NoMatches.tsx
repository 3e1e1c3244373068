import { formatDateSpan } from '@/components/briefing/dates';
import type { EntityKind } from '@/lib/pack/schema';
import { countOf } from '@/lib/plural';
import type { CorpusCoverage, EntityRef } from '@/lib/views';

interface NoMatchesProps {
  query: string;
  /** Names close to the query; null while they are looked for. */
  suggestions: EntityRef[] | null;
  /** What the briefings cover; null while it loads. */
  coverage: CorpusCoverage | null;
  onSearch: (query: string) => void;
}

/** A search that found nothing: what is close to it, and what there is to find. */
export function NoMatches({ query, suggestions, coverage, onSearch }: NoMatchesProps) {
  return (
    <div class="no-matches" role="status">
      <p>Nothing in your briefings matches “{query}”.</p>
      {suggestions && suggestions.length > 0 && (
        <p>
          Did you mean{' '}
          {suggestions.map((name, index) => (
            <span key={name.id}>
              {index > 0 && (index === suggestions.length - 1 ? ' or ' : ', ')}
              <button type="button" class="link-button" onClick={() => onSearch(name.name)}>
                {name.name}
              </button>
            </span>
          ))}
          ?
        </p>
      )}
      {coverage && <p class="muted">{describeCoverage(coverage)}</p>}
    </div>
  );
}

const KIND_NOUNS: [EntityKind, string, string][] = [
  ['person', 'person', 'people'],
  ['organization', 'organisation', 'organisations'],
  ['place', 'place', 'places'],
  ['topic', 'topic', 'topics'],
];

/**
 * "Your briefings cover 5 articles from 4 outlets, 21 Mar – 27 Apr 2023: 12 people,
 * 9 organisations, 14 places and 2 topics."
 */
export function describeCoverage(coverage: CorpusCoverage): string {
  if (coverage.articles === 0) return 'Your briefings hold no articles yet.';
  const outlets = coverage.outlets > 0 ? ` from ${countOf(coverage.outlets, 'outlet')}` : '';
  const dates =
    coverage.from && coverage.to
      ? `, ${formatDateSpan({ date: coverage.from, precision: null }, { date: coverage.to, precision: null })}`
      : '';
  const names = KIND_NOUNS.filter(([kind]) => coverage.names[kind] > 0).map(([kind, one, many]) =>
    countOf(coverage.names[kind], one, many),
  );
  const listed = names.length > 0 ? `: ${new Intl.ListFormat('en-GB').format(names)}` : '';
  return `Your briefings cover ${countOf(coverage.articles, 'article')}${outlets}${dates}${listed}.`;
}
