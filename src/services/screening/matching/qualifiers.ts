/**
 * What a query's other facts do to a name score: birth date or year (equal up, near neutral, far
 * down; list ranges and circa years honoured), countries (one in common up a little, none down a
 * little), entity type (a person against an organisation strongly down) and identifiers (an equal
 * passport or national ID number lifts the hit to the block threshold). Each effect says why in
 * words that quote only list-side values, never the query's: explanations are stored.
 */
import type { ListedBirthDate, SanctionsEntry } from '../../../ports/sanctions.ts';

export type QualifierName = 'birth_date' | 'country' | 'type' | 'identifier';

export interface QualifierEffect {
  qualifier: QualifierName;
  effect: number;
  detail: string;
}

export interface QualifierInput {
  type?: 'person' | 'organization' | undefined;
  birthDate?: string | undefined;
  countries?: readonly string[] | undefined;
  identifiers?: readonly { number: string; type?: string | undefined }[] | undefined;
}

/** Effects, as data so that docs/screening.md can quote them. */
export const QUALIFIER_EFFECTS = {
  birthDateEqual: 0.06,
  birthYearEqual: 0.04,
  birthYearInRange: 0.03,
  birthYearNear: 0,
  birthYearApart: -0.05,
  birthYearFar: -0.15,
  countryMatch: 0.03,
  countryNoMatch: -0.03,
  typeMismatch: -0.35,
} as const;

/** Birth years at most this far apart are "near" (lists and documents disagree by a year or two). */
const NEAR_YEARS = 2;
const APART_YEARS = 5;

interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export function parsePartialDate(value: string | undefined): PartialDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value?.trim() ?? '');
  if (!match) return undefined;
  const date: PartialDate = { year: Number(match[1]) };
  if (match[2]) date.month = Number(match[2]);
  if (match[3]) date.day = Number(match[3]);
  return date;
}

function listedYears(listed: ListedBirthDate): { from: number; to: number; date?: PartialDate } | undefined {
  const date = parsePartialDate(listed.date);
  if (date) return { from: date.year, to: date.year, date };
  if (listed.fromYear !== undefined && listed.toYear !== undefined)
    return { from: listed.fromYear, to: listed.toYear };
  return undefined;
}

function describeListed(range: { from: number; to: number }): string {
  return range.from === range.to ? `the listed ${range.from}` : `the listed range ${range.from}–${range.to}`;
}

/** The effect of one listed birth date on a query date. */
function birthDateEffect(query: PartialDate, listed: ListedBirthDate): QualifierEffect | undefined {
  const range = listedYears(listed);
  if (!range) return undefined;
  const effect = (effectValue: number, detail: string): QualifierEffect => ({
    qualifier: 'birth_date',
    effect: effectValue,
    detail,
  });
  const distance =
    query.year < range.from ? range.from - query.year : query.year > range.to ? query.year - range.to : 0;
  if (distance === 0) {
    if (range.from !== range.to)
      return effect(QUALIFIER_EFFECTS.birthYearInRange, `birth year within ${describeListed(range)}`);
    const date = range.date;
    const monthKnown = date?.month !== undefined && query.month !== undefined;
    const dayKnown = date?.day !== undefined && query.day !== undefined;
    if (monthKnown && date?.month !== query.month)
      return effect(0, `birth year equals ${describeListed(range)}, month differs`);
    if (dayKnown && date?.day !== query.day)
      return effect(0, `birth year equals ${describeListed(range)}, day differs`);
    if (dayKnown) return effect(QUALIFIER_EFFECTS.birthDateEqual, 'birth date equals a listed birth date');
    return effect(QUALIFIER_EFFECTS.birthYearEqual, `birth year equals ${describeListed(range)}`);
  }
  if (distance <= NEAR_YEARS) {
    return effect(
      QUALIFIER_EFFECTS.birthYearNear,
      `birth year within ${NEAR_YEARS} years of ${describeListed(range)}`,
    );
  }
  if (distance <= APART_YEARS) {
    return effect(
      QUALIFIER_EFFECTS.birthYearApart,
      `birth year ${NEAR_YEARS + 1}–${APART_YEARS} years from ${describeListed(range)}`,
    );
  }
  return effect(
    QUALIFIER_EFFECTS.birthYearFar,
    `birth year more than ${APART_YEARS} years from ${describeListed(range)}`,
  );
}

