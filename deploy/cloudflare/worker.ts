/**
 * Cloudflare Workers entry: the same app as on Node (`src/app.ts`), built once per isolate from
 * the Worker's environment on its first request. Each request opens its own postgres.js client
 * (through Hyperdrive when bound, which pools the real connections) and closes it after the
 * response with `waitUntil`. The Worker never runs migrations (`pontis migrate` does, from Node);
 * `/ready` reports pending ones. Swagger UI's files are served by the assets binding
 * (`public/docs/assets/`, built by scripts/build-worker-assets.mjs), so there is no `docsAsset`.
 *
 * Nothing here may import PGlite, node:fs or src/cli: they do not run on Workers.
 */

import type { ExecutionContext } from 'hono';
import { Hono } from 'hono';
import { createApp, requestIdMiddleware, securityHeadersMiddleware } from '../../src/app.ts';
import { GatewayError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { parseConfig } from '../../src/env.ts';
import type { AppDeps, AppEnv } from '../../src/http/context.ts';
import { errorFingerprint, problemResponse, toGatewayError } from '../../src/http/problem.ts';
import { gatewayKeySet } from '../../src/services/auth/gateway-keys.ts';
import { signingKeyFromJwk } from '../../src/services/auth/tokens.ts';
import { dispatchCallbacks } from '../../src/services/callbacks/dispatcher.ts';
import { refreshEcbRates } from '../../src/services/fx/refresh.ts';
import { purgeExpiredNonces } from '../../src/services/partners/authenticate.ts';
import { privacyKeysFromText } from '../../src/services/privacy/keys.ts';
import { runRetentionPurge } from '../../src/services/privacy/retention.ts';
import { expireHolds } from '../../src/services/review/timeouts.ts';
import { refreshSanctionsLists } from '../../src/services/sanctions/refresh.ts';
import { describeRun, screenLoadedVersions } from '../../src/services/screening/continuous.ts';
import { registryFromConfig, sharedDeps } from '../../src/wiring.ts';

/** The Worker's bindings: `[vars]` and secrets are strings; Hyperdrive is an object. */
export interface WorkerEnv {
  /** `[[hyperdrive]] binding = "HYPERDRIVE"`: preferred over DATABASE_URL when present. */
  HYPERDRIVE?: { readonly connectionString: string };
  /** Secret: PostgreSQL URL, used when there is no Hyperdrive binding. */
  DATABASE_URL?: string;
  /** Secret, required: the gateway's private EC P-256 JWK as JSON. */
  PONTIS_SIGNING_KEY?: string;
  PONTIS_PSEUDONYM_KEY?: string;
  PONTIS_KEKS?: string;
  PONTIS_DEMO?: string;
  PONTIS_HOME_JURISDICTION?: string;
  PONTIS_JURISDICTIONS?: string;
  PONTIS_ADAPTER_OPTIONS?: string;
  PONTIS_PUBLIC_URL?: string;
  PONTIS_ECB_BASE_URL?: string;
  LOG_LEVEL?: string;
  [binding: string]: unknown;
}

type App = ReturnType<typeof createApp>;

/** The string variables of the environment, for `parseConfig` (bindings are left out). */
function stringVars(env: WorkerEnv): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (typeof value === 'string') vars[name] = value;
  return vars;
}

/** Builds the app from the environment; pure apart from importing the key (Web Crypto). */
export async function buildWorkerApp(env: WorkerEnv): Promise<App> {
  const config = parseConfig(stringVars(env));
  if (config.signingKey === undefined) {
    throw new GatewayError(
      'configuration_invalid',
      'PONTIS_SIGNING_KEY is not set (wrangler secret put PONTIS_SIGNING_KEY).',
    );
  }
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  if (!databaseUrl) {
    throw new GatewayError(
      'configuration_invalid',
      'No database: bind Hyperdrive as HYPERDRIVE or set DATABASE_URL.',
    );
  }
  if (config.pseudonymKey === undefined || config.keks === undefined) {
    throw new GatewayError(
      'configuration_invalid',
      'PONTIS_PSEUDONYM_KEY and PONTIS_KEKS are not set (wrangler secret put each; `pontis privacy keygen` prints them).',
    );
  }
  const signingKey = await signingKeyFromJwk(config.signingKey);
  const privacyKeys = await privacyKeysFromText(config.pseudonymKey, config.keks);
  const deps: AppDeps = {
    ...sharedDeps(config, await gatewayKeySet(signingKey, config.publishedKeys), privacyKeys),
    openDatabase: async () => {
      const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
      return { db: handle.db, release: () => handle.close() };
    },
    databaseKind: 'postgres',
  };
  return createApp(deps);
}

