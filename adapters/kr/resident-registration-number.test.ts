import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  krResidentRegistrationNumber,
  residentRegistrationCheckDigit,
  validateResidentRegistrationNumber,
} from './resident-registration-number.ts';

function referenceCheckDigit(first12: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = first12.split('').reduce((total, digit, i) => total + Number(digit) * (weights[i] ?? 0), 0);
  return String((11 - (sum % 11)) % 10);
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/** Synthetic numbers born 1900–1999 (G 1, 2, 5, 6) on a day 01–28. */
const validRrn = fc
  .tuple(
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.constantFrom('1', '2', '5', '6'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([year, month, day, g, rest]) => `${pad2(year)}${pad2(month)}${pad2(day)}${g}${rest.join('')}`)
  .map((first12) => first12 + referenceCheckDigit(first12));

describe('KR resident registration number', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('accepts valid numbers, with or without the hyphen', () => {
    expect(validateResidentRegistrationNumber('900101-1234568')).toEqual({
      valid: true,
      normalized: '9001011234568',
    });
    expect(validateResidentRegistrationNumber('9001011234568')).toEqual({
      valid: true,
      normalized: '9001011234568',
    });
    expect(validateResidentRegistrationNumber('050315-4123450').valid).toBe(true); // born 2005
    expect(validateResidentRegistrationNumber('851120-5123450').valid).toBe(true); // foreign resident
    expect(validateResidentRegistrationNumber('971013-9019902').valid).toBe(true); // born 1897 (python-stdnum)
    expect(residentRegistrationCheckDigit('900101123456')).toBe('8');
  });

  it('reads the century from the 7th digit', () => {
    const withCheck = (first12: string) => first12 + referenceCheckDigit(first12);
    expect(validateResidentRegistrationNumber(withCheck('000229312345')).valid).toBe(true); // 2000 is leap
    expect(validateResidentRegistrationNumber(withCheck('000229112345'))).toMatchObject({ rule: 'date' }); // 1900 is not
    expect(validateResidentRegistrationNumber(withCheck('000229012345'))).toMatchObject({ rule: 'date' }); // 1800 is not
    expect(validateResidentRegistrationNumber(withCheck('990101312345'))).toMatchObject({ rule: 'date' }); // 2099: future
    expect(validateResidentRegistrationNumber(withCheck('990101712345'))).toMatchObject({ rule: 'date' });
    expect(validateResidentRegistrationNumber(withCheck('990101512345')).valid).toBe(true); // 1999
  });

  it.each([
    ['900101-1234567', 'checksum'],
    ['900101-1234569', 'checksum'],
    ['901301-1234568', 'date'],
    ['900230-1234568', 'date'],
    ['900100-1234568', 'date'],
    ['900101-123456', 'format'],
    ['900101-12345688', 'format'],
    ['90010A-1234568', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateResidentRegistrationNumber(value);
    expect(result).toMatchObject({ valid: false, rule });
    // No part of the number (birth date, the digits after it) appears in the message.
    if (!result.valid && value.length > 0) {
      expect(result.message).not.toContain(value);
      expect(result.message).not.toMatch(/[0-9]{3}/);
    }
  });

  it('agrees with the reference computation on every generated number', () => {
    fc.assert(
      fc.property(validRrn, (value) => {
        expect(residentRegistrationCheckDigit(value.slice(0, 12))).toBe(value[12]);
        expect(validateResidentRegistrationNumber(value)).toEqual({ valid: true, normalized: value });
      }),
    );
  });

  it('refuses every change of the check digit', () => {
    fc.assert(
      fc.property(validRrn, fc.integer({ min: 1, max: 9 }), (value, delta) => {
        const changed = value.slice(0, 12) + String((Number(value[12]) + delta) % 10);
        expect(validateResidentRegistrationNumber(changed)).toMatchObject({ valid: false, rule: 'checksum' });
      }),
    );
  });

  it('never logs the number', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => undefined),
    );
    for (const value of ['900101-1234568', '900101-1234567', '901301-1234568', 'x']) {
      validateResidentRegistrationNumber(value);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('declares a personal scheme whose examples behave', () => {
    expect(krResidentRegistrationNumber).toMatchObject({
      id: 'kr-resident-registration-number',
      personal: true,
      kind: 'person',
    });
    for (const example of krResidentRegistrationNumber.examples.valid) {
      expect(krResidentRegistrationNumber.validate(example).valid, example).toBe(true);
    }
    for (const example of krResidentRegistrationNumber.examples.invalid) {
      expect(krResidentRegistrationNumber.validate(example).valid, example).toBe(false);
    }
  });
});
