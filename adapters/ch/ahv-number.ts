/**
 * Swiss social-security number (AHV-Nummer / numéro AVS / numero AVS), 13 digits written
 * 756.XXXX.XXXX.XC: the ISO 3166-1 numeric code of Switzerland (756), a 9-digit random
 * identifier that carries no personal information, and a check digit.
 *
 * Check digit (Central Compensation Office ZAS/CdC, structure of the 13-digit number): the EAN-13
 * (GS1) check digit. Weight the first 12 digits 1, 3, 1, 3, … from the left, add; the check
 * digit is (10 − sum mod 10) mod 10. The official example 756.9217.0769.85 satisfies it.
 *
 * The weights 1 and 3 are invertible modulo 10, so every single-digit change is detected.
 * A 13-digit number that does not start with 756 is reported under the rule `country`: it may
 * be a valid EAN-13, but not a Swiss social-security number.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

/** The EAN-13 check digit of 12 digits. */
export function ean13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

export function validateAhvNumber(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '');
  if (!/^[0-9]{13}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 13 digits, written 756.XXXX.XXXX.XX' };
  }
  if (!compact.startsWith('756')) {
    return { valid: false, rule: 'country', message: 'a Swiss AHV/AVS number starts with 756' };
  }
  if (ean13CheckDigit(compact.slice(0, 12)) !== compact[12]) {
    return { valid: false, rule: 'checksum', message: 'the check digit does not match (EAN-13)' };
  }
  return { valid: true, normalized: compact };
}

/** The printed form 756.XXXX.XXXX.XX of a compact 13-digit number. */
export function formatAhvNumber(compact: string): string {
  return `${compact.slice(0, 3)}.${compact.slice(3, 7)}.${compact.slice(7, 11)}.${compact.slice(11)}`;
}

export const chAhvNumber: IdentifierScheme = {
  id: 'ch-ahv-number',
  name: 'Social security number (AHV-Nummer / numéro AVS)',
  personal: true,
  kind: 'person',
  validate: validateAhvNumber,
  examples: {
    valid: ['756.9217.0769.85', '7569217076985', '756.1234.5678.97'],
    invalid: ['756.9217.0769.84', '757.9217.0769.85', '756.9217.0769.8', '756.9217.0769.855', ''],
  },
};
