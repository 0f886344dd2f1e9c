import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { SANCTIONS_FIXTURES_DIR } from '../../../../test/helpers/sanctions.ts';
import { sharedFile, skipMessage } from '../../../../test/helpers/shared-data.ts';
import { parseUn } from './un.ts';

const XML = readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'un.xml'), 'utf8');

const rejection = (xml: string) => gatewayErrorOf(() => parseUn(xml));

describe('parseUn on the fixture', () => {
  const list = parseUn(XML);
  const byId = new Map(list.entries.map((entry) => [entry.id, entry]));

  it('reads individuals and entities, and dateGenerated as publishedAt', () => {
    expect(list.publishedAt).toBe('2026-03-02T00:00:07.120Z');
    expect(list.entries.map((entry) => [entry.id, entry.type])).toEqual([
      ['9900001', 'person'],
      ['9900002', 'person'],
      ['9900003', 'person'],
      ['9900101', 'organization'],
      ['9900102', 'organization'],
    ]);
  });

  it('joins the name parts, keeps the original script and grades aliases', () => {
    expect(byId.get('9900001')?.names).toEqual([
      { full: 'KHARZUL ODMEN VESHTAR', kind: 'primary', given: 'KHARZUL', family: 'ODMEN VESHTAR' },
      { full: 'خرزل أودمن فشتار', kind: 'original_script' },
      { full: 'Kharzoul Odmane Veshtar', kind: 'aka', quality: 'strong' },
      { full: 'Abu Zemrak', kind: 'aka', quality: 'weak' },
    ]);
    expect(byId.get('9900002')?.names[1]).toEqual({ full: 'Зорян Талмиков', kind: 'original_script' });
  });

  it('reads exact, ranged and approximate birth dates', () => {
    expect(byId.get('9900001')?.birthDates).toEqual([{ date: '1966-07-02' }]);
    expect(byId.get('9900002')?.birthDates).toEqual([{ fromYear: 1958, toYear: 1960 }]);
    expect(byId.get('9900003')?.birthDates).toEqual([{ fromYear: 1974, toYear: 1976 }]);
  });

  it('reads nationality, place of birth, address and documents with their countries', () => {
    const person = byId.get('9900001');
    expect(person?.countries).toEqual([
      { code: 'SY', kind: 'nationality' },
      { code: 'SY', kind: 'birth' },
      { code: 'IQ', kind: 'address' },
    ]);
    expect(person?.identifiers).toEqual([{ type: 'Passport', number: 'N0097731', country: 'SY' }]);
    expect(byId.get('9900002')?.identifiers).toEqual([
      { type: 'National Identification Number', number: '5518 902117', country: 'RU' },
    ]);
    expect(person?.programs).toEqual(['Al-Qaida']);
    expect(person?.listedOn).toBe('2011-05-16');
    expect(byId.get('9900002')?.listedOn).toBe('2017-08-05');
  });

  it('reads entity aliases (a.k.a., f.k.a.) and splits two names written in one field', () => {
    expect(byId.get('9900101')?.names.map((name) => [name.full, name.kind])).toEqual([
      ['VESHTAR LOGISTICS NETWORK', 'primary'],
      ['شبكة فشتار للخدمات اللوجستية', 'original_script'],
      ['VLN Freight & Forwarding', 'aka'],
      ['Zemrak Transport Company', 'fka'],
    ]);
    expect(byId.get('9900102')?.names.map((name) => name.full)).toEqual([
      'KORVANTHE MINING COMPANY (KMC)',
      'GREAT VALLEY ORE TRADERS (GVOT)',
    ]);
    expect(byId.get('9900102')?.countries).toEqual([{ code: 'CD', kind: 'address' }]);
  });
});

describe('UN alias notes', () => {
  const aliases = (person: boolean, ...values: string[]) => {
    const tag = person ? 'INDIVIDUAL' : 'ENTITY';
    const group = person ? 'INDIVIDUALS' : 'ENTITIES';
    const xml = `<CONSOLIDATED_LIST><${group}><${tag}><DATAID>1</DATAID><FIRST_NAME>PETAR</FIRST_NAME><SECOND_NAME>IVKOV</SECOND_NAME>${values
      .map((value) => `<${tag}_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>${value}</ALIAS_NAME></${tag}_ALIAS>`)
      .join('')}</${tag}></${group}></CONSOLIDATED_LIST>`;
    return parseUn(xml)
      .entries[0]?.names.slice(1)
      .map((name) => [name.full, name.kind]);
  };

  it('turns a name in its own script into an original-script name', () => {
    expect(aliases(true, 'Zoran Velkov (Зоран Велков)', 'Abu Zoran (original script: Абу Зоран)')).toEqual([
      ['Zoran Velkov', 'aka'],
      ['Зоран Велков', 'original_script'],
      ['Abu Zoran', 'aka'],
      ['Абу Зоран', 'original_script'],
    ]);
  });

  it("leaves out a person's notes, birth dates and documents, and keeps names such as Born", () => {
    expect(
      aliases(
        true,
        'Zoran Velkovski (birth name)',
        'Zoran Velkov, born 1 Jan. 1953 (passport no. 0382, date of issue 4 May 2014.)',
        'Zoran Velkoff born in 1963',
        'Zoran Born',
      ),
    ).toEqual([
      ['Zoran Velkovski', 'aka'],
      ['Zoran Velkov', 'aka'],
      ['Zoran Velkoff', 'aka'],
      ['Zoran Born', 'aka'],
    ]);
  });

  it("keeps an organisation's acronym in parentheses", () => {
    expect(aliases(false, 'Velkov Trading Company (VTC)')).toEqual([['Velkov Trading Company (VTC)', 'aka']]);
  });
});

