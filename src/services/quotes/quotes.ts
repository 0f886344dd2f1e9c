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
import type { AdapterRegistry } from '../adapters/registry.ts';
import { settlementDates } from '../calendar/value-date.ts';
import { type Corridor, resolveCorridor } from '../fx/corridors.ts';
import { type PricedQuote, priceQuote } from '../fx/price-quote.ts';
import { type CorridorRate, corridorRate } from '../fx/reference-rate.ts';
import { conversionView } from './conversion-view.ts';

export interface QuoteDeps {
  db: Executor;
  registry: AdapterRegistry;
  now: Date;
}

type QuoteRow = typeof quotes.$inferSelect;

/** What a quote request prices to, before value dates and storage: the corridor, rate and amounts. */
export interface PricedConversion {
  corridor: Corridor;
  fixedSide: 'source' | 'target';
  reference: CorridorRate;
  priced: PricedQuote;
}

/**
 * Prices a quote request: resolves the corridor, finds its reference rate (manual or published,
 * refusing a stale one) and computes the amounts. Reads only; `createQuote` stores the result.
 */
export async function priceConversion(
  deps: Pick<QuoteDeps, 'db' | 'registry' | 'now'>,
  request: QuoteRequest,
): Promise<PricedConversion> {
  const corridor = resolveCorridor(deps.registry, request.purpose, request.partnerJurisdiction);
  const { source, target, partner, policy } = corridor;
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
  const fixedSide = request.sourceAmount !== undefined ? 'source' : 'target';
  const amountText = (fixedSide === 'source' ? request.sourceAmount : request.targetAmount) ?? '';
  const amountMinor = parseAmount(
    amountText,
    fixedSide === 'source' ? request.sourceCurrency : request.targetCurrency,
  );
  const reference = await corridorRate(deps.db, corridor, deps.now);
  const priced = priceQuote({
    sourceCurrency: request.sourceCurrency,
    targetCurrency: request.targetCurrency,
    fixedSide,
    amountMinor,
    referenceRate: reference.rate,
    policy,
  });
  return { corridor, fixedSide, reference, priced };
}

export async function createQuote(deps: QuoteDeps, request: QuoteRequest, actor: string): Promise<Quote> {
  const { corridor, fixedSide, reference, priced } = await priceConversion(deps, request);
  const { source, target, partner, policy } = corridor;
  const dates = settlementDates({ at: deps.now, source: source.settlement, target: target.settlement });
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
      rateAgeTargetDays: reference.ageTargetDays,
      rateBasis: reference.basis,
      corridor: corridor.id,
      executionDate: dates.executionDate,
      valueDate: dates.valueDate,
      rounding: policy.rounding,
      chargeBearer: policy.chargeBearer,
      adapterVersion: partner.identity.version,
      createdBy: actor,
      createdAt: deps.now,
      expiresAt: new Date(deps.now.getTime() + policy.quoteTtlSeconds * 1000),
    })
    .returning();
  if (!row) throw new Error('insert into quotes returned no row');
  return toQuoteView(row, dates.cutOff, source.settlement.rail);
}

/** The receipt view of a stored quote; `cutOff` and `rail` describe the source side at quote time. */
export function toQuoteView(row: QuoteRow, cutOff: string, rail: string): Quote {
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
      source: row.rateSource as Quote['rate']['source'],
      asOf: row.rateDate,
      ageTargetDays: row.rateAgeTargetDays,
      basis: row.rateBasis as Quote['rate']['basis'],
    },
    corridor: row.corridor,
    settlement:
      row.executionDate && row.valueDate
        ? { executionDate: row.executionDate, valueDate: row.valueDate, cutOff, rail }
        : null,
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
