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

/** "21 Mar 2023", "Mar 2023", "2023": for lines where several dates share little room. */
export function formatShortDate(date: string, precision: DatePrecision | null): string {
  return formatPartialDate(date, precision).replace(/\b([A-Z][a-z]{2})[a-z]+\b/, '$1');
}

/**
 * From one date to another, the shared year said once: "21 Mar – 27 Apr 2023",
 * "Dec 2022 – 27 Apr 2023", "6 Apr 2023" when both are the same.
 */
export function formatDateSpan(first: PartialDate, last: PartialDate): string {
  const from = formatShortDate(first.date, first.precision);
  const to = formatShortDate(last.date, last.precision);
  if (from === to) return to;
  const year = yearOf(last.date);
  const sameYear = yearOf(first.date) === year && from !== year && from.endsWith(` ${year}`);
  return `${sameYear ? from.slice(0, -year.length - 1) : from} – ${to}`;
}

/** "2023", or "2021–2023" when the dates span years. */
export function formatYears(first: PartialDate, last: PartialDate): string {
  const from = yearOf(first.date);
  const to = yearOf(last.date);
  return from === to ? to : `${from}–${to}`;
}

export interface PartialDate {
  date: string;
  precision: DatePrecision | null;
}

export type Relation = 'earlier' | 'later' | 'same';

/**
 * Where a span of dates lies against one day, at the precision the span is known: a briefing
 * from "2023" is not earlier than a page of 5 May 2023.
 */
export function relateToDay(first: PartialDate, last: PartialDate, day: string): Relation {
  if (atPrecision(last) < day.slice(0, atPrecision(last).length)) return 'earlier';
  if (atPrecision(first) > day.slice(0, atPrecision(first).length)) return 'later';
  return 'same';
}

function atPrecision({ date, precision }: PartialDate): string {
  const length = precision === 'year' ? 4 : precision === 'month' ? 7 : 10;
  return date.slice(0, length);
}

function yearOf(date: string): string {
  return date.slice(0, 4);
}
