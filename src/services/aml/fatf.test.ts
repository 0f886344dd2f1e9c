import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { FATF_DATA_AS_OF, FATF_LISTINGS, fatfListingOn, fatfListOn, GREY_LIST_CHANGES } from './fatf.ts';

describe('FATF data', () => {
  it('lists valid ISO 3166-1 codes, statements in order, the newest one as the data date', () => {
    for (const listing of FATF_LISTINGS) expect(countries.isValid(listing.code), listing.code).toBe(true);
    const statements = GREY_LIST_CHANGES.map((change) => change.statement);
    expect([...statements].sort()).toEqual(statements);
    expect(statements.at(-1)).toBe(FATF_DATA_AS_OF);
    for (const listing of FATF_LISTINGS) if (listing.until) expect(listing.until > listing.from).toBe(true);
  });

  it('gives the lists of the public statements', () => {
    expect(fatfListOn('call_for_action', FATF_DATA_AS_OF)).toEqual(['IR', 'KP', 'MM']);
    // June 2026: Bosnia and Herzegovina and Iraq added, Algeria and Namibia removed (22 jurisdictions).
    expect(fatfListOn('increased_monitoring', '2026-06-19')).toEqual([
      'AO',
      'BA',
      'BG',
      'BO',
      'CD',
      'CI',
      'CM',
      'HT',
      'IQ',
      'KE',
      'KW',
      'LA',
      'LB',
      'MC',
      'NP',
      'PG',
      'SS',
      'SY',
      'VE',
      'VG',
      'VN',
      'YE',
    ]);
    // October 2025: Burkina Faso, Mozambique, Nigeria and South Africa removed (20 jurisdictions).
    expect(fatfListOn('increased_monitoring', '2025-10-24')).toHaveLength(20);
    expect(fatfListOn('increased_monitoring', '2025-10-23')).toContain('ZA');
  });

  it('prefers the call for action and knows nothing of a country never listed', () => {
    expect(fatfListingOn('MM', '2026-01-01')?.list).toBe('call_for_action');
    expect(fatfListingOn('MM', '2022-10-20')).toBeUndefined();
    expect(fatfListingOn('DE', FATF_DATA_AS_OF)).toBeUndefined();
  });
});
