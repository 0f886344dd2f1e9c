import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deRentenversicherungsnummer,
  rentenversicherungsnummerCheckDigit,
  validateRentenversicherungsnummer,
} from './rentenversicherungsnummer.ts';

/** The check digit computed independently, step by step as the published description says. */
function referenceCheckDigit(first11: string): string {
  const letterCode = String(first11.charCodeAt(8) - 'A'.charCodeAt(0) + 1).padStart(2, '0');
  const digits = (first11.slice(0, 8) + letterCode + first11.slice(9)).split('').map(Number);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  const sum = digits
    .map((digit, i) => digit * (weights[i] ?? 0))
    .map((product) => Math.floor(product / 10) + (product % 10))
    .reduce((a, b) => a + b, 0);
  return String(sum % 10);
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Valid synthetic numbers: any area, a day 01–28 of any month, any year, letter and serial. */
const validNumber = fc
  .tuple(
    fc.integer({ min: 2, max: 89 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 0, max: 99 }),
    fc.constantFrom(...LETTERS),
    fc.integer({ min: 0, max: 99 }),
  )
  .map(([area, day, month, year, letter, serial]) => {
    const first11 = `${pad2(area)}${pad2(day)}${pad2(month)}${pad2(year)}${letter}${pad2(serial)}`;
    return first11 + referenceCheckDigit(first11);
  });

describe('DE Rentenversicherungsnummer', () => {
  it('accepts the published examples', () => {
    expect(validateRentenversicherungsnummer('65170839J003')).toEqual({
      valid: true,
      normalized: '65170839J003',
    });
    expect(validateRentenversicherungsnummer('10010490A443')).toEqual({
      valid: true,
      normalized: '10010490A443',
    });
    expect(rentenversicherungsnummerCheckDigit('65170839J00')).toBe('3');
    expect(rentenversicherungsnummerCheckDigit('10010490A44')).toBe('3');
  });

  it('normalises separators and a lower-case letter away', () => {
    expect(validateRentenversicherungsnummer('65 170839 j 00 3')).toEqual({
      valid: true,
      normalized: '65170839J003',
    });
    expect(validateRentenversicherungsnummer('65-170839-J-00-3')).toEqual({
      valid: true,
      normalized: '65170839J003',
    });
    expect(validateRentenversicherungsnummer('65.170839/J.003').valid).toBe(true);
  });

  it('accepts the documented birth-date exceptions', () => {
    const withCheck = (first11: string) => first11 + referenceCheckDigit(first11);
    for (const first11 of [
      '12331275M52', // day 01 + 32
      '12651275M52', // day 01 + 64
      '12971275M52', // day 01 + 96
      '12950175M52', // day 31 + 64 in January
      '13001286B50', // day unknown
      '13170088B50', // day and month unknown: day of assignment, month 00
      '13950088B50', // ... increased by 64
      '13290296B50', // 29 February in a year divisible by 4
      '13290200B50', // ... including 00 (2000)
    ]) {
      expect(validateRentenversicherungsnummer(withCheck(first11)), first11).toMatchObject({ valid: true });
    }
  });

  it.each([
    ['65170839J004', 'checksum'],
    ['65170839J013', 'checksum'],
    ['65170839K003', 'checksum'],
    ['65171339J003', 'date'], // month 13
    ['65320239J003', 'date'], // day 32 is not a shifted day
    ['65640239J003', 'date'],
    ['65960239J003', 'date'], // only day 01 may be increased by 96
    ['65980239J003', 'date'],
    ['65310439J003', 'date'], // 31 April
    ['65290239J003', 'date'], // 29 February 1939
    ['65000039J003', 'date'], // day and month both 00
    ['65170839J03', 'format'],
    ['65170839J0033', 'format'],
    ['651708391003', 'format'],
    ['65170839Ä003', 'format'],
    ['6517083JJ003', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateRentenversicherungsnummer(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('agrees with the reference computation and accepts every generated number', () => {
    fc.assert(
      fc.property(validNumber, (value) => {
        expect(rentenversicherungsnummerCheckDigit(value.slice(0, 11))).toBe(value[11]);
        expect(validateRentenversicherungsnummer(value)).toEqual({ valid: true, normalized: value });
      }),
    );
  });

  it('refuses every change of one digit (the check digit or the date rule catches it)', () => {
    // Under weight 7 (the tens digit of the month) 0 <-> 4 and 3 <-> 7 give the same cross sum
    // modulo 10, but a month 4x is refused by the date rule; every other digit change alters the
    // sum. Letter changes are not asserted: some (A <-> S, B <-> J, ...) go unnoticed.
    const positions = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11];
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom(...positions),
        fc.integer({ min: 1, max: 9 }),
        (value, at, delta) => {
          const digit = (Number(value[at]) + delta) % 10;
          const changed = value.slice(0, at) + String(digit) + value.slice(at + 1);
          expect(validateRentenversicherungsnummer(changed).valid).toBe(false);
        },
      ),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(deRentenversicherungsnummer).toMatchObject({
      id: 'de-rentenversicherungsnummer',
      personal: true,
      kind: 'person',
    });
    for (const example of deRentenversicherungsnummer.examples.valid) {
      expect(deRentenversicherungsnummer.validate(example).valid, example).toBe(true);
    }
    for (const example of deRentenversicherungsnummer.examples.invalid) {
      expect(deRentenversicherungsnummer.validate(example).valid, example).toBe(false);
    }
  });
});
