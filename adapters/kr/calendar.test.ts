import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import { calendarDataProblems, isBusinessDay } from '../../src/services/calendar/business-calendar.ts';
import { krCalendar } from './calendar.ts';

describe('krCalendar', () => {
  it('is a valid, consistent calendar covering 2025–2026', () => {
    expect(businessCalendarSchema.parse(krCalendar)).toEqual(krCalendar);
    expect(calendarDataProblems(krCalendar)).toEqual([]);
    expect(krCalendar.coveredYears).toEqual({ from: 2025, to: 2026 });
  });

  it('closes Chuseok 2025 with its substitute day and Hangul Day, 6–9 October', () => {
    for (const date of ['2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-09']) {
      expect(isBusinessDay(krCalendar, date)).toBe(false);
    }
    expect(isBusinessDay(krCalendar, '2025-10-10')).toBe(true);
  });

  it('closes Seollal 2025 including the temporary holiday of 27 January', () => {
    for (const date of ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30']) {
      expect(isBusinessDay(krCalendar, date)).toBe(false);
    }
    expect(isBusinessDay(krCalendar, '2025-01-31')).toBe(true);
  });

  it('closes election days, Labour Day and the year-end bank closing', () => {
    expect(isBusinessDay(krCalendar, '2025-06-03')).toBe(false);
    expect(isBusinessDay(krCalendar, '2026-06-03')).toBe(false);
    expect(isBusinessDay(krCalendar, '2026-05-01')).toBe(false);
    expect(isBusinessDay(krCalendar, '2025-12-31')).toBe(false);
  });

  it('closes the 2026 substitute holidays and Constitution Day', () => {
    for (const date of ['2026-03-02', '2026-05-25', '2026-07-17', '2026-08-17', '2026-10-05']) {
      expect(isBusinessDay(krCalendar, date)).toBe(false);
    }
  });
});
