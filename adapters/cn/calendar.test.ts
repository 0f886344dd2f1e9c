import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import {
  businessDaysBetween,
  calendarDataProblems,
  isBusinessDay,
} from '../../src/services/calendar/business-calendar.ts';
import { cnCalendar } from './calendar.ts';

describe('cnCalendar', () => {
  it('is a valid, consistent calendar covering 2025–2026', () => {
    expect(businessCalendarSchema.parse(cnCalendar)).toEqual(cnCalendar);
    expect(calendarDataProblems(cnCalendar)).toEqual([]);
    expect(cnCalendar.coveredYears).toEqual({ from: 2025, to: 2026 });
  });

  it('closes the whole 2026 Spring Festival, 15–23 February', () => {
    for (let day = 15; day <= 23; day += 1) {
      expect(isBusinessDay(cnCalendar, `2026-02-${day}`)).toBe(false);
    }
    expect(isBusinessDay(cnCalendar, '2026-02-24')).toBe(true);
  });

  it('opens the adjusted working days (调休)', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(isBusinessDay(cnCalendar, date)).toBe(true);
    }
    for (const date of ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']) {
      expect(isBusinessDay(cnCalendar, date)).toBe(true);
    }
  });

  it('closes the 2025 Golden Week 1–8 October and New Year 2026 1–3 January', () => {
    expect(businessDaysBetween(cnCalendar, '2025-09-30', '2025-10-08')).toBe(0);
    expect(isBusinessDay(cnCalendar, '2025-10-09')).toBe(true);
    expect(businessDaysBetween(cnCalendar, '2025-12-31', '2026-01-03')).toBe(0);
  });

  it('has the holiday weekdays of the notices', () => {
    // 2025: 1 + 6 (Spring Festival) + 1 + 3 + 1 + 6 = 18; 2026: 2 + 6 + 1 + 3 + 1 + 1 + 5 = 19.
    expect(cnCalendar.closingDays.filter((d) => d.startsWith('2025-'))).toHaveLength(18);
    expect(cnCalendar.closingDays.filter((d) => d.startsWith('2026-'))).toHaveLength(19);
  });
});
