import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bicScheme, ibanScheme, validateBic, validateIban } from './bank-identifiers.ts';

/** ISO 7064 MOD 97-10 check digits of an IBAN, computed independently of ibantools. */
function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return String(98n - (BigInt(rearranged) % 97n)).padStart(2, '0');
}

describe('IBAN schemes', () => {
  it('accepts the standard examples, printed or electronic', () => {
    expect(validateIban('DE89370400440532013000', 'DE')).toEqual({
      valid: true,
      normalized: 'DE89370400440532013000',
    });
    expect(validateIban('DE89 3704 0044 0532 0130 00', 'DE')).toEqual({
      valid: true,
      normalized: 'DE89370400440532013000',
    });
    expect(validateIban('fr14 2004 1010 0505 0001 3m02 606', 'FR')).toEqual({
      valid: true,
      normalized: 'FR1420041010050500013M02606',
    });
    expect(validateIban('NL91-ABNA-0417-1643-00', 'nl')).toMatchObject({ valid: true });
    expect(validateIban('CH93 0076 2011 6238 5295 7', 'CH')).toMatchObject({ valid: true });
  });

  it('the independent MOD 97-10 computation agrees with the examples', () => {
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    expect(ibanCheckDigits('NL', 'ABNA0417164300')).toBe('91');
    expect(ibanCheckDigits('CH', '00762011623852957')).toBe('93');
    expect(ibanCheckDigits('FR', '20041010050500013M02606')).toBe('14');
  });

  it.each([
    ['NL91ABNA0417164300', 'DE', 'country'],
    ['CH9300762011623852957', 'FR', 'country'],
    ['DE88370400440532013000', 'DE', 'checksum'],
    ['DE89370400440532013001', 'DE', 'checksum'],
    ['FR1420041010050500013M02605', 'FR', 'checksum'], // French RIB key
    ['NL92ABNA0417164300', 'NL', 'checksum'],
    ['DE8937040044053201300', 'DE', 'format'], // one character short
    ['DE893704004405320130000', 'DE', 'format'],
    ['NL91ABNA041716430A', 'NL', 'format'],
    ['XX89370400440532013000', 'DE', 'format'],
    ['DE8937040044053201300!', 'DE', 'format'],
    ['', 'DE', 'format'],
  ])('refuses %s for %s under %s', (value, country, rule) => {
    const result = validateIban(value, country);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('accepts generated German IBANs and refuses every change of one digit', () => {
    const bban = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 })
      .map((d) => d.join(''));
    fc.assert(
      fc.property(
        bban,
        fc.integer({ min: 2, max: 21 }),
        fc.integer({ min: 1, max: 9 }),
        (body, at, delta) => {
          const iban = `DE${ibanCheckDigits('DE', body)}${body}`;
          expect(validateIban(iban, 'DE')).toEqual({ valid: true, normalized: iban });
          const changed = iban.slice(0, at) + String((Number(iban[at]) + delta) % 10) + iban.slice(at + 1);
          expect(validateIban(changed, 'DE')).toMatchObject({ valid: false, rule: 'checksum' });
        },
      ),
    );
  });

  it('declares <cc>-iban schemes whose examples behave', () => {
    for (const country of ['DE', 'FR', 'NL', 'CH']) {
      const scheme = ibanScheme(country);
      expect(scheme).toMatchObject({ id: `${country.toLowerCase()}-iban`, personal: true, kind: 'account' });
      expect(scheme.examples.valid.length).toBeGreaterThan(0);
      for (const example of scheme.examples.valid) expect(scheme.validate(example).valid, example).toBe(true);
      for (const example of scheme.examples.invalid)
        expect(scheme.validate(example).valid, example).toBe(false);
    }
  });
});

describe('BIC schemes', () => {
  it('accepts 8- and 11-character BICs of the country', () => {
    expect(validateBic('DEUTDEFF', 'DE')).toEqual({ valid: true, normalized: 'DEUTDEFF' });
    expect(validateBic('deut de ff 500', 'DE')).toEqual({ valid: true, normalized: 'DEUTDEFF500' });
    expect(validateBic('UBSWCHZH80A', 'CH')).toMatchObject({ valid: true });
    expect(validateBic('ABNANL2A', 'NL')).toMatchObject({ valid: true });
  });

  it.each([
    ['ABNANL2A', 'DE', 'country'],
    ['DEUTDEFF', 'FR', 'country'],
    ['ABCDXX2A', 'DE', 'country'], // not a country code
    ['DEUTDEF', 'DE', 'format'],
    ['DEUTDEFF5', 'DE', 'format'],
    ['DEUTDEFF50', 'DE', 'format'],
    ['DEUTDEFF5000', 'DE', 'format'],
    ['DEU1DEFF', 'DE', 'format'],
    ['', 'DE', 'format'],
  ])('refuses %s for %s under %s', (value, country, rule) => {
    const result = validateBic(value, country);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('declares <cc>-bic schemes whose examples behave', () => {
    for (const country of ['DE', 'FR', 'NL', 'CH', 'CA', 'JP', 'KR']) {
      const scheme = bicScheme(country);
      expect(scheme).toMatchObject({ id: `${country.toLowerCase()}-bic`, personal: false, kind: 'bank' });
      for (const example of scheme.examples.valid) expect(scheme.validate(example).valid, example).toBe(true);
      for (const example of scheme.examples.invalid)
        expect(scheme.validate(example).valid, example).toBe(false);
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => {
        expect(() => validateBic(value, 'DE')).not.toThrow();
        expect(() => validateIban(value, 'DE')).not.toThrow();
      }),
    );
  });
});
