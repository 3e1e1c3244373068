import type { DateBasis, DatePrecision } from '@/lib/pack/schema';
import { formatDateRange } from './dates';

export interface DateLabelProps {
  date: string;
  endDate?: string | null;
  precision: DatePrecision | null;
  basis: DateBasis | null;
  reason: string | null;
}

/**
 * A date at its real precision. An inferred date (worked out from the text, not printed) reads
 * differently and says so, with the reasoning on hover and in the accessible description.
 */
export function DateLabel({ date, endDate = null, precision, basis, reason }: DateLabelProps) {
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
      <span class="bf-date__basis"> (inferred)</span>
    </time>
  );
}
