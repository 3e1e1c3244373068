import { useContext } from 'preact/hooks';
import type { DateBasis, DatePrecision } from '@/lib/pack/schema';
import { formatDateRange } from './dates';
import { INFERRED_MARK, InferredMarkContext } from './inferred-dates';

export interface DateLabelProps {
  date: string;
  endDate?: string | null;
  precision: DatePrecision | null;
  basis: DateBasis | null;
  reason: string | null;
}

/**
 * A date at its real precision. An inferred date (worked out from the text, not printed) reads
 * differently and says so, with the reasoning on hover: in words, or inside a briefing with a
 * mark that the briefing explains once (screen readers still hear "inferred").
 */
export function DateLabel({ date, endDate = null, precision, basis, reason }: DateLabelProps) {
  const marked = useContext(InferredMarkContext);
  const text = formatDateRange(date, endDate, precision);
  if (basis !== 'inferred') {
    return (
      <time class="bf-date" dateTime={date}>
        {text}
      </time>
    );
  }
  const explanation = reason
    ? `Date inferred: ${reason}`
    : 'Date inferred, not printed in the source';
  return (
    <time class="bf-date bf-date--inferred" dateTime={date} title={explanation}>
      <span class="bf-date__text">{text}</span>
      {marked ? (
        <>
          <span class="bf-date__mark" aria-hidden="true">
            {INFERRED_MARK}
          </span>
          <span class="bf-visually-hidden"> (inferred)</span>
        </>
      ) : (
        <span class="bf-date__basis"> (inferred)</span>
      )}
    </time>
  );
}
