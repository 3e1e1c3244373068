import type { QuoteView } from '@/lib/views';
import { DateLabel } from './DateLabel';
import { SourceLine } from './SourceLine';
import { Sources } from './Sources';
import { WordingDiff } from './WordingDiff';

const UNNAMED_SPEAKER = 'Speaker not named in the source';

export interface QuoteItemProps {
  quote: QuoteView;
  /** Name who said it (quotes about the entity); left out under "Said by …", where it is clear. */
  showSpeaker: boolean;
}

/**
 * A quotation with who said it, when, where it was printed and how outlets word it differently.
 * A short quote is shown in the sentence that prints it, the quoted words marked: a few words on
 * their own would say more than their source does.
 */
export function QuoteItem({ quote, showSpeaker }: QuoteItemProps) {
  const { context } = quote;
  return (
    <li class={`bf-quote bf-quote--${quote.kind}${context ? ' bf-quote--in-context' : ''}`}>
      {context ? (
        <p class="bf-quote__context">
          {context.before}
          <mark class="bf-quote__quoted">{context.quoted}</mark>
          {context.after}
        </p>
      ) : (
        <blockquote class="bf-quote__text">
          <p>“{quote.text}”</p>
        </blockquote>
      )}
      {(showSpeaker || quote.date) && (
        <p class="bf-quote__said">
          {showSpeaker &&
            (quote.speaker ? (
              <span class="bf-quote__speaker">{quote.speaker.name}</span>
            ) : (
              <span class="bf-quote__speaker bf-quote__speaker--unnamed">{UNNAMED_SPEAKER}</span>
            ))}
          {showSpeaker && quote.date && <span aria-hidden="true">{', '}</span>}
          {quote.date && (
            <DateLabel
              date={quote.date}
              precision={quote.datePrecision}
              basis={quote.dateBasis}
              reason={quote.dateReason}
            />
          )}
        </p>
      )}
      <Sources
        sources={quote.sources}
        carriedBy={quote.carriedBy}
        readable
        dateShown={quote.date}
      />
      {quote.variants.length > 0 && (
        <ul class="bf-variants" aria-label="Other wordings">
          {quote.variants.map((variant) => (
            <li class="bf-variant" key={`${variant.source.packId}/${variant.source.documentId}`}>
              <p class="bf-variant__label">Another wording</p>
              <p class="bf-variant__wording">
                <WordingDiff diff={variant.diff} />
              </p>
              <p class="bf-variant__where">
                <SourceLine source={variant.source} readable />
              </p>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
