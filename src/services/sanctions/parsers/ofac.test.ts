import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { SANCTIONS_FIXTURES_DIR } from '../../../../test/helpers/sanctions.ts';
import { sharedFile, skipMessage } from '../../../../test/helpers/shared-data.ts';
import { decodeLatin1, type OfacFiles, parseOfac } from './ofac.ts';

function fixture(name: string): string {
  return decodeLatin1(readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'ofac', name)));
}

const FILES: OfacFiles = {
  sdn: fixture('sdn.csv'),
  alt: fixture('alt.csv'),
  add: fixture('add.csv'),
  comments: fixture('sdn_comments.csv'),
};

const rejection = (files: OfacFiles) => gatewayErrorOf(() => parseOfac(files));

describe('parseOfac on the fixtures', () => {
  const list = parseOfac(FILES);
  const byId = new Map(list.entries.map((entry) => [entry.id, entry]));

  it('reads every entry with its type', () => {
    expect(list.source).toBe('ofac');
    expect(list.entries.map((entry) => [entry.id, entry.type])).toEqual([
      ['9000101', 'person'],
      ['9000102', 'person'],
      ['9000103', 'person'],
      ['9000104', 'organization'],
      ['9000105', 'vessel'],
      ['9000106', 'person'],
    ]);
    expect(list.publishedAt).toBeUndefined();
  });

  it('splits LAST, First for people, adds alt.csv aliases and the weak aliases of Remarks', () => {
    expect(byId.get('9000101')?.names).toEqual([
      { full: 'QUORVAL, Dravik Ostemir', kind: 'primary', family: 'QUORVAL', given: 'Dravik Ostemir' },
      { full: 'OSTEMIR, Dravik', kind: 'aka', family: 'OSTEMIR', given: 'Dravik', quality: 'strong' },
      { full: 'QUORWAL, Drawik', kind: 'aka', family: 'QUORWAL', given: 'Drawik', quality: 'strong' },
      { full: 'DRAVO', kind: 'aka', quality: 'weak' },
    ]);
    expect(byId.get('9000104')?.names.map((name) => [name.full, name.kind, name.quality])).toEqual([
      ['ZANTHERION TRADING CO., LTD.', 'primary', undefined],
      ['ZANTHERION TRADING COMPANY LIMITED', 'aka', 'strong'],
      ['ZTC GLOBAL SUPPLY', 'nka', 'strong'],
      ['ZTC', 'aka', 'weak'],
    ]);
    expect(byId.get('9000102')?.names[1]).toMatchObject({ full: 'BELLSTRADE-KORIN, Ynara', kind: 'fka' });
  });

  it('decodes Latin-1 names', () => {
    expect(byId.get('9000103')?.names[0]?.full).toBe('PÉRVALO CASTRIND, Oskeno');
  });

  it('reads birth dates, countries, documents and programmes', () => {
    const person = byId.get('9000101');
    expect(person?.birthDates).toEqual([{ date: '1961-03-14' }, { date: '1962' }]);
    expect(person?.countries).toEqual([
      { code: 'IR', kind: 'address' },
      { code: 'IR', kind: 'birth' },
      { code: 'IR', kind: 'nationality' },
    ]);
    expect(person?.identifiers).toEqual([
      { type: 'Passport', number: 'Q7731904', country: 'IR' },
      { type: 'National ID No.', number: '0077-331-904', country: 'IR' },
    ]);
    expect(person?.programs).toEqual(['SDGT', 'IRGC']);
    expect(byId.get('9000102')?.birthDates).toEqual([{ fromYear: 1969, toYear: 1971 }]);
    expect(byId.get('9000103')?.birthDates).toEqual([{ fromYear: 1954, toYear: 1957 }]);
    expect(byId.get('9000104')?.countries).toEqual([
      { code: 'MM', kind: 'address' },
      { code: 'CN', kind: 'address' },
    ]);
  });

  it('reads a vessel’s call sign, flag, IMO and MMSI', () => {
    const vessel = byId.get('9000105');
    expect(vessel?.countries).toEqual([{ code: 'KP', kind: 'registration' }]);
    expect(vessel?.identifiers).toEqual([
      { type: 'Call Sign', number: 'HMPQ7' },
      { type: 'Vessel Registration Identification IMO', number: '9900105' },
      { type: 'MMSI', number: '445990105' },
    ]);
  });

  it('joins sdn_comments.csv to the Remarks it continues, mid-word, and reads what it adds', () => {
    const person = byId.get('9000102');
    expect(person?.remarks).toContain(
      'Linked To: VELTHORN HOLDINGS LIMITED; alt. Passport 7719004413 (Russia).',
    );
    expect(person?.identifiers.map((id) => id.number)).toEqual(['7719004412', '771900441299', '7719004413']);
  });

  it('reads sdn.csv alone (the other files are optional)', () => {
    const alone = parseOfac({ sdn: FILES.sdn });
    expect(alone.entries).toHaveLength(6);
    expect(alone.entries[0]?.names.map((name) => name.full)).toEqual(['QUORVAL, Dravik Ostemir', 'DRAVO']);
  });
});

