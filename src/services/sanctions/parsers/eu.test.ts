import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatewayErrorOf } from '../../../../test/helpers/errors.ts';
import { SANCTIONS_FIXTURES_DIR } from '../../../../test/helpers/sanctions.ts';
import { parseEu } from './eu.ts';

const XML = readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'eu.xml'), 'utf8');

const rejection = (xml: string) => gatewayErrorOf(() => parseEu(xml));

const entity = (body: string) =>
  `<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01T00:00:00Z">${body}</export>`;

describe('parseEu on the fixture', () => {
  const list = parseEu(XML);
  const byId = new Map(list.entries.map((entry) => [entry.id, entry]));

  it('reads every sanctionEntity (default namespace) with its type, and generationDate', () => {
    expect(list.publishedAt).toBe('2026-03-03T16:05:41.402Z');
    expect(list.entries.map((entry) => [entry.id, entry.type])).toEqual([
      ['990011', 'person'],
      ['990022', 'person'],
      ['990033', 'person'],
      ['990044', 'organization'],
    ]);
  });

  it('takes the first strong Latin name as primary; other scripts are original-script names; weak aliases are weak', () => {
    expect(byId.get('990011')?.names).toEqual([
      {
        full: 'Veslomir Arkadyevich Drunskoy',
        kind: 'primary',
        given: 'Veslomir Arkadyevich',
        family: 'Drunskoy',
      },
      { full: 'Весломир Аркадьевич Друнской', kind: 'original_script' },
      { full: 'Veslomir Drunskoi', kind: 'aka', quality: 'strong', given: 'Veslomir', family: 'Drunskoi' },
      { full: 'Vesko', kind: 'aka', quality: 'weak' },
    ]);
    expect(byId.get('990033')?.names[1]).toEqual({ full: 'طارق كوينداريل', kind: 'original_script' });
  });

  it('reads birth dates (exact, circa, year range), citizenship, documents, addresses and programmes', () => {
    const person = byId.get('990011');
    expect(person?.birthDates).toEqual([{ date: '1968-09-21' }]);
    expect(person?.countries).toEqual([
      { code: 'RU', kind: 'birth' },
      { code: 'RU', kind: 'citizenship' },
      { code: 'RU', kind: 'address' },
    ]);
    expect(person?.identifiers).toEqual([
      { type: 'National passport', number: '751199027', country: 'RU' },
      { type: 'Tax Identification Number', number: '770199027721', country: 'RU' },
    ]);
    expect(person?.programs).toEqual(['RUS']);
    expect(person?.listedOn).toBe('2022-03-09');
    expect(byId.get('990022')?.birthDates).toEqual([{ fromYear: 1973, toYear: 1975 }]);
    // countryIso2Code "00" is the file's "unknown", not a country.
    expect(byId.get('990022')?.countries).toEqual([{ code: 'BY', kind: 'citizenship' }]);
    expect(byId.get('990033')?.birthDates).toEqual([{ fromYear: 1963, toYear: 1965 }]);
    expect(byId.get('990044')?.identifiers).toEqual([
      { type: 'Registration Number', number: '1190099044', country: 'RU' },
    ]);
  });

  it('reads a year and month without a day', () => {
    const list = parseEu(
      entity(
        '<sanctionEntity logicalId="1"><subjectType code="person"/><nameAlias wholeName="Zz Test" strong="true"/><birthdate year="1970" monthOfYear="4"/></sanctionEntity>',
      ),
    );
    expect(list.entries[0]?.birthDates).toEqual([{ date: '1970-04' }]);
  });

  it('makes the first name primary when no strong Latin name is given', () => {
    const list = parseEu(
      entity(
        '<sanctionEntity logicalId="2"><subjectType code="enterprise"/><nameAlias wholeName="Weak Only Co" strong="false"/></sanctionEntity>',
      ),
    );
    expect(list.entries[0]?.names).toEqual([{ full: 'Weak Only Co', kind: 'primary' }]);
  });
});

describe('parseEu refuses a broken file', () => {
  it('a download cut short', () => {
    const error = rejection(XML.slice(0, Math.floor(XML.length / 2)));
    expect(error.details).toMatchObject({ reason: 'xml_invalid', file: 'xmlFullSanctionsList_1_1.xml' });
  });

  it('another format, no entries, a missing logicalId or an unknown subject type', () => {
    expect(rejection('<CONSOLIDATED_LIST/>').details).toMatchObject({ reason: 'root_invalid' });
    expect(rejection(entity('')).details).toMatchObject({ reason: 'no_entries' });
    expect(
      rejection(entity('<sanctionEntity><subjectType code="person"/></sanctionEntity>')).details,
    ).toMatchObject({
      reason: 'id_invalid',
    });
    expect(
      rejection(
        entity(
          '<sanctionEntity logicalId="3"><subjectType code="spaceship"/><nameAlias wholeName="X"/></sanctionEntity>',
        ),
      ).details,
    ).toMatchObject({ reason: 'type_invalid', entry: '3' });
  });
});
