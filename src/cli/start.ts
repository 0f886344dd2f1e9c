/** `pontis start`: boot, listen, print where to go next, and shut down cleanly on Ctrl-C. */
import type { Config } from '../env.ts';
import { handleSignals, startNodeServer } from '../http/node-server.ts';
import { dispatchCallbacks } from '../services/callbacks/dispatcher.ts';
import { DEMO_PARTNER_AGENCY } from '../services/demo/seed.ts';
import { refreshEcbRates } from '../services/fx/refresh.ts';
import { purgeIdempotencyKeys } from '../services/idempotency/idempotency.ts';
import { purgeExpiredNonces } from '../services/partners/authenticate.ts';
import { upsertPartner } from '../services/partners/registry.ts';
import { runRetentionPurge } from '../services/privacy/retention.ts';
import { expireHolds } from '../services/review/timeouts.ts';
import { refreshSanctionsLists } from '../services/sanctions/refresh.ts';
import { describeRun, screenLoadedVersions } from '../services/screening/continuous.ts';
import { type RunningAgencySimulator, startAgencySimulator } from '../simulator/serve.ts';
import { bootGateway, type NodeGateway } from './boot.ts';
import { type DemoPartner, prepareDemoPartner } from './demo-partner.ts';
import { renewDemoManualRates } from './reference-rates.ts';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
const HOLD_TIMEOUT_INTERVAL_MS = 60 * 1000;

interface DemoAgency {
  partner: DemoPartner;
  simulator: RunningAgencySimulator | undefined;
  /** Why there is no simulator, when there is none. */
  simulatorNote?: string;
}

function publicUrlOf(gateway: NodeGateway, url: string): string {
  return (
    gateway.config.publicUrl ?? url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:')
  );
}

function demoAgencyLines(agency: DemoAgency, publicUrl: string): string[] {
  const { partner, simulator } = agency;
  const lines = [
    '',
    `Send a signed partner call as the demo agency ${partner.partnerId} (RFC 9421, key ${partner.keyPath}):`,
    '',
    `  npm run -s pontis -- partner call POST /v1/quotes --url ${publicUrl} \\`,
    `    --key ${partner.keyPath} --partner ${partner.partnerId} --body ${partner.quotePath}`,
  ];
  if (simulator) {
    lines.push(
      '',
      `Agency simulator for ${partner.partnerId} at ${simulator.url} (signs requests, verifies our responses and callbacks):`,
      '',
      `  curl -s -X POST ${simulator.url}/simulate/contribution   # signed quote + transfer`,
      `  curl -s ${simulator.url}/callbacks                       # the signed callbacks it received`,
    );
  } else if (agency.simulatorNote) {
    lines.push('', `Agency simulator: ${agency.simulatorNote}`);
  }
  return lines;
}

