/**
 * The operator-settable parameters adapters share (FX pricing per corridor, rate age, manual
 * rates), with bounds each adapter chooses. Amounts are decimal strings in the currency they are
 * paid in, checked against that currency's number of decimals. AML rule parameters are not
 * operator options: compliance officers set them at run time, versioned and four-eyes
 * (`aml-rules.ts`, `/v1/aml/rule-sets`), so that no configuration change can bypass that control.
 */
import { z } from 'zod';
import { currency, Decimal, fractionDigits } from '../../src/core/money.ts';
import {
  CHARGE_BEARERS,
  CORRIDOR_ROUNDING,
  type CorridorPolicy,
  decimalText,
  type FxPolicy,
} from '../../src/ports/index.ts';

/** The home jurisdiction every partner adapter's corridors lead to (the bilateral agreements are with China). */
export const HOME_CURRENCY = 'CNY';

/** What an operator may set for one direction of a corridor. */
export interface CorridorBounds {
  /** The corridor's source currency: fees and limits are in it. */
  currency: string;
  maxSpreadBps: number;
  maxPercentFeeBps: number;
  maxFixedFee: string;
  /** Largest transfer limit an operator may configure. */
  maxTransferLimit: string;
}

/** A decimal string in `code`, at most `max`, with no more decimals than the currency has. */
export function amountIn(code: string, max: string) {
  const { exponent } = currency(code);
  return decimalText
    .refine((text) => fractionDigits(text) <= exponent, `at most ${exponent} decimal places for ${code}`)
    .refine((text) => new Decimal(text).lte(max), `at most ${max} ${code}`);
}

function corridorOptionsSchema(bounds: CorridorBounds) {
  const amount = amountIn(bounds.currency, bounds.maxTransferLimit);
  return z
    .object({
      spreadBps: z.number().int().min(0).max(bounds.maxSpreadBps),
      fixedFee: amountIn(bounds.currency, bounds.maxFixedFee),
      percentFeeBps: z.number().int().min(0).max(bounds.maxPercentFeeBps),
      rounding: z.enum(CORRIDOR_ROUNDING),
      quoteTtlSeconds: z.number().int().min(30).max(3_600),
      chargeBearer: z.enum(CHARGE_BEARERS),
      limits: z
        .object({ min: amount, max: amount })
        .strict()
        .refine(({ min, max }) => new Decimal(min).gt(0) && new Decimal(min).lt(max), {
          message: 'limits.min must be positive and below limits.max',
        }),
    })
    .strict()
    .refine(({ fixedFee, limits }) => new Decimal(limits.min).gt(fixedFee), {
      message: 'limits.min must be above fixedFee, or the smallest amount could not pay its fee',
    });
}

function optionsSchema<Corridors extends z.ZodType>(corridors: Corridors) {
  return z
    .object({
      fx: z
        .object({
          maxRateAgeTargetDays: z.number().int().min(0).max(5),
          manualRates: z
            .object({
              allowed: z.boolean(),
              maxDeviationBps: z.number().int().min(0).max(2_000),
              maxValidityHours: z.number().int().min(1).max(168),
            })
            .strict(),
          corridors,
        })
        .strict(),
    })
    .strict();
}

/** The home adapter's options: no corridors of its own (partners price them). */
export function homeOptionsSchema() {
  return optionsSchema(z.object({}).strict());
}

/** A partner adapter's options: both directions of its corridor with home. */
export function partnerOptionsSchema(bounds: {
  corridors: { contribution: CorridorBounds; benefit: CorridorBounds };
}) {
  return optionsSchema(
    z
      .object({
        contribution: corridorOptionsSchema(bounds.corridors.contribution),
        benefit: corridorOptionsSchema(bounds.corridors.benefit),
      })
      .strict(),
  );
}

type CorridorOptions = z.output<ReturnType<typeof corridorOptionsSchema>>;

/** The FX options every adapter has, whatever its corridors. */
export interface StandardFxOptions {
  maxRateAgeTargetDays: number;
  manualRates: FxPolicy['manualRates'];
  corridors: { contribution?: CorridorOptions; benefit?: CorridorOptions };
}

function corridorPolicy(options: CorridorOptions): CorridorPolicy {
  return {
    spreadBps: options.spreadBps,
    fees: { fixed: options.fixedFee, percentBps: options.percentFeeBps },
    limits: options.limits,
    rounding: options.rounding,
    quoteTtlSeconds: options.quoteTtlSeconds,
    chargeBearer: options.chargeBearer,
  };
}

/** The FX policy built from the standard options: ECB reference rates, the operator's prices. */
export function standardFxPolicy(fx: StandardFxOptions): FxPolicy {
  const { corridors } = fx;
  return {
    referenceSource: 'ecb',
    maxRateAgeTargetDays: fx.maxRateAgeTargetDays,
    manualRates: fx.manualRates,
    corridors: {
      ...(corridors.contribution ? { contribution: corridorPolicy(corridors.contribution) } : {}),
      ...(corridors.benefit ? { benefit: corridorPolicy(corridors.benefit) } : {}),
    },
  };
}

/**
 * Benefits are paid from the home fund in CNY: their fees and limits are in CNY whatever the
 * partner, so every partner uses these bounds for its benefit direction.
 */
export const BENEFIT_CORRIDOR_BOUNDS: CorridorBounds = {
  currency: HOME_CURRENCY,
  maxSpreadBps: 300,
  maxPercentFeeBps: 100,
  maxFixedFee: '200.00',
  maxTransferLimit: '5000000.00',
};

/**
 * The default benefit direction: the fund bears the charges (DEBT) so that the pensioner receives
 * the amount due, and amounts round half-even so that neither side gains systematically.
 */
export const DEFAULT_BENEFIT_CORRIDOR = {
  spreadBps: 20,
  fixedFee: '0.00',
  percentFeeBps: 0,
  rounding: 'half_even',
  quoteTtlSeconds: 900,
  chargeBearer: 'DEBT',
  limits: { min: '1.00', max: '1000000.00' },
} as const;

/** Rate age and manual-rate bounds most adapters use. */
export const DEFAULT_FX_OPTIONS = {
  maxRateAgeTargetDays: 2,
  manualRates: { allowed: true, maxDeviationBps: 300, maxValidityHours: 48 },
} as const;
