import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import { calendarDataProblems, isBusinessDay } from '../../src/services/calendar/business-calendar.ts';
import { chCalendar } from './calendar.ts';

describe('chCalendar', () => {
  it('is a valid, consistent calendar covering 2025–2027', () => {
    expect(businessCalendarSchema.parse(chCalendar)).toEqual(chCalendar);
    expect(calendarDataProblems(chCalendar)).toEqual([]);
    expect(chCalendar.coveredYears).toEqual({ from: 2025, to: 2027 });
  });

  it('closes Berchtoldstag, Ascension, Whit Monday and the National Day', () => {
    for (const date of ['2025-01-02', '2025-05-29', '2025-06-09', '2025-08-01', '2026-05-14', '2026-05-25']) {
      expect(isBusinessDay(chCalendar, date)).toBe(false);
    }
  });

  it('keeps 24 and 31 December open', () => {
    expect(isBusinessDay(chCalendar, '2025-12-24')).toBe(true);
    expect(isBusinessDay(chCalendar, '2025-12-31')).toBe(true);
  });

  it('follows Easter 2027 (28 March)', () => {
    expect(isBusinessDay(chCalendar, '2027-03-26')).toBe(false);
    expect(isBusinessDay(chCalendar, '2027-03-29')).toBe(false);
    expect(isBusinessDay(chCalendar, '2027-05-06')).toBe(false);
    expect(isBusinessDay(chCalendar, '2027-05-17')).toBe(false);
  });
});
