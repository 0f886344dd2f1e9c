/**
 * German pension insurance number (Versicherungsnummer der gesetzlichen Rentenversicherung,
 * "Rentenversicherungsnummer", also called Sozialversicherungsnummer), 12 characters:
 *
 *   BB TTMMJJ A SS P
 *   BB      area number (Bereichsnummer) of the pension insurance carrier that assigned it
 *   TTMMJJ  birth date, day, month, two-digit year
 *   A       initial letter of the birth name (umlauts resolved, so A–Z only)
 *   SS      serial number: 00–49 male, 50–99 female, diverse or unknown
 *   P       check digit
 *
 * Structure: § 147 SGB VI and § 2 VKVV (Versicherungsnummern-, Kontoführungs- und
 * Versicherungsverlaufsverordnung). The birth-date part follows the joint circular
 * "Gemeinsames Meldeverfahren" (section 3.1.1.2), which has exceptions this validator accepts:
 * - when the serial numbers of a date and letter are used up, the day is increased by 32, then
 *   by 64; a day 01 may also be increased by 96 (so 01, 33, 65 and 97 all mean the first);
 * - day 00 when only the birth day is unknown (for example `001286`);
 * - month 00 when day and month are unknown: the day is then the day of assignment (01–31,
 *   possibly increased by 32 or 64 as above).
 * The year has no century, so 29 February is accepted in every year divisible by four (00
 * included, 2000 being a leap year). The area number is not checked against the list of carriers:
 * that list changed several times (2005 reorganisation) and numbers keep their original area.
 *
 * Check digit (DEÜV / Gemeinsames Meldeverfahren, also described in the German Wikipedia article
 * "Versicherungsnummer"): replace the letter by its two-digit position in the alphabet (A = 01 …
 * Z = 26), giving 12 digits; multiply them by the weights 2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1; add
 * the digit sums (Quersummen) of the products; the sum modulo 10 is the check digit. Published
 * examples: 65 170839 J 00 3 (Wikipedia) and 10 010490 A 44 3. (The DRV lexicon's illustration
 * "65 170839 J 08 8" does not satisfy this rule, 65170839J08 giving 1: it is a layout example.)
 * The weighted cross sums do not detect every error: under weight 7 the digits 0 ↔ 4 and 3 ↔ 7
 * give the same cross sum modulo 10 (that position is the tens digit of the month, so the date
 * rule catches those), and some letter substitutions go unnoticed (A ↔ S, B ↔ J, C ↔ K, …, whose
 * two-digit codes give the same weighted cross sum modulo 10). It is a plausibility check, not a
 * guarantee.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

const WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1] as const;

function crossSum(value: number): number {
  let sum = 0;
  for (let rest = value; rest > 0; rest = Math.floor(rest / 10)) sum += rest % 10;
  return sum;
}

/** The check digit of the first 11 characters (8 digits, a letter A–Z, 2 digits). */
export function rentenversicherungsnummerCheckDigit(first11: string): string {
  const letter = first11.charCodeAt(8) - 64;
  const digits = `${first11.slice(0, 8)}${String(letter).padStart(2, '0')}${first11.slice(9, 11)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += crossSum(Number(digits[i]) * (WEIGHTS[i] ?? 0));
  return String(sum % 10);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether TTMMJJ is a birth-date part the issuing rules can produce (see the top comment). */
function isBirthDatePart(ttmmjj: string): boolean {
  const day = Number(ttmmjj.slice(0, 2));
  const month = Number(ttmmjj.slice(2, 4));
  const year = Number(ttmmjj.slice(4, 6));
  if (month > 12) return false;
  if (day === 0) return month >= 1;
  let base: number;
  if (day === 97) base = 1;
  else if (day > 64) base = day - 64;
  else if (day > 32) base = day - 32;
  else base = day;
  if (base < 1 || base > 31) return false;
  if (month === 0) return true;
  if (month === 2 && base === 29) return year % 4 === 0;
  return base <= (DAYS_IN_MONTH[month - 1] ?? 0);
}

export function validateRentenversicherungsnummer(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '').replace(/[a-z]/g, (letter) => letter.toUpperCase());
  if (!/^[0-9]{8}[A-Z][0-9]{3}$/.test(compact)) {
    return {
      valid: false,
      rule: 'format',
      message: 'expected 8 digits, a letter and 3 digits (area, birth date, initial, serial, check digit)',
    };
  }
  if (!isBirthDatePart(compact.slice(2, 8))) {
    return { valid: false, rule: 'date', message: 'the birth date part is not a valid date' };
  }
  if (rentenversicherungsnummerCheckDigit(compact.slice(0, 11)) !== compact[11]) {
    return { valid: false, rule: 'checksum', message: 'the check digit does not match' };
  }
  return { valid: true, normalized: compact };
}

export const deRentenversicherungsnummer: IdentifierScheme = {
  id: 'de-rentenversicherungsnummer',
  name: 'Pension insurance number (Rentenversicherungsnummer)',
  personal: true,
  kind: 'person',
  validate: validateRentenversicherungsnummer,
  examples: {
    valid: ['65170839J003', '65 170839 J 00 3', '10010490A443', '12331275M523', '13001286B500'],
    invalid: ['65170839J004', '65171339J003', '65320239J003', '65170839J03', '651708391003', ''],
  },
};
