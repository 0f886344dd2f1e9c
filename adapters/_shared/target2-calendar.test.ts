import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { businessCalendarSchema } from '../../src/ports/settlement.ts';
import {
  calendarDataProblems,
  fromDayNumber,
  isBusinessDay,
  toDayNumber,
} from '../../src/services/calendar/business-calendar.ts';
import { target2Calendar } from './target2-calendar.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sharedDataDir = process.env.PONTIS_SHARED_DATA_DIR ?? path.resolve(repoRoot, '../shared/data');
const ecbHistory = path.join(sharedDataDir, 'fx/ecb/eurofxref-hist.csv');
const ecbHistoryExists = existsSync(ecbHistory);
if (!ecbHistoryExists) {
  console.warn(`target2-calendar.test: ${ecbHistory} is missing; the ECB cross-check is skipped`);
}

/** Easter Sunday (anonymous Gregorian algorithm) as a day number. */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

const isWeekday = (day: number) => {
  const w = new Date(day * 86_400_000).getUTCDay();
  return w !== 0 && w !== 6;
};

describe('target2Calendar data', () => {
  it('is a valid, consistent calendar', () => {
    expect(businessCalendarSchema.parse(target2Calendar)).toEqual(target2Calendar);
    expect(calendarDataProblems(target2Calendar)).toEqual([]);
    expect(target2Calendar.coveredYears).toEqual({ from: 1999, to: 2030 });
  });

  it('matches the closing-day rules from 2002 to 2030', () => {
    for (let year = 2002; year <= 2030; year += 1) {
      const e = easter(year);
      const rule = [
        toDayNumber(`${year}-01-01`),
        e - 2,
        e + 1,
        toDayNumber(`${year}-05-01`),
        toDayNumber(`${year}-12-25`),
        toDayNumber(`${year}-12-26`),
      ]
        .filter(isWeekday)
        .map(fromDayNumber)
        .sort();
      expect(target2Calendar.closingDays.filter((d) => d.startsWith(`${year}-`))).toEqual(rule);
    }
  });

  it('has the special closing days of 1999 to 2001', () => {
    expect(target2Calendar.closingDays.filter((d) => d < '2002')).toEqual([
      '1999-01-01',
      '1999-12-31',
      '2000-04-21',
      '2000-04-24',
      '2000-05-01',
      '2000-12-25',
      '2000-12-26',
      '2001-01-01',
      '2001-04-13',
      '2001-04-16',
      '2001-05-01',
      '2001-12-25',
      '2001-12-26',
      '2001-12-31',
    ]);
  });

  it('spot checks', () => {
    expect(isBusinessDay(target2Calendar, '2026-04-03')).toBe(false); // Good Friday
    expect(isBusinessDay(target2Calendar, '2026-04-06')).toBe(false); // Easter Monday
    expect(isBusinessDay(target2Calendar, '2026-04-07')).toBe(true);
    expect(isBusinessDay(target2Calendar, '2025-12-24')).toBe(true);
    expect(isBusinessDay(target2Calendar, '2025-12-31')).toBe(true);
    expect(isBusinessDay(target2Calendar, '2026-01-03')).toBe(false); // Saturday
  });
});

describe.skipIf(!ecbHistoryExists)('target2Calendar against the ECB reference-rate history', () => {
  // The ECB publishes its euro foreign exchange reference rates on every TARGET business day and
  // only then. No exceptions were found in eurofxref-hist.csv (1999-01-04 … 2026-04-13): every
  // missing weekday is a listed closing day and every published date is a TARGET business day.
  // Should the ECB ever publish on a closing day or skip a business day, list the date here with
  // the reason instead of weakening the assertions.
  const knownPublishedOnClosingDays: readonly string[] = [];
  const knownSkippedBusinessDays: readonly string[] = [];

  const dates = ecbHistoryExists
    ? readFileSync(ecbHistory, 'utf8')
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.slice(0, line.indexOf(',')))
        .filter((date) => date.length > 0)
    : [];

  it('has one row per publication day, descending', () => {
    expect(dates.length).toBeGreaterThan(6900);
    for (let i = 1; i < dates.length; i += 1) expect((dates[i] ?? '') < (dates[i - 1] ?? '')).toBe(true);
    expect(dates.at(-1)).toBe('1999-01-04');
  });

  it('every published date is a TARGET business day', () => {
    const wrong = dates.filter(
      (date) => !isBusinessDay(target2Calendar, date) && !knownPublishedOnClosingDays.includes(date),
    );
    expect(wrong).toEqual([]);
  });

  it('every weekday without a publication is a TARGET closing day', () => {
    const published = new Set(dates);
    const first = toDayNumber(dates.at(-1) ?? '');
    const last = toDayNumber(dates[0] ?? '');
    const unexplained: string[] = [];
    let checkedClosingDays = 0;
    for (let day = first; day <= last; day += 1) {
      const date = fromDayNumber(day);
      if (!isWeekday(day) || published.has(date)) continue;
      checkedClosingDays += 1;
      if (isBusinessDay(target2Calendar, date) && !knownSkippedBusinessDays.includes(date)) {
        unexplained.push(date);
      }
    }
    expect(unexplained).toEqual([]);
    // Every listed closing day within the file's range was indeed skipped by the ECB.
    const listedInRange = target2Calendar.closingDays.filter(
      (d) => d >= (dates.at(-1) ?? '') && d <= (dates[0] ?? ''),
    );
    expect(checkedClosingDays).toBe(listedInRange.length);
  });
});