function birthDateQualifier(query: QualifierInput, entry: SanctionsEntry): QualifierEffect | undefined {
  const date = parsePartialDate(query.birthDate);
  if (!date) return undefined;
  let best: QualifierEffect | undefined;
  for (const listed of entry.birthDates) {
    const candidate = birthDateEffect(date, listed);
    if (candidate && (!best || candidate.effect > best.effect)) best = candidate;
  }
  return best;
}

const COUNTRY_KIND_WORDS: Readonly<Record<string, string>> = {
  nationality: 'nationality',
  citizenship: 'citizenship',
  address: 'address country',
  birth: 'country of birth',
  registration: 'country of registration',
};

function countryQualifier(query: QualifierInput, entry: SanctionsEntry): QualifierEffect | undefined {
  const countries = new Set((query.countries ?? []).map((code) => code.trim().toUpperCase()).filter(Boolean));
  if (countries.size === 0 || entry.countries.length === 0) return undefined;
  const match = entry.countries.find((country) => countries.has(country.code));
  if (match) {
    return {
      qualifier: 'country',
      effect: QUALIFIER_EFFECTS.countryMatch,
      detail: `listed ${COUNTRY_KIND_WORDS[match.kind] ?? 'country'} matches`,
    };
  }
  const listed = [...new Set(entry.countries.map((country) => country.code))].slice(0, 5).join(', ');
  return {
    qualifier: 'country',
    effect: QUALIFIER_EFFECTS.countryNoMatch,
    detail: `no listed country matches (listed: ${listed})`,
  };
}

function typeQualifier(query: QualifierInput, entry: SanctionsEntry): QualifierEffect | undefined {
  if (!query.type || query.type === entry.type) return undefined;
  return {
    qualifier: 'type',
    effect: QUALIFIER_EFFECTS.typeMismatch,
    detail: `listed as ${entry.type === 'person' ? 'a person' : `an ${entry.type}`}`,
  };
}

/** Identifier numbers compare without spaces, dots, dashes or case. */
export function identifierKey(number: string): string {
  return number.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Shorter numbers (a house number, "1") are too likely to be equal by chance. */
export const MIN_IDENTIFIER_LENGTH = 5;

/** The listed identifier a query identifier equals, if any. */
export function matchingIdentifier(
  query: QualifierInput,
  entry: SanctionsEntry,
): SanctionsEntry['identifiers'][number] | undefined {
  const keys = new Set(
    (query.identifiers ?? [])
      .map((identifier) => identifierKey(identifier.number))
      .filter((key) => key.length >= MIN_IDENTIFIER_LENGTH),
  );
  if (keys.size === 0) return undefined;
  return entry.identifiers.find((identifier) => keys.has(identifierKey(identifier.number)));
}

/** Below this name score an equal identifier only brings the hit to review, not to block. */
const IDENTIFIER_NAME_FLOOR = 0.5;
/**
 * Where an equal identifier lifts a hit whose name also matches: above any block threshold a
 * jurisdiction may set, so the number decides.
 */
const IDENTIFIER_DECISIVE = 0.99;

/**
 * Applies the qualifiers to a name score: the effects in order, and the final score (0..1).
 */
export function applyQualifiers(
  query: QualifierInput,
  entry: SanctionsEntry,
  nameScore: number,
  thresholds: { review: number; block: number },
): { score: number; qualifiers: QualifierEffect[] } {
  const qualifiers = [
    typeQualifier(query, entry),
    birthDateQualifier(query, entry),
    countryQualifier(query, entry),
  ].filter((effect): effect is QualifierEffect => effect !== undefined);
  let score = Math.min(1, Math.max(0, nameScore + qualifiers.reduce((sum, q) => sum + q.effect, 0)));
  const identifier = matchingIdentifier(query, entry);
  if (identifier) {
    const target =
      nameScore >= IDENTIFIER_NAME_FLOOR
        ? Math.max(thresholds.block, IDENTIFIER_DECISIVE)
        : thresholds.review;
    const lift = Math.max(0, target - score);
    qualifiers.push({
      qualifier: 'identifier',
      effect: lift,
      detail:
        nameScore >= IDENTIFIER_NAME_FLOOR
          ? `${identifier.type} number equals the listed one`
          : `${identifier.type} number equals the listed one, but the names differ`,
    });
    score = Math.max(score, target);
  }
  return { score, qualifiers };
}
