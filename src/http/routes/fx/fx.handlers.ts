import type { RouteHandler } from '@hono/zod-openapi';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.ts';
import { GatewayError } from '../../../core/errors.ts';
import { ecbDate, rateAgeInTargetDays } from '../../../services/calendar/target-age.ts';
import { rateFreshness } from '../../../services/fx/freshness.ts';
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
  const day = query.date ?? ecbDate(now);
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

export const fxStatusHandler: RouteHandler<typeof fxStatusRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const db = await c.get('db')();
  const { state, ageTargetDays, maxRateAgeTargetDays } = await rateFreshness(db, deps.registry, deps.clock());
  const status = await rateStatus(db);
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
