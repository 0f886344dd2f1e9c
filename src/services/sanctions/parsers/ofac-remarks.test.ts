import { describe, expect, it } from 'vitest';
import { EntryBuilder } from './common.ts';
import { applyOfacRemarks, parseOfacBirthDate } from './ofac-remarks.ts';

describe('parseOfacBirthDate', () => {
  it.each([
    ['10 Dec 1948', { date: '1948-12-10' }],
    ['1 Jan 1960', { date: '1960-01-01' }],
    ['Dec 1948', { date: '1948-12' }],
    ['1954', { date: '1954' }],
    ['1954.', { date: '1954' }],
    ['circa 1960', { fromYear: 1959, toYear: 1961 }],
    ['circa 10 Jul 1960', { fromYear: 1959, toYear: 1961 }],
    ['circa 1955-1958', { fromYear: 1954, toYear: 1959 }],
    ['1954 to 1957', { fromYear: 1954, toYear: 1957 }],
    ['01 Jan 1960 to 31 Dec 1962', { fromYear: 1960, toYear: 1962 }],
    ['Mar 1956 to Feb 1957', { fromYear: 1956, toYear: 1957 }],
    ['01 Jan 1960 to 01 Jan 1960', { date: '1960-01-01' }],
  ])('DOB %s', (text, expected) => {
    expect(parseOfacBirthDate(text)).toEqual(expected);
  });

  it.each([['unknown'], ['32 Foo 1960'], ['Smarch 1960']])('DOB %s is not read as a date', (text) => {
    expect(parseOfacBirthDate(text)).toBeUndefined();
  });
});

describe('applyOfacRemarks', () => {
  function read(remarks: string) {
    const entry = new EntryBuilder('ofac', '1', 'person');
    entry.name({ full: 'ZZTEST, Primary', kind: 'primary' });
    applyOfacRemarks(remarks, entry);
    return entry.build();
  }

  it('reads birth dates, places of birth, nationality, citizenship and documents', () => {
    const entry = read(
      'DOB 10 Dec 1948; alt. DOB 1950; POB Tehran, Iran; nationality Iran; alt. citizen Iraq; Passport A1234 (Iran); alt. Passport B99 (Iraq) issued 2010 expires 2020; National ID No. 660000 73767 (Belgium); Cedula No. 16247821 (Colombia).',
    );
    expect(entry.birthDates).toEqual([{ date: '1948-12-10' }, { date: '1950' }]);
    expect(entry.countries).toEqual([
      { code: 'IR', kind: 'birth' },
      { code: 'IR', kind: 'nationality' },
      { code: 'IQ', kind: 'citizenship' },
    ]);
    expect(entry.identifiers).toEqual([
      { type: 'Passport', number: 'A1234', country: 'IR' },
      { type: 'Passport', number: 'B99', country: 'IQ' },
      { type: 'National ID No.', number: '660000 73767', country: 'BE' },
      { type: 'Cedula No.', number: '16247821', country: 'CO' },
    ]);
  });

  it("reads a.k.a. 'NAME' as a weak alias, f.k.a. as a weak former name", () => {
    const entry = read("a.k.a. 'THE FOX'; f.k.a. 'OLD CO'; Linked To: SOMETHING");
    expect(entry.names.slice(1)).toEqual([
      { full: 'THE FOX', kind: 'aka', quality: 'weak' },
      { full: 'OLD CO', kind: 'fka', quality: 'weak' },
    ]);
  });

  it('does not take phone numbers, crypto addresses, dates or sanctions notes for documents', () => {
    const entry = read(
      'Phone Number 8613314257947; Digital Currency Address - XBT 12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h; Organization Established Date 17 Dec 2016; Executive Order 13662 Directive Determination - Subject to Directive 2; Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; Gender Male',
    );
    expect(entry.identifiers).toEqual([]);
  });

  it('keeps vessel and company registration numbers', () => {
    const entry = read(
      'Vessel Registration Identification IMO 9187629; MMSI 572469210; Tax ID No. 100036386 (Serbia)',
    );
    expect(entry.identifiers).toEqual([
      { type: 'Vessel Registration Identification IMO', number: '9187629' },
      { type: 'MMSI', number: '572469210' },
      { type: 'Tax ID No.', number: '100036386', country: 'RS' },
    ]);
  });
});