describe('parseOfac refuses a broken file set', () => {
  it('a file cut inside a quoted field', () => {
    const cut = FILES.sdn.slice(0, FILES.sdn.indexOf('BELLSTRADE') + 40);
    expect(rejection({ ...FILES, sdn: cut }).details).toMatchObject({
      reason: 'csv_unterminated_quote',
      file: 'sdn.csv',
      line: 2,
    });
  });

  it('a row cut between fields (too few columns), naming its line', () => {
    const lines = FILES.sdn.split('\r\n');
    const broken = [...lines.slice(0, 3), lines[3]?.split(',').slice(0, 5).join(','), ...lines.slice(4)].join(
      '\r\n',
    );
    const error = rejection({ ...FILES, sdn: broken });
    expect(error.code).toBe('sanctions_file_invalid');
    expect(error.details).toMatchObject({ reason: 'column_count', file: 'sdn.csv', line: 4 });
    expect(error.message).toMatch(/sdn\.csv, line 4: expected 12 columns, found 4 /);
  });

  it('a file with the wrong columns (alt.csv given as sdn.csv)', () => {
    expect(rejection({ sdn: FILES.alt ?? '' }).details).toMatchObject({ reason: 'column_count', line: 1 });
  });

  it('an empty file, or one with no entries', () => {
    expect(rejection({ sdn: '' }).details).toMatchObject({ reason: 'empty_file' });
    expect(rejection({ sdn: '\r\n\u001a' }).details).toMatchObject({ reason: 'no_entries' });
  });

  it('an alias of an entry that sdn.csv does not list (files of different editions)', () => {
    const error = rejection({ ...FILES, alt: `${FILES.alt?.slice(0, -1)}77,1,"aka","X",-0- \r\n` });
    expect(error.details).toMatchObject({ reason: 'unknown_entry', file: 'alt.csv', entry: '77', line: 7 });
  });

  it('an unknown SDN_Type, a duplicate ent_num and a non-numeric ent_num', () => {
    expect(
      rejection({ sdn: '1,"X","spaceship","P",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n' }).details,
    ).toMatchObject({
      reason: 'type_invalid',
      line: 1,
    });
    const row = '1,"X",-0- ,"P",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n';
    expect(rejection({ sdn: row + row }).details).toMatchObject({ reason: 'duplicate_id', line: 2 });
    expect(rejection({ sdn: row.replace(/^1/, 'x1') }).details).toMatchObject({ reason: 'id_invalid' });
  });
});

const SHARED = {
  sdn: sharedFile('sanctions/ofac/sdn.csv'),
  alt: sharedFile('sanctions/ofac/alt.csv'),
  add: sharedFile('sanctions/ofac/add.csv'),
  comments: sharedFile('sanctions/ofac/sdn_comments.csv'),
};
const haveShared = Object.values(SHARED).every((file) => file !== undefined);
if (!haveShared) console.warn(skipMessage('sanctions/ofac/sdn.csv'));

describe.skipIf(!haveShared)('parseOfac on the real OFAC SDN list (shared data)', () => {
  const read = (file: string | undefined) => decodeLatin1(readFileSync(file ?? ''));
  const list = parseOfac({
    sdn: read(SHARED.sdn),
    alt: read(SHARED.alt),
    add: read(SHARED.add),
    comments: read(SHARED.comments),
  });

  it('reads all 8,976 entries and all 11,910 aliases of alt.csv', () => {
    expect(list.entries).toHaveLength(8976);
    const strongAliases = list.entries.flatMap((entry) =>
      entry.names.filter((name) => name.kind !== 'primary' && name.quality === 'strong'),
    );
    // Six rows of alt.csv repeat a name their entry already has (checked by hand); each is kept once.
    expect(strongAliases).toHaveLength(11910 - 6);
    const types = new Map<string, number>();
    for (const entry of list.entries) types.set(entry.type, (types.get(entry.type) ?? 0) + 1);
    expect(Object.fromEntries(types)).toEqual({
      organization: 3673,
      person: 4620,
      vessel: 406,
      aircraft: 277,
    });
  });

  it('reads AEROCARIBBEAN AIRLINES (ent_num 36) as published', () => {
    const entry = list.entries.find((item) => item.id === '36');
    expect(entry).toMatchObject({
      type: 'organization',
      programs: ['CUBA'],
      names: [
        { full: 'AEROCARIBBEAN AIRLINES', kind: 'primary' },
        { full: 'AERO-CARIBBEAN', kind: 'aka', quality: 'strong' },
      ],
      countries: [{ code: 'CU', kind: 'address' }],
    });
  });

  it('joins the Remarks continued in sdn_comments.csv', () => {
    const entry = list.entries.find((item) => item.id === '28264');
    expect(entry?.remarks).toContain('Phone Number 8613314257947');
    expect(entry?.identifiers).toContainEqual({
      type: 'Identification Number',
      number: '210302198701102136',
      country: 'CN',
    });
    expect(entry?.names.filter((name) => name.quality === 'weak').map((name) => name.full)).toEqual([
      'blackjack1987',
      'khaleesi',
    ]);
  });

  it('finds a birth date for almost every person and a country for most entries', () => {
    const people = list.entries.filter((entry) => entry.type === 'person');
    const withDate = people.filter((entry) => entry.birthDates.length > 0).length;
    expect(withDate / people.length).toBeGreaterThan(0.95);
    const withCountry = list.entries.filter((entry) => entry.countries.length > 0).length;
    expect(withCountry / list.entries.length).toBeGreaterThan(0.9);
  });
});
