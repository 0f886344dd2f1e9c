import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { fixtureFiles } from '../../../../test/helpers/sanctions.ts';
import { ofacFileSet, parseSanctionsFiles, sanctionsSource } from './index.ts';

const rejection = gatewayErrorOf;

describe('sanctionsSource', () => {
  it('accepts the four lists in any case', () => {
    expect(sanctionsSource('ofac')).toBe('ofac');
    expect(sanctionsSource(' UK ')).toBe('uk');
  });

  it('refuses anything else with sanctions_source_unknown', () => {
    const error = rejection(() => sanctionsSource('interpol'));
    expect(error.code).toBe('sanctions_source_unknown');
    expect(error.status).toBe(400);
    expect(error.details).toEqual({ source: 'interpol', known: ['ofac', 'un', 'eu', 'uk'] });
  });
});

describe('parseSanctionsFiles', () => {
  it('parses each fixture list from its bytes', () => {
    for (const source of ['ofac', 'un', 'eu', 'uk'] as const) {
      expect(parseSanctionsFiles(source, fixtureFiles(source)).source).toBe(source);
    }
  });

  it('takes the OFAC files by their names and a bare buffer as sdn.csv alone', () => {
    const files = fixtureFiles('ofac') as Record<string, Uint8Array>;
    expect(Object.keys(ofacFileSet(files)).sort()).toEqual(['add', 'alt', 'comments', 'sdn']);
    const sdn = files['sdn.csv'] ?? new Uint8Array();
    expect(ofacFileSet(sdn)).toEqual({ sdn });
    expect(parseSanctionsFiles('ofac', sdn).entries).toHaveLength(6);
  });

  it('names the file in messages, the publisher’s name unless told otherwise', () => {
    const cut = (fixtureFiles('uk') as Uint8Array).slice(0, 900);
    expect(rejection(() => parseSanctionsFiles('uk', cut)).details).toMatchObject({
      file: 'UK-Sanctions-List.xml',
    });
    expect(rejection(() => parseSanctionsFiles('uk', cut, 'uk-2026-03.xml')).details).toMatchObject({
      file: 'uk-2026-03.xml',
    });
  });

  it('refuses XML that is not UTF-8, and an OFAC set without sdn.csv', () => {
    expect(
      rejection(() => parseSanctionsFiles('un', new Uint8Array([0x3c, 0xc3, 0x28, 0x3e]))).details,
    ).toMatchObject({
      reason: 'encoding_invalid',
    });
    expect(
      rejection(() => parseSanctionsFiles('ofac', { 'alt.csv': new Uint8Array([0x31]) })).details,
    ).toMatchObject({
      reason: 'empty_file',
      file: 'sdn.csv',
    });
    expect(
      rejection(() => parseSanctionsFiles('eu', { a: new Uint8Array(), b: new Uint8Array() })).details,
    ).toMatchObject({
      reason: 'empty_file',
    });
  });
});
