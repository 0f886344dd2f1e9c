import { describe, expect, it } from 'vitest';
import { target2Calendar } from '../../../adapters/_shared/target2-calendar.ts';
import { cnCalendar } from '../../../adapters/cn/calendar.ts';
import { GatewayError } from '../../core/errors.ts';
import type { SettlementPolicy } from '../../ports/settlement.ts';
import { settlementDates } from './value-date.ts';

/** As in the DE adapter: SEPA credit transfer, 15:00 Frankfurt cut-off, D+1. */
const de: SettlementPolicy = {
  rail: 'sepa-credit-transfer',
  message: 'pain.001.001.10',
  cutOff: { time: '15:00', timeZone: 'Europe/Berlin' },
  settlementDays: 1,
  calendar: target2Calendar,
};
/** As in the CN adapter: CNAPS, 17:00 Beijing cut-off, D+1. */
const cn: SettlementPolicy = {
  rail: 'cnaps',
  message: 'pacs.008.001.09',
  cutOff: { time: '17:00', timeZone: 'Asia/Shanghai' },
  settlementDays: 1,
  calendar: cnCalendar,
};

const at = (iso: string) => new Date(iso);

describe('settlementDates: end of year', () => {
  it('TARGET, 31 December 2025 after the cut-off: executed 2 January 2026', () => {
    // 16:00 CET = 15:00Z.
    expect(settlementDates({ at: at('2025-12-31T15:00:00Z'), source: de, target: de })).toEqual({
      executionDate: '2026-01-02',
      valueDate: '2026-01-05',
      cutOffPassed: true,
      cutOff: '15:00 Europe/Berlin',
    });
    const sameDay = { ...de, settlementDays: 0 };
    expect(
      settlementDates({ at: at('2025-12-31T15:00:00Z'), source: sameDay, target: sameDay }).valueDate,
    ).toBe('2026-01-02');
  });

  it('TARGET, 31 December 2025 before the cut-off: executed the same day, value 2 January', () => {
    expect(settlementDates({ at: at('2025-12-31T13:59:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2025-12-31',
      valueDate: '2026-01-02',
      cutOffPassed: false,
    });
  });

  it('CNAPS, 31 December 2025 evening: executed on the working Sunday 4 January 2026', () => {
    // 20:00 in Beijing = 12:00Z. 1–3 January are closed; Sunday 4 January is an adjusted working day.
    expect(settlementDates({ at: at('2025-12-31T12:00:00Z'), source: cn, target: de })).toEqual({
      executionDate: '2026-01-04',
      valueDate: '2026-01-05',
      cutOffPassed: true,
      cutOff: '17:00 Asia/Shanghai',
    });
  });
});

describe('settlementDates: Chinese New Year 2026 (15–23 February closed)', () => {
  it('a CN→DE benefit instructed during the festival executes on the first CN working day after', () => {
    // Tuesday 17 February, 10:00 in Beijing.
    expect(settlementDates({ at: at('2026-02-17T02:00:00Z'), source: cn, target: de })).toEqual({
      executionDate: '2026-02-24',
      valueDate: '2026-02-25',
      cutOffPassed: false,
      cutOff: '17:00 Asia/Shanghai',
    });
  });

  it('the working Saturday 14 February counts as a CN business day', () => {
    // Saturday 14 February, 10:00 in Beijing: executed that day; D+1 on CNAPS is 24 February.
    expect(settlementDates({ at: at('2026-02-14T02:00:00Z'), source: cn, target: de })).toMatchObject({
      executionDate: '2026-02-14',
      valueDate: '2026-02-24',
    });
    // Friday 13 February after the cut-off (18:00 in Beijing): executed on the working Saturday.
    expect(settlementDates({ at: at('2026-02-13T10:00:00Z'), source: cn, target: de })).toMatchObject({
      executionDate: '2026-02-14',
      valueDate: '2026-02-24',
      cutOffPassed: true,
    });
  });

  it('a DE→CN contribution whose value date falls in the festival is value-dated after it', () => {
    // Friday 13 February, 10:00 in Frankfurt: TARGET D+1 is Monday 16 February, CNAPS is closed
    // until 23 February.
    expect(settlementDates({ at: at('2026-02-13T09:00:00Z'), source: de, target: cn })).toEqual({
      executionDate: '2026-02-13',
      valueDate: '2026-02-24',
      cutOffPassed: false,
      cutOff: '15:00 Europe/Berlin',
    });
    // Before the festival the value date stays: Thursday 12 February → Friday 13 February.
    expect(settlementDates({ at: at('2026-02-12T09:00:00Z'), source: de, target: cn }).valueDate).toBe(
      '2026-02-13',
    );
  });
});

describe('settlementDates: the cut-off, to the minute', () => {
  it('14:59 vs 15:00 Frankfurt on Monday 30 March 2026 (CEST, UTC+2)', () => {
    expect(settlementDates({ at: at('2026-03-30T12:59:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-03-30',
      valueDate: '2026-03-31',
      cutOffPassed: false,
    });
    expect(settlementDates({ at: at('2026-03-30T13:00:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-03-31',
      valueDate: '2026-04-01',
      cutOffPassed: true,
    });
  });

  it('the same UTC instant is before the cut-off in winter and after it in summer', () => {
    // 13:30Z is 14:30 CET on Friday 27 March and 15:30 CEST on Monday 30 March.
    expect(settlementDates({ at: at('2026-03-27T13:30:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-03-27',
      cutOffPassed: false,
    });
    expect(settlementDates({ at: at('2026-03-30T13:30:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-03-31',
      cutOffPassed: true,
    });
    // 14:59 CET = 13:59Z in winter.
    expect(settlementDates({ at: at('2026-03-27T13:59:00Z'), source: de, target: de }).cutOffPassed).toBe(
      false,
    );
    expect(settlementDates({ at: at('2026-03-27T14:00:00Z'), source: de, target: de }).cutOffPassed).toBe(
      true,
    );
  });

  it('after the cut-off on Maundy Thursday 2026 the next TARGET day is Tuesday 7 April', () => {
    expect(settlementDates({ at: at('2026-04-02T13:00:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-04-07',
      valueDate: '2026-04-08',
    });
  });

  it('on a closed day, before the cut-off time, the next business day executes', () => {
    // Saturday 4 April 2026, 10:00 in Frankfurt.
    expect(settlementDates({ at: at('2026-04-04T08:00:00Z'), source: de, target: de })).toMatchObject({
      executionDate: '2026-04-07',
      valueDate: '2026-04-08',
      cutOffPassed: false,
    });
  });
});

describe('settlementDates: outside the covered years', () => {
  it('refuses with calendar_not_covered naming the calendar and the year', () => {
    const run = (iso: string) => () => settlementDates({ at: at(iso), source: cn, target: de });
    expect(run('2027-01-04T02:00:00Z')).toThrow(GatewayError);
    expect(run('2027-01-04T02:00:00Z')).toThrow('Calendar cn-cnaps does not cover 2027');
    // 31 December 2026 after the cut-off: the next CNAPS business day would be in 2027.
    expect(run('2026-12-31T12:00:00Z')).toThrow('Calendar cn-cnaps does not cover 2027');
    try {
      run('2027-01-04T02:00:00Z')();
    } catch (error) {
      expect((error as GatewayError).code).toBe('calendar_not_covered');
    }
  });

  it('refuses when only the target calendar is not covered', () => {
    // DE→CN on 30 December 2026 after the cut-off: TARGET D+1 is 4 January 2027, beyond CNAPS data.
    expect(() => settlementDates({ at: at('2026-12-30T15:00:00Z'), source: de, target: cn })).toThrow(
      'Calendar cn-cnaps does not cover 2027',
    );
  });
});
