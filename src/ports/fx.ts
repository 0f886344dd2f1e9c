/** FX policy: where rates come from and what a conversion costs, declared per adapter. */
import { z } from 'zod';
import { ROUNDING_MODES } from '../core/money.ts';
import { decimalText } from './decimal-text.ts';

/** ISO 20022 charge bearer codes: who pays the fees. */
export const CHARGE_BEARERS = ['DEBT', 'CRED', 'SHAR'] as const;
export type ChargeBearer = (typeof CHARGE_BEARERS)[number];

export const RATE_SOURCES = ['reference'] as const;

export const fxPolicySchema = z
  .object({
    /** `reference`: the gateway's reference rate source (a demo table until ECB rates land). */
    rateSource: z.enum(RATE_SOURCES),
    /** Margin taken off the reference rate, in basis points (1 bp = 0.01 %). */
    spreadBps: z.number().int().min(0).max(10_000),
    fees: z
      .object({
        /** Fixed fee in the adapter's currency, a decimal string. */
        fixed: decimalText,
        /** Fee proportional to the source amount, in basis points. */
        percentBps: z.number().int().min(0).max(10_000),
      })
      .strict(),
    rounding: z.enum(ROUNDING_MODES),
    quoteTtlSeconds: z.number().int().min(10).max(86_400),
    /** Smallest and largest source amount accepted, in the adapter's currency. */
    limits: z.object({ min: decimalText, max: decimalText }).strict(),
    chargeBearer: z.enum(CHARGE_BEARERS),
  })
  .strict();

export type FxPolicy = z.infer<typeof fxPolicySchema>;
