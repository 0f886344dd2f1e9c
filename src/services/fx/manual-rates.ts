/**
 * Manual rates: a compliance officer sets the rate of a corridor pair (for example the PBoC
 * central parity for CNY/EUR) for a validity window. Each setting is a new version for the pair,
 * audited; a rate can be revoked once and is never edited (a database trigger enforces it).
 * While a manual rate is valid it takes precedence over the published reference rate, in both
 * directions of the pair, and the quote says so.
 */
import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { Decimal } from '../../core/money.ts';
import type { Executor } from '../../db/database.ts';
import { manualRates } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { recordAudit } from '../audit/audit.ts';
import { ecbDate } from '../calendar/target-age.ts';
import { resolvePair } from './corridors.ts';
import { RATE_SIGNIFICANT_DIGITS } from './cross-rate.ts';
import { findPublishedRate } from './rate-store.ts';

export type ManualRateRow = typeof manualRates.$inferSelect;

export interface ManualRateInput {
  corridor: string;
  base: string;
  quote: string;
  rate: string;
  /** ISO timestamps; `validFrom` defaults to now. */
  validFrom?: string | undefined;
  validUntil: string;
  reference: string;
}

export interface ManualRateContext {
  /** The database, or the caller's transaction (an idempotent request runs in one). */
  db: Executor;
  registry: AdapterRegistry;
  actor: string;
  now: Date;
  requestId?: string | undefined;
}

/** Clock skew tolerated for a window that starts "now". */
const START_TOLERANCE_MS = 5 * 60 * 1000;
const BPS = new Decimal(10_000);

function invalid(message: string, details?: Record<string, unknown>): GatewayError {
  return new GatewayError('manual_rate_invalid', message, details ? { details } : undefined);
}

function parseInstant(text: string, field: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(date.getTime())) {
    throw invalid(`${field} must be an ISO 8601 timestamp with a time zone.`, { field });
  }
  return date;
}

export async function setManualRate(
  context: ManualRateContext,
  input: ManualRateInput,
): Promise<ManualRateRow> {
  const { registry, now } = context;
  const corridors = resolvePair(registry, input.corridor);
  const [first] = corridors;
  if (!first) throw new Error('resolvePair returned no corridor');
  const currencies = [first.home.identity.currency, first.partner.identity.currency];
  if (input.base === input.quote || !currencies.includes(input.base) || !currencies.includes(input.quote)) {
    throw invalid(
      `A rate for ${input.corridor} quotes ${currencies[1]} against ${currencies[0]}, in either order.`,
      {
        currencies,
      },
    );
  }
  if (!first.manualRates.allowed) {
    throw invalid(`The adapters of ${input.corridor} do not allow manual rates.`);
  }
  if (!/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(input.rate) || !new Decimal(input.rate).gt(0)) {
    throw invalid('The rate must be a positive decimal string such as "7.9827".');
  }
  const rate = new Decimal(input.rate);
  if (rate.sd() > RATE_SIGNIFICANT_DIGITS) {
    throw invalid(`The rate has more than ${RATE_SIGNIFICANT_DIGITS} significant digits.`);
  }
  const validFrom = input.validFrom === undefined ? now : parseInstant(input.validFrom, 'validFrom');
  const validUntil = parseInstant(input.validUntil, 'validUntil');
  if (validFrom.getTime() < now.getTime() - START_TOLERANCE_MS) {
    throw invalid('A manual rate cannot start in the past: quotes already given keep their rate.');
  }
  if (validUntil.getTime() <= validFrom.getTime()) throw invalid('validUntil must be after validFrom.');
  const hours = (validUntil.getTime() - validFrom.getTime()) / 3_600_000;
  if (hours > first.manualRates.maxValidityHours) {
    throw invalid(
      `A manual rate for ${input.corridor} is valid for at most ${first.manualRates.maxValidityHours} hours.`,
      {
        maxValidityHours: first.manualRates.maxValidityHours,
      },
    );
  }
  const reference = input.reference.trim();
  if (reference.length < 3 || reference.length > 200) {
    throw invalid(
      'Say what the rate is in `reference` (3 to 200 characters), e.g. "PBoC central parity 2026-11-23".',
    );
  }

  // The newest published rate, however old, guards against a mistyped or inverted rate.
  const published = await findPublishedRate(context.db, input.base, input.quote, ecbDate(now));
  if (published) {
    const deviationBps = rate.dividedBy(published.rate).minus(1).abs().times(BPS).toDecimalPlaces(1);
    if (deviationBps.gt(first.manualRates.maxDeviationBps)) {
      throw invalid(
        `The rate is ${deviationBps.toFixed()} bp away from the ${published.source} reference rate of ${published.asOf}; at most ${first.manualRates.maxDeviationBps} bp are allowed.`,
        {
          referenceRate: published.rate,
          referenceDate: published.asOf,
          deviationBps: deviationBps.toFixed(),
          maxDeviationBps: first.manualRates.maxDeviationBps,
        },
      );
    }
  }

  // A transaction of its own, or a savepoint inside the caller's (an idempotent request runs in one).
  return context.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pontis.manual_rate.${input.corridor}`}))`);
    const [last] = await tx
      .select({ version: manualRates.version })
      .from(manualRates)
      .where(eq(manualRates.corridor, input.corridor))
      .orderBy(desc(manualRates.version))
      .limit(1);
    const version = (last?.version ?? 0) + 1;
    const [row] = await tx
      .insert(manualRates)
      .values({
        id: newId('manualRate', now.getTime()),
        corridor: input.corridor,
        version,
        baseCurrency: input.base,
        quoteCurrency: input.quote,
        rate: rate.toFixed(),
        validFrom,
        validUntil,
        reference,
        setBy: context.actor,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('insert into manual_rates returned no row');
    await recordAudit(tx, {
      actor: context.actor,
      action: 'fx.manual_rate.set',
      subjectType: 'manual_rate',
      subjectId: row.id,
      requestId: context.requestId,
      now,
      data: {
        corridor: row.corridor,
        version,
        base: row.baseCurrency,
        quote: row.quoteCurrency,
        rate: row.rate,
        validFrom: validFrom.toISOString(),
        validUntil: validUntil.toISOString(),
        reference,
        ...(published ? { referenceRate: published.rate, referenceDate: published.asOf } : {}),
      },
    });
    return row;
  });
}

