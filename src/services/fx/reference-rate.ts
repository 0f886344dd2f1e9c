/**
 * The rate a quote uses for a corridor at an instant: a manual rate in force for the corridor's
 * pair, otherwise the newest published reference rate (ECB, or the demo table) as a cross rate
 * through EUR. A published rate older than the corridor allows, in TARGET business days, is
 * refused with `fx_rate_stale`; nothing is ever silently priced on an old rate.
 */
import { GatewayError } from '../../core/errors.ts';
import { Decimal } from '../../core/money.ts';
import type { Executor } from '../../db/database.ts';
import type { ReferenceRate } from '../../ports/index.ts';
import { ecbDate, rateAgeInTargetDays } from '../calendar/target-age.ts';
import type { Corridor } from './corridors.ts';
import { RATE_SIGNIFICANT_DIGITS } from './cross-rate.ts';
import { findActiveManualRate, type ManualRateRow } from './manual-rates.ts';
import { findPublishedRate } from './rate-store.ts';

export interface CorridorRate extends ReferenceRate {
  /** TARGET business days since the rate's day (0 for a manual rate in force). */
  ageTargetDays: number;
}

function fromManual(row: ManualRateRow, base: string, quote: string, at: Date): CorridorRate {
  const entered = new Decimal(row.rate);
  const rate =
    row.baseCurrency === base
      ? entered
      : new Decimal(1)
          .dividedBy(entered)
          .toSignificantDigits(RATE_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_EVEN);
  return {
    base,
    quote,
    rate: rate.toFixed(),
    source: 'manual',
    asOf: ecbDate(row.validFrom > at ? at : row.validFrom),
    ageTargetDays: 0,
    basis: {
      kind: 'manual',
      manualRateId: row.id,
      version: row.version,
      reference: row.reference,
      entered: { base: row.baseCurrency, quote: row.quoteCurrency, rate: row.rate },
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil.toISOString(),
    },
  };
}

export async function corridorRate(db: Executor, corridor: Corridor, at: Date): Promise<CorridorRate> {
  const base = corridor.source.identity.currency;
  const quote = corridor.target.identity.currency;
  if (corridor.manualRates.allowed) {
    const manual = await findActiveManualRate(db, corridor.pair, at);
    if (manual) return fromManual(manual, base, quote, at);
  }
  const published = await findPublishedRate(db, base, quote, ecbDate(at));
  if (!published) {
    throw new GatewayError(
      'fx_rate_unavailable',
      `No reference rate for ${base}/${quote} has been published.`,
      {
        details: { base, quote },
      },
    );
  }
  const ageTargetDays = rateAgeInTargetDays(published.asOf, at);
  if (ageTargetDays > corridor.maxRateAgeTargetDays) {
    throw new GatewayError(
      'fx_rate_stale',
      `The newest ${base}/${quote} reference rate is of ${published.asOf}, ${ageTargetDays} TARGET business days old; the ${corridor.id} corridor accepts at most ${corridor.maxRateAgeTargetDays}.`,
      {
        details: {
          base,
          quote,
          rateDate: published.asOf,
          source: published.source,
          ageTargetDays,
          maxAgeTargetDays: corridor.maxRateAgeTargetDays,
        },
      },
    );
  }
  return { ...published, ageTargetDays };
}
