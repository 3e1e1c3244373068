import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { EntityKind } from '@/lib/pack/schema';
import type { Briefing, EntityRef, QuoteView } from '@/lib/views';
import { QuoteItem } from './QuoteItem';
import { RelatedEntities } from './RelatedEntities';
import { type OpenReader, OpenReaderContext } from './read-source';
import { Sources } from './Sources';
import { TimelineContext } from './TimelineContext';

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  place: 'Place',
  topic: 'Topic',
};

export interface BriefingViewProps {
  briefing: Briefing;
  /** The reader chose a related name: show its briefing instead. */
  onSelectEntity: (entity: EntityRef) => void;
  /** Id for the name's heading, so a dialog around the view can be labelled by it. */
  titleId?: string;
  /** Quotes shown per list before "Show more" (the popover is small; the popup has room). */
  quotesShown?: number;
  /** The reader chose "Read" on a quote's source; without it, sources offer no "Read". */
  onReadSource?: OpenReader;
}

/** Everything the packs say about one entity, every claim with its source. */
export function BriefingView({ onReadSource, ...props }: BriefingViewProps) {
  return (
    <OpenReaderContext.Provider value={onReadSource ?? null}>
      <BriefingArticle {...props} />
    </OpenReaderContext.Provider>
  );
}

function BriefingArticle({
  briefing,
  onSelectEntity,
  titleId,
  quotesShown = 3,
}: Omit<BriefingViewProps, 'onReadSource'>) {
  const fallbackTitleId = useId();
  const { entity, quotesBy, quotesAbout, totals, events, related } = briefing;
  const isEmpty =
    entity.roles.length === 0 &&
    quotesBy.length === 0 &&
    quotesAbout.length === 0 &&
    events.length === 0;
  return (
    <article class="bf-briefing" aria-labelledby={titleId ?? fallbackTitleId}>
      <header class="bf-briefing__header">
        <p class="bf-kind">{KIND_LABELS[entity.kind]}</p>
        <h2 class="bf-title" id={titleId ?? fallbackTitleId} tabIndex={-1}>
          {entity.name}
        </h2>
        {entity.description && <p class="bf-description">{entity.description}</p>}
        {entity.roles.length > 0 && (
          <ul class="bf-roles" aria-label="Roles">
            {entity.roles.map((role, index) => (
              // Two packs may give the same title, each with its own sources.
              <li class="bf-role" key={`${index}-${role.title}`}>
                <span class="bf-role__title">{role.title}</span>
                <Sources sources={role.sources} />
              </li>
            ))}
          </ul>
        )}
      </header>
      {isEmpty && (
        <p class="bf-empty">
          Your briefings hold no quotes or dated events about {entity.name} yet.
        </p>
      )}
      {quotesBy.length > 0 && (
        <QuoteSection
          heading={`Said by ${entity.name}`}
          quotes={quotesBy}
          total={totals.quotesBy}
          shown={quotesShown}
          showSpeaker={false}
        />
      )}
      {quotesAbout.length > 0 && (
        <QuoteSection
          heading={`Said about ${entity.name}`}
          quotes={quotesAbout}
          total={totals.quotesAbout}
          shown={quotesShown}
          showSpeaker={true}
        />
      )}
      {events.length > 0 && (
        <Section heading="On the timeline">
          <TimelineContext events={events} />
        </Section>
      )}
      {related.length > 0 && (
        <Section heading="Appears with">
          <RelatedEntities related={related} onSelect={onSelectEntity} />
        </Section>
      )}
    </article>
  );
}

function Section({ heading, children }: { heading: string; children: ComponentChildren }) {
  const headingId = useId();
  return (
    <section class="bf-section" aria-labelledby={headingId}>
      <h3 class="bf-section__heading" id={headingId}>
        {heading}
      </h3>
      {children}
    </section>
  );
}

interface QuoteSectionProps {
  heading: string;
  quotes: QuoteView[];
  /** All the quotes there are, when more than were sent. */
  total: number;
  shown: number;
  showSpeaker: boolean;
}

function QuoteSection({ heading, quotes, total, shown, showSpeaker }: QuoteSectionProps) {
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? quotes : quotes.slice(0, shown);
  const hidden = quotes.length - visible.length;
  return (
    <Section heading={heading}>
      <ul class="bf-quotes">
        {visible.map((quote) => (
          <QuoteItem key={`${quote.packId}/${quote.id}`} quote={quote} showSpeaker={showSpeaker} />
        ))}
      </ul>
      {hidden > 0 && (
        <button type="button" class="bf-link-button bf-more" onClick={() => setExpanded(true)}>
          Show {hidden} more
        </button>
      )}
      {expanded && total > quotes.length && (
        <p class="bf-note">
          {quotes.length} of {total} shown.
        </p>
      )}
    </Section>
  );
}
