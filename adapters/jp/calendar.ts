/**
 * Zengin (Japanese Banks' Payment Clearing Network) business calendar, 2025 to 2027.
 *
 * Sources: the Act on National Holidays (国民の祝日に関する法律, Act No. 178 of 1948), art. 2 and 3,
 * as published by the Cabinet Office (内閣府「国民の祝日について」); the vernal and autumnal equinox
 * days from the National Astronomical Observatory's 暦要項 in the Official Gazette (2027's published
 * 1 February 2026); and the bank holidays of the Banking Act Enforcement Order art. 5 (31 December,
 * 2 and 3 January), on which Zengin's core system does not settle.
 *
 * Included (weekdays only; weekends are closed anyway): national holidays, substitute holidays
 * (振替休日, art. 3(2)), citizens' holidays between two holidays (国民の休日, art. 3(3), e.g.
 * 22 September 2026), and the bank holidays 31 December and 2–3 January.
 *
 * Not verified against a Zengin-Net publication: the dates were derived from the statute and
 * cross-checked against a third-party 2026 JPY settlement-holiday table, which matches exactly.
 * The 2027 equinox days (21 March, a Sunday → substitute Monday 22 March; 23 September) rest on
 * the 2027 暦要項.
 */
import type { BusinessCalendar } from '../../src/ports/settlement.ts';

export const jpCalendar = {
  id: 'jp-zengin',
  name: 'Zengin Data Telecommunication System',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: [
    // 2025
    '2025-01-01', // New Year's Day
    '2025-01-02', // bank holiday
    '2025-01-03', // bank holiday
    '2025-01-13', // Coming of Age Day
    '2025-02-11', // National Foundation Day
    '2025-02-24', // substitute for Emperor's Birthday (Sun 23 Feb)
    '2025-03-20', // Vernal Equinox Day
    '2025-04-29', // Shōwa Day
    '2025-05-05', // Children's Day
    '2025-05-06', // substitute for Greenery Day (Sun 4 May)
    '2025-07-21', // Marine Day
    '2025-08-11', // Mountain Day
    '2025-09-15', // Respect for the Aged Day
    '2025-09-23', // Autumnal Equinox Day
    '2025-10-13', // Sports Day
    '2025-11-03', // Culture Day
    '2025-11-24', // substitute for Labour Thanksgiving Day (Sun 23 Nov)
    '2025-12-31', // bank holiday
    // 2026
    '2026-01-01', // New Year's Day
    '2026-01-02', // bank holiday (3 January is a Saturday)
    '2026-01-12', // Coming of Age Day
    '2026-02-11', // National Foundation Day
    '2026-02-23', // Emperor's Birthday
    '2026-03-20', // Vernal Equinox Day
    '2026-04-29', // Shōwa Day
    '2026-05-04', // Greenery Day
    '2026-05-05', // Children's Day
    '2026-05-06', // substitute for Constitution Memorial Day (Sun 3 May)
    '2026-07-20', // Marine Day
    '2026-08-11', // Mountain Day
    '2026-09-21', // Respect for the Aged Day
    '2026-09-22', // citizens' holiday (between two holidays)
    '2026-09-23', // Autumnal Equinox Day
    '2026-10-12', // Sports Day
    '2026-11-03', // Culture Day
    '2026-11-23', // Labour Thanksgiving Day
    '2026-12-31', // bank holiday
    // 2027 (2 and 3 January are a weekend)
    '2027-01-01', // New Year's Day
    '2027-01-11', // Coming of Age Day
    '2027-02-11', // National Foundation Day
    '2027-02-23', // Emperor's Birthday
    '2027-03-22', // substitute for Vernal Equinox Day (Sun 21 Mar)
    '2027-04-29', // Shōwa Day
    '2027-05-03', // Constitution Memorial Day
    '2027-05-04', // Greenery Day
    '2027-05-05', // Children's Day
    '2027-07-19', // Marine Day
    '2027-08-11', // Mountain Day
    '2027-09-20', // Respect for the Aged Day
    '2027-09-23', // Autumnal Equinox Day
    '2027-10-11', // Sports Day
    '2027-11-03', // Culture Day
    '2027-11-23', // Labour Thanksgiving Day
    '2027-12-31', // bank holiday
  ],
  openDays: [],
  coveredYears: { from: 2025, to: 2027 },
  source:
    'Act on National Holidays (Act No. 178 of 1948) via Cabinet Office; NAOJ 暦要項 (equinoxes); Banking Act Enforcement Order art. 5 (bank holidays)',
} satisfies BusinessCalendar;
