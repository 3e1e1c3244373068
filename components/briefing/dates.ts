/**
 * Dates as precise as they are known, never more: "6 April 2023", "April 2023", "2023". The
 * pack stores partial ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); they are read as calendar
 * dates, never through `Date`, so no time zone can shift a day.
 */
import type { DatePrecision } from '@/lib/pack/schema';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The date for a reader, cut to `precision` (or to what the string holds, if less). */
export function formatPartialDate(date: string, precision: DatePrecision | null): string {
  const [year = '', month, day] = date.split('-');
  const monthName = month === undefined ? undefined : MONTHS[Number(month) - 1];
  if (precision === 'year' || monthName === undefined) return year;
  if (precision === 'month' || day === undefined) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

/** An event that spans days, from its first to its last: "21 March 2023 – 22 March 2023". */
export function formatDateRange(
  start: string,
  end: string | null,
  precision: DatePrecision | null,
): string {
  const first = formatPartialDate(start, precision);
  if (end === null) return first;
  const last = formatPartialDate(end, precision);
  return last === first ? first : `${first} – ${last}`;
}
