/**
 * PRC resident identity number (GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence, and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  const check = (12 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now()
  );
}

export function validateResidentIdentityNumber(value: string): IdentifierCheck {
  const compact = value.replace(/\s/g, '').toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 17 digits and a check character (0-9 or X)' };
  }
  if (!isCalendarDate(compact.slice(6, 14))) {
    return { valid: false, rule: 'date', message: 'digits 7 to 14 are not a valid birth date' };
  }
  if (checkCharacter(compact.slice(0, 17)) !== compact[17]) {
    return {
      valid: false,
      rule: 'checksum',
      message: 'the check character does not match (ISO 7064 MOD 11-2)',
    };
  }
  return { valid: true, normalized: compact };
}

/** The PRC resident identity number as an identifier scheme of the CN adapter. */
export const cnResidentIdentityNumber: IdentifierScheme = {
  id: 'cn-resident-identity-number',
  name: 'Resident identity number (居民身份证号码)',
  personal: true,
  kind: 'person',
  validate: validateResidentIdentityNumber,
  examples: {
    // The example of GB 11643-1999 itself, then: a wrong check character, month 13, too short, empty.
    valid: ['11010519491231002X'],
    invalid: ['110105194912310021', '11010519491331002X', '1101051949123100', ''],
  },
};
