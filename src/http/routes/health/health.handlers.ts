import type { RouteHandler } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../db/database.ts';
import { migrationStatus } from '../../../db/migrations-journal.ts';
import type { AdapterRegistry } from '../../../services/adapters/registry.ts';
import { rateFreshness } from '../../../services/fx/freshness.ts';
import { listImports } from '../../../services/fx/rate-store.ts';
import type { AppEnv } from '../../context.ts';
import { errorFingerprint } from '../../problem.ts';
import type { health, ready } from './health.routes.ts';

export const healthHandler: RouteHandler<typeof health, AppEnv> = (c) =>
  c.json({ status: 'ok' as const, version: c.get('deps').version }, 200);

async function fxRatesCheck(db: Executor, registry: AdapterRegistry, now: Date) {
  const { newest, state, ageTargetDays, maxRateAgeTargetDays } = await rateFreshness(db, registry, now);
  const [lastRefresh] = await listImports(db, 1, 'refresh');
  return {
    status: state,
    newestRateDate: newest?.date ?? null,
    source: newest?.source ?? null,
    ageTargetDays,
    maxRateAgeTargetDays,
    lastRefresh: lastRefresh
      ? {
          at: lastRefresh.createdAt.toISOString(),
          status: lastRefresh.status,
          errorCode: lastRefresh.errorCode,
          error: lastRefresh.error,
        }
      : null,
  };
}

export const readyHandler: RouteHandler<typeof ready, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const started = performance.now();
  try {
    const db = await c.get('db')();
    await db.execute(sql`select 1`);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const migrations = await migrationStatus(db);
    const fxRates = migrations.current ? await fxRatesCheck(db, deps.registry, deps.clock()) : undefined;
    const body = {
      status: migrations.current ? ('ready' as const) : ('not_ready' as const),
      checks: {
        database: { status: 'up' as const, kind: deps.databaseKind, latencyMs },
        migrations: {
          status: migrations.current ? ('current' as const) : ('pending' as const),
          applied: migrations.applied,
          expected: migrations.expected,
          pending: migrations.pending,
        },
        ...(fxRates ? { fxRates } : {}),
      },
    };
    return migrations.current ? c.json(body, 200) : c.json(body, 503);
  } catch (error) {
    deps.logger.warn('readiness check failed', { requestId: c.get('requestId'), ...errorFingerprint(error) });
    return c.json(
      {
        status: 'not_ready' as const,
        checks: {
          database: { status: 'down' as const, kind: deps.databaseKind },
          migrations: { status: 'unknown' as const, expected: 0 },
        },
      },
      503,
    );
  }
};
