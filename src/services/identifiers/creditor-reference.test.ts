import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../core/errors.ts';
import {
  createCreditorReference,
  creditorReferenceScheme,
  formatCreditorReference,
  validateCreditorReference,
} from './creditor-reference.ts';

/** ISO 11649 check digits computed independently with BigInt. */
function referenceCheckDigits(base: string): string {
  const numeric = `${base}RF00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const base = fc
  .array(fc.constantFrom(...ALPHANUMERIC), { minLength: 1, maxLength: 21 })
  .map((c) => c.join(''));

describe('ISO 11649 creditor references', () => {
  it('creates the standard example', () => {
    expect(createCreditorReference('539007547034')).toBe('RF18539007547034');
    expect(createCreditorReference('5390 0754 7034')).toBe('RF18539007547034');
    expect(createCreditorReference('2348231')).toBe('RF712348231');
    expect(createCreditorReference('abc')).toBe(`RF${referenceCheckDigits('ABC')}ABC`);
  });

  it('refuses a bad base with creditor_reference_invalid', () => {
    for (const bad of ['', '   ', 'A'.repeat(22), 'INV-2024', 'RÉF1', '12/34']) {
      let error: unknown;
      try {
        createCreditorReference(bad);
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(GatewayError);
      expect((error as GatewayError).code).toBe('creditor_reference_invalid');
      if (bad.trim().length > 0) expect((error as GatewayError).message).not.toContain(bad);
    }
  });

  it('validates and normalises references', () => {
    expect(validateCreditorReference('RF18539007547034')).toEqual({
      valid: true,
      normalized: 'RF18539007547034',
    });
    expect(validateCreditorReference('RF18 5390 0754 7034')).toEqual({
      valid: true,
      normalized: 'RF18539007547034',
    });
    expect(validateCreditorReference('rf71 2348 231')).toEqual({ valid: true, normalized: 'RF712348231' });
    expect(validateCreditorReference(`RF${referenceCheckDigits('1')}1`)).toMatchObject({ valid: true }); // 5 chars
    const longest = 'A'.repeat(21);
    expect(validateCreditorReference(`RF${referenceCheckDigits(longest)}${longest}`)).toMatchObject({
      valid: true,
    });
  });

  it.each([
    ['RF19539007547034', 'checksum'],
    ['RF18539007547035', 'checksum'],
    ['RF18539007547043', 'checksum'], // adjacent transposition
    ['RF81539007547034', 'checksum'],
    ['RF18', 'format'],
    [`RF00${'1'.repeat(22)}`, 'format'],
    ['RFAB539007547034', 'format'],
    ['XX18539007547034', 'format'],
    ['RF18-5390-0754-7034', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateCreditorReference(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('refuses non-canonical check digits congruent modulo 97', () => {
    // Check digits 99, 00 and 01 are congruent to 02, 97 and 98 modulo 97 but are never issued.
    const aliases: Record<string, string> = { '02': '99', '97': '00', '98': '01' };
    const seen = new Set<string>();
    for (let i = 0; i < 5000 && seen.size < 3; i += 1) {
      const reference = createCreditorReference(String(i));
      const alias = aliases[reference.slice(2, 4)];
      if (alias === undefined) continue;
      seen.add(alias);
      const value = `RF${alias}${reference.slice(4)}`;
      expect(validateCreditorReference(value), value).toMatchObject({ valid: false, rule: 'checksum' });
    }
    expect(seen.size).toBe(3);
  });

  it('formats in groups of four', () => {
    expect(formatCreditorReference('RF18539007547034')).toBe('RF18 5390 0754 7034');
    expect(formatCreditorReference('rf712348231')).toBe('RF71 2348 231');
    expect(formatCreditorReference('RF71 2348 231')).toBe('RF71 2348 231');
  });

  it('always validates what it creates, agreeing with the independent computation', () => {
    fc.assert(
      fc.property(base, (value) => {
        const reference = createCreditorReference(value);
        expect(reference).toBe(`RF${referenceCheckDigits(value)}${value}`);
        expect(validateCreditorReference(reference)).toEqual({ valid: true, normalized: reference });
        expect(validateCreditorReference(formatCreditorReference(reference))).toEqual({
          valid: true,
          normalized: reference,
        });
      }),
    );
  });

  it('refuses every change of one digit for another digit, or one letter for another letter', () => {
    // A digit <-> letter substitution changes the length of the converted number and is not
    // always detected: XALK and XAL9 have the same check digits.
    expect(createCreditorReference('XALK').slice(2, 4)).toBe(createCreditorReference('XAL9').slice(2, 4));
    fc.assert(
      fc.property(base, fc.nat(), fc.constantFrom(...ALPHANUMERIC), (value, position, replacement) => {
        const at = position % value.length;
        const current = value[at] ?? '';
        fc.pre(current !== replacement && /[0-9]/.test(current) === /[0-9]/.test(replacement));
        const reference = createCreditorReference(value);
        const changed = reference.slice(0, 4 + at) + replacement + reference.slice(5 + at);
        expect(validateCreditorReference(changed)).toMatchObject({ valid: false, rule: 'checksum' });
      }),
    );
  });

  it('declares <cc>-creditor-reference schemes whose examples behave', () => {
    const scheme = creditorReferenceScheme('DE');
    expect(scheme).toMatchObject({ id: 'de-creditor-reference', personal: false, kind: 'reference' });
    expect(scheme.examples.valid).toEqual(expect.arrayContaining(['RF18539007547034', 'RF712348231']));
    for (const example of scheme.examples.valid) expect(scheme.validate(example).valid, example).toBe(true);
    for (const example of scheme.examples.invalid)
      expect(scheme.validate(example).valid, example).toBe(false);
    expect(creditorReferenceScheme('CH').id).toBe('ch-creditor-reference');
  });
});
