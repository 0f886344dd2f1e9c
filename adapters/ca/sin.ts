/**
 * Canadian Social Insurance Number (SIN / NAS), 9 digits written 123 456 789.
 *
 * Check (Employment and Social Development Canada, Service Canada; the Luhn algorithm, ISO/IEC
 * 7812-1 Annex B): from the left, double every second digit (the 2nd, 4th, 6th and 8th), replace
 * a doubled value above 9 by its digit sum, add all nine digits; the total must be a multiple of
 * 10. Luhn detects every single-digit change.
 *
 * The first digit gives the province of registration or the kind of number: 1–7 provinces and
 * territories, 9 temporary residents (valid), while 0 (used only for fictitious numbers, like the
 * famous 046 454 286) and 8 are not issued: those are refused under the rule `range`.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

/** Whether a string of digits passes the Luhn check (its last digit being the check digit). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      const doubled = digit * 2;
      sum += doubled > 9 ? doubled - 9 : doubled;
    } else sum += digit;
  }
  return sum % 10 === 0;
}

export function validateSin(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '');
  if (!/^[0-9]{9}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 9 digits' };
  }
  if (compact[0] === '0' || compact[0] === '8') {
    return { valid: false, rule: 'range', message: 'numbers starting with 0 or 8 are not issued' };
  }
  if (!passesLuhn(compact)) {
    return { valid: false, rule: 'checksum', message: 'the number does not pass the Luhn check' };
  }
  return { valid: true, normalized: compact };
}

export const caSin: IdentifierScheme = {
  id: 'ca-sin',
  name: 'Social Insurance Number (SIN / NAS)',
  personal: true,
  kind: 'person',
  validate: validateSin,
  examples: {
    valid: ['130 692 544', '123-456-782', '976543215'],
    invalid: ['130 692 545', '046 454 286', '823 456 789', '13069254', '1306925444', ''],
  },
};
