import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { EntityKind } from '@/lib/pack/schema';
import type { Briefing, EntityRef, QuoteView } from '@/lib/views';
import { INFERRED_MARK, InferredMarkContext } from './inferred-dates';
import { QuoteItem } from './QuoteItem';
import { RelatedEntities } from './RelatedEntities';
import { type OpenReader, OpenReaderContext } from './read-source';
import { Scope } from './Scope';
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
  /** The publication day of the page the card sits on, when known: the briefing relates to it. */
  pageDate?: string | null;
  /**
   * Only what a card shows first: the header and the first list of quotes. The card draws this
   * while the pointer rests and the rest once it is shown, so a first card in a fresh tab (whose
   * code and fonts are cold) is ready at hover intent.
   */
  firstViewOnly?: boolean;
}

/** Everything the packs say about one entity, every claim with its source. */
export function BriefingView({ onReadSource, ...props }: BriefingViewProps) {
  return (
    <OpenReaderContext.Provider value={onReadSource ?? null}>
      <InferredMarkContext.Provider value={true}>
        <BriefingArticle {...props} />
      </InferredMarkContext.Provider>
    </OpenReaderContext.Provider>
  );
}

function BriefingArticle({
  briefing,
  onSelectEntity,
  titleId,
  quotesShown = 3,
  pageDate = null,
  firstViewOnly = false,
}: Omit<BriefingViewProps, 'onReadSource'>) {
  const fallbackTitleId = useId();
  const { entity, quotesBy, quotesAbout, totals, scope, events, related } = briefing;
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
        <Scope scope={scope} pageDate={pageDate} />
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
      {quotesAbout.length > 0 && (!firstViewOnly || quotesBy.length === 0) && (
        <QuoteSection
          heading={`Said about ${entity.name}`}
          quotes={quotesAbout}
          total={totals.quotesAbout}
          shown={quotesShown}
          showSpeaker={true}
        />
      )}
      {events.length > 0 && !firstViewOnly && (
        <Section heading="On the timeline">
          <TimelineContext events={events} />
        </Section>
      )}
      {related.length > 0 && !firstViewOnly && (
        <Section heading="Appears with">
          <RelatedEntities related={related} onSelect={onSelectEntity} />
        </Section>
      )}
      {hasInferredDates(briefing) && !firstViewOnly && (
        <p class="bf-note bf-legend">
          <span aria-hidden="true">{INFERRED_MARK} </span>
          Inferred date: worked out from the article's wording, not printed in it.
        </p>
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
  // A few words are shown in their sentence, after the statements and folded away.
  const statements = quotes.filter((quote) => quote.context === null);
  const inContext = quotes.filter((quote) => quote.context !== null);
  const visible = expanded ? statements : statements.slice(0, shown);
  const hidden = statements.length - visible.length;
  const item = (quote: QuoteView) => (
    <QuoteItem key={`${quote.packId}/${quote.id}`} quote={quote} showSpeaker={showSpeaker} />
  );
  return (
    <Section heading={heading}>
      {visible.length > 0 && <ul class="bf-quotes">{visible.map(item)}</ul>}
      {hidden > 0 && (
        <button type="button" class="bf-link-button bf-more" onClick={() => setExpanded(true)}>
          Show {hidden} more
        </button>
      )}
      {inContext.length > 0 && (
        <details class="bf-also">
          <summary class="bf-also__summary">Also quoted ({inContext.length})</summary>
          <ul class="bf-quotes">{inContext.map(item)}</ul>
        </details>
      )}
      {expanded && total > quotes.length && (
        <p class="bf-note">
          {quotes.length} of {total} shown.
        </p>
      )}
    </Section>
  );
}

/** Whether any date the briefing shows is inferred, so the mark needs its explanation. */
function hasInferredDates({ entity, quotesBy, quotesAbout, events }: Briefing): boolean {
  const quotes = [...quotesBy, ...quotesAbout];
  const sources = [
    ...entity.roles.flatMap((role) => role.sources),
    ...quotes.flatMap((quote) => quote.sources),
    ...events.flatMap((event) => event.sources),
  ];
  return [...quotes, ...events, ...sources].some((dated) => dated.dateBasis === 'inferred');
}