function banner(gateway: NodeGateway, url: string, agency: DemoAgency | undefined): string {
  const { config, handle, migrations, seeded } = gateway;
  const publicUrl = publicUrlOf(gateway, url);
  const applied = migrations.after.applied - migrations.before.applied;
  const jurisdictions = gateway.registry
    .list()
    .map((adapter) => `${adapter.identity.code} (${adapter.identity.currency}, ${adapter.identity.kind})`)
    .join(', ');
  const lines = [
    '',
    `Pontis gateway ${gateway.deps.version} is listening on ${url}`,
    '',
    `  database        ${handle.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} at ${handle.location}`,
    `  migrations      ${applied > 0 ? `${applied} applied now` : 'already current'} (${migrations.after.applied} in all)`,
    `  jurisdictions   ${jurisdictions}`,
    `  demo mode       ${config.demo ? (seeded ? 'on — demo users and partner agency seeded' : 'on — demo data already present') : 'off'}`,
    `  signing key     ${gateway.signingKeySource}`,
    `  privacy keys    ${gateway.privacyKeySource} (KEK ${gateway.deps.privacyKeys.kek.currentKeyId()})`,
    `  reference rates ${gateway.rates.summary}`,
    ...gateway.rates.notes.map((note) => `                  ${note}`),
    `  rate refresh    ${
      config.fxRefreshMinutes > 0
        ? `every ${config.fxRefreshMinutes} min from ${config.ecbBaseUrl} (first attempt now; failures show in /ready)`
        : 'off (PONTIS_FX_REFRESH_MINUTES=0)'
    }`,
    `  sanctions lists ${gateway.sanctions.summary}`,
    `  list refresh    ${
      config.sanctionsRefreshHours > 0
        ? `every ${config.sanctionsRefreshHours} h from the publishers (first attempt in a minute; \`pontis sanctions status\`)`
        : 'off (PONTIS_SANCTIONS_REFRESH_HOURS=0)'
    }`,
    '',
    'Where to go next:',
    `  API reference   ${publicUrl}/docs`,
    `  OpenAPI         ${publicUrl}/openapi.json`,
    `  Readiness       ${publicUrl}/ready`,
  ];
  if (config.demo) {
    const quoteBody = `'{"purpose":"contribution","partnerJurisdiction":"DE","sourceCurrency":"EUR","targetCurrency":"CNY","sourceAmount":"250.00"}'`;
    const auth = '-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json"';
    lines.push(
      '',
      'Request a quote (from this folder, in another terminal):',
      '',
      '  export TOKEN=$(npm run -s pontis -- token --role operator)',
      `  curl -s ${publicUrl}/v1/quotes ${auth} \\`,
      `    -d ${quoteBody}`,
      '',
      'Turn a fresh quote into a transfer:',
      '',
      `  QUOTE_ID=$(curl -s ${publicUrl}/v1/quotes ${auth} -d ${quoteBody} | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')`,
      `  curl -s ${publicUrl}/v1/transfers ${auth} \\`,
      `    -H "Idempotency-Key: $(node -pe 'crypto.randomUUID()')" -d "{\\"quoteId\\":\\"$QUOTE_ID\\"}"`,
    );
    if (agency) lines.push(...demoAgencyLines(agency, publicUrl));
    lines.push(
      '',
      'What the gateway keeps about people, and for how long (GDPR Art. 30 records):',
      '',
      `  curl -s ${publicUrl}/v1/privacy/records-of-processing \\`,
      '    -H "Authorization: Bearer $(npm run -s pontis -- token --role privacy_officer)"',
    );
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

/** Downloads ECB rates now and every PONTIS_FX_REFRESH_MINUTES; `stop` waits for a download in flight. */
function scheduleRateRefresh(gateway: NodeGateway): { stop(): Promise<void> } {
  const minutes = gateway.config.fxRefreshMinutes;
  if (minutes === 0) return { stop: async () => {} };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const abort = new AbortController();
  const run = () => {
    if (stopped) return;
    running = refreshEcbRates({
      db: gateway.handle.db,
      fetch: globalThis.fetch,
      baseUrl: gateway.config.ecbBaseUrl,
      now: () => new Date(),
      logger: gateway.logger,
      timeoutMs: 20_000,
      signal: abort.signal,
    });
  };
  const first = setTimeout(run, 1_000);
  const timer = setInterval(run, minutes * 60_000);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopped = true;
      abort.abort();
      clearTimeout(first);
      clearInterval(timer);
      await running.catch(() => {});
    },
  };
}

/**
 * Runs `job` every `everyMs` (first after `firstAfterMs` when given), one run at a time: a tick
 * that finds the previous run still going is skipped. A failure is logged as `failure`; `stop`
 * clears the timers and waits for a run in flight.
 */
function scheduleJob(
  gateway: NodeGateway,
  options: { everyMs: number; firstAfterMs?: number; failure: string },
  job: () => Promise<unknown>,
): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const run = () => {
    if (running) return;
    running = job()
      .catch(() => gateway.logger.warn(options.failure))
      .finally(() => {
        running = undefined;
      });
  };
  const first = options.firstAfterMs === undefined ? undefined : setTimeout(run, options.firstAfterMs);
  const timer = setInterval(run, options.everyMs);
  first?.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

