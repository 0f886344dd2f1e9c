/**
 * Payments Canada Lynx business calendar, 2025 to 2027.
 *
 * Source: Payments Canada, Lynx Rules (Rule 2, "business day") and its published list of
 * non-business days (holidays observed by Payments Canada and the Bank of Canada): New Year's Day,
 * Good Friday, Victoria Day, Canada Day, Civic Holiday (first Monday of August), Labour Day,
 * National Day for Truth and Reconciliation (30 September, since 2021), Thanksgiving Day,
 * Remembrance Day, Christmas Day and Boxing Day. A holiday falling on a Saturday or Sunday is
 * observed on the next weekday that is not itself a holiday (so Christmas on a Saturday moves to
 * Monday and Boxing Day on a Sunday to Tuesday). Easter Monday and provincial days such as Family
 * Day or Saint-Jean-Baptiste are Lynx business days.
 *
 * Not verified against the Payments Canada publication itself (not reachable from here): the list
 * matches a third-party 2026 CAD settlement-holiday table except Family Day (16 Feb 2026), which
 * that table includes as an FX-market holiday but which is a provincial day, not a Lynx holiday.
 */
import type { BusinessCalendar } from '../../src/ports/settlement.ts';

export const caCalendar = {
  id: 'ca-lynx',
  name: 'Lynx (Payments Canada high-value payment system)',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: [
    // 2025
    '2025-01-01', // New Year's Day
    '2025-04-18', // Good Friday
    '2025-05-19', // Victoria Day
    '2025-07-01', // Canada Day
    '2025-08-04', // Civic Holiday
    '2025-09-01', // Labour Day
    '2025-09-30', // National Day for Truth and Reconciliation
    '2025-10-13', // Thanksgiving Day
    '2025-11-11', // Remembrance Day
    '2025-12-25', // Christmas Day
    '2025-12-26', // Boxing Day
    // 2026
    '2026-01-01',
    '2026-04-03',
    '2026-05-18',
    '2026-07-01',
    '2026-08-03',
    '2026-09-07',
    '2026-09-30',
    '2026-10-12',
    '2026-11-11',
    '2026-12-25',
    '2026-12-28', // Boxing Day (Sat 26 Dec) observed
    // 2027
    '2027-01-01',
    '2027-03-26',
    '2027-05-24',
    '2027-07-01',
    '2027-08-02',
    '2027-09-06',
    '2027-09-30',
    '2027-10-11',
    '2027-11-11',
    '2027-12-27', // Christmas Day (Sat 25 Dec) observed
    '2027-12-28', // Boxing Day (Sun 26 Dec) observed
  ],
  openDays: [],
  coveredYears: { from: 2025, to: 2027 },
  source:
    'Payments Canada, Lynx Rules and published non-business days (holidays observed by Payments Canada)',
} satisfies BusinessCalendar;
