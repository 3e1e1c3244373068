import { useId, useState } from 'preact/hooks';
import type { SourceRef } from '@/lib/views';
import { SourceLine } from './SourceLine';

export interface SourcesProps {
  sources: SourceRef[];
  /** How many distinct outlets carry the claim, when the caller knows it (a quote's carriedBy). */
  carriedBy?: number;
  /** Each source offers "Read" at its span (see SourceLine). */
  readable?: boolean;
  /** A date already shown for the claim (see SourceLine). */
  dateShown?: string | null;
}

/**
 * Where a claim comes from: its best source on one line and, when several documents carry it,
 * "N sources" that opens the full list.
 */
export function Sources({ sources, carriedBy, readable = false, dateShown }: SourcesProps) {
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  const documents = bestFirst(distinctDocuments(sources));
  const [best] = documents;
  if (best === undefined) return null;
  const count = carriedBy !== undefined && carriedBy > 1 ? carriedBy : documents.length;
  return (
    <div class="bf-sources">
      <div class="bf-sources__line">
        <SourceLine source={best} readable={readable} dateShown={dateShown} />
        {documents.length > 1 && (
          <>
            <span class="bf-sep" aria-hidden="true">
              {' · '}
            </span>
            <button
              type="button"
              class="bf-link-button"
              aria-expanded={expanded}
              aria-controls={listId}
              onClick={() => setExpanded(!expanded)}
            >
              {count} sources
            </button>
          </>
        )}
      </div>
      {documents.length > 1 && (
        <ul class="bf-sources__list" id={listId} hidden={!expanded}>
          {documents.map((source) => (
            <li key={`${source.packId}/${source.documentId}`}>
              <SourceLine source={source} readable={readable} dateShown={dateShown} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One entry per document: a claim can be cited from several spans of one article. */
function distinctDocuments(sources: SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const source of sources) {
    const key = `${source.packId}\u0000${source.documentId}`;
    if (!seen.has(key)) seen.set(key, source);
  }
  return [...seen.values()];
}

/** The most useful source first: an original (not a re-telling) with a named outlet and a link. */
function bestFirst(sources: SourceRef[]): SourceRef[] {
  const score = (source: SourceRef) =>
    Number(source.duplicateOf === null) * 4 +
    Number(source.outlet !== null) * 2 +
    Number(source.url !== null);
  return [...sources].sort((a, b) => score(b) - score(a));
}
