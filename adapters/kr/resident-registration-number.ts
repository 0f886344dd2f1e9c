/**
 * Korean resident registration number (주민등록번호), 13 digits written YYMMDD-GNNNNNC:
 * the birth date, a digit G for century and sex (9/0 born 1800–1899, 1/2 born 1900–1999, 3/4
 * born 2000–2099, 5/6 and 7/8 foreign residents born in the 1900s and 2000s; odd male, even
 * female), five digits (historically the registration office and a serial) and a check digit.
 *
 * Check digit (as documented for the scheme, e.g. the Korean Wikipedia article 주민등록번호 and
 * python-stdnum `kr.rrn`): weight the first 12 digits 2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5, add,
 * and C = (11 − sum mod 11) mod 10.
 *
 * Caveat: numbers issued since October 2020 (amended Resident Registration Act) no longer carry a
 * regional code; the six digits after G are random and, as far as published, the last digit is no
 * longer guaranteed to satisfy this check. The check is implemented as required, so such numbers
 * may be refused under `checksum`; a caller that must accept them should treat `checksum` as a
 * warning for this scheme. The birth date must be a real date in the century G gives, not in the
 * future.
 *
 * This number is especially sensitive (Personal Information Protection Act: processing of
 * resident registration numbers is restricted). Nothing here logs or stores it; `normalized` is
 * returned to the caller only, and messages never contain any part of the value.
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

const WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5] as const;

/** The century each value of the 7th digit implies. */
const CENTURY: Readonly<Record<string, number>> = {
  '9': 1800,
  '0': 1800,
  '1': 1900,
  '2': 1900,
  '3': 2000,
  '4': 2000,
  '5': 1900,
  '6': 1900,
  '7': 2000,
  '8': 2000,
};

/** The check digit of the first 12 digits. */
export function residentRegistrationCheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (WEIGHTS[i] ?? 0);
  return String((11 - (sum % 11)) % 10);
}

function isBirthDate(yymmdd: string, century: number): boolean {
  const year = century + Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

export function validateResidentRegistrationNumber(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '');
  if (!/^[0-9]{13}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 13 digits, written YYMMDD-NNNNNNN' };
  }
  const century = CENTURY[compact.charAt(6)] ?? 1900;
  if (!isBirthDate(compact.slice(0, 6), century)) {
    return { valid: false, rule: 'date', message: 'the birth date part is not a valid date' };
  }
  if (residentRegistrationCheckDigit(compact.slice(0, 12)) !== compact[12]) {
    return { valid: false, rule: 'checksum', message: 'the check digit does not match' };
  }
  return { valid: true, normalized: compact };
}

export const krResidentRegistrationNumber: IdentifierScheme = {
  id: 'kr-resident-registration-number',
  name: 'Resident registration number (주민등록번호)',
  personal: true,
  kind: 'person',
  validate: validateResidentRegistrationNumber,
  examples: {
    valid: ['900101-1234568', '0503154123450', '851120-5123450'],
    invalid: ['900101-1234567', '901301-1234568', '900230-1234568', '990101-3123458', '900101-123456', ''],
  },
};
