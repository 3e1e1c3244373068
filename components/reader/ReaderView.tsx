import { useEffect, useId, useRef } from 'preact/hooks';
import { DateLabel } from '@/components/briefing/DateLabel';
import { safeLink } from '@/components/briefing/SourceLine';
import type { DocumentQuote, DocumentView, ReaderTarget } from '@/lib/views';
import { layoutText, type Paragraph, quoteAt, type Run } from './layout';

export interface ReaderViewProps {
  document: DocumentView;
  /** The offset the reader opened the document at (a quote's start): shown, emphasised, focused. */
  at?: number | null;
  /** The address of another document's reader view, to link the one this re-tells. */
  linkTo?: (target: ReaderTarget) => string;
}

/**
 * A source document as the pack holds it: where it comes from, how sure its date is, and its
 * full text with every quote in it marked and attributed. Opened at a quote, that quote is
 * scrolled into view, emphasised and focused, so keyboard and screen reader users land on it.
 */
export function ReaderView({ document: doc, at = null, linkTo }: ReaderViewProps) {
  const titleId = useId();
  const idPrefix = useId();
  const target = useRef<HTMLElement | null>(null);
  const setTarget = (element: HTMLElement | null) => {
    target.current = element;
  };
  const paragraphs = layoutText(doc.text, doc.quotes);
  const shown = paragraphs.flatMap((paragraph) =>
    paragraph.runs.flatMap((run) => (run.kind === 'quote' && run.first ? [run.quote] : [])),
  );
  const targetQuote = at === null ? null : quoteAt(shown, at);
  // Opened at a place no quote holds (or no longer holds): its paragraph, at least.
  const targetParagraph =
    at === null || targetQuote
      ? null
      : (paragraphs.find((paragraph) => paragraph.start <= at && at < paragraph.end) ?? null);

  useEffect(() => {
    const element = target.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: 'center' });
  }, [doc.packId, doc.id, at]);

  const href = safeLink(doc.url);
  const originalHref = doc.duplicateOf
    ? (linkTo?.({ packId: doc.packId, documentId: doc.duplicateOf }) ?? null)
    : null;
  const quoteIds = (quote: DocumentQuote) => `${idPrefix}-quote-${quote.start}`;

  return (
    <article class="bf reader" aria-labelledby={titleId}>
      <header class="reader__header">
        <p class="reader__pack">
          From your briefings: <span class="reader__pack-title">{doc.packTitle}</span>
        </p>
        <h1 class="reader__title" id={titleId}>
          {doc.title}
        </h1>
        <p class="reader__byline">
          {doc.outlet ? (
            <span class="reader__outlet">{doc.outlet}</span>
          ) : (
            <span class="reader__outlet reader__outlet--unknown">Outlet not known</span>
          )}
          {doc.author && (
            <>
              <span class="reader__sep" aria-hidden="true">
                {' · '}
              </span>
              <span class="reader__author">By {doc.author}</span>
            </>
          )}
          <span class="reader__sep" aria-hidden="true">
            {' · '}
          </span>
          {doc.publishedAt ? (
            <DateLabel
              date={doc.publishedAt}
              precision={doc.datePrecision}
              basis={doc.dateBasis}
              reason={doc.dateReason}
            />
          ) : (
            <span class="reader__undated">Date not known</span>
          )}
        </p>
        {doc.publishedAt && doc.dateBasis === 'inferred' && (
          <p class="reader__date-reason">
            The date is inferred, not printed in the article
            {doc.dateReason ? `: ${doc.dateReason}` : '.'}
          </p>
        )}
        {href && (
          <p class="reader__original">
            <a href={href} target="_blank" rel="noopener noreferrer">
              The original at {hostOf(href)}
            </a>
          </p>
        )}
        {doc.duplicateOf && (
          <p class="reader__note">
            This article re-tells another report in the same pack.
            {originalHref && (
              <>
                {' '}
                <a href={originalHref}>Read that report</a>
              </>
            )}
          </p>
        )}
        {doc.quotes.length > 0 && (
          <p class="reader__legend">
            <mark class="reader__quote reader__quote--sample">Quotes</mark> are marked, each
            followed by who said it.
          </p>
        )}
      </header>
      <div class="reader__text">
        {paragraphs.map((paragraph) => (
          <ParagraphView
            key={paragraph.start}
            paragraph={paragraph}
            text={doc.text}
            isTarget={paragraph === targetParagraph}
            targetQuote={targetQuote}
            setTarget={setTarget}
            idOf={quoteIds}
          />
        ))}
      </div>
    </article>
  );
}

interface ParagraphViewProps {
  paragraph: Paragraph;
  text: string;
  isTarget: boolean;
  targetQuote: DocumentQuote | null;
  setTarget: (element: HTMLElement | null) => void;
  idOf: (quote: DocumentQuote) => string;
}

function ParagraphView({
  paragraph,
  text,
  isTarget,
  targetQuote,
  setTarget,
  idOf,
}: ParagraphViewProps) {
  return (
    <p
      class={isTarget ? 'reader__paragraph reader__paragraph--target' : 'reader__paragraph'}
      tabIndex={isTarget ? -1 : undefined}
      ref={isTarget ? setTarget : undefined}
    >
      {paragraph.runs.map((run) => (
        <RunView
          key={`${run.kind}-${run.start}`}
          run={run}
          text={text}
          targetQuote={targetQuote}
          setTarget={setTarget}
          idOf={idOf}
        />
      ))}
    </p>
  );
}

function RunView({
  run,
  text,
  targetQuote,
  setTarget,
  idOf,
}: Omit<ParagraphViewProps, 'paragraph' | 'isTarget'> & { run: Run }) {
  const words = text.slice(run.start, run.end);
  if (run.kind === 'text') return <>{words}</>;
  const speakerId = `${idOf(run.quote)}-speaker`;
  if (run.kind === 'speaker') return <Speaker id={speakerId} quote={run.quote} />;
  const { quote, first } = run;
  const isTarget = quote === targetQuote;
  const classes = [
    'reader__quote',
    `reader__quote--${quote.kind}`,
    isTarget && 'reader__quote--target',
    quote.speaker === null && 'reader__quote--unattributed',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <mark
      class={classes}
      id={first ? idOf(quote) : undefined}
      data-start={first ? quote.start : undefined}
      tabIndex={isTarget && first ? -1 : undefined}
      aria-describedby={first ? speakerId : undefined}
      ref={isTarget && first ? setTarget : undefined}
    >
      {words}
    </mark>
  );
}

/** Who said it, after the quote: "— Dmitry Peskov", or that the text does not say. */
function Speaker({ id, quote }: { id: string; quote: DocumentQuote }) {
  return (
    <span class="reader__speaker" id={id}>
      <span aria-hidden="true">— </span>
      {quote.speaker ? (
        <>
          <span class="bf-visually-hidden">said by </span>
          <span class="reader__speaker-name">{quote.speaker.name}</span>
        </>
      ) : (
        <span class="reader__speaker-name reader__speaker-name--unstated">speaker not stated</span>
      )}
      {quote.kind === 'fragment' && <span class="reader__fragment"> (fragment)</span>}
    </span>
  );
}

function hostOf(href: string): string {
  return new URL(href).host.replace(/^www\./, '');
}
