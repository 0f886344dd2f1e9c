import type { RouteHandler, z } from '@hono/zod-openapi';
import type { FxStatus } from '../../../../schemas/fx.ts';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.ts';
import { GatewayError } from '../../../core/errors.ts';
import { localDateTime } from '../../../services/calendar/business-calendar.ts';
import { rateAgeInTargetDays } from '../../../services/calendar/target-age.ts';
import { listCorridors } from '../../../services/fx/corridors.ts';
import {
  listManualRates,
  type ManualRateRow,
  revokeManualRate,
  setManualRate,
} from '../../../services/fx/manual-rates.ts';
import {
  findPublishedRate,
  type ImportLogEntry,
  listImports,
  rateStatus,
} from '../../../services/fx/rate-store.ts';
import { ECB_TIME_ZONE } from '../../../services/fx/reference-rate.ts';
import { runIdempotent } from '../../../services/idempotency/idempotency.ts';
import { type AppEnv, principalOf } from '../../context.ts';
import type {
  fxStatusRoute,
  listManualRatesRoute,
  referenceRateRoute,
  revokeManualRateRoute,
  setManualRateRoute,
} from './fx.routes.ts';

export function manualRateView(row: ManualRateRow) {
  return {
    id: row.id,
    object: 'manual_rate' as const,
    corridor: row.corridor,
    version: row.version,
    base: row.baseCurrency,
    quote: row.quoteCurrency,
    rate: row.rate,
    validFrom: row.validFrom.toISOString(),
    validUntil: row.validUntil.toISOString(),
    reference: row.reference,
    setBy: row.setBy,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
  };
}

export function importView(entry: ImportLogEntry) {
  return { ...entry, createdAt: entry.createdAt.toISOString() };
}

export const referenceRateHandler: RouteHandler<typeof referenceRateRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const query = c.req.valid('query');
  const now = deps.clock();
  const day = query.date ?? localDateTime(now, ECB_TIME_ZONE).date;
  const rate = await findPublishedRate(await c.get('db')(), query.base, query.quote, day);
  if (!rate) {
    throw new GatewayError(
      'fx_rate_unavailable',
      `No reference rate for ${query.base}/${query.quote} on or before ${day}.`,
    );
  }
  return c.json(
    {
      object: 'reference_rate' as const,
      base: rate.base,
      quote: rate.quote,
      rate: rate.rate,
      source: rate.source,
      asOf: rate.asOf,
      ageTargetDays: rateAgeInTargetDays(rate.asOf, now),
      basis: { basePerEur: rate.basis.basePerEur, quotePerEur: rate.basis.quotePerEur },
    },
    200,
  );
};

/** Freshness of the newest published rates against the strictest corridor. */
export async function fxFreshness(
  db: Parameters<typeof rateStatus>[0],
  registry: Parameters<typeof listCorridors>[0],
  now: Date,
) {
  const status = await rateStatus(db);
  const corridors = listCorridors(registry);
  const maxRateAgeTargetDays = Math.min(...corridors.map((corridor) => corridor.maxRateAgeTargetDays), 10);
  const ageTargetDays = status.newest ? rateAgeInTargetDays(status.newest.date, now) : null;
  const state: z.infer<typeof FxStatus>['status'] =
    ageTargetDays === null ? 'missing' : ageTargetDays > maxRateAgeTargetDays ? 'stale' : 'fresh';
  return { status, state, ageTargetDays, maxRateAgeTargetDays };
}

export const fxStatusHandler: RouteHandler<typeof fxStatusRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const db = await c.get('db')();
  const { status, state, ageTargetDays, maxRateAgeTargetDays } = await fxFreshness(
    db,
    deps.registry,
    deps.clock(),
  );
  return c.json(
    {
      object: 'fx_status' as const,
      status: state,
      newestRateDate: status.newest?.date ?? null,
      newestSource: status.newest?.source ?? null,
      oldestRateDate: status.oldest ?? null,
      days: status.days,
      ageTargetDays,
      maxRateAgeTargetDays,
      imports: (await listImports(db, 20)).map(importView),
    },
    200,
  );
};

export const setManualRateHandler: RouteHandler<typeof setManualRateRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const principal = principalOf(c);
  const body = c.req.valid('json');
  const requestHash = await sha256Hex(canonicalJson({ operation: 'POST /v1/fx/manual-rates', body }));
  const result = await runIdempotent(
    await c.get('db')(),
    { principal: principal.subject, key: c.req.valid('header')['idempotency-key'], requestHash },
    async (tx) => {
      const row = await setManualRate(
        {
          db: tx,
          registry: deps.registry,
          actor: principal.subject,
          now: deps.clock(),
          requestId: c.get('requestId'),
        },
        body,
      );
      return { status: 201, body: JSON.stringify(manualRateView(row)) };
    },
  );
  const view = JSON.parse(result.body) as ReturnType<typeof manualRateView>;
  return c.json(view, 201, { 'Idempotent-Replayed': String(result.replayed) });
};

export const listManualRatesHandler: RouteHandler<typeof listManualRatesRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const rows = await listManualRates(await c.get('db')(), {
    corridor: query.corridor,
    activeAt: query.active === 'true' ? c.get('deps').clock() : undefined,
    limit: query.limit,
  });
  return c.json({ object: 'list' as const, data: rows.map(manualRateView) }, 200);
};

export const revokeManualRateHandler: RouteHandler<typeof revokeManualRateRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const row = await revokeManualRate(
    {
      db: await c.get('db')(),
      actor: principalOf(c).subject,
      now: deps.clock(),
      requestId: c.get('requestId'),
    },
    c.req.valid('param').id,
  );
  return c.json(manualRateView(row), 200);
};
