/**
 * French NIR (numéro d'inscription au répertoire national d'identification des personnes
 * physiques, the "numéro de sécurité sociale"), 13 characters and a 2-digit key:
 *
 *   S YY MM DD CCC OOO KK
 *   S    sex: 1 male, 2 female; 3 and 4, 7 and 8 are also issued (registrations of persons born
 *        abroad in progress, and provisional numbers, NIA), so 1, 2, 3, 4, 7 and 8 are accepted
 *   YY   last two digits of the birth year
 *   MM   birth month 01–12; INSEE also uses 20 (month unknown) and, for civil-status records
 *        with no precise date, 30–42 and 50–99: those are accepted too, every other value is not
 *   DD   département of birth: two digits, 2A or 2B (Corsica since 1976), 97x/98x overseas (the
 *        commune then has 2 digits), 99 born abroad. Not checked further.
 *   CCC  commune (INSEE code), OOO order number in the birth register, KK key
 *
 * Key (INSEE, see also python-stdnum `fr.nir` and the French Wikipedia article "Numéro de
 * sécurité sociale en France"): KK = 97 − (N mod 97), N the first 13 characters as a number.
 * For Corsica the letters are replaced before computing: 2A by 19, 2B by 18. (This is the same as
 * reading 2A and 2B as 20 and subtracting 1,000,000 resp. 2,000,000, the département sitting at
 * the 10^7–10^6 places of N; subtracting on top of the replacement would count it twice.) The
 * examples 2 53 07 2A 073 004 43 and 2 53 07 2B 073 004 70 satisfy it.
 *
 * Because 97 is prime and does not divide any δ·10^k (|δ| ≤ 9), every single-digit change of the
 * 13-digit body is detected, as is any change of the key.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

const SEX_DIGITS = new Set(['1', '2', '3', '4', '7', '8']);

/** The 2-digit key of the first 13 characters (digits, with 2A or 2B as the département). */
export function nirKey(first13: string): string {
  const department = first13.slice(5, 7);
  const numeric =
    department === '2A'
      ? `${first13.slice(0, 5)}19${first13.slice(7)}`
      : department === '2B'
        ? `${first13.slice(0, 5)}18${first13.slice(7)}`
        : first13;
  return String(97 - (Number(numeric) % 97)).padStart(2, '0');
}

function isBirthMonth(month: number): boolean {
  return (month >= 1 && month <= 12) || month === 20 || (month >= 30 && month <= 42) || month >= 50;
}

export function validateNir(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '').replace(/[ab]/g, (letter) => letter.toUpperCase());
  if (!/^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/.test(compact)) {
    return {
      valid: false,
      rule: 'format',
      message: 'expected 13 digits (2A or 2B allowed as the département) and a 2-digit key',
    };
  }
  if (!SEX_DIGITS.has(compact.charAt(0))) {
    return { valid: false, rule: 'range', message: 'the first digit must be 1, 2, 3, 4, 7 or 8' };
  }
  if (!isBirthMonth(Number(compact.slice(3, 5)))) {
    return { valid: false, rule: 'date', message: 'the birth month part is not a valid month' };
  }
  if (nirKey(compact.slice(0, 13)) !== compact.slice(13)) {
    return {
      valid: false,
      rule: 'checksum',
      message: 'the key does not match (97 minus the number modulo 97)',
    };
  }
  return { valid: true, normalized: compact };
}

export const frNir: IdentifierScheme = {
  id: 'fr-nir',
  name: "Social security number (numéro d'inscription au répertoire, NIR)",
  personal: true,
  kind: 'person',
  validate: validateNir,
  examples: {
    valid: [
      '295109912611193',
      '2 95 10 99 126 111 93',
      '253072A07300443',
      '253072B07300470',
      '1 80 12 75 111 005 77',
    ],
    invalid: [
      '295109912611199',
      '253072C07300443',
      '295139912611193',
      '595109912611193',
      '29510991261119',
      '',
    ],
  },
};