describe('parseUn refuses a broken file', () => {
  it('a download cut short, naming the line', () => {
    const error = rejection(XML.slice(0, XML.indexOf('<DATAID>9900002')));
    expect(error.code).toBe('sanctions_file_invalid');
    expect(error.details).toMatchObject({ reason: 'xml_invalid', file: 'consolidated.xml' });
    expect(error.details?.line).toEqual(expect.any(Number));
    expect(error.message).toMatch(/^consolidated\.xml, line \d+: the file ends before <\w+> is closed/);
    // Cut right inside a tag.
    const insideTag = rejection(XML.slice(0, XML.indexOf('<DATAID>9900002') + 1));
    expect(insideTag.message).toMatch(/the file ends inside a tag \(it is cut short\)/);
  });

  it('a document that is not well-formed in its middle, naming the line', () => {
    const error = rejection(XML.replace('</FIRST_NAME>', '</FIRST_NAMX>'));
    expect(error.message).toMatch(
      /^consolidated\.xml, line 10: not well-formed XML: Expected closing tag 'FIRST_NAME'/,
    );
    expect(error.details).toMatchObject({ reason: 'xml_invalid', line: 10 });
  });

  it('another XML document, an empty one, one without entries, and a DTD', () => {
    expect(rejection('<export></export>').details).toMatchObject({ reason: 'root_invalid' });
    expect(rejection('   ').details).toMatchObject({ reason: 'empty_file' });
    expect(
      rejection('<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>').details,
    ).toMatchObject({
      reason: 'no_entries',
    });
    expect(
      rejection('<!DOCTYPE x [<!ENTITY a "b">]><CONSOLIDATED_LIST></CONSOLIDATED_LIST>').details,
    ).toMatchObject({ reason: 'xml_invalid' });
  });

  it('an entry without DATAID or without a name', () => {
    expect(
      rejection(
        '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>A</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
      ).details,
    ).toMatchObject({ reason: 'id_invalid' });
    expect(
      rejection(
        '<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>',
      ).details,
    ).toMatchObject({ reason: 'name_missing', entry: '1' });
  });
});

const SHARED = sharedFile('sanctions/un/consolidated-dev.xml');
if (!SHARED) console.warn(skipMessage('sanctions/un/consolidated-dev.xml'));

describe.skipIf(!SHARED)('parseUn on the real UN development copy (shared data)', () => {
  const list = parseUn(readFileSync(SHARED ?? '', 'utf8'));

  it('reads every individual and entity', () => {
    expect(list.publishedAt).toBe('2026-02-27T00:00:09.554Z');
    expect(list.entries.filter((entry) => entry.type === 'person')).toHaveLength(527);
    expect(list.entries.filter((entry) => entry.type === 'organization')).toHaveLength(273);
  });

  it('reads ERIC BADEGE (6907993) as published', () => {
    expect(list.entries.find((entry) => entry.id === '6907993')).toMatchObject({
      type: 'person',
      names: [{ full: 'ERIC BADEGE', kind: 'primary' }],
      birthDates: [{ date: '1971' }],
      countries: [
        { code: 'CD', kind: 'nationality' },
        { code: 'RW', kind: 'address' },
      ],
      programs: ['DRC'],
      listedOn: '2012-12-31',
    });
  });

  it('keeps the original-script names (Arabic, Cyrillic) the copy carries', () => {
    const original = list.entries.flatMap((entry) =>
      entry.names.filter((name) => name.kind === 'original_script'),
    );
    expect(original.length).toBeGreaterThan(150);
    expect(original.some((name) => /\p{Script=Arabic}/u.test(name.full))).toBe(true);
    expect(original.some((name) => /\p{Script=Cyrillic}/u.test(name.full))).toBe(true);
  });
});
