/**
 * The operator-settable parameters most adapters share (FX pricing, AML thresholds), with bounds
 * each adapter chooses. Amounts are decimal strings in the adapter's currency, checked against
 * the currency's number of decimals.
 */
import { z } from 'zod';
import { currency, Decimal, fractionDigits, ROUNDING_MODES } from '../../src/core/money.ts';
import { type ChargeBearer, decimalText, type FxPolicy } from '../../src/ports/index.ts';

export interface StandardOptionBounds {
  currency: string;
  maxSpreadBps: number;
  maxPercentFeeBps: number;
  /** Largest fixed fee and largest transfer limit an operator may configure. */
  maxFixedFee: string;
  maxTransferLimit: string;
}

/** A decimal string in `code`, at most `max`, with no more decimals than the currency has. */
export function amountIn(code: string, max: string) {
  const { exponent } = currency(code);
  return decimalText
    .refine((text) => fractionDigits(text) <= exponent, `at most ${exponent} decimal places for ${code}`)
    .refine((text) => new Decimal(text).lte(max), `at most ${max} ${code}`);
}

export function standardOptionsSchema(bounds: StandardOptionBounds) {
  const amount = amountIn(bounds.currency, bounds.maxTransferLimit);
  return z
    .object({
      fx: z
        .object({
          spreadBps: z.number().int().min(0).max(bounds.maxSpreadBps),
          fixedFee: amountIn(bounds.currency, bounds.maxFixedFee),
          percentFeeBps: z.number().int().min(0).max(bounds.maxPercentFeeBps),
          rounding: z.enum(ROUNDING_MODES),
          quoteTtlSeconds: z.number().int().min(30).max(3_600),
          limits: z
            .object({ min: amount, max: amount })
            .strict()
            .refine(({ min, max }) => new Decimal(min).gt(0) && new Decimal(min).lt(max), {
              message: 'limits.min must be positive and below limits.max',
            }),
        })
        .strict(),
      aml: z.object({ reviewThreshold: amount, travelRuleThreshold: amount }).strict(),
    })
    .strict();
}

export type StandardOptions = z.output<ReturnType<typeof standardOptionsSchema>>;

/** The FX policy built from the standard options: reference rates, the operator's price. */
export function standardFxPolicy(fx: StandardOptions['fx'], chargeBearer: ChargeBearer): FxPolicy {
  return {
    rateSource: 'reference',
    spreadBps: fx.spreadBps,
    fees: { fixed: fx.fixedFee, percentBps: fx.percentFeeBps },
    rounding: fx.rounding,
    quoteTtlSeconds: fx.quoteTtlSeconds,
    limits: fx.limits,
    chargeBearer,
  };
}
