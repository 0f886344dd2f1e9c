/**
 * Bank identifiers shared by the adapters: IBAN (ISO 13616) and BIC (ISO 9362), validated with
 * `ibantools`.
 *
 * IBAN: two letters (ISO 3166-1 country), two check digits, and a country-specific BBAN whose
 * length and pattern come from the SWIFT IBAN registry. The check digits are ISO 7064 MOD 97-10:
 * move the first four characters to the end, convert letters A = 10 … Z = 35, and the number
 * modulo 97 must be 1. Some countries add a national check inside the BBAN (the French RIB key,
 * for example), which `ibantools` also verifies: a failure there is reported as `checksum` too.
 * An IBAN that is valid but belongs to another country than the scheme's is refused under
 * `country`. An account number identifies a person's account, so the scheme is `personal`.
 *
 * BIC: 4 letters (institution), 2 letters (ISO 3166-1 country, characters 5–6), 2 letters or
 * digits (location), optionally 3 letters or digits (branch); 8 or 11 characters, no check digit.
 * A BIC of another country than the scheme's is refused under `country`.
 *
 * Messages never contain the value. The examples are the standard examples of the IBAN registry
 * and of ISO 13616 (not real customers' accounts) and synthetic BICs.
 */
import {
  extractBIC,
  extractIBAN,
  type ValidateIBANResult,
  ValidationErrorsBIC,
  ValidationErrorsIBAN,
  validateBIC,
  validateIBAN,
} from 'ibantools';
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

function compactUpper(value: string): string {
  return value.replace(/[\s.-]/g, '').replace(/[a-z]/g, (letter) => letter.toUpperCase());
}

/** The standard example IBANs (IBAN registry, ISO 13616), by country. */
const EXAMPLE_IBANS: Readonly<Record<string, string>> = {
  AT: 'AT611904300234573201',
  BE: 'BE68539007547034',
  CH: 'CH9300762011623852957',
  DE: 'DE89370400440532013000',
  ES: 'ES9121000418450200051332',
  FR: 'FR1420041010050500013M02606',
  IT: 'IT60X0542811101000000123456',
  LU: 'LU280019400644750000',
  NL: 'NL91ABNA0417164300',
};

function ibanRule(result: ValidateIBANResult): 'format' | 'checksum' {
  const formatErrors = [
    ValidationErrorsIBAN.NoIBANProvided,
    ValidationErrorsIBAN.NoIBANCountry,
    ValidationErrorsIBAN.WrongBBANLength,
    ValidationErrorsIBAN.WrongBBANFormat,
    ValidationErrorsIBAN.ChecksumNotNumber,
  ];
  return result.errorCodes.some((code) => formatErrors.includes(code)) ? 'format' : 'checksum';
}

/** Validates an IBAN of the given country (ISO 3166-1 alpha-2). */
export function validateIban(value: string, countryCode: string): IdentifierCheck {
  const compact = compactUpper(value);
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(compact)) {
    return {
      valid: false,
      rule: 'format',
      message: 'expected an IBAN: a country code, 2 check digits and up to 30 letters or digits',
    };
  }
  const result = validateIBAN(compact, { allowQRIBAN: true });
  if (!result.valid) {
    const rule = ibanRule(result);
    return rule === 'format'
      ? { valid: false, rule, message: 'the IBAN does not have the length or pattern of its country' }
      : { valid: false, rule, message: 'the IBAN check digits do not match' };
  }
  if (extractIBAN(compact).countryCode !== countryCode.toUpperCase()) {
    return { valid: false, rule: 'country', message: `expected an IBAN of ${countryCode.toUpperCase()}` };
  }
  return { valid: true, normalized: compact };
}

/** Validates a BIC of the given country (ISO 3166-1 alpha-2). */
export function validateBic(value: string, countryCode: string): IdentifierCheck {
  const compact = compactUpper(value);
  if (!/^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(compact)) {
    return {
      valid: false,
      rule: 'format',
      message: 'expected a BIC: 6 letters and 2 letters or digits, optionally 3 more for the branch',
    };
  }
  const result = validateBIC(compact);
  if (!result.valid) {
    return result.errorCodes.includes(ValidationErrorsBIC.NoBICCountry)
      ? { valid: false, rule: 'country', message: 'characters 5 and 6 are not a known country code' }
      : { valid: false, rule: 'format', message: 'the BIC is not well formed' };
  }
  if (extractBIC(compact).countryCode !== countryCode.toUpperCase()) {
    return { valid: false, rule: 'country', message: `expected a BIC of ${countryCode.toUpperCase()}` };
  }
  return { valid: true, normalized: compact };
}

/** A country whose standard example differs from `countryCode`, for the invalid examples. */
function otherCountry(countryCode: string): string {
  return countryCode === 'DE' ? 'NL' : 'DE';
}

function changeByOne(twoDigits: string): string {
  const value = Number(twoDigits);
  return String(value >= 98 ? value - 1 : value + 1).padStart(2, '0');
}

/** The IBAN scheme of a country (`<cc>-iban`). */
export function ibanScheme(countryCode: string): IdentifierScheme {
  const cc = countryCode.toUpperCase();
  const example = EXAMPLE_IBANS[cc];
  const other = EXAMPLE_IBANS[otherCountry(cc)] ?? '';
  const valid = example ? [example, example.replace(/(.{4})(?=.)/g, '$1 ')] : [];
  const invalid = [
    other,
    ...(example
      ? [
          // Check digits changed by one (never by 97, which would keep them valid), then the last
          // character dropped.
          `${example.slice(0, 2)}${changeByOne(example.slice(2, 4))}${example.slice(4)}`,
          example.slice(0, -1),
        ]
      : []),
    'XX00',
    '',
  ];
  return {
    id: `${cc.toLowerCase()}-iban`,
    name: `IBAN (${cc})`,
    personal: true,
    kind: 'account',
    validate: (value) => validateIban(value, cc),
    examples: { valid, invalid },
  };
}

/** The BIC scheme of a country (`<cc>-bic`). */
export function bicScheme(countryCode: string): IdentifierScheme {
  const cc = countryCode.toUpperCase();
  return {
    id: `${cc.toLowerCase()}-bic`,
    name: `BIC (${cc})`,
    personal: false,
    kind: 'bank',
    validate: (value) => validateBic(value, cc),
    examples: {
      valid: [`PNTS${cc}2X`, `PNTS${cc}2XXXX`, `pnts ${cc.toLowerCase()} 2x`],
      invalid: [`PNTS${otherCountry(cc)}2X`, `PNTS${cc}2XXX`, `PNT1${cc}2X`, 'PNTSXX2X', ''],
    },
  };
}
