/**
 * Reads the qualifiers OFAC keeps in the free-text Remarks of its legacy CSV: birth dates, places
 * of birth, nationality and citizenship, identity documents and the weak aliases written as
 * `a.k.a. 'NAME'`. Remarks are `; `-separated items, each optionally prefixed with `alt.`.
 */
import type { ListedBirthDate } from '../../../ports/sanctions.ts';
import { circaYear, type EntryBuilder } from './common.ts';
import { countryCode } from './countries.ts';

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** `10 Dec 1948`, `Dec 1948` or `1948` → `{ date }` with the precision given; undefined otherwise. */
function point(text: string): { date: string; year: number } | undefined {
  const full = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text);
  if (full) {
    const month = MONTHS[(full[2] ?? '').toLowerCase()];
    if (!month) return undefined;
    return { date: `${full[3]}-${month}-${(full[1] ?? '').padStart(2, '0')}`, year: Number(full[3]) };
  }
  const monthYear = /^([A-Za-z]{3})[a-z]* (\d{4})$/.exec(text);
  if (monthYear) {
    const month = MONTHS[(monthYear[1] ?? '').toLowerCase()];
    if (!month) return undefined;
    return { date: `${monthYear[2]}-${month}`, year: Number(monthYear[2]) };
  }
  const year = /^(\d{4})$/.exec(text);
  if (year) return { date: year[1] ?? '', year: Number(year[1]) };
  return undefined;
}

/** An OFAC `DOB` value: a date, a `circa` date, or a `… to …` range (read as a year range). */
export function parseOfacBirthDate(value: string): ListedBirthDate | undefined {
  const text = value.replace(/\.$/, '').trim();
  const circa = /^circa (.+)$/i.exec(text);
  if (circa) {
    const body = circa[1] ?? '';
    const span = /^(\d{4})\s*-\s*(\d{4})$/.exec(body);
    if (span) return { fromYear: Number(span[1]) - 1, toYear: Number(span[2]) + 1 };
    const at = point(body);
    return at ? circaYear(at.year) : undefined;
  }
  const range = /^(.+?) to (.+)$/.exec(text);
  if (range) {
    const from = point(range[1] ?? '');
    const to = point(range[2] ?? '');
    if (!from || !to) return undefined;
    // "01 Jan 1960 to 01 Jan 1960" is one date written as a range.
    if (from.date === to.date) return { date: from.date };
    return { fromYear: Math.min(from.year, to.year), toYear: Math.max(from.year, to.year) };
  }
  const at = point(text);
  return at ? { date: at.date } : undefined;
}

// Items that carry a number but are not identity documents of the entry.
const NOT_AN_IDENTIFIER =
  /phone|telephone|fax|e-?mail|website|digital currency|aircraft model|manufacture date|established date|tonnage|operator|flag|gender|executive order|section|secondary sanctions|linked to|additional sanctions|transactions prohibited|caatsa|arrested|ifca|vessel year|year of build/i;
// What an identity document or registration number is called in OFAC remarks.
const IDENTIFIER_TYPE =
  /passport|\bid\b|identif|\bno\.?$|number|#|card|cedula|c[eé]dula|r\.?f\.?c\.?|c\.?u\.?r\.?p\.?|d\.?n\.?i\.?|\bssn\b|fiscal|licen[cs]e|\bimo\b|\bmmsi\b|swift|registr|folio|matr[ií]cula|v\.?a\.?t\.?|c\.r\.|credencial|cartilla|\btax\b|fein|d-u-n-s|nit|ruc|rif/i;

/** `Passport A1234 (Iran) issued 2010 expires 2020` → type, number, country (linear: no regex backtracking). */
function identifier(item: string): { type: string; number: string; country?: string } | undefined {
  let text = item.replace(/\s+(?:issued|expires)\b.*$/i, '');
  let countryName: string | undefined;
  const bracket = /\s\(([^()]*)\)$/.exec(text);
  if (bracket) {
    countryName = bracket[1];
    text = text.slice(0, bracket.index);
  }
  // The number is the run of digit-bearing tokens at the end; the words before it name the type.
  const tokens = text.split(' ');
  let first = tokens.length;
  while (first > 1 && /\d/.test(tokens[first - 1] ?? '')) first -= 1;
  if (first === tokens.length) return undefined;
  const type = tokens.slice(0, first).join(' ').replace(/:$/, '');
  if (NOT_AN_IDENTIFIER.test(type) || !IDENTIFIER_TYPE.test(type)) return undefined;
  const result: { type: string; number: string; country?: string } = {
    type,
    number: tokens.slice(first).join(' '),
  };
  const country = countryCode(countryName);
  if (country) result.country = country;
  return result;
}

const WEAK_ALIAS = /^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+)'$/i;
const ALIAS_KIND = { 'a.k.a.': 'aka', 'f.k.a.': 'fka', 'n.k.a.': 'nka' } as const;

/** Adds what the remarks say to the entry; items it does not know stay in `remarks` only. */
export function applyOfacRemarks(remarks: string, entry: EntryBuilder): void {
  for (const rawItem of remarks.split(/;\s+/)) {
    const item = rawItem
      .trim()
      .replace(/\.$/, '')
      .replace(/^alt\.\s+/i, '');
    if (!item) continue;
    const alias = WEAK_ALIAS.exec(item);
    if (alias) {
      const kind = ALIAS_KIND[(alias[1] ?? '').toLowerCase() as keyof typeof ALIAS_KIND];
      entry.name({ full: alias[2] ?? '', kind, quality: 'weak' });
      continue;
    }
    const dob = /^DOB (.+)$/.exec(item);
    if (dob) {
      entry.birthDate(parseOfacBirthDate(dob[1] ?? ''));
      continue;
    }
    const pob = /^POB (.+)$/.exec(item);
    if (pob) {
      entry.country(countryCode(pob[1]), 'birth');
      continue;
    }
    const nationality = /^nationality (.+)$/i.exec(item);
    if (nationality) {
      entry.country(countryCode(nationality[1]), 'nationality');
      continue;
    }
    const citizen = /^citizen (.+)$/i.exec(item);
    if (citizen) {
      entry.country(countryCode(citizen[1]), 'citizenship');
      continue;
    }
    const document = identifier(item);
    if (document) entry.identifier(document.type, document.number, document.country);
  }
}
