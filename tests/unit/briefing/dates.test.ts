import { expect, test } from 'vitest';
import { formatDateRange, formatPartialDate } from '@/components/briefing/dates';

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
