/**
 * ISO 11649 structured creditor references ("RF references"), the international payment
 * reference a creditor prints on an invoice and a debtor copies into a credit transfer.
 *
 * Form: `RF`, two check digits, and a base reference of 1 to 21 letters or digits (so 5 to 25
 * characters in all). Printed in groups of four separated by spaces (RF18 5390 0754 7034); the
 * electronic form has no spaces and is upper case.
 *
 * Check digits (ISO 11649, the same ISO 7064 MOD 97-10 as the IBAN): append `RF00` to the base,
 * convert letters to numbers (A = 10 … Z = 35), take the number modulo 97; the check digits are
 * 98 minus that remainder, written with two digits (02–98). A reference is valid when its check
 * digits are exactly those: equivalently, base + `RF` + check digits read as a number is 1
 * modulo 97. The standard's example RF18 5390 0754 7034 satisfies it. Replacing one digit by
 * another, or one letter by another, is always detected (the number changes by δ·10^k with
 * 0 < |δ| < 97); replacing a digit by a letter or the reverse changes the length of the converted
 * number and is not always detected (the bases XALK and XAL9 share their check digits).
 */
import { GatewayError } from '../../core/errors.ts';
import type { IdentifierCheck, IdentifierScheme } from '../../ports/index.ts';

const BASE_PATTERN = /^[A-Z0-9]{1,21}$/;

function compactUpper(value: string): string {
  return value.replace(/\s/g, '').replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** The value modulo 97 of letters and digits, letters read as A = 10 … Z = 35. */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const character of alphanumeric) {
    const value = Number.parseInt(character, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder;
}

function checkDigits(base: string): string {
  return String(98 - mod97(`${base}RF00`)).padStart(2, '0');
}

/**
 * The RF creditor reference of a base reference (1 to 21 letters or digits; spaces are ignored,
 * letters may be in either case), in its electronic form `RFnn…`.
 */
export function createCreditorReference(base: string): string {
  const compact = compactUpper(base);
  if (!BASE_PATTERN.test(compact)) {
    throw new GatewayError(
      'creditor_reference_invalid',
      'A creditor reference base must be 1 to 21 letters (A-Z) or digits.',
    );
  }
  return `RF${checkDigits(compact)}${compact}`;
}

/** Validates an RF creditor reference; `normalized` is the compact upper-case form. */
export function validateCreditorReference(value: string): IdentifierCheck {
  const compact = compactUpper(value);
  if (!/^RF[0-9]{2}[A-Z0-9]{1,21}$/.test(compact)) {
    return {
      valid: false,
      rule: 'format',
      message: 'expected RF, 2 check digits and 1 to 21 letters or digits (5 to 25 characters)',
    };
  }
  if (checkDigits(compact.slice(4)) !== compact.slice(2, 4)) {
    return { valid: false, rule: 'checksum', message: 'the check digits do not match (ISO 11649)' };
  }
  return { valid: true, normalized: compact };
}

/** The printed form of a reference: compact, upper case, in groups of four separated by spaces. */
export function formatCreditorReference(value: string): string {
  return (
    compactUpper(value)
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** The RF creditor reference as an identifier scheme of a country (`<cc>-creditor-reference`). */
export function creditorReferenceScheme(countryCode: string): IdentifierScheme {
  return {
    id: `${countryCode.toLowerCase()}-creditor-reference`,
    name: 'Creditor reference (ISO 11649, RF)',
    personal: false,
    kind: 'reference',
    validate: validateCreditorReference,
    examples: {
      valid: ['RF18539007547034', 'RF712348231', 'RF18 5390 0754 7034', 'rf18539007547034'],
      invalid: [
        'RF19539007547034',
        'RF18539007547035',
        'RF18',
        'RF1853900754703412345678901',
        'XX18539007547034',
        '',
      ],
    },
  };
}
