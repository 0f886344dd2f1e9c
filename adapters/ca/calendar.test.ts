import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import { calendarDataProblems, isBusinessDay } from '../../src/services/calendar/business-calendar.ts';
import { caCalendar } from './calendar.ts';

describe('caCalendar', () => {
  it('is a valid, consistent calendar covering 2025–2027', () => {
    expect(businessCalendarSchema.parse(caCalendar)).toEqual(caCalendar);
    expect(calendarDataProblems(caCalendar)).toEqual([]);
    expect(caCalendar.coveredYears).toEqual({ from: 2025, to: 2027 });
  });

  it('has eleven non-business days a year', () => {
    for (const year of ['2025', '2026', '2027']) {
      expect(caCalendar.closingDays.filter((d) => d.startsWith(`${year}-`))).toHaveLength(11);
    }
  });

  it('moves Christmas and Boxing Day off the weekend', () => {
    expect(isBusinessDay(caCalendar, '2026-12-28')).toBe(false); // Boxing Day, Sat 26 Dec 2026
    expect(isBusinessDay(caCalendar, '2027-12-27')).toBe(false); // Christmas, Sat 25 Dec 2027
    expect(isBusinessDay(caCalendar, '2027-12-28')).toBe(false); // Boxing Day, Sun 26 Dec 2027
    expect(isBusinessDay(caCalendar, '2027-12-29')).toBe(true);
  });

  it('closes Truth and Reconciliation Day and the Civic Holiday, opens Easter Monday', () => {
    expect(isBusinessDay(caCalendar, '2025-09-30')).toBe(false);
    expect(isBusinessDay(caCalendar, '2026-08-03')).toBe(false);
    expect(isBusinessDay(caCalendar, '2026-04-06')).toBe(true);
  });
});
