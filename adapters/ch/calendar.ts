/**
 * SIX SIC (Swiss Interbank Clearing) business calendar, 2025 to 2027.
 *
 * Source: SIX Interbank Clearing, "SIC and euroSIC holidays" (the bank holidays on which SIC does
 * not settle CHF): New Year's Day (1 Jan), Berchtoldstag (2 Jan), Good Friday, Easter Monday,
 * Labour Day (1 May), Ascension Day, Whit Monday, Swiss National Day (1 Aug), Christmas Day (25 Dec)
 * and St Stephen's Day (26 Dec). 24 and 31 December are SIC business days.
 *
 * Included: those days that fall on a weekday (weekends are closed anyway); Easter by the
 * anonymous Gregorian algorithm, Ascension = Easter + 39, Whit Monday = Easter + 50.
 *
 * Not verified against the SIX publication itself (not reachable from here): the set of days is
 * the one commonly used for CHF settlement and matches a third-party 2026 CHF settlement-holiday
 * table exactly (including 1 May). Re-check against SIX before extending the covered years.
 */
import type { BusinessCalendar } from '../../src/ports/settlement.ts';

export const chCalendar = {
  id: 'ch-sic',
  name: 'SIX SIC (Swiss Interbank Clearing)',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: [
    // 2025
    '2025-01-01', // New Year's Day
    '2025-01-02', // Berchtoldstag
    '2025-04-18', // Good Friday
    '2025-04-21', // Easter Monday
    '2025-05-01', // Labour Day
    '2025-05-29', // Ascension Day
    '2025-06-09', // Whit Monday
    '2025-08-01', // National Day
    '2025-12-25', // Christmas Day
    '2025-12-26', // St Stephen's Day
    // 2026 (1 Aug and 26 Dec are Saturdays)
    '2026-01-01',
    '2026-01-02',
    '2026-04-03',
    '2026-04-06',
    '2026-05-01',
    '2026-05-14',
    '2026-05-25',
    '2026-12-25',
    // 2027 (2 Jan, 1 May, 1 Aug, 25 and 26 Dec fall on weekends)
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-06',
    '2027-05-17',
  ],
  openDays: [],
  coveredYears: { from: 2025, to: 2027 },
  source: 'SIX Interbank Clearing, SIC and euroSIC holidays (SIC bank holidays)',
} satisfies BusinessCalendar;