/**
 * The app a Worker serves when the gateway could not be built: every request gets the same
 * problem+json (the message names the variable, never its value). Built and logged once.
 */
function bootFailureApp(error: unknown): Hono<AppEnv> {
  const gatewayError =
    error instanceof GatewayError && error.code === 'configuration_invalid'
      ? error
      : new GatewayError('configuration_invalid', 'The gateway could not start on this Worker.', {
          cause: error,
        });
  createLogger('error').error('worker configuration invalid', {
    code: gatewayError.code,
    problem: gatewayError.message,
    ...(gatewayError.cause ? errorFingerprint(gatewayError.cause) : {}),
  });
  const failure = new Hono<AppEnv>();
  failure.use('*', requestIdMiddleware());
  failure.use('*', securityHeadersMiddleware());
  failure.all('*', (c) => problemResponse(c, gatewayError));
  failure.onError((thrown, c) => problemResponse(c, toGatewayError(thrown)));
  return failure;
}

let app: Promise<App | Hono<AppEnv>> | undefined;

/**
 * The Cron Trigger (`[triggers] crons` in wrangler.toml): downloads the newest ECB rates into the
 * database. A failure is recorded in the import log (shown by `/ready`) and the last good rates
 * stay in use; the handler itself never throws.
 */
export async function scheduledRateRefresh(env: WorkerEnv): Promise<void> {
  const config = parseConfig(stringVars(env));
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  const logger = createLogger(config.logLevel);
  if (!databaseUrl) {
    logger.error('scheduled fx refresh skipped: no database (bind Hyperdrive or set DATABASE_URL)');
    return;
  }
  const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
  try {
    await refreshEcbRates({
      db: handle.db,
      fetch: (input, init) => fetch(input, init),
      baseUrl: config.ecbBaseUrl,
      now: () => new Date(),
      logger,
    });
  } finally {
    await handle.close();
  }
}

/**
 * The daily Cron Trigger that downloads the sanctions lists from their publishers and imports
 * each one atomically; a failure is recorded in `sanctions_imports` and that list's active
 * version stays in use. The lists are read one after another to keep the isolate's memory low.
 */
export async function scheduledSanctionsRefresh(env: WorkerEnv): Promise<void> {
  const config = parseConfig(stringVars(env));
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  const logger = createLogger(config.logLevel);
  if (!databaseUrl) {
    logger.error('scheduled sanctions refresh skipped: no database (bind Hyperdrive or set DATABASE_URL)');
    return;
  }
  const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
  try {
    const results = await refreshSanctionsLists(handle.db, {
      fetch: (input, init) => fetch(input, init),
      urls: config.sanctionsUrls,
      now: () => new Date(),
      actor: 'system:refresh',
      logger,
    });
    const loaded = results.flatMap((result) => (result.status === 'loaded' ? [result.versionId] : []));
    if (loaded.length > 0 && config.pseudonymKey !== undefined && config.keks !== undefined) {
      const runs = await screenLoadedVersions(
        handle.db,
        {
          registry: registryFromConfig(config),
          privacyKeys: await privacyKeysFromText(config.pseudonymKey, config.keks),
        },
        loaded,
        { actor: 'system:refresh', now: new Date() },
      );
      for (const run of runs) logger.info(describeRun(run));
    }
  } finally {
    await handle.close();
  }
}

/** The daily cron of wrangler.toml that downloads the sanctions lists. */
const SANCTIONS_REFRESH_CRON = '20 4 * * *';