export async function revokeManualRate(
  context: Omit<ManualRateContext, 'registry'>,
  id: string,
): Promise<ManualRateRow> {
  return context.db.transaction(async (tx) => {
    const [current] = await tx.select().from(manualRates).where(eq(manualRates.id, id)).for('update');
    if (!current) throw new GatewayError('manual_rate_not_found', 'No manual rate has this id.');
    if (current.revokedAt) {
      throw invalid('The manual rate is already revoked.', { revokedAt: current.revokedAt.toISOString() });
    }
    const [row] = await tx
      .update(manualRates)
      .set({ revokedAt: context.now, revokedBy: context.actor })
      .where(eq(manualRates.id, id))
      .returning();
    if (!row) throw new Error('update of manual_rates returned no row');
    await recordAudit(tx, {
      actor: context.actor,
      action: 'fx.manual_rate.revoked',
      subjectType: 'manual_rate',
      subjectId: id,
      requestId: context.requestId,
      now: context.now,
      data: { corridor: row.corridor, version: row.version },
    });
    return row;
  });
}

export async function findManualRate(db: Executor, id: string): Promise<ManualRateRow | undefined> {
  const [row] = await db.select().from(manualRates).where(eq(manualRates.id, id));
  return row;
}

export async function listManualRates(
  db: Executor,
  filter: { corridor?: string | undefined; activeAt?: Date | undefined; limit: number },
): Promise<ManualRateRow[]> {
  const conditions = [
    filter.corridor ? eq(manualRates.corridor, filter.corridor) : undefined,
    filter.activeAt ? isNull(manualRates.revokedAt) : undefined,
    filter.activeAt ? lte(manualRates.validFrom, filter.activeAt) : undefined,
    filter.activeAt ? gt(manualRates.validUntil, filter.activeAt) : undefined,
  ].filter((condition) => condition !== undefined);
  return db
    .select()
    .from(manualRates)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(manualRates.createdAt), desc(manualRates.version))
    .limit(filter.limit);
}

/** The manual rate in force for a pair at `at`: the highest version whose window covers it. */
export async function findActiveManualRate(
  db: Executor,
  pair: string,
  at: Date,
): Promise<ManualRateRow | undefined> {
  const [row] = await db
    .select()
    .from(manualRates)
    .where(
      and(
        eq(manualRates.corridor, pair),
        isNull(manualRates.revokedAt),
        lte(manualRates.validFrom, at),
        gt(manualRates.validUntil, at),
      ),
    )
    .orderBy(desc(manualRates.version))
    .limit(1);
  return row;
}
