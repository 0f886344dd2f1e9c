/**
 * The stored reference rates: atomic imports of a parsed ECB (or demo) rate set, the newest
 * published rates for a pair on or before a day, and the import log.
 *
 * An import is one transaction: every rate of the file is written, or none. A file already loaded
 * (same SHA-256) is recorded as `unchanged` without touching the rates. A failed load is recorded
 * too, outside the rolled-back transaction, so that `/ready` and `pontis fx status` can show it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Executor } from '../../db/database.ts';
import { rows } from '../../db/migrations-journal.ts';
import { fxRateImports } from '../../db/schema.ts';
import type { PublishedRateBasis } from '../../ports/index.ts';
import { crossRate } from './cross-rate.ts';
import type { EcbRateSet } from './ecb/ecb-rates.ts';

export type PublishedSource = 'ecb' | 'demo-table';
export type ImportTrigger = 'file' | 'refresh' | 'demo';

export interface ImportResult {
  id: string;
  status: 'loaded' | 'unchanged';
  source: PublishedSource;
  firstDate: string;
  lastDate: string;
  days: number;
  rates: number;
  /** Rates not stored before, and stored rates whose published value changed. */
  inserted: number;
  revised: number;
}

/** Rows per INSERT statement: arrays travel as three parameters, so this only bounds statement size. */
const CHUNK = 10_000;

/** A Postgres array literal of values the parser already validated (dates, codes, decimals). */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Loads a parsed rate set in one transaction. `sha256` identifies the file: a file loaded before
 * is not loaded again.
 */
export async function importRateSet(
  db: Executor,
  set: EcbRateSet,
  meta: { source: PublishedSource; trigger: ImportTrigger; origin: string; sha256: string; now: Date },
): Promise<ImportResult> {
  const summary = {
    source: meta.source,
    firstDate: set.firstDate,
    lastDate: set.lastDate,
    days: set.days.length,
    rates: set.rateCount,
  };
  return db.transaction(async (tx) => {
    // One import at a time per database: concurrent refreshes of two processes queue here.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pontis.fx_rate_import'))`);
    const id = newId('rateImport', meta.now.getTime());
    const previous = await findLoadedImport(tx, meta.sha256);
    let inserted = 0;
    let revised = 0;
    const status = previous ? ('unchanged' as const) : ('loaded' as const);
    if (!previous) {
      const dates: string[] = [];
      const currencies: string[] = [];
      const rates: string[] = [];
      for (const day of set.days) {
        for (const [code, rate] of Object.entries(day.rates)) {
          dates.push(day.date);
          currencies.push(code);
          rates.push(rate);
        }
      }
      for (let start = 0; start < dates.length; start += CHUNK) {
        const end = start + CHUNK;
        const result = await tx.execute(sql`
          insert into fx_rates (source, rate_date, currency, rate, import_id)
          select ${meta.source}, d, c, r, ${id}
          from unnest(${arrayLiteral(dates.slice(start, end))}::date[],
                      ${arrayLiteral(currencies.slice(start, end))}::text[],
                      ${arrayLiteral(rates.slice(start, end))}::numeric[]) as t(d, c, r)
          on conflict (source, rate_date, currency) do update
            set rate = excluded.rate, import_id = excluded.import_id
            where fx_rates.rate <> excluded.rate
          returning (xmax = 0) as inserted`);
        for (const row of rows<{ inserted: boolean }>(result)) {
          if (row.inserted) inserted += 1;
          else revised += 1;
        }
      }
    }
    await tx.insert(fxRateImports).values({
      id,
      source: meta.source,
      trigger: meta.trigger,
      origin: meta.origin,
      sha256: meta.sha256,
      status,
      firstDate: set.firstDate,
      lastDate: set.lastDate,
      days: set.days.length,
      rates: set.rateCount,
      inserted,
      revised,
      createdAt: meta.now,
    });
    return { id, status, ...summary, inserted, revised };
  });
}

/** The successful import of a file with this SHA-256, if any. */
export async function findLoadedImport(db: Executor, sha256: string): Promise<ImportLogEntry | undefined> {
  const [row] = await db
    .select()
    .from(fxRateImports)
    .where(and(eq(fxRateImports.sha256, sha256), eq(fxRateImports.status, 'loaded')))
    .limit(1);
  return row;
}

/** Records a load or download that failed; the rates stay as they were. */
export async function recordFailedImport(
  db: Executor,
  meta: { source: PublishedSource; trigger: ImportTrigger; origin: string; now: Date },
  error: unknown,
): Promise<void> {
  const code = error instanceof GatewayError ? error.code : 'download_failed';
  const message = error instanceof Error ? error.message : String(error);
  await db.insert(fxRateImports).values({
    id: newId('rateImport', meta.now.getTime()),
    source: meta.source,
    trigger: meta.trigger,
    origin: meta.origin,
    status: 'failed',
    errorCode: code,
    error: message.slice(0, 500),
    createdAt: meta.now,
  });
}

