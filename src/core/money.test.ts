import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GatewayError } from './errors.ts';
import {
  currency,
  Decimal,
  formatMinorUnits,
  fromMinorUnits,
  isCurrencyCode,
  parseAmount,
  parseDecimal,
  ROUNDING_MODES,
  roundToCurrency,
  toMinorUnits,
} from './money.ts';

const CURRENCIES = ['EUR', 'CNY', 'JPY', 'KRW', 'KWD', 'CHF', 'CAD', 'USD', 'BHD'] as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof GatewayError) return error.code;
    throw error;
  }
  return undefined;
}

/** Arbitrary positive amounts as (currency, minor units), including values far beyond 2^53. */
const amountArb = fc.record({
  code: fc.constantFrom(...CURRENCIES),
  // 15 integer digits at most (MAX_INTEGER_DIGITS), which is still far beyond 2^53.
  minor: fc.bigInt({ min: 1n, max: 10n ** 15n - 1n }),
});

describe('currency', () => {
  it('knows the ISO 4217 exponents', () => {
    expect(currency('EUR').exponent).toBe(2);
    expect(currency('JPY').exponent).toBe(0);
    expect(currency('KRW').exponent).toBe(0);
    expect(currency('KWD').exponent).toBe(3);
    expect(currency('BHD').exponent).toBe(3);
  });

  it('rejects lower case, unknown codes and non-currencies', () => {
    for (const code of ['eur', 'Eur', 'ABC', 'EURO', '', 'XAU', 'XTS', 'XXX', 'XDR', 'CLF', 'USN']) {
      expect(isCurrencyCode(code), code).toBe(false);
      expect(
        codeOf(() => currency(code)),
        code,
      ).toBe('currency_unknown');
    }
  });
});

describe('parseDecimal / parseAmount', () => {
  it('accepts the wire grammar only', () => {
    expect(parseDecimal('1234.50').toFixed()).toBe('1234.5');
    for (const bad of [
      '',
      ' 1',
      '1 ',
      '01',
      '1.',
      '.5',
      '1e3',
      '+1',
      '1,00',
      '0x10',
      'NaN',
      'Infinity',
      '1..2',
    ]) {
      expect(
        codeOf(() => parseDecimal(bad)),
        JSON.stringify(bad),
      ).toBe('amount_invalid');
    }
    expect(codeOf(() => parseDecimal('-1.00'))).toBe('amount_not_positive');
  });

  it('rejects zero, negative and absurd amounts', () => {
    expect(codeOf(() => parseAmount('0', 'EUR'))).toBe('amount_not_positive');
    expect(codeOf(() => parseAmount('0.00', 'EUR'))).toBe('amount_not_positive');
    expect(codeOf(() => parseAmount('-5.00', 'EUR'))).toBe('amount_not_positive');
    expect(codeOf(() => parseAmount('1000000000000000', 'EUR'))).toBe('amount_out_of_range');
    expect(parseAmount('999999999999999.99', 'EUR')).toBe(99999999999999999n);
  });

  it('rejects more decimals than the currency has, trailing zeros included', () => {
    expect(codeOf(() => parseAmount('10.001', 'EUR'))).toBe('amount_too_precise');
    expect(codeOf(() => parseAmount('100.5', 'JPY'))).toBe('amount_too_precise');
    expect(codeOf(() => parseAmount('100.0', 'KRW'))).toBe('amount_too_precise');
    expect(codeOf(() => parseAmount('1.0000', 'KWD'))).toBe('amount_too_precise');
    expect(parseAmount('1.000', 'KWD')).toBe(1000n);
    expect(parseAmount('100', 'JPY')).toBe(100n);
    expect(parseAmount('0.1', 'EUR')).toBe(10n);
  });

  it('property: any fraction longer than the exponent is rejected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCIES),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.integer({ min: 1, max: 6 }),
        fc.bigInt({ min: 0n, max: 10n ** 6n }),
        (code, whole, extra, fraction) => {
          const places = currency(code).exponent + extra;
          const text = `${whole}.${fraction.toString().padStart(places, '0').slice(-places)}`;
          expect(codeOf(() => parseAmount(text, code))).toBe('amount_too_precise');
        },
      ),
    );
  });
});

