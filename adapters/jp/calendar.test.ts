import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import { calendarDataProblems, isBusinessDay } from '../../src/services/calendar/business-calendar.ts';
import { jpCalendar } from './calendar.ts';

describe('jpCalendar', () => {
  it('is a valid, consistent calendar covering 2025–2027', () => {
    expect(businessCalendarSchema.parse(jpCalendar)).toEqual(jpCalendar);
    expect(calendarDataProblems(jpCalendar)).toEqual([]);
    expect(jpCalendar.coveredYears).toEqual({ from: 2025, to: 2027 });
  });

  it('closes Golden Week 2026 including the substitute holiday, 4–6 May', () => {
    expect(isBusinessDay(jpCalendar, '2026-05-01')).toBe(true);
    for (const date of ['2026-05-04', '2026-05-05', '2026-05-06']) {
      expect(isBusinessDay(jpCalendar, date)).toBe(false);
    }
    expect(isBusinessDay(jpCalendar, '2026-05-07')).toBe(true);
  });

  it('closes the bank holidays 31 December and 2–3 January', () => {
    expect(isBusinessDay(jpCalendar, '2025-12-31')).toBe(false);
    expect(isBusinessDay(jpCalendar, '2025-01-02')).toBe(false);
    expect(isBusinessDay(jpCalendar, '2025-01-03')).toBe(false);
    expect(isBusinessDay(jpCalendar, '2026-01-05')).toBe(true);
  });

  it("closes the 2026 Silver Week including the citizens' holiday", () => {
    for (const date of ['2026-09-21', '2026-09-22', '2026-09-23']) {
      expect(isBusinessDay(jpCalendar, date)).toBe(false);
    }
  });

  it('moves a Sunday holiday to the Monday', () => {
    expect(isBusinessDay(jpCalendar, '2025-02-24')).toBe(false);
    expect(isBusinessDay(jpCalendar, '2027-03-22')).toBe(false);
  });
});
