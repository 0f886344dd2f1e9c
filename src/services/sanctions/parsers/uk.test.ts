import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { SANCTIONS_FIXTURES_DIR } from '../../../../test/helpers/sanctions.ts';
import { parseUk, ukBirthDate } from './uk.ts';

const XML = readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'uk.xml'), 'utf8');

const rejection = (xml: string) => gatewayErrorOf(() => parseUk(xml));

describe('ukBirthDate', () => {
  it.each([
    ['08/05/1965', { date: '1965-05-08' }],
    ['dd/03/1959', { date: '1959-03' }],
    ['dd/mm/1958', { date: '1958' }],
    ['DD/MM/1958', { date: '1958' }],
  ])('%s', (text, expected) => {
    expect(ukBirthDate(text)).toEqual(expected);
  });

  it.each([['31/02/1960'], ['1960'], ['']])('%s is not read as a date', (text) => {
    expect(ukBirthDate(text)).toBeUndefined();
  });
});

describe('parseUk on the fixture', () => {
  const list = parseUk(XML);
  const byId = new Map(list.entries.map((entry) => [entry.id, entry]));

  it('reads every designation with its type, and DateGenerated', () => {
    expect(list.publishedAt).toBe('2026-03-04T00:00:00.000Z');
    expect(list.entries.map((entry) => [entry.id, entry.type])).toEqual([
      ['RUS9901', 'person'],
      ['AFG9901', 'person'],
      ['RUS9902', 'organization'],
      ['DPR9901', 'vessel'],
    ]);
  });

  it('joins Name1…Name6 (Name6 the family name), grades aliases and keeps non-Latin names', () => {
    expect(byId.get('RUS9901')?.names).toEqual([
      {
        full: 'Gorislav Timurovich VANTREKOV',
        kind: 'primary',
        given: 'Gorislav Timurovich',
        family: 'VANTREKOV',
      },
      {
        full: 'Gorislav VANTREKOFF',
        kind: 'aka',
        quality: 'strong',
        given: 'Gorislav',
        family: 'VANTREKOFF',
      },
      { full: 'Slava Vantrek', kind: 'aka', quality: 'weak' },
      { full: 'Горислав Тимурович ВАНТРЕКОВ', kind: 'original_script' },
    ]);
    // "Primary name" in another casing is still the primary name; a "variation" is an alias.
    expect(byId.get('AFG9901')?.names.map((name) => [name.full, name.kind])).toEqual([
      ['NUREDDIN HALQASIM ZARBALUDI', 'primary'],
      ['Nuruddin Zarbaloodi', 'aka'],
      ['نورالدین حلقاسم زربلودی', 'original_script'],
    ]);
  });

  it('reads birth dates, nationality, passports, national identifiers, addresses and the regime', () => {
    const person = byId.get('RUS9901');
    expect(person?.birthDates).toEqual([{ date: '1965-05-08' }]);
    expect(person?.countries).toEqual([
      { code: 'RU', kind: 'address' },
      { code: 'RU', kind: 'nationality' },
      { code: 'RU', kind: 'birth' },
    ]);
    expect(person?.identifiers).toEqual([{ type: 'Passport', number: '729905518', country: 'RU' }]);
    expect(person?.programs).toEqual(['The Russia (Sanctions) (EU Exit) Regulations 2019']);
    expect(person?.listedOn).toBe('2022-03-15');
    const other = byId.get('AFG9901');
    expect(other?.birthDates).toEqual([{ date: '1958' }, { date: '1959-03' }]);
    expect(other?.identifiers).toEqual([{ type: 'National Identifier', number: '44019958', country: 'AF' }]);
  });

  it('reads registration numbers of entities, and the IMO number and flag of ships', () => {
    expect(byId.get('RUS9902')?.identifiers).toEqual([
      { type: 'Business Registration Number', number: '1161690099021' },
    ]);
    expect(byId.get('DPR9901')).toMatchObject({
      identifiers: [{ type: 'IMO', number: '9990017' }],
      countries: [{ code: 'KP', kind: 'registration' }],
    });
  });
});

describe('parseUk refuses a broken file', () => {
  it('a download cut short', () => {
    const error = rejection(XML.slice(0, XML.lastIndexOf('<Designation>') + 30));
    expect(error.details).toMatchObject({ reason: 'xml_invalid', file: 'UK-Sanctions-List.xml' });
  });

  it('another format, no designations, a missing UniqueID or an unknown type', () => {
    expect(rejection('<export/>').details).toMatchObject({ reason: 'root_invalid' });
    expect(
      rejection('<Designations><DateGenerated>01/01/2026</DateGenerated></Designations>').details,
    ).toMatchObject({
      reason: 'no_entries',
    });
    expect(
      rejection(
        '<Designations><Designation><IndividualEntityShip>Entity</IndividualEntityShip></Designation></Designations>',
      ).details,
    ).toMatchObject({ reason: 'id_invalid' });
    expect(
      rejection(
        '<Designations><Designation><UniqueID>X1</UniqueID><IndividualEntityShip>Plane</IndividualEntityShip></Designation></Designations>',
      ).details,
    ).toMatchObject({ reason: 'type_invalid', entry: 'X1' });
  });
});
