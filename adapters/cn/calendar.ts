/**
 * CNAPS business calendar (mainland China), 2025 and 2026.
 *
 * Source: the State Council General Office notices on public-holiday arrangements
 * (国务院办公厅关于2025年部分节假日安排的通知, 国办发明电〔2024〕12号, 12 November 2024; and
 * 国务院办公厅关于2026年部分节假日安排的通知, 4 November 2025). CNAPS settles on statutory working
 * days, which include the adjusted working days (调休) the notices declare on weekends.
 *
 * Included: `closingDays` lists only the weekdays (Mon–Fri) inside the holiday periods — weekend
 * days inside a period are closed anyway; `openDays` lists the weekend days declared working days.
 *
 * 2025: New Year 1 Jan; Spring Festival 28 Jan–4 Feb (working Sun 26 Jan, Sat 8 Feb); Qingming
 * 4–6 Apr; Labour Day 1–5 May (working Sun 27 Apr); Dragon Boat 31 May–2 Jun; National Day and
 * Mid-Autumn 1–8 Oct (working Sun 28 Sep, Sat 11 Oct).
 * 2026: New Year 1–3 Jan (working Sun 4 Jan); Spring Festival 15–23 Feb (working Sat 14 Feb,
 * Sat 28 Feb); Qingming 4–6 Apr; Labour Day 1–5 May (working Sat 9 May); Dragon Boat 19–21 Jun;
 * Mid-Autumn 25–27 Sep; National Day 1–7 Oct (working Sun 20 Sep, Sat 10 Oct).
 */
import type { BusinessCalendar } from '../../src/ports/settlement.ts';

export const cnCalendar = {
  id: 'cn-cnaps',
  name: 'China National Advanced Payment System (CNAPS)',
  businessDays: [1, 2, 3, 4, 5],
  closingDays: [
    // 2025
    '2025-01-01',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-02-03',
    '2025-02-04',
    '2025-04-04',
    '2025-05-01',
    '2025-05-02',
    '2025-05-05',
    '2025-06-02',
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
    // 2026
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
    '2026-04-06',
    '2026-05-01',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  openDays: [
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
  coveredYears: { from: 2025, to: 2026 },
  source:
    'State Council General Office notices on public-holiday arrangements for 2025 (12 Nov 2024) and 2026 (4 Nov 2025)',
} satisfies BusinessCalendar;
