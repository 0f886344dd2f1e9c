import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jpMyNumber, myNumberCheckDigit, validateMyNumber } from './my-number.ts';

/** The ordinance's formula, written out independently (P_n from the right, Q_n as listed). */
function referenceCheckDigit(first11: string): string {
  const q = [2, 3, 4, 5, 6, 7, 2, 3, 4, 5, 6]; // Q_1 … Q_11
  const p = first11.split('').reverse().map(Number); // P_1 … P_11
  const remainder = p.reduce((sum, digit, i) => sum + digit * (q[i] ?? 0), 0) % 11;
  return remainder <= 1 ? '0' : String(11 - remainder);
}

const validMyNumber = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 })
  .map((digits) => digits.join(''))
  .map((first11) => first11 + referenceCheckDigit(first11));

describe('JP Individual Number (My Number)', () => {
  it('accepts valid numbers, with separators', () => {
    expect(validateMyNumber('123456789018')).toEqual({ valid: true, normalized: '123456789018' });
    expect(validateMyNumber('1234 5678 9018')).toEqual({ valid: true, normalized: '123456789018' });
    expect(validateMyNumber('1234-5678-9018').valid).toBe(true);
    expect(myNumberCheckDigit('12345678901')).toBe('8');
  });

  it('gives 0 when the remainder is 0 or 1', () => {
    // 00000000001: P_1 = 1, Q_1 = 2, remainder 2 -> 9; 00000100000: P_6 = 1, Q_6 = 7 -> 4.
    expect(myNumberCheckDigit('00000000001')).toBe('9');
    expect(myNumberCheckDigit('00000100000')).toBe('4');
    expect(myNumberCheckDigit('00000000000')).toBe('0'); // remainder 0
    expect(myNumberCheckDigit('00000000006')).toBe('0'); // 6 x 2 = 12, remainder 1
    expect(myNumberCheckDigit('10000000000')).toBe('5'); // P_11 = 1, Q_11 = 6
  });

  it.each([
    ['123456789010', 'checksum'],
    ['123456789019', 'checksum'],
    ['12345678901', 'format'],
    ['1234567890188', 'format'],
    ['12345678901A', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateMyNumber(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('agrees with the ordinance formula on every generated number', () => {
    fc.assert(
      fc.property(validMyNumber, (value) => {
        expect(myNumberCheckDigit(value.slice(0, 11))).toBe(value[11]);
        expect(validateMyNumber(value)).toEqual({ valid: true, normalized: value });
      }),
    );
  });

  it('refuses every change of the check digit (changes elsewhere are not always detected)', () => {
    fc.assert(
      fc.property(validMyNumber, fc.integer({ min: 1, max: 9 }), (value, delta) => {
        const changed = value.slice(0, 11) + String((Number(value[11]) + delta) % 10);
        expect(validateMyNumber(changed)).toMatchObject({ valid: false, rule: 'checksum' });
      }),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(jpMyNumber).toMatchObject({ id: 'jp-my-number', personal: true, kind: 'person' });
    for (const example of jpMyNumber.examples.valid)
      expect(jpMyNumber.validate(example).valid, example).toBe(true);
    for (const example of jpMyNumber.examples.invalid)
      expect(jpMyNumber.validate(example).valid, example).toBe(false);
  });
});
