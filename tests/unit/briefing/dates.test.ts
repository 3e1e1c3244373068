import { expect, test } from 'vitest';
import {
  formatDateRange,
  formatDateSpan,
  formatPartialDate,
  formatYears,
  relateToDay,
} from '@/components/briefing/dates';

test('a date reads at its precision, never more', () => {
  expect(formatPartialDate('2023-04-06', 'day')).toBe('6 April 2023');
  expect(formatPartialDate('2023-04', 'month')).toBe('April 2023');
  expect(formatPartialDate('2023', 'year')).toBe('2023');
  // A precision coarser than the string: the extra digits are not shown.
  expect(formatPartialDate('2023-04-06', 'month')).toBe('April 2023');
  expect(formatPartialDate('2023-04-06', 'year')).toBe('2023');
  // No precision given: as much as the string holds.
  expect(formatPartialDate('2023-12', null)).toBe('December 2023');
});

test('a calendar date is never shifted by a time zone', () => {
  expect(formatPartialDate('2023-01-01', 'day')).toBe('1 January 2023');
  expect(formatPartialDate('2022-12-31', 'day')).toBe('31 December 2022');
});

test('an event over several days shows both ends', () => {
  expect(formatDateRange('2023-03-20', '2023-03-22', 'day')).toBe('20 March 2023 – 22 March 2023');
  expect(formatDateRange('2023-03', '2023-03', 'month')).toBe('March 2023');
  expect(formatDateRange('2023-03-20', null, 'day')).toBe('20 March 2023');
});

const day = (date: string) => ({ date, precision: 'day' as const });

test('a span of dates says a shared year once, in short month names', () => {
  expect(formatDateSpan(day('2023-03-21'), day('2023-04-27'))).toBe('21 Mar – 27 Apr 2023');
  expect(formatDateSpan(day('2022-12-30'), day('2023-01-02'))).toBe('30 Dec 2022 – 2 Jan 2023');
  expect(formatDateSpan({ date: '2023-05', precision: 'month' }, day('2023-05-09'))).toBe(
    'May – 9 May 2023',
  );
  expect(formatDateSpan(day('2023-04-06'), day('2023-04-06'))).toBe('6 Apr 2023');
  expect(formatYears(day('2021-01-01'), day('2023-04-06'))).toBe('2021–2023');
  expect(formatYears(day('2023-01-01'), day('2023-04-06'))).toBe('2023');
});

test('a span is earlier, later or of the same period as a day, at the precision it is known', () => {
  const march = day('2023-03-21');
  const april = day('2023-04-27');
  expect(relateToDay(march, april, '2016-12-18')).toBe('later');
  expect(relateToDay(march, april, '2024-01-05')).toBe('earlier');
  expect(relateToDay(march, april, '2023-04-01')).toBe('same');
  // Known only to the year: a page of May 2023 is in the same period, not after it.
  const year = { date: '2023', precision: 'year' as const };
  expect(relateToDay(year, year, '2023-05-05')).toBe('same');
});