/** The cron of wrangler.toml that downloads ECB rates; every other cron delivers callbacks. */
const RATE_REFRESH_CRON = '10,40 14-16 * * 1-5';
/** The daily cron of wrangler.toml that runs the retention purge. */
const RETENTION_PURGE_CRON = '30 2 * * *';

/**
 * The daily Cron Trigger: the retention purge (categories past retention deleted, people with
 * nothing left crypto-shredded), its report written to `privacy_purge_runs`.
 */
export async function scheduledRetentionPurge(env: WorkerEnv): Promise<void> {
  const config = parseConfig(stringVars(env));
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  const logger = createLogger(config.logLevel);
  if (!databaseUrl || config.pseudonymKey === undefined || config.keks === undefined) {
    logger.error('scheduled retention purge skipped: no database or no PONTIS_PSEUDONYM_KEY / PONTIS_KEKS');
    return;
  }
  const keys = await privacyKeysFromText(config.pseudonymKey, config.keks);
  const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
  try {
    const report = await runRetentionPurge(
      handle.db,
      { keys, registry: registryFromConfig(config) },
      { trigger: 'schedule', actor: 'system', now: new Date() },
    );
    logger.info('retention purge', { purgeRun: report.id, shredded: report.subjectsShredded });
  } finally {
    await handle.close();
  }
}

/**
 * The every-minute Cron Trigger: delivers due partner callbacks (claimed with SKIP LOCKED, so
 * overlapping runs never double-send) and purges expired signature nonces.
 */
export async function scheduledCallbacks(env: WorkerEnv): Promise<void> {
  const config = parseConfig(stringVars(env));
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  const logger = createLogger(config.logLevel);
  if (!databaseUrl || config.signingKey === undefined) {
    logger.error('scheduled callback delivery skipped: no database or no PONTIS_SIGNING_KEY');
    return;
  }
  const keys = await gatewayKeySet(await signingKeyFromJwk(config.signingKey), config.publishedKeys);
  const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
  try {
    const now = () => new Date();
    await dispatchCallbacks({ db: handle.db, keys, fetch: (input, init) => fetch(input, init), now, logger });
    await purgeExpiredNonces(handle.db, now());
  } finally {
    await handle.close();
  }
}

/**
 * Every minute too: held transfers whose review timed out follow their jurisdiction's hold
 * policy (cases claimed with SKIP LOCKED, so overlapping runs never handle one twice).
 */
export async function scheduledHoldTimeouts(env: WorkerEnv): Promise<void> {
  const config = parseConfig(stringVars(env));
  const databaseUrl = env.HYPERDRIVE?.connectionString ?? config.databaseUrl;
  const logger = createLogger(config.logLevel);
  if (!databaseUrl) {
    logger.error('scheduled hold timeouts skipped: no database (bind Hyperdrive or set DATABASE_URL)');
    return;
  }
  const handle = openPostgres(databaseUrl, { max: 1, fetchTypes: false });
  try {
    const result = await expireHolds(handle.db, registryFromConfig(config), new Date(), 'system', { logger });
    if (result.expired + result.rejected + result.escalated + result.failed > 0) {
      logger.info('hold timeouts', { ...result });
    }
  } finally {
    await handle.close();
  }
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    // Built on the first request and kept for the isolate's life: the environment cannot change
    // under a running isolate (a new secret or deployment starts new isolates). A failure is
    // deterministic, so it is kept too, and every request answers it.
    app ??= buildWorkerApp(env).catch(bootFailureApp);
    return (await app).fetch(request, env, ctx);
  },
  async scheduled(controller: { cron?: string }, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(
      controller.cron === RATE_REFRESH_CRON
        ? scheduledRateRefresh(env)
        : controller.cron === RETENTION_PURGE_CRON
          ? scheduledRetentionPurge(env)
          : controller.cron === SANCTIONS_REFRESH_CRON
            ? scheduledSanctionsRefresh(env)
            : Promise.all([scheduledCallbacks(env), scheduledHoldTimeouts(env)]),
    );
  },
};
