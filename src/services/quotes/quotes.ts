/**
 * Quotes: price a conversion for a corridor between the home jurisdiction and a partner, and
 * store it with everything its receipt needs. A quote is single use and expires.
 */
import { eq } from 'drizzle-orm';
import type { Quote, QuoteRequest } from '../../../schemas/quotes.ts';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { formatMinorUnits, parseAmount } from '../../core/money.ts';
import type { Executor } from '../../db/database.ts';
import { quotes } from '../../db/schema.ts';
import type { JurisdictionAdapter, RateSource } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { priceQuote } from '../fx/price-quote.ts';
import { conversionView } from './conversion-view.ts';

export interface QuoteDeps {
  db: Executor;
  registry: AdapterRegistry;
  rates: RateSource;
  now: Date;
}

type QuoteRow = typeof quotes.$inferSelect;

/** Source and target adapters of a corridor: contributions flow home, benefits flow out. */
export function corridorOf(
  registry: AdapterRegistry,
  purpose: 'contribution' | 'benefit',
  partnerCode: string,
): { partner: JurisdictionAdapter; source: JurisdictionAdapter; target: JurisdictionAdapter } {
  const partner = registry.require(partnerCode);
  if (partner === registry.home) {
    throw new GatewayError(
      'corridor_unsupported',
      'The partner jurisdiction cannot be the home jurisdiction.',
    );
  }
  return purpose === 'contribution'
    ? { partner, source: partner, target: registry.home }
    : { partner, source: registry.home, target: partner };
}

export async function createQuote(deps: QuoteDeps, request: QuoteRequest, actor: string): Promise<Quote> {
  const { source, target, partner } = corridorOf(deps.registry, request.purpose, request.partnerJurisdiction);
  if (
    request.sourceCurrency !== source.identity.currency ||
    request.targetCurrency !== target.identity.currency
  ) {
    throw new GatewayError(
      'corridor_unsupported',
      `A ${request.purpose} with ${partner.identity.code} converts ${source.identity.currency} to ${target.identity.currency}.`,
      { details: { sourceCurrency: source.identity.currency, targetCurrency: target.identity.currency } },
    );
  }
  const reference = await deps.rates.getReferenceRate(
    request.sourceCurrency,
    request.targetCurrency,
    deps.now,
  );
  if (!reference) {
    throw new GatewayError(
      'fx_rate_unavailable',
      `No reference rate for ${request.sourceCurrency}/${request.targetCurrency}.`,
    );
  }
  const fixedSide = request.sourceAmount !== undefined ? 'source' : 'target';
  const amountText = (fixedSide === 'source' ? request.sourceAmount : request.targetAmount) ?? '';
  const amountMinor = parseAmount(
    amountText,
    fixedSide === 'source' ? request.sourceCurrency : request.targetCurrency,
  );
  const policy = source.fx;
  const priced = priceQuote({
    sourceCurrency: request.sourceCurrency,
    targetCurrency: request.targetCurrency,
    fixedSide,
    amountMinor,
    referenceRate: reference.rate,
    policy,
  });

  const [row] = await deps.db
    .insert(quotes)
    .values({
      id: newId('quote', deps.now.getTime()),
      purpose: request.purpose,
      partnerJurisdiction: partner.identity.code,
      sourceJurisdiction: source.identity.code,
      targetJurisdiction: target.identity.code,
      sourceCurrency: request.sourceCurrency,
      targetCurrency: request.targetCurrency,
      fixedSide,
      sourceAmountMinor: priced.sourceAmountMinor,
      targetAmountMinor: priced.targetAmountMinor,
      feeMinor: priced.totalFeeMinor,
      fees: priced.fees.map((line) => ({
        type: line.type,
        ...(line.bps === undefined ? {} : { bps: line.bps }),
        amount: formatMinorUnits(line.amountMinor, request.sourceCurrency),
      })),
      referenceRate: reference.rate,
      appliedRate: priced.appliedRate,
      spreadBps: policy.spreadBps,
      rateSource: reference.source,
      rateDate: reference.asOf,
      rounding: policy.rounding,
      chargeBearer: policy.chargeBearer,
      adapterVersion: source.identity.version,
      createdBy: actor,
      createdAt: deps.now,
      expiresAt: new Date(deps.now.getTime() + policy.quoteTtlSeconds * 1000),
    })
    .returning();
  if (!row) throw new Error('insert into quotes returned no row');
  return toQuoteView(row);
}

export function toQuoteView(row: QuoteRow): Quote {
  const fees = row.fees as { type: 'fixed' | 'percentage'; bps?: number; amount: string }[];
  return {
    id: row.id,
    object: 'quote',
    ...conversionView(row),
    fixedSide: row.fixedSide,
    rate: {
      reference: row.referenceRate,
      applied: row.appliedRate,
      spreadBps: row.spreadBps,
      source: row.rateSource,
      asOf: row.rateDate,
    },
    fees: fees.map((line) => ({ ...line, currency: row.sourceCurrency })),
    totalFee: formatMinorUnits(row.feeMinor, row.sourceCurrency),
    chargeBearer: row.chargeBearer as Quote['chargeBearer'],
    rounding: row.rounding,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

export async function findQuote(db: Executor, id: string): Promise<QuoteRow | undefined> {
  const [row] = await db.select().from(quotes).where(eq(quotes.id, id));
  return row;
}
