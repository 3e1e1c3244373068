import type { SourceRef } from '@/lib/views';
import { DateLabel } from './DateLabel';

/**
 * One source: outlet · date. The outlet links to the article when the pack knows its address;
 * a document with no known outlet is named by its title.
 */
export function SourceLine({ source }: { source: SourceRef }) {
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
      {source.publishedAt && (
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
