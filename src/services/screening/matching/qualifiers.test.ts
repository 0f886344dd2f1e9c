import { describe, expect, it } from 'vitest';
import type { SanctionsEntry } from '../../../ports/sanctions.ts';
import { applyQualifiers, identifierKey, parsePartialDate, QUALIFIER_EFFECTS } from './qualifiers.ts';

const THRESHOLDS = { review: 0.8, block: 0.93 };

function entry(overrides: Partial<SanctionsEntry> = {}): SanctionsEntry {
  return {
    source: 'ofac',
    id: '1',
    type: 'person',
    names: [{ full: 'QUORVAL, Dravik', kind: 'primary' }],
    birthDates: [],
    countries: [],
    identifiers: [],
    programs: [],
    ...overrides,
  };
}

const effects = (query: Parameters<typeof applyQualifiers>[0], listed: SanctionsEntry, nameScore = 0.85) =>
  applyQualifiers(query, listed, nameScore, THRESHOLDS);

describe('parsePartialDate', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD, and nothing else', () => {
    expect(parsePartialDate('1961')).toEqual({ year: 1961 });
    expect(parsePartialDate('1961-03')).toEqual({ year: 1961, month: 3 });
    expect(parsePartialDate('1961-03-05')).toEqual({ year: 1961, month: 3, day: 5 });
    expect(parsePartialDate('05.03.1961')).toBeUndefined();
    expect(parsePartialDate(undefined)).toBeUndefined();
  });
});

describe('birth date', () => {
  const listed = entry({ birthDates: [{ date: '1961-03-05' }] });

  it('raises an equal date most, an equal year less', () => {
    expect(effects({ birthDate: '1961-03-05' }, listed).qualifiers).toEqual([
      {
        qualifier: 'birth_date',
        effect: QUALIFIER_EFFECTS.birthDateEqual,
        detail: 'birth date equals a listed birth date',
      },
    ]);
    expect(effects({ birthDate: '1961' }, listed).qualifiers[0]?.effect).toBe(
      QUALIFIER_EFFECTS.birthYearEqual,
    );
  });

  it('leaves a year or two apart neutral, lowers a few years, lowers more beyond five', () => {
    expect(effects({ birthDate: '1963' }, listed).qualifiers[0]?.effect).toBe(0);
    expect(effects({ birthDate: '1965' }, listed).qualifiers[0]?.effect).toBe(
      QUALIFIER_EFFECTS.birthYearApart,
    );
    const far = effects({ birthDate: '1990-01-01' }, listed);
    expect(far.qualifiers[0]?.effect).toBe(QUALIFIER_EFFECTS.birthYearFar);
    expect(far.score).toBeCloseTo(0.85 + QUALIFIER_EFFECTS.birthYearFar, 6);
  });

  it('honours listed ranges and circa years, and takes the best of several listed dates', () => {
    const range = entry({ birthDates: [{ fromYear: 1954, toYear: 1957 }] });
    expect(effects({ birthDate: '1956' }, range).qualifiers[0]).toMatchObject({
      effect: QUALIFIER_EFFECTS.birthYearInRange,
    });
    const several = entry({ birthDates: [{ date: '1970' }, { date: '1961' }] });
    expect(effects({ birthDate: '1961' }, several).qualifiers[0]?.effect).toBe(
      QUALIFIER_EFFECTS.birthYearEqual,
    );
  });

  it('does nothing without a listed or a query date', () => {
    expect(effects({ birthDate: '1961' }, entry()).qualifiers).toEqual([]);
    expect(effects({}, listed).qualifiers).toEqual([]);
  });
});

describe('countries', () => {
  const listed = entry({
    countries: [
      { code: 'IQ', kind: 'nationality' },
      { code: 'SY', kind: 'address' },
    ],
  });

  it('raises a little when one matches, lowers a little when none does', () => {
    expect(effects({ countries: ['iq'] }, listed).qualifiers).toEqual([
      { qualifier: 'country', effect: QUALIFIER_EFFECTS.countryMatch, detail: 'listed nationality matches' },
    ]);
    expect(effects({ countries: ['DE', 'FR'] }, listed).qualifiers).toEqual([
      {
        qualifier: 'country',
        effect: QUALIFIER_EFFECTS.countryNoMatch,
        detail: 'no listed country matches (listed: IQ, SY)',
      },
    ]);
  });
});

describe('entity type', () => {
  it('lowers a person against an organisation strongly', () => {
    const organisation = entry({ type: 'organization' });
    const result = effects({ type: 'person' }, organisation, 0.95);
    expect(result.qualifiers).toEqual([
      { qualifier: 'type', effect: QUALIFIER_EFFECTS.typeMismatch, detail: 'listed as an organization' },
    ]);
    expect(result.score).toBeLessThan(THRESHOLDS.review);
    expect(effects({ type: 'person' }, entry()).qualifiers).toEqual([]);
  });
});

describe('identifiers', () => {
  const listed = entry({ identifiers: [{ type: 'Passport', number: 'A1234567', country: 'IQ' }] });

  it('compares numbers without spaces, dots, dashes or case', () => {
    expect(identifierKey('a-123 456.7')).toBe('A1234567');
  });

  it('lifts an equal number above the block threshold when the name matches', () => {
    const result = effects({ identifiers: [{ number: 'a 1234567' }] }, listed, 0.7);
    expect(result.score).toBeGreaterThanOrEqual(THRESHOLDS.block);
    expect(result.qualifiers).toEqual([
      {
        qualifier: 'identifier',
        effect: expect.closeTo(result.score - 0.7, 6),
        detail: 'Passport number equals the listed one',
      },
    ]);
  });

  it('lifts only to review when the names differ, and ignores short numbers', () => {
    expect(effects({ identifiers: [{ number: 'A1234567' }] }, listed, 0.2).score).toBe(THRESHOLDS.review);
    const short = entry({ identifiers: [{ type: 'ID', number: '123' }] });
    expect(effects({ identifiers: [{ number: '123' }] }, short, 0.7).qualifiers).toEqual([]);
  });
});

describe('details', () => {
  it('quote only listed values, never the query', () => {
    const listed = entry({
      birthDates: [{ date: '1961-03-05' }],
      countries: [{ code: 'IQ', kind: 'nationality' }],
      identifiers: [{ type: 'Passport', number: 'A1234567' }],
    });
    const query = {
      birthDate: '1937-11-22',
      countries: ['DE'],
      identifiers: [{ number: 'ZZ9876543' }],
      type: 'organization' as const,
    };
    const details = effects(query, listed)
      .qualifiers.map((q) => q.detail)
      .join(' | ');
    for (const secret of ['1937', '11-22', 'ZZ9876543', 'DE']) expect(details).not.toContain(secret);
  });
});
