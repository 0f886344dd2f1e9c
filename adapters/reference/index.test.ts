import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdapter } from '../../src/services/adapters/registry.ts';
import { referenceAdapter, validateReferenceNumber } from './index.ts';

/** The ISO 7064 MOD 97-10 check digits of an 8-digit body, computed independently. */
function checkDigits(body: string): string {
  const remainder = Number(BigInt(`${body}00`) % 97n);
  return String(98 - remainder).padStart(2, '0');
}

describe('reference number (XR, ISO 7064 MOD 97-10)', () => {
  it('accepts valid numbers and normalises separators away', () => {
    expect(validateReferenceNumber('1234567889')).toEqual({ valid: true, normalized: '1234567889' });
    expect(validateReferenceNumber('00000001-95')).toEqual({ valid: true, normalized: '0000000195' });
    expect(validateReferenceNumber('1234 5678 89')).toEqual({ valid: true, normalized: '1234567889' });
    expect(validateReferenceNumber(' 12345678-89 ')).toEqual({ valid: true, normalized: '1234567889' });
    expect(checkDigits('12345678')).toBe('89');
  });

  it.each([
    ['', 'format'],
    ['12345678', 'format'],
    ['123456788900', 'format'],
    ['ABCDEFGHIJ', 'format'],
    ['12345678.89', 'format'],
    ['１２３４５６７８８９', 'format'], // full-width digits are not ASCII digits
    ['1234567880', 'checksum'],
    ['1234567898', 'checksum'],
    ['2134567889', 'checksum'], // adjacent transposition
    ['0000000000', 'checksum'],
  ])('refuses %j (%s)', (value, rule) => {
    const result = validateReferenceNumber(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid) expect(result.message.length).toBeGreaterThan(0);
  });

  it('property: every body with its check digits is valid, and any single changed digit is not', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{8}$/),
        fc.nat({ max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (body, position, delta) => {
          const number = body + checkDigits(body);
          expect(validateReferenceNumber(number)).toEqual({ valid: true, normalized: number });
          const digit = (Number(number[position]) + delta) % 10;
          const changed = number.slice(0, position) + digit + number.slice(position + 1);
          expect(validateReferenceNumber(changed)).toMatchObject({ valid: false, rule: 'checksum' });
        },
      ),
    );
  });

  it('is the identifier the adapter declares, with examples that agree with it', () => {
    const built = buildAdapter(referenceAdapter, undefined);
    expect(built.problems).toEqual([]);
    const [scheme] = built.adapter?.identifiers ?? [];
    expect(scheme).toMatchObject({ id: 'xr-reference-number', personal: true });
    expect(scheme?.validate).toBe(validateReferenceNumber);
    for (const example of scheme?.examples.valid ?? [])
      expect(validateReferenceNumber(example).valid).toBe(true);
    for (const example of scheme?.examples.invalid ?? []) {
      expect(validateReferenceNumber(example).valid).toBe(false);
    }
  });
});
