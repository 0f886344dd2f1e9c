/**
 * FX policy: where reference rates come from, how old they may be, whether a compliance officer
 * may set a manual rate, and what each corridor (home ⇄ partner, one per direction) costs.
 */
import { z } from 'zod';
import { decimalText } from './decimal-text.ts';

/** ISO 20022 charge bearer codes: who pays the fees. */
export const CHARGE_BEARERS = ['DEBT', 'CRED', 'SHAR'] as const;
export type ChargeBearer = (typeof CHARGE_BEARERS)[number];

/** Where a quote's rate came from: ECB reference rates, the demo table, or a compliance officer. */
export const RATE_SOURCES = ['ecb', 'demo-table', 'manual'] as const;
export type RateSourceName = (typeof RATE_SOURCES)[number];

/** The rounding rules a corridor may use for amounts and fees. */
export const CORRIDOR_ROUNDING = ['half_up', 'half_even'] as const;

/** The two directions money moves: contributions from the partner home, benefits from home out. */
export const CORRIDOR_PURPOSES = ['contribution', 'benefit'] as const;
export type CorridorPurpose = (typeof CORRIDOR_PURPOSES)[number];

/**
 * The price of one direction of a corridor. Amounts (fixed fee, limits) are in the corridor's
 * source currency: the partner's for contributions, the home currency for benefits.
 */
export const corridorPolicySchema = z
  .object({
    /** Margin taken off the reference rate, in basis points (1 bp = 0.01 %). */
    spreadBps: z.number().int().min(0).max(10_000),
    fees: z
      .object({
        /** Fixed fee in the source currency, a decimal string. */
        fixed: decimalText,
        /** Fee proportional to the source amount, in basis points. */
        percentBps: z.number().int().min(0).max(10_000),
      })
      .strict(),
    /** Smallest and largest source amount accepted. */
    limits: z.object({ min: decimalText, max: decimalText }).strict(),
    rounding: z.enum(CORRIDOR_ROUNDING),
    quoteTtlSeconds: z.number().int().min(10).max(86_400),
    chargeBearer: z.enum(CHARGE_BEARERS),
  })
  .strict();

export type CorridorPolicy = z.infer<typeof corridorPolicySchema>;

export const fxPolicySchema = z
  .object({
    /** The reference source: ECB euro reference rates, cross rates through EUR. */
    referenceSource: z.literal('ecb'),
    /** A reference rate older than this many TARGET business days is refused (`fx_rate_stale`). */
    maxRateAgeTargetDays: z.number().int().min(0).max(10),
    /** Whether a compliance officer may set a manual rate for this adapter's corridors, and within which bounds. */
    manualRates: z
      .object({
        allowed: z.boolean(),
        /** Largest distance from the newest reference rate, in basis points. */
        maxDeviationBps: z.number().int().min(0).max(5_000),
        /** Longest validity window of one manual rate. */
        maxValidityHours: z.number().int().min(1).max(744),
      })
      .strict(),
    /** Partner adapters price both directions of their corridor with home; the home adapter has none. */
    corridors: z
      .object({ contribution: corridorPolicySchema.optional(), benefit: corridorPolicySchema.optional() })
      .strict(),
  })
  .strict();

export type FxPolicy = z.infer<typeof fxPolicySchema>;
