/**
 * BOK-Wire+ (Bank of Korea RTGS) business calendar, 2025 and 2026.
 *
 * Sources: Regulation on Holidays of Government Offices (관공서의 공휴일에 관한 규정) and the Act on
 * Public Holidays (공휴일에 관한 법률, substitute holidays), as announced by the Ministry of the
 * Interior and Safety and in the KASI 월력요항; temporary public holidays designated by the Cabinet;
 * the Public Official Election Act art. 34 (election days are public holidays); and the banks'
 * closing days (1 May Labour Day, 31 December year-end closing) on which BOK-Wire+ does not settle.
 *
 * Included (weekdays only; weekends are closed anyway):
 * 2025: 1 Jan; 27 Jan (temporary public holiday); Seollal 28–30 Jan; 3 Mar (substitute for Sat
 * 1 Mar); 1 May; 5 May (Children's Day and Buddha's Birthday) and 6 May (substitute); 3 Jun
 * (presidential election); 6 Jun; 15 Aug; 3 Oct; Chuseok 5–7 Oct (Sun–Tue) and 8 Oct (substitute);
 * 9 Oct; 25 Dec; 31 Dec.
 * 2026: 1 Jan; Seollal 16–18 Feb; 2 Mar (substitute for Sun 1 Mar); 1 May; 5 May; 25 May
 * (substitute for Buddha's Birthday, Sun 24 May); 3 Jun (local elections); 17 Jul (Constitution
 * Day, a public holiday again from 2026 by the amendment of the Act on Public Holidays passed on
 * 29 January 2026); 17 Aug (substitute for Sat 15 Aug); Chuseok 24–26 Sep (Thu–Sat, no substitute:
 * Saturdays do not trigger one for Chuseok); 5 Oct (substitute for Sat 3 Oct); 9 Oct; 25 Dec; 31 Dec.
 * Memorial Day (Sat 6 Jun 2026) has no substitute holiday.
 *
 * Not verified against a Bank of Korea publication: derived from the rules above and press reports
 * of the government's announcements. Temporary holidays declared later must be added here.
 */
import type { BusinessCalendar } from '../../src/ports/settlement.ts';

export const krCalendar = {
  id: 'kr-bok-wire',
  name: 'BOK-Wire+ (Bank of Korea Financial Wire Network)',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: [
    // 2025
    '2025-01-01',
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-03-03',
    '2025-05-01',
    '2025-05-05',
    '2025-05-06',
    '2025-06-03',
    '2025-06-06',
    '2025-08-15',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
    '2025-10-09',
    '2025-12-25',
    '2025-12-31',
    // 2026
    '2026-01-01',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-03-02',
    '2026-05-01',
    '2026-05-05',
    '2026-05-25',
    '2026-06-03',
    '2026-07-17',
    '2026-08-17',
    '2026-09-24',
    '2026-09-25',
    '2026-10-05',
    '2026-10-09',
    '2026-12-25',
    '2026-12-31',
  ],
  openDays: [],
  coveredYears: { from: 2025, to: 2026 },
  source:
    'Regulation on Holidays of Government Offices and Act on Public Holidays (MOIS announcements), Public Official Election Act art. 34, bank closing days 1 May and 31 December',
} satisfies BusinessCalendar;
