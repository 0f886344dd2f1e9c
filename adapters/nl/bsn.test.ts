import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nlBsn, passesBsnElevenTest, validateBsn } from './bsn.ts';

/** Nine-digit numbers passing the 11-test: 8 random digits and the one last digit that fits. */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    return { digits, last: sum % 11 };
  })
  .filter(({ digits, last }) => last <= 9 && (last > 0 || digits.some((digit) => digit > 0)))
  .map(({ digits, last }) => `${digits.join('')}${last}`);

describe('NL BSN', () => {
  it('accepts valid numbers and pads 8-digit ones', () => {
    expect(validateBsn('111222333')).toEqual({ valid: true, normalized: '111222333' });
    expect(validateBsn('123456782')).toEqual({ valid: true, normalized: '123456782' });
    expect(validateBsn('1112.22.333')).toEqual({ valid: true, normalized: '111222333' });
    expect(validateBsn('12345672')).toEqual({ valid: true, normalized: '012345672' });
    expect(validateBsn('0123 45 672')).toEqual({ valid: true, normalized: '012345672' });
  });

  it('uses -1 as the last weight (not the +1 of the bank-account 11-test)', () => {
    // 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8 = 156 = 14*11 + 2, so the last digit must be 2 under -1
    // (156 - 2 = 154) and would be 9 under +1 (156 + 9 = 165).
    expect(passesBsnElevenTest('123456782')).toBe(true);
    expect(passesBsnElevenTest('123456789')).toBe(false);
  });

  it.each([
    ['111222334', 'checksum'],
    ['123456789', 'checksum'],
    ['211222333', 'checksum'],
    ['000000000', 'range'],
    ['00000000', 'range'],
    ['1234567', 'format'],
    ['1234567890', 'format'],
    ['12345678A', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateBsn(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('accepts every generated number', () => {
    fc.assert(
      fc.property(validBsn, (value) => {
        expect(validateBsn(value)).toEqual({ valid: true, normalized: value });
      }),
    );
  });

  it('refuses every change of one digit and every swap of adjacent different digits', () => {
    fc.assert(
      fc.property(validBsn, fc.nat({ max: 8 }), fc.integer({ min: 1, max: 9 }), (value, at, delta) => {
        const changed = value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
        expect(validateBsn(changed).valid).toBe(false);
      }),
    );
    fc.assert(
      fc.property(validBsn, fc.nat({ max: 7 }), (value, at) => {
        fc.pre(value[at] !== value[at + 1]);
        const swapped = value.slice(0, at) + (value[at + 1] ?? '') + (value[at] ?? '') + value.slice(at + 2);
        expect(validateBsn(swapped).valid).toBe(false);
      }),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(nlBsn).toMatchObject({ id: 'nl-bsn', personal: true, kind: 'person' });
    for (const example of nlBsn.examples.valid) expect(nlBsn.validate(example).valid, example).toBe(true);
    for (const example of nlBsn.examples.invalid) expect(nlBsn.validate(example).valid, example).toBe(false);
  });
});
