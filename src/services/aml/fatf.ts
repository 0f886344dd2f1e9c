/**
 * The FATF public statements as data: which jurisdictions were "high-risk jurisdictions subject
 * to a call for action" (the black list) and which were "under increased monitoring" (the grey
 * list), from which statement on. A listing takes effect on the date of the statement that
 * announces it and ends on the date of the statement that removes it.
 *
 * Updating: after each FATF plenary (February, June, October) append one entry to
 * `GREY_LIST_CHANGES` (and `CALL_FOR_ACTION` if it changed) with the statement's date and the
 * ISO 3166-1 codes added and removed, and move `FATF_DATA_AS_OF` to that date; `fatf.test.ts`
 * checks the data is consistent. Source: https://www.fatf-gafi.org/en/countries/black-and-grey-lists.html
 */

export type FatfList = 'call_for_action' | 'increased_monitoring';

export interface FatfListing {
  code: string;
  list: FatfList;
  /** The date of the statement that listed it (or the first statement recorded here). */
  from: string;
  /** The date of the statement that removed it; absent while listed. */
  until?: string;
}

/**
 * The call for action. DPRK and Iran: under the statement of February 2020 (still in force);
 * Myanmar: added in October 2022. Listings before those dates are not recorded here.
 */
const CALL_FOR_ACTION: readonly FatfListing[] = [
  { code: 'KP', list: 'call_for_action', from: '2020-02-21' },
  { code: 'IR', list: 'call_for_action', from: '2020-02-21' },
  { code: 'MM', list: 'call_for_action', from: '2022-10-21' },
];

/**
 * Grey-list changes per statement. The first entry is the list as it stood after the statement of
 * 23 June 2023 (some of those jurisdictions were listed earlier; this data starts there).
 */
export const GREY_LIST_CHANGES: readonly { statement: string; added: string[]; removed: string[] }[] = [
  {
    statement: '2023-06-23',
    added: [
      'AL',
      'BB',
      'BF',
      'CM',
      'KY',
      'HR',
      'CD',
      'GI',
      'HT',
      'JM',
      'JO',
      'ML',
      'MZ',
      'NG',
      'PA',
      'PH',
      'SN',
      'ZA',
      'SS',
      'SY',
      'TZ',
      'TR',
      'UG',
      'AE',
      'VN',
      'YE',
    ],
    removed: [],
  },
  { statement: '2023-10-27', added: ['BG'], removed: ['AL', 'KY', 'JO', 'PA'] },
  { statement: '2024-02-23', added: ['KE', 'NA'], removed: ['BB', 'GI', 'UG', 'AE'] },
  { statement: '2024-06-28', added: ['MC', 'VE'], removed: ['JM', 'TR'] },
  { statement: '2024-10-25', added: ['DZ', 'AO', 'CI', 'LB'], removed: ['SN'] },
  { statement: '2025-02-21', added: ['LA', 'NP'], removed: ['PH'] },
  { statement: '2025-06-13', added: ['BO', 'VG'], removed: ['HR', 'ML', 'TZ'] },
  { statement: '2025-10-24', added: [], removed: ['BF', 'MZ', 'NG', 'ZA'] },
  { statement: '2026-02-13', added: ['KW', 'PG'], removed: [] },
  { statement: '2026-06-19', added: ['BA', 'IQ'], removed: ['DZ', 'NA'] },
];

/** The newest statement this data includes: listings after it are not known to the gateway. */
export const FATF_DATA_AS_OF = '2026-06-19';

function greyListings(): FatfListing[] {
  const open = new Map<string, FatfListing>();
  const closed: FatfListing[] = [];
  for (const change of GREY_LIST_CHANGES) {
    for (const code of change.removed) {
      const listing = open.get(code);
      if (!listing) throw new Error(`FATF data: ${code} removed on ${change.statement} but not listed`);
      closed.push({ ...listing, until: change.statement });
      open.delete(code);
    }
    for (const code of change.added) {
      if (open.has(code)) throw new Error(`FATF data: ${code} added on ${change.statement} twice`);
      open.set(code, { code, list: 'increased_monitoring', from: change.statement });
    }
  }
  return [...closed, ...open.values()];
}

export const FATF_LISTINGS: readonly FatfListing[] = [...CALL_FOR_ACTION, ...greyListings()];

/** The listing of a country on a day (`YYYY-MM-DD`); the call for action wins over the grey list. */
export function fatfListingOn(code: string, date: string): FatfListing | undefined {
  const current = FATF_LISTINGS.filter(
    (listing) =>
      listing.code === code && listing.from <= date && (listing.until === undefined || date < listing.until),
  );
  return current.find((listing) => listing.list === 'call_for_action') ?? current[0];
}

/** Every country on a list on a day, for the docs and the API. */
export function fatfListOn(list: FatfList, date: string): string[] {
  return FATF_LISTINGS.filter(
    (listing) =>
      listing.list === list && listing.from <= date && (listing.until === undefined || date < listing.until),
  )
    .map((listing) => listing.code)
    .sort();
}
