/**
 * Dutch citizen service number (Burgerservicenummer, BSN): 9 digits; 8-digit numbers are older
 * numbers written without their leading zero and are padded with it.
 *
 * Check ("elfproef", the 11-test, as published for the BSN by the Dutch government, Rijksdienst
 * voor Identiteitsgegevens; also python-stdnum `nl.bsn`): with d1 … d9 the digits from
 * the left, 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 must be divisible by 11.
 * The last weight is −1 for the BSN (the bank-account variant of the 11-test uses +1). The number
 * 000000000 passes the test arithmetically but is not a number, so it is refused.
 *
 * The weights are all non-zero modulo 11 and 11 is prime, so every single-digit change is
 * detected (and so is every swap of two adjacent different digits).
 */
import type { IdentifierCheck, IdentifierScheme } from '../../src/ports/index.ts';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;

/** Whether 9 digits pass the BSN 11-test. */
export function passesBsnElevenTest(nineDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(nineDigits[i]) * (WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

export function validateBsn(value: string): IdentifierCheck {
  const compact = value.replace(/[\s./-]/g, '');
  if (!/^[0-9]{8,9}$/.test(compact)) {
    return { valid: false, rule: 'format', message: 'expected 9 digits (or 8 without the leading zero)' };
  }
  const padded = compact.padStart(9, '0');
  if (padded === '000000000') {
    return { valid: false, rule: 'range', message: 'a number of only zeros is not issued' };
  }
  if (!passesBsnElevenTest(padded)) {
    return { valid: false, rule: 'checksum', message: 'the number does not pass the 11-test' };
  }
  return { valid: true, normalized: padded };
}

export const nlBsn: IdentifierScheme = {
  id: 'nl-bsn',
  name: 'Citizen service number (Burgerservicenummer, BSN)',
  personal: true,
  kind: 'person',
  validate: validateBsn,
  examples: {
    valid: ['111222333', '1112.22.333', '123456782', '12345672'],
    invalid: ['111222334', '123456789', '000000000', '1234567', '1234567890', ''],
  },
};
