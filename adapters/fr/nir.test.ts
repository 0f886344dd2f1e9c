import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frNir, nirKey, validateNir } from './nir.ts';

/** The key computed independently with BigInt, Corsica read as 20 minus 1,000,000 / 2,000,000. */
function referenceKey(first13: string): string {
  const department = first13.slice(5, 7);
  let number = BigInt(first13.replace(/2[AB]/, '20'));
  if (department === '2A') number -= 1_000_000n;
  if (department === '2B') number -= 2_000_000n;
  return String(97n - (number % 97n)).padStart(2, '0');
}

const pad = (value: number, length: number) => String(value).padStart(length, '0');

const validNir = fc
  .tuple(
    fc.constantFrom('1', '2', '3', '4', '7', '8'),
    fc.integer({ min: 0, max: 99 }),
    fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constantFrom(20, 30, 42, 50, 99)),
    fc.oneof(
      fc.integer({ min: 1, max: 99 }).map((value) => pad(value, 2)),
      fc.constantFrom('2A', '2B'),
    ),
    fc.integer({ min: 1, max: 999 }),
    fc.integer({ min: 1, max: 999 }),
  )
  .map(([sex, year, month, department, commune, order]) => {
    const first13 = `${sex}${pad(year, 2)}${pad(month, 2)}${department}${pad(commune, 3)}${pad(order, 3)}`;
    return first13 + referenceKey(first13);
  });

describe('FR NIR', () => {
  it('accepts published examples, Corsica included', () => {
    expect(validateNir('295109912611193')).toEqual({ valid: true, normalized: '295109912611193' });
    expect(validateNir('2 95 10 99 126 111 93')).toEqual({ valid: true, normalized: '295109912611193' });
    expect(validateNir('253072A07300443')).toEqual({ valid: true, normalized: '253072A07300443' });
    expect(validateNir('253072b07300470')).toEqual({ valid: true, normalized: '253072B07300470' });
    expect(validateNir('2-06-12-75-111-005-64').valid).toBe(true);
    expect(nirKey('2951099126111')).toBe('93');
  });

  it('replaces 2A by 19 and 2B by 18, not subtracting on top', () => {
    expect(nirKey('253072A073004')).toBe(nirKey('2530719073004'));
    expect(nirKey('253072B073004')).toBe(nirKey('2530718073004'));
    expect(nirKey('253072A073004')).toBe(referenceKey('253072A073004'));
    expect(validateNir('253072A07300470').valid).toBe(false); // the 2B key on a 2A number
  });

  it.each([
    ['295109912611199', 'checksum'],
    ['295109912611100', 'checksum'],
    ['395109912611193', 'checksum'],
    ['595109912611193', 'range'],
    ['095109912611193', 'range'],
    ['995109912611193', 'range'],
    ['295009912611193', 'date'], // month 00
    ['295139912611193', 'date'],
    ['295199912611193', 'date'],
    ['295219912611193', 'date'],
    ['295439912611193', 'date'],
    ['253072C07300443', 'format'],
    ['2530A2A07300443', 'format'],
    ['29510991261119', 'format'],
    ['2951099126111933', 'format'],
    ['', 'format'],
  ])('refuses %s under %s', (value, rule) => {
    const result = validateNir(value);
    expect(result).toMatchObject({ valid: false, rule });
    if (!result.valid && value.length > 0) expect(result.message).not.toContain(value);
  });

  it('accepts the INSEE special months 20, 30-42 and 50-99', () => {
    for (const month of ['20', '30', '42', '50', '99']) {
      const first13 = `2${'95'}${month}99126111`;
      expect(validateNir(first13 + referenceKey(first13)), month).toMatchObject({ valid: true });
    }
  });

  it('agrees with the independent key and accepts every generated number', () => {
    fc.assert(
      fc.property(validNir, (value) => {
        expect(nirKey(value.slice(0, 13))).toBe(value.slice(13));
        expect(validateNir(value)).toEqual({ valid: true, normalized: value });
      }),
    );
  });

  it('refuses every change of one digit', () => {
    fc.assert(
      fc.property(validNir, fc.nat({ max: 14 }), fc.integer({ min: 1, max: 9 }), (value, at, delta) => {
        const current = value[at] ?? '';
        fc.pre(/[0-9]/.test(current));
        const changed = value.slice(0, at) + String((Number(current) + delta) % 10) + value.slice(at + 1);
        expect(validateNir(changed).valid).toBe(false);
      }),
    );
  });

  it('declares a scheme whose examples behave', () => {
    expect(frNir).toMatchObject({ id: 'fr-nir', personal: true, kind: 'person' });
    for (const example of frNir.examples.valid) expect(frNir.validate(example).valid, example).toBe(true);
    for (const example of frNir.examples.invalid) expect(frNir.validate(example).valid, example).toBe(false);
  });
});
