import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caSin, passesLuhn, validateSin } from './sin.ts';

/** The Luhn check digit of 8 digits, computed independently (double the 2nd, 4th, … from the left). */
function luhnCheckDigit(first8: string): string {
  const sum = first8
    .split('')
    .map(Number)
    .map((digit, i) => (i % 2 === 1 ? digit * 2 : digit))
    .map((value) => (value > 9 ? value - 9 : value))
    .reduce((a, b) => a + b, 0);
  return String((10 - (sum % 10)) % 10);
}

const validSin = fc
  .tuple(
    fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
  )
  .map(([first, rest]) => `${first}${rest.join('')}`)
  .map((first8) => first8 + luhnCheckDigit(first8));

describe('CA Social Insurance Number', () => {
  it('accepts valid numbers, with separators', () => {
    expect(validateSin('130 692 544')).toEqual({ valid: true, normalized: '130692544' });
    expect(validateSin('123-456-782')).toEqual({ valid: true, normalized: '123456782' });
    expect(validateSin('976543215')).toEqual({ valid: true, normalized: '976543215' }); // temporary resident
  });

  it('refuses the fictitious 046 454 286 under range although it passes Luhn', () => {
    expect(passesLuhn('046454286')).toBe(true);
    expect(validateSin('046 454 286')).toMatchObject({ valid: false, rule: 'range' });
  });

  it.each([
    ['130 692 545', 'checksum'],
    ['130 696 244', 'checksum'],
    ['046 454 286', 'range'],
    ['823 456 782', 'range'],
    ['13069254', 'format'],
    ['1306925444', 'format'],
    ['13069254A', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateSin(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value.replace(/ /g, ''));
  });

  it('accepts every generated number and refuses every change of one digit after the first', () => {
    fc.assert(
      fc.property(
        validSin,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (value, at, delta) => {
          expect(validateSin(value)).toEqual({ valid: true, normalized: value });
          const changed = value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
          expect(validateSin(changed)).toMatchObject({ valid: false, rule: 'checksum' });
        },
      ),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(caSin).toMatchObject({ id: 'ca-sin', personal: true, kind: 'person' });
    for (const example of caSin.examples.valid) expect(caSin.validate(example).valid, example).toBe(true);
    for (const example of caSin.examples.invalid) expect(caSin.validate(example).valid, example).toBe(false);
  });
});
