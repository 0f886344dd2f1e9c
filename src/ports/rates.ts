/**
 * Reference exchange rates as the quote engine sees them: a rate for a currency pair, its source,
 * the business day it is for, and the basis it was derived from, so that a receipt can show it.
 */
import type { RateSourceName } from './fx.ts';

/** A cross rate through EUR from a published table (ECB or the demo table). */
export interface PublishedRateBasis {
  readonly kind: 'published';
  /** Units of base and of quote currency per 1 EUR, exactly as published ("1" for EUR). */
  readonly basePerEur: string;
  readonly quotePerEur: string;
}

/** A rate a compliance officer set for the corridor. */
export interface ManualRateBasis {
  readonly kind: 'manual';
  readonly manualRateId: string;
  readonly version: number;
  /** What the rate is, e.g. "PBoC central parity 2026-11-23" (never personal data). */
  readonly reference: string;
  /** The rate as it was entered (it may be the inverse of the pair quoted). */
  readonly entered: { readonly base: string; readonly quote: string; readonly rate: string };
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface ReferenceRate {
  readonly base: string;
  readonly quote: string;
  /** Units of `quote` per one unit of `base`, as a decimal string. */
  readonly rate: string;
  readonly source: RateSourceName;
  /** The business day the rate is for (ISO date). */
  readonly asOf: string;
  readonly basis: PublishedRateBasis | ManualRateBasis;
}
