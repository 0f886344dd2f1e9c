import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../core/errors.ts';
import type { BusinessCalendar } from '../../ports/settlement.ts';
import { ECB_PUBLICATION_TIME, rateAgeInTargetDays } from './target-age.ts';

const age = (rateDate: string, iso: string) => rateAgeInTargetDays(rateDate, new Date(iso));

describe('rateAgeInTargetDays', () => {
  it('publishes at 16:00 Frankfurt time', () => {
    expect(ECB_PUBLICATION_TIME).toBe('16:00');
  });

  it('a Friday rate is age 0 until Monday 16:00, then 1', () => {
    // Friday 10 April 2026; CEST, so 16:00 Frankfurt = 14:00Z.
    expect(age('2026-04-10', '2026-04-10T16:00:00Z')).toBe(0); // Friday evening
    expect(age('2026-04-10', '2026-04-11T10:00:00Z')).toBe(0); // Saturday
    expect(age('2026-04-10', '2026-04-12T21:59:00Z')).toBe(0); // Sunday 23:59
    expect(age('2026-04-10', '2026-04-13T13:59:00Z')).toBe(0); // Monday 15:59
    expect(age('2026-04-10', '2026-04-13T14:00:00Z')).toBe(1); // Monday 16:00
    expect(age('2026-04-10', '2026-04-14T10:00:00Z')).toBe(1); // Tuesday morning
    expect(age('2026-04-10', '2026-04-14T14:00:00Z')).toBe(2); // Tuesday 16:00
  });

  it('skips Good Friday and Easter Monday 2026', () => {
    // Rate of Maundy Thursday, 2 April 2026.
    expect(age('2026-04-02', '2026-04-02T15:00:00Z')).toBe(0);
    expect(age('2026-04-02', '2026-04-03T15:00:00Z')).toBe(0); // Good Friday 17:00
    expect(age('2026-04-02', '2026-04-06T15:00:00Z')).toBe(0); // Easter Monday 17:00
    expect(age('2026-04-02', '2026-04-07T13:59:00Z')).toBe(0); // Tuesday 15:59
    expect(age('2026-04-02', '2026-04-07T14:00:00Z')).toBe(1); // Tuesday 16:00
    expect(age('2026-04-02', '2026-04-08T08:00:00Z')).toBe(1);
    expect(age('2026-04-02', '2026-04-08T14:00:00Z')).toBe(2);
    // An older rate, Wednesday 1 April: 2 April was a publication day in between.
    expect(age('2026-04-01', '2026-04-06T15:00:00Z')).toBe(1);
  });

  it('uses the Frankfurt offset of the day (CET in winter)', () => {
    // Friday 30 January 2026; 16:00 CET = 15:00Z on Monday 2 February.
    expect(age('2026-01-30', '2026-02-02T14:59:00Z')).toBe(0);
    expect(age('2026-01-30', '2026-02-02T15:00:00Z')).toBe(1);
    // Across the spring change: 14:30Z is 15:30 CET on Friday 27 March but 16:30 CEST on Monday 30 March.
    expect(age('2026-03-26', '2026-03-27T14:30:00Z')).toBe(0);
    expect(age('2026-03-27', '2026-03-30T14:30:00Z')).toBe(1);
  });

  it('uses the Frankfurt date, not the UTC date', () => {
    // 23:30Z on Friday 10 April is already Saturday 01:30 in Frankfurt.
    expect(age('2026-04-09', '2026-04-10T23:30:00Z')).toBe(1);
    expect(age('2026-04-09', '2026-04-10T13:59:00Z')).toBe(0);
  });

  it('counts over the year end', () => {
    // Rate of Wednesday 31 December 2025; 1 January closed; Friday 2 January publishes.
    expect(age('2025-12-31', '2026-01-01T15:00:00Z')).toBe(0);
    expect(age('2025-12-31', '2026-01-02T15:00:00Z')).toBe(1);
    expect(age('2025-12-31', '2026-01-05T08:00:00Z')).toBe(1);
  });

  it('is 0 for a rate dated today or in the future', () => {
    expect(age('2026-04-13', '2026-04-13T20:00:00Z')).toBe(0);
    expect(age('2026-04-14', '2026-04-13T20:00:00Z')).toBe(0);
  });

  it('takes another calendar', () => {
    const noHolidays: BusinessCalendar = {
      id: 'weekdays',
      name: 'Weekdays only',
      businessDays: [1, 2, 3, 4, 5],
      closingDays: [],
      openDays: [],
      coveredYears: { from: 2026, to: 2026 },
      source: 'test',
    };
    expect(rateAgeInTargetDays('2026-04-02', new Date('2026-04-06T15:00:00Z'), noHolidays)).toBe(2);
  });

  it('refuses dates outside the calendar', () => {
    expect(() => age('1998-12-31', '1999-01-05T15:00:00Z')).toThrow(GatewayError);
    expect(() => age('2030-12-31', '2031-01-02T15:00:00Z')).toThrow('Calendar target2 does not cover 2031');
  });
});
