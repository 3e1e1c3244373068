import { useContext } from 'preact/hooks';
import type { SourceRef } from '@/lib/views';
import { DateLabel } from './DateLabel';
import { OpenReaderContext } from './read-source';

export interface SourceLineProps {
  source: SourceRef;
  /** Offer "Read": the document in the reader view, at this span (a quote's sources). */
  readable?: boolean;
  /** A date already shown for the claim: not repeated here when it is the source's date. */
  dateShown?: string | null;
}

/**
 * One source: outlet · date. The outlet links to the article when the pack knows its address;
 * a document with no known outlet is named by its title. A readable source adds "Read", which
 * opens the document as the pack holds it, at the span cited.
 */
export function SourceLine({ source, readable = false, dateShown = null }: SourceLineProps) {
  const openReader = useContext(OpenReaderContext);
  const name = source.outlet ?? source.title;
  const href = safeLink(source.url);
  return (
    <span class="bf-source">
      {href ? (
        <a
          class="bf-source__name"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          title={source.title}
        >
          {name}
        </a>
      ) : (
        <span
          class={source.outlet ? 'bf-source__name' : 'bf-source__name bf-source__name--title'}
          title={source.outlet ? undefined : source.title}
        >
          {name}
        </span>
      )}
      {source.publishedAt && source.publishedAt !== dateShown && (
        <>
          <span class="bf-sep" aria-hidden="true">
            {' · '}
          </span>
          <DateLabel
            date={source.publishedAt}
            precision={source.datePrecision}
            basis={source.dateBasis}
            reason={source.dateReason}
          />
        </>
      )}
      {readable && openReader && (
        <>
          <span class="bf-sep" aria-hidden="true">
            {' · '}
          </span>
          <button
            type="button"
            class="bf-link-button bf-read"
            title="Read the article in Briefings, at this quote"
            onClick={() =>
              openReader({
                packId: source.packId,
                documentId: source.documentId,
                at: source.start,
              })
            }
          >
            Read<span class="bf-visually-hidden"> it in {name}</span>
          </button>
        </>
      )}
    </span>
  );
}

/** Only web addresses become links: a pack could hold `javascript:` or `data:` URLs. */
export function safeLink(url: string | null): string | null {
  if (url === null) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' ? url : null;
  } catch {
    return null; // not a URL at all: show the name without a link
  }
}
