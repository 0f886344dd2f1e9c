/**
 * The EUR equivalent of a transfer's partner-side amount, for the travel rule's EUR 1,000 line:
 * the amount itself in EUR; otherwise through the per-EUR rate of the partner currency the quote
 * was priced from (ECB or demo reference rates); for a quote on a manual rate, the published rate
 * of the quote's day. Rounded half-up to the cent; null when no rate is known.
 */
import { eq } from 'drizzle-orm';
import { Decimal, fromMinorUnits } from '../../core/money.ts';
import type { Executor } from '../../db/database.ts';
import { quotes, type transfers } from '../../db/schema.ts';
import type { PublishedRateBasis } from '../../ports/index.ts';
import { findPublishedRate } from '../fx/rate-store.ts';
import type { AmlFacts } from './facts.ts';

type TransferRow = typeof transfers.$inferSelect;

/** The amount in EUR given units of its currency per EUR, to the cent. */
export function toEur(amountMinor: bigint, currencyCode: string, perEur: string): string {
  return fromMinorUnits(amountMinor, currencyCode).dividedBy(perEur).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** The partner side of a transfer: the source of a contribution, the target of a benefit. */
export function partnerSide(
  transfer: Pick<
    TransferRow,
    'purpose' | 'sourceCurrency' | 'targetCurrency' | 'sourceAmountMinor' | 'targetAmountMinor'
  >,
): { currency: string; amountMinor: bigint } {
  return transfer.purpose === 'contribution'
    ? { currency: transfer.sourceCurrency, amountMinor: transfer.sourceAmountMinor }
    : { currency: transfer.targetCurrency, amountMinor: transfer.targetAmountMinor };
}

export async function eurEquivalent(
  db: Executor,
  transfer: TransferRow,
  date: string,
): Promise<AmlFacts['eur']> {
  const side = partnerSide(transfer);
  if (side.currency === 'EUR')
    return { amount: toEur(side.amountMinor, 'EUR', '1'), rateSource: 'same_currency' };
  const [quote] = await db
    .select({ rateBasis: quotes.rateBasis, rateDate: quotes.rateDate })
    .from(quotes)
    .where(eq(quotes.id, transfer.quoteId));
  const basis = quote?.rateBasis as Partial<PublishedRateBasis> | undefined;
  if (basis?.kind === 'published' && basis.basePerEur && basis.quotePerEur) {
    const perEur = side.currency === transfer.sourceCurrency ? basis.basePerEur : basis.quotePerEur;
    return { amount: toEur(side.amountMinor, side.currency, perEur), rateSource: 'quote' };
  }
  const published = await findPublishedRate(db, 'EUR', side.currency, quote?.rateDate ?? date);
  if (!published) return { amount: null, rateSource: null };
  return { amount: toEur(side.amountMinor, side.currency, published.rate), rateSource: published.source };
}
