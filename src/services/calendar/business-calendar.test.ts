import { describe, expect, it } from 'vitest';
import { target2Calendar } from '../../../adapters/_shared/target2-calendar.ts';
import { cnCalendar } from '../../../adapters/cn/calendar.ts';
import { GatewayError } from '../../core/errors.ts';
import type { BusinessCalendar } from '../../ports/settlement.ts';
import {
  addBusinessDays,
  businessDaysBetween,
  calendarDataProblems,
  fromDayNumber,
  isBusinessDay,
  localDateTime,
  minutesOfDay,
  nextBusinessDay,
  toDayNumber,
} from './business-calendar.ts';

const tiny: BusinessCalendar = {
  id: 'tiny',
  name: 'Tiny test calendar',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: ['2026-12-31'],
  openDays: ['2026-12-26'],
  coveredYears: { from: 2026, to: 2026 },
  source: 'test',
};

function notCovered(fn: () => unknown): GatewayError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected calendar_not_covered');
}

describe('day numbers', () => {
  it('round-trips ISO dates, leap days included', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (const date of ['1999-01-04', '2024-02-29', '2026-03-29', '2026-10-25', '2030-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => toDayNumber('2026-2-1')).toThrow(RangeError);
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toDayNumber('2025-02-29')).toThrow(RangeError);
    expect(() => isBusinessDay(target2Calendar, '20260105')).toThrow(RangeError);
  });

  it('parses HH:MM', () => {
    expect(minutesOfDay('00:00')).toBe(0);
    expect(minutesOfDay('15:00')).toBe(900);
    expect(minutesOfDay('23:59')).toBe(1439);
    expect(() => minutesOfDay('24:00')).toThrow(RangeError);
  });
});

describe('isBusinessDay', () => {
  it('applies weekdays, closing days and open days', () => {
    expect(isBusinessDay(target2Calendar, '2026-01-01')).toBe(false); // closing day
    expect(isBusinessDay(target2Calendar, '2026-01-02')).toBe(true); // Friday
    expect(isBusinessDay(target2Calendar, '2026-01-03')).toBe(false); // Saturday
    expect(isBusinessDay(cnCalendar, '2026-01-04')).toBe(true); // Sunday, adjusted working day
    expect(isBusinessDay(cnCalendar, '2026-01-11')).toBe(false); // ordinary Sunday
    expect(isBusinessDay(tiny, '2026-12-26')).toBe(true); // Saturday open day
  });

  it('refuses a year outside coveredYears, naming only the calendar and the year', () => {
    const error = notCovered(() => isBusinessDay(cnCalendar, '2027-01-04'));
    expect(error.code).toBe('calendar_not_covered');
    expect(error.message).toBe('Calendar cn-cnaps does not cover 2027');
    expect(error.details).toEqual({ calendar: 'cn-cnaps', year: 2027 });
    expect(notCovered(() => isBusinessDay(target2Calendar, '1998-12-31')).message).toBe(
      'Calendar target2 does not cover 1998',
    );
  });

  it('gives the same answers for another calendar object with other data (cache per object)', () => {
    const copy = { ...tiny, closingDays: [], openDays: [] };
    expect(isBusinessDay(tiny, '2026-12-31')).toBe(false);
    expect(isBusinessDay(copy, '2026-12-31')).toBe(true);
    expect(isBusinessDay(tiny, '2026-12-31')).toBe(false);
  });
});