/** The retention purge a minute after start and every PONTIS_PURGE_HOURS. */
function scheduleRetentionPurge(gateway: NodeGateway): { stop(): Promise<void> } {
  const hours = gateway.config.purgeHours;
  if (hours === 0) return { stop: async () => {} };
  return scheduleJob(
    gateway,
    { everyMs: hours * 3_600_000, firstAfterMs: 60_000, failure: 'retention purge failed' },
    async () => {
      const report = await runRetentionPurge(
        gateway.handle.db,
        { keys: gateway.deps.privacyKeys, registry: gateway.registry },
        { trigger: 'schedule', actor: 'system', now: new Date() },
      );
      gateway.logger.info('retention purge', {
        purgeRun: report.id,
        examined: report.subjectsExamined,
        shredded: report.subjectsShredded,
      });
    },
  );
}

/** Downloads the sanctions lists a minute after start and every PONTIS_SANCTIONS_REFRESH_HOURS. */
function scheduleSanctionsRefresh(gateway: NodeGateway): { stop(): Promise<void> } {
  const hours = gateway.config.sanctionsRefreshHours;
  if (hours === 0) return { stop: async () => {} };
  return scheduleJob(
    gateway,
    { everyMs: hours * 3_600_000, firstAfterMs: 60_000, failure: 'sanctions list refresh failed' },
    async () => {
      const results = await refreshSanctionsLists(gateway.handle.db, {
        fetch: globalThis.fetch,
        urls: gateway.config.sanctionsUrls,
        now: () => new Date(),
        actor: 'system:refresh',
        logger: gateway.logger,
      });
      const runs = await screenLoadedVersions(
        gateway.handle.db,
        { registry: gateway.registry, privacyKeys: gateway.deps.privacyKeys },
        results.flatMap((result) => (result.status === 'loaded' ? [result.versionId] : [])),
        { actor: 'system:refresh', now: new Date() },
      );
      for (const run of runs) gateway.logger.info(describeRun(run));
    },
  );
}

/** Delivers due partner callbacks every PONTIS_CALLBACK_DISPATCH_SECONDS. */
function scheduleCallbackDispatch(gateway: NodeGateway): { stop(): Promise<void> } {
  const seconds = gateway.config.callbackDispatchSeconds;
  if (seconds === 0) return { stop: async () => {} };
  return scheduleJob(gateway, { everyMs: seconds * 1000, failure: 'callback dispatch failed' }, () =>
    dispatchCallbacks({
      db: gateway.handle.db,
      keys: gateway.deps.gatewayKeys,
      fetch: globalThis.fetch,
      now: () => new Date(),
      logger: gateway.logger,
    }),
  );
}

/** Applies the jurisdictions' hold policies to timed-out reviews every minute (as the Workers cron). */
function scheduleHoldTimeouts(gateway: NodeGateway): { stop(): Promise<void> } {
  return scheduleJob(
    gateway,
    { everyMs: HOLD_TIMEOUT_INTERVAL_MS, firstAfterMs: 5_000, failure: 'hold timeout run failed' },
    async () => {
      const result = await expireHolds(gateway.handle.db, gateway.registry, new Date(), 'system', {
        logger: gateway.logger,
      });
      if (result.expired + result.rejected + result.escalated + result.failed > 0) {
        gateway.logger.info('hold timeouts', { ...result });
      }
    },
  );
}

/**
 * Starts the agency simulator as the demo partner and points the partner's callbacks at it. A
 * taken port only costs the simulator, never the gateway.
 */
