import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, formatMinorUnits, fromMinorUnits, toMinorUnits } from '../../core/money.ts';
import { crossRate } from './cross-rate.ts';
import { appliedRate, type PriceQuoteInput, priceQuote } from './price-quote.ts';

const policy: PriceQuoteInput['policy'] = {
  spreadBps: 30,
  fees: { fixed: '1.50', percentBps: 25 },
  rounding: 'half_up',
  limits: { min: '1.00', max: '100000.00' },
};

function price(overrides: Partial<PriceQuoteInput>) {
  return priceQuote({
    sourceCurrency: 'EUR',
    targetCurrency: 'CNY',
    fixedSide: 'source',
    amountMinor: 25_000n,
    referenceRate: '8.215',
    policy,
    ...overrides,
  });
}

describe('priceQuote', () => {
  it('prices a fixed source amount: fees first, then the applied rate', () => {
    const quote = price({});
    // fee = 1.50 + 0.25 % of 250.00 = 1.50 + 0.625 → 0.63 (half up) = 2.13
    expect(quote.fees).toEqual([
      { type: 'fixed', amountMinor: 150n },
      { type: 'percentage', bps: 25, amountMinor: 63n },
    ]);
    expect(quote.totalFeeMinor).toBe(213n);
    // applied = 8.215 × 0.997 = 8.190355; (250.00 − 2.13) × 8.190355 = 2030.143...
    expect(quote.appliedRate).toBe('8.190355');
    expect(formatMinorUnits(quote.targetAmountMinor, 'CNY')).toBe('2030.14');
  });

  it('solves a fixed target amount so that the target is exact', () => {
    const quote = price({ fixedSide: 'target', amountMinor: 200_000n });
    expect(quote.targetAmountMinor).toBe(200_000n);
    // (2000.00 / 8.190355 + 1.50) / 0.9975 = 246.3102... → 246.31
    expect(formatMinorUnits(quote.sourceAmountMinor, 'EUR')).toBe('246.31');
    // Pricing that source amount forward lands on the target within one source minor unit.
    const forward = price({ amountMinor: quote.sourceAmountMinor });
    const diff = forward.targetAmountMinor - 200_000n;
    expect(diff >= -9n && diff <= 9n).toBe(true);
  });

  it('uses the currency exponent on both sides (JPY and KWD)', () => {
    const quote = priceQuote({
      sourceCurrency: 'JPY',
      targetCurrency: 'KWD',
      fixedSide: 'source',
      amountMinor: 100_000n,
      referenceRate: '0.00206',
      policy: { ...policy, fees: { fixed: '100', percentBps: 0 }, limits: { min: '100', max: '10000000' } },
    });
    expect(quote.fees).toEqual([{ type: 'fixed', amountMinor: 100n }]);
    // (100000 − 100) × (0.00206 × 0.997 = 0.00205382) = 205.176618 → 205.177
    expect(formatMinorUnits(quote.targetAmountMinor, 'KWD')).toBe('205.177');
  });

  it('refuses amounts outside the limits and amounts that do not cover the fees', () => {
    expect(() => price({ amountMinor: 50n })).toThrowError(
      expect.objectContaining({ code: 'amount_out_of_range' }),
    );
    expect(() => price({ amountMinor: 10_000_001n })).toThrowError(
      expect.objectContaining({ code: 'amount_out_of_range' }),
    );
    expect(() =>
      price({ amountMinor: 100n, policy: { ...policy, fees: { fixed: '1.00', percentBps: 0 } } }),
    ).toThrowError(expect.objectContaining({ code: 'amount_out_of_range' }));
  });

  it('property: matches an independent decimal computation to the minor unit', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 100n, max: 10_000_000n }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('half_up', 'half_even', 'down') as fc.Arbitrary<'half_up' | 'half_even' | 'down'>,
        (amountMinor, spreadBps, percentBps, rounding) => {
          const p = { ...policy, spreadBps, rounding, fees: { fixed: '0.50', percentBps } };
          const quote = price({ amountMinor, policy: p });
          const rate = new Decimal('8.215').times(new Decimal(10_000 - spreadBps).div(10_000));
          const source = fromMinorUnits(amountMinor, 'EUR');
          const fee =
            toMinorUnits(new Decimal('0.50'), 'EUR', rounding) +
            (percentBps > 0 ? toMinorUnits(source.times(percentBps).div(10_000), 'EUR', rounding) : 0n);
          const expected = toMinorUnits(
            fromMinorUnits(amountMinor - fee, 'EUR').times(
              rate.toSignificantDigits(12, Decimal.ROUND_HALF_EVEN),
            ),
            'CNY',
            rounding,
          );
          expect(quote.totalFeeMinor).toBe(fee);
          expect(quote.targetAmountMinor).toBe(expected);
        },
      ),
    );
  });

  it('applied rate never exceeds the reference rate', () => {
    expect(appliedRate('8.215', 0).toFixed()).toBe('8.215');
    expect(appliedRate('8.215', 10_000).toFixed()).toBe('0');
  });
});

describe('cross rates', () => {
  it('go through EUR in decimal arithmetic, 12 significant digits half-even', () => {
    expect(crossRate('8.2150', '172.45')).toBe('20.9920876446');
    expect(crossRate('1', '8.2150')).toBe('8.215');
    expect(crossRate('8.2150', '1')).toBe('0.121728545344');
    // Not floating point: 0.1 + 0.2 style errors cannot appear.
    expect(crossRate('0.3', '0.1')).toBe('0.333333333333');
  });
});