describe('nextBusinessDay and addBusinessDays', () => {
  it('finds the first business day on or after a date', () => {
    expect(nextBusinessDay(target2Calendar, '2026-04-02')).toBe('2026-04-02');
    expect(nextBusinessDay(target2Calendar, '2026-04-03')).toBe('2026-04-07'); // Easter
    expect(nextBusinessDay(cnCalendar, '2026-01-01')).toBe('2026-01-04'); // working Sunday
  });

  it('adds business days', () => {
    expect(addBusinessDays(target2Calendar, '2026-04-02', 0)).toBe('2026-04-02');
    expect(addBusinessDays(target2Calendar, '2026-04-03', 0)).toBe('2026-04-07');
    expect(addBusinessDays(target2Calendar, '2026-04-02', 1)).toBe('2026-04-07');
    expect(addBusinessDays(target2Calendar, '2026-04-02', 2)).toBe('2026-04-08');
    expect(addBusinessDays(target2Calendar, '2026-04-04', 1)).toBe('2026-04-07'); // from a Saturday
    expect(addBusinessDays(cnCalendar, '2026-02-13', 1)).toBe('2026-02-14'); // working Saturday
    expect(addBusinessDays(cnCalendar, '2026-02-14', 1)).toBe('2026-02-24'); // over Spring Festival
  });

  it('rejects a negative or fractional n', () => {
    expect(() => addBusinessDays(target2Calendar, '2026-04-02', -1)).toThrow(RangeError);
    expect(() => addBusinessDays(target2Calendar, '2026-04-02', 1.5)).toThrow(RangeError);
  });

  it('refuses to search past the last covered year', () => {
    const error = notCovered(() => nextBusinessDay(tiny, '2026-12-31'));
    expect(error.message).toBe('Calendar tiny does not cover 2027');
    expect(notCovered(() => addBusinessDays(cnCalendar, '2026-12-31', 1)).message).toBe(
      'Calendar cn-cnaps does not cover 2027',
    );
    expect(notCovered(() => addBusinessDays(cnCalendar, '2024-12-31', 0)).message).toBe(
      'Calendar cn-cnaps does not cover 2024',
    );
  });
});

describe('businessDaysBetween', () => {
  it('counts business days in (from, to]', () => {
    expect(businessDaysBetween(target2Calendar, '2026-04-02', '2026-04-02')).toBe(0);
    expect(businessDaysBetween(target2Calendar, '2026-04-02', '2026-04-07')).toBe(1);
    expect(businessDaysBetween(target2Calendar, '2026-04-01', '2026-04-10')).toBe(5);
    expect(businessDaysBetween(target2Calendar, '2025-12-31', '2026-12-31')).toBe(256); // 261 weekdays − 5
    expect(businessDaysBetween(cnCalendar, '2026-02-13', '2026-02-28')).toBe(6); // Sat 14, 24–27, Sat 28
  });

  it('is negative for a reversed interval', () => {
    expect(businessDaysBetween(target2Calendar, '2026-04-10', '2026-04-01')).toBe(-5);
  });

  it('refuses uncovered endpoints', () => {
    expect(notCovered(() => businessDaysBetween(cnCalendar, '2024-12-31', '2025-01-02')).code).toBe(
      'calendar_not_covered',
    );
  });
});

describe('localDateTime', () => {
  it('converts across the 2026 spring DST change in Berlin', () => {
    expect(localDateTime(new Date('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      time: '01:59',
      minutes: 119,
    });
    expect(localDateTime(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-03-29',
      time: '03:00',
      minutes: 180,
    });
    expect(localDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin').time).toBe('02:30'); // CEST
    expect(localDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Berlin').time).toBe('02:30'); // CET
  });

  it('uses 00:xx, not 24:xx, at midnight and crosses the date line', () => {
    expect(localDateTime(new Date('2025-12-31T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-01-01',
      time: '00:30',
      minutes: 30,
    });
    expect(localDateTime(new Date('2026-01-01T04:59:00Z'), 'America/Toronto').date).toBe('2025-12-31');
    expect(localDateTime(new Date('2026-01-01T00:00:00Z'), 'UTC').time).toBe('00:00');
  });

  it('rejects an unknown time zone', () => {
    expect(() => localDateTime(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('calendarDataProblems', () => {
  it('reports unordered, duplicate, uncovered and misplaced dates', () => {
    const bad: BusinessCalendar = {
      ...tiny,
      closingDays: ['2026-12-31', '2026-12-30', '2026-12-30', '2026-12-27', '2027-01-01'],
      openDays: ['2026-12-28'],
    };
    expect(calendarDataProblems(bad)).toEqual([
      'closingDays: 2026-12-30 is not after the previous date',
      'closingDays: 2026-12-30 is not after the previous date',
      'closingDays: 2026-12-27 is not after the previous date',
      'closingDays: 2026-12-27 is a rest day',
      'closingDays: 2027-01-01 is outside 2026–2026',
      'openDays: 2026-12-28 is not a rest day',
    ]);
  });
});