describe('minor units', () => {
  it('property: format → parse is the identity on minor units', () => {
    fc.assert(
      fc.property(amountArb, ({ code, minor }) => {
        const text = formatMinorUnits(minor, code);
        expect(parseAmount(text, code)).toBe(minor);
      }),
    );
  });

  it('property: formatted amounts have exactly the currency exponent in decimals', () => {
    fc.assert(
      fc.property(amountArb, ({ code, minor }) => {
        const text = formatMinorUnits(minor, code);
        const { exponent } = currency(code);
        const fraction = text.split('.')[1];
        expect(fraction?.length ?? 0).toBe(exponent);
      }),
    );
  });

  it('property: fromMinorUnits → toMinorUnits is exact for every rounding mode', () => {
    fc.assert(
      fc.property(amountArb, fc.constantFrom(...ROUNDING_MODES), ({ code, minor }, mode) => {
        expect(toMinorUnits(fromMinorUnits(minor, code), code, mode)).toBe(minor);
      }),
    );
  });

  it('property: no floating point — sums of tenths stay exact where binary floats drift', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 15n }), { minLength: 1, maxLength: 50 }),
        (parts) => {
          const viaDecimal = parts
            .map((minor) => fromMinorUnits(minor, 'EUR'))
            .reduce((sum, value) => sum.plus(value), new Decimal(0));
          const viaBigInt = parts.reduce((sum, value) => sum + value, 0n);
          expect(toMinorUnits(viaDecimal, 'EUR', 'half_even')).toBe(viaBigInt);
        },
      ),
    );
    // The classic: 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    expect(formatMinorUnits(parseAmount('0.1', 'EUR') + parseAmount('0.2', 'EUR'), 'EUR')).toBe('0.30');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    const big = 2n ** 53n + 1n; // not representable as a double
    expect(formatMinorUnits(big, 'KWD')).toBe('9007199254740.993');
    expect(parseAmount(formatMinorUnits(big, 'KWD'), 'KWD')).toBe(big);
    const huge = 2n ** 80n + 7n;
    expect(toMinorUnits(fromMinorUnits(huge, 'EUR'), 'EUR', 'half_up')).toBe(huge);
  });
});

describe('rounding modes', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    [
      '2.345',
      'EUR',
      {
        half_up: '2.35',
        half_even: '2.34',
        half_down: '2.34',
        up: '2.35',
        down: '2.34',
        ceiling: '2.35',
        floor: '2.34',
      },
    ],
    ['2.355', 'EUR', { half_up: '2.36', half_even: '2.36', half_down: '2.35' }],
    ['0.5', 'JPY', { half_up: '1', half_even: '0', half_down: '0', up: '1', down: '0' }],
    ['1.0005', 'KWD', { half_up: '1.001', half_even: '1.000', down: '1.000' }],
  ];
  it.each(cases)('%s %s', (value, code, expected) => {
    for (const [mode, result] of Object.entries(expected)) {
      const rounded = roundToCurrency(new Decimal(value), code, mode as (typeof ROUNDING_MODES)[number]);
      expect(rounded.toFixed(currency(code).exponent), mode).toBe(result);
    }
  });

  it('rounds negative values symmetrically where the mode says so', () => {
    expect(toMinorUnits(new Decimal('-2.345'), 'EUR', 'half_up')).toBe(-235n);
    expect(toMinorUnits(new Decimal('-2.345'), 'EUR', 'ceiling')).toBe(-234n);
    expect(toMinorUnits(new Decimal('-2.345'), 'EUR', 'floor')).toBe(-235n);
  });
});