export interface PublishedRate {
  base: string;
  quote: string;
  rate: string;
  source: PublishedSource;
  asOf: string;
  basis: PublishedRateBasis;
}

/**
 * The cross rate for base→quote from the newest business day on or before `onOrBefore` on which
 * both currencies were published (ECB preferred over the demo table on the same day), or
 * `undefined`. EUR is 1 by definition.
 */
export async function findPublishedRate(
  db: Executor,
  base: string,
  quote: string,
  onOrBefore: string,
): Promise<PublishedRate | undefined> {
  if (base === quote) return undefined;
  let found:
    | { rate_date: string; source: PublishedSource; base_rate: string; quote_rate: string }
    | undefined;
  if (base === 'EUR' || quote === 'EUR') {
    const other = base === 'EUR' ? quote : base;
    const [row] = rows<{ rate_date: string; source: PublishedSource; rate: string }>(
      await db.execute(sql`
        select rate_date::text as rate_date, source, rate::text as rate from fx_rates
        where currency = ${other} and rate_date <= ${onOrBefore}::date
        order by rate_date desc, (source = 'ecb') desc limit 1`),
    );
    if (row) {
      found = {
        rate_date: row.rate_date,
        source: row.source,
        base_rate: base === 'EUR' ? '1' : row.rate,
        quote_rate: quote === 'EUR' ? '1' : row.rate,
      };
    }
  } else {
    const [row] = rows<{
      rate_date: string;
      source: PublishedSource;
      base_rate: string;
      quote_rate: string;
    }>(
      await db.execute(sql`
        select q.rate_date::text as rate_date, q.source, b.rate::text as base_rate, q.rate::text as quote_rate
        from fx_rates q
        join fx_rates b on b.source = q.source and b.rate_date = q.rate_date and b.currency = ${base}
        where q.currency = ${quote} and q.rate_date <= ${onOrBefore}::date
        order by q.rate_date desc, (q.source = 'ecb') desc limit 1`),
    );
    found = row;
  }
  if (!found) return undefined;
  return {
    base,
    quote,
    rate: crossRate(found.base_rate, found.quote_rate),
    source: found.source,
    asOf: found.rate_date,
    basis: { kind: 'published', basePerEur: found.base_rate, quotePerEur: found.quote_rate },
  };
}

export interface NewestRates {
  date: string;
  source: PublishedSource;
}

export interface RateStatus {
  /** Newest business day with published rates, and its source. */
  newest: NewestRates | undefined;
  oldest: string | undefined;
  days: number;
}

export type ImportLogEntry = typeof fxRateImports.$inferSelect;

export async function listImports(
  db: Executor,
  limit = 20,
  trigger?: ImportTrigger,
): Promise<ImportLogEntry[]> {
  return db
    .select()
    .from(fxRateImports)
    .where(trigger ? eq(fxRateImports.trigger, trigger) : undefined)
    .orderBy(desc(fxRateImports.createdAt), desc(fxRateImports.id))
    .limit(limit);
}

/**
 * The newest business day with published rates (ECB preferred over the demo table on the same
 * day), from the import log: every stored rate came with a loaded import, so this reads a few
 * rows however many rates are stored (`/ready` asks on every probe).
 */
export async function newestRates(db: Executor): Promise<NewestRates | undefined> {
  const [row] = await db
    .select({ date: fxRateImports.lastDate, source: fxRateImports.source })
    .from(fxRateImports)
    .where(eq(fxRateImports.status, 'loaded'))
    .orderBy(desc(fxRateImports.lastDate), sql`(${fxRateImports.source} = 'ecb') desc`)
    .limit(1);
  return row?.date ? { date: row.date, source: row.source as PublishedSource } : undefined;
}

/** The newest day before `date` with rates of `source`. */
export async function newestRateDateBefore(
  db: Executor,
  source: PublishedSource,
  date: string,
): Promise<string | undefined> {
  const [row] = rows<{ newest: string | null }>(
    await db.execute(sql`
      select max(rate_date)::text as newest from fx_rates
      where source = ${source} and rate_date < ${date}::date`),
  );
  return row?.newest ?? undefined;
}

/** The newest and oldest days with rates, and how many days are stored. */
export async function rateStatus(db: Executor): Promise<RateStatus> {
  const [range] = rows<{ oldest: string | null; days: number | string }>(
    await db.execute(sql`
      select min(rate_date)::text as oldest, count(distinct rate_date) as days from fx_rates`),
  );
  return {
    newest: await newestRates(db),
    oldest: range?.oldest ?? undefined,
    days: Number(range?.days ?? 0),
  };
}