async function startDemoAgency(
  gateway: NodeGateway,
  gatewayUrl: string,
  partner: DemoPartner,
): Promise<DemoAgency> {
  const port = gateway.config.simulatorPort;
  if (port === 'off')
    return { partner, simulator: undefined, simulatorNote: 'off (PONTIS_SIMULATOR_PORT=off)' };
  let simulator: RunningAgencySimulator;
  try {
    simulator = await startAgencySimulator({
      port,
      host: gateway.config.host,
      gatewayUrl,
      partnerId: partner.partnerId,
      key: partner.key,
      logger: gateway.logger,
    });
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? `port ${port} is taken` : 'it failed to start';
    gateway.logger.warn('agency simulator not started', { reason });
    return {
      partner,
      simulator: undefined,
      simulatorNote: `not started: ${reason} (set PONTIS_SIMULATOR_PORT)`,
    };
  }
  const simulatorUrl = simulator.url.replace('//localhost:', '//127.0.0.1:');
  await upsertPartner(
    gateway.handle.db,
    gateway.registry,
    {
      id: DEMO_PARTNER_AGENCY.id,
      jurisdiction: DEMO_PARTNER_AGENCY.jurisdictionCode,
      callbackUrl: `${simulatorUrl}/callbacks`,
    },
    { actor: 'demo-operator', now: new Date() },
  );
  return { partner, simulator: { ...simulator, url: simulatorUrl } };
}

export async function startCommand(config: Config): Promise<void> {
  const gateway = await bootGateway(config);
  let demoPartner: DemoPartner | undefined;
  try {
    demoPartner = config.demo
      ? await prepareDemoPartner(gateway.handle.db, gateway.registry, config, new Date())
      : undefined;
  } catch (error) {
    await gateway.handle.close();
    throw error;
  }
  const housekeeping = setInterval(() => {
    const now = new Date();
    purgeIdempotencyKeys(gateway.handle.db, now).then(
      (purged) => purged > 0 && gateway.logger.info('purged idempotency keys', { purged }),
      () => gateway.logger.warn('idempotency key purge failed'),
    );
    purgeExpiredNonces(gateway.handle.db, now).then(
      (purged) => purged > 0 && gateway.logger.info('purged signature nonces', { purged }),
      () => gateway.logger.warn('signature nonce purge failed'),
    );
    if (config.demo) {
      renewDemoManualRates(gateway.handle.db, gateway.registry, now, gateway.logger).catch(() =>
        gateway.logger.warn('demo manual rate renewal failed'),
      );
    }
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  const refresh = scheduleRateRefresh(gateway);
  const callbacks = scheduleCallbackDispatch(gateway);
  const purge = scheduleRetentionPurge(gateway);
  const lists = scheduleSanctionsRefresh(gateway);
  const holds = scheduleHoldTimeouts(gateway);
  let simulator: RunningAgencySimulator | undefined;
  let running: Awaited<ReturnType<typeof startNodeServer>>;
  try {
    running = await startNodeServer({
      fetch: gateway.app.fetch,
      port: config.port,
      host: config.host,
      timeoutMs: config.shutdownTimeoutSeconds * 1000,
      logger: gateway.logger,
      cleanup: async () => {
        clearInterval(housekeeping);
        await simulator?.close().catch(() => {});
        await refresh.stop();
        await callbacks.stop();
        await purge.stop();
        await lists.stop();
        await holds.stop();
        await gateway.handle.close();
      },
    });
  } catch (error) {
    clearInterval(housekeeping);
    await refresh.stop();
    await callbacks.stop();
    await purge.stop();
    await lists.stop();
    await holds.stop();
    await gateway.handle.close();
    throw error;
  }
  const agency = demoPartner
    ? await startDemoAgency(gateway, publicUrlOf(gateway, running.url), demoPartner)
    : undefined;
  simulator = agency?.simulator;
  handleSignals(running);
  process.stdout.write(banner(gateway, running.url, agency));
  gateway.logger.info('started', { url: running.url, database: gateway.handle.kind, demo: config.demo });
}
