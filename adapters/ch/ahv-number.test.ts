import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chAhvNumber, ean13CheckDigit, formatAhvNumber, validateAhvNumber } from './ahv-number.ts';

const validAhv = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => `756${digits.join('')}`)
  .map((first12) => first12 + ean13CheckDigit(first12));

describe('CH AHV/AVS number', () => {
  it('accepts the official example in its printed and compact forms', () => {
    expect(validateAhvNumber('756.9217.0769.85')).toEqual({ valid: true, normalized: '7569217076985' });
    expect(validateAhvNumber('7569217076985')).toEqual({ valid: true, normalized: '7569217076985' });
    expect(validateAhvNumber('756 9217 0769 85').valid).toBe(true);
    expect(formatAhvNumber('7569217076985')).toBe('756.9217.0769.85');
  });

  it('computes the EAN-13 check digit (also on a GTIN example)', () => {
    expect(ean13CheckDigit('756921707698')).toBe('5');
    expect(ean13CheckDigit('400638133393')).toBe('1'); // GTIN 4006381333931
  });

  it.each([
    ['756.9217.0769.84', 'checksum'],
    ['756.9217.0796.85', 'checksum'], // adjacent transposition
    ['757.9217.0769.85', 'country'],
    ['400.6381.3339.31', 'country'], // a valid EAN-13, not an AHV number
    ['756.9217.0769.8', 'format'],
    ['756.9217.0769.855', 'format'],
    ['756.9217.0769.8A', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateAhvNumber(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value.replace(/\./g, ''));
  });

  it('accepts every generated number and refuses every change of one digit', () => {
    fc.assert(
      fc.property(
        validAhv,
        fc.integer({ min: 3, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (value, at, delta) => {
          expect(validateAhvNumber(value)).toEqual({ valid: true, normalized: value });
          expect(validateAhvNumber(formatAhvNumber(value))).toEqual({ valid: true, normalized: value });
          const changed = value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
          expect(validateAhvNumber(changed)).toMatchObject({ valid: false, rule: 'checksum' });
        },
      ),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(chAhvNumber).toMatchObject({ id: 'ch-ahv-number', personal: true, kind: 'person' });
    for (const example of chAhvNumber.examples.valid)
      expect(chAhvNumber.validate(example).valid, example).toBe(true);
    for (const example of chAhvNumber.examples.invalid) {
      expect(chAhvNumber.validate(example).valid, example).toBe(false);
    }
  });
});
