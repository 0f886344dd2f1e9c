/**
 * Benchmarks (not part of `npm test`): `npm run bench`, with DATABASE_URL for PostgreSQL.
 * Every number is printed with its ratio to a baseline measured in the same run on the same
 * machine, so results from different machines can be compared by their ratios.
 *
 *   micro:     quote pricing, cross rates and money parsing, against an empty loop of the same shape;
 *   in-process quotes: createQuote (rate lookup, pricing, value dates, insert) called directly,
 *              against `select 1` on the same database;
 *   app:       quotes and quote+transfer round trips through the real app (app.request, no sockets),
 *              sequential and concurrent, against GET /health on the same app;
 *   http:      quotes through a real HTTP server on a local socket (keep-alive fetch), sequential
 *              and concurrent, against GET /health over the same socket;
 *   signatures: partner signatures (bench/signatures.ts): verifications per second per algorithm
 *              against building the signature base alone, and POST /v1/quotes signed by a partner
 *              against the same route with a bearer token, in process and over HTTP.
 *   privacy:   pseudonyms and field sealing (bench/privacy.ts) against serialising a person, and
 *              transfers naming a person against transfers without one.
 *   screening: the sanctions name matcher (bench/screening.ts): index build time and heap, and one
 *              name searched against OFAC + UN, against normalising the query alone.
 *
 * `npm run bench -- signatures` (or `micro`, `quotes`, `app`, several at once) runs only those
 * sections; `app` covers the app and http tables.
 */

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { adapterDefinitions } from '../adapters/index.ts';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/core/logger.ts';
import { parseAmount } from '../src/core/money.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { createAdapterRegistry } from '../src/services/adapters/registry.ts';
import { gatewayKeySet } from '../src/services/auth/gateway-keys.ts';
import { createTokenVerifier, generateSigningKey, issueToken } from '../src/services/auth/tokens.ts';
import { seedDemo, syncJurisdictions } from '../src/services/demo/seed.ts';
import { crossRate } from '../src/services/fx/cross-rate.ts';
import { loadDemoRates } from '../src/services/fx/demo-rate-table.ts';
import { priceQuote } from '../src/services/fx/price-quote.ts';
import { generatePrivacyKeys } from '../src/services/privacy/keys.ts';
import { createQuote } from '../src/services/quotes/quotes.ts';
import { createScreeningIndexCache } from '../src/services/screening/index-cache.ts';
import { importFixtureLists } from '../test/helpers/sanctions.ts';
import { privacyCrypto, privacyTransfers } from './privacy.ts';
import { screeningBench } from './screening.ts';
import { signatureVerification, signedRequests } from './signatures.ts';

/** A fixed clock: the demo table is dated the Friday before, so every quote uses a fresh rate. */
const NOW = new Date('2026-11-23T10:00:00.000Z');
const RATES_DATE = '2026-11-20';
const CONTRIBUTION = {
  purpose: 'contribution',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'EUR',
  targetCurrency: 'CNY',
  sourceAmount: '250.00',
} as const;
const BENEFIT_JPY = {
  purpose: 'benefit',
  partnerJurisdiction: 'JP',
  sourceCurrency: 'CNY',
  targetCurrency: 'JPY',
  targetAmount: '85000',
} as const;

interface Result {
  name: string;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function measure(
  name: string,
  iterations: number,
  concurrency: number,
  op: () => Promise<unknown> | unknown,
) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < iterations) {
        next += 1;
        const t0 = performance.now();
        await op();
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    opsPerSecond: iterations / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

function print(title: string, baseline: Result, results: Result[]) {
  console.log(`\n${title}`);
  console.log(
    `${'benchmark'.padEnd(42)}${'ops/s'.padStart(12)}${'p50 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'× baseline'.padStart(13)}`,
  );
  for (const r of [baseline, ...results]) {
    const ratio = r === baseline ? 'baseline' : (r.opsPerSecond / baseline.opsPerSecond).toFixed(4);
    console.log(
      `${r.name.padEnd(42)}${r.opsPerSecond.toFixed(0).padStart(12)}${r.p50Ms.toFixed(3).padStart(10)}${r.p99Ms.toFixed(3).padStart(10)}${ratio.padStart(13)}`,
    );
  }
}

async function micro() {
  const policy = {
    spreadBps: 30,
    fees: { fixed: '1.50', percentBps: 25 },
    rounding: 'half_even' as const,
    limits: { min: '1.00', max: '100000.00' },
  };
  let sink = 0;
  const baseline = await measure('empty loop (baseline)', 200_000, 1, () => {
    sink += 1;
  });
  const results = [
    await measure('parseAmount EUR', 200_000, 1, () => parseAmount('1234.56', 'EUR')),
    await measure('crossRate CNY→JPY through EUR', 100_000, 1, () => crossRate('8.2150', '172.45')),
    await measure('priceQuote EUR→CNY, fixed source', 50_000, 1, () =>
      priceQuote({
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        fixedSide: 'source',
        amountMinor: 123_456n,
        referenceRate: '8.215',
        policy,
      }),
    ),
    await measure('priceQuote EUR→CNY, fixed target', 50_000, 1, () =>
      priceQuote({
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        fixedSide: 'target',
        amountMinor: 1_000_000n,
        referenceRate: '8.215',
        policy,
      }),
    ),
  ];
  print('micro (one core, in-process)', baseline, results);
  return sink;
}

async function openBenchDatabase() {
  const url = process.env.DATABASE_URL;
  const handle = url ? openPostgres(url, { max: 16 }) : await openPglite();
  await applyMigrations(handle);
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN' });
  await syncJurisdictions(handle.db, registry);
  await seedDemo(handle.db, registry, NOW);
  await loadDemoRates(handle.db, { date: RATES_DATE, origin: 'bench', now: NOW });
  // Every transfer is screened: the four fictional lists make the required lists active (the
  // screening section measures the matcher against the real OFAC and UN lists).
  await importFixtureLists(handle.db, NOW);
  const label = handle.kind === 'pglite' ? 'PGlite in memory' : `PostgreSQL ${handle.location}`;
  return { handle, registry, label };
}

async function inProcess() {
  const { handle, registry, label } = await openBenchDatabase();
  const deps = { db: handle.db, registry, now: NOW };
  const baseline = await measure('select 1 (baseline)', 2_000, 1, () => handle.db.execute(sql`select 1`));
  const results = [
    await measure('createQuote DE contribution EUR→CNY', 2_000, 1, () =>
      createQuote(deps, CONTRIBUTION, 'bench'),
    ),
    await measure('createQuote JP benefit CNY→JPY (cross)', 2_000, 1, () =>
      createQuote(deps, BENEFIT_JPY, 'bench'),
    ),
  ];
  print(`quotes in process (createQuote, ${label})`, baseline, results);
  await handle.close();
}

/** The real app on a seeded bench database, with an operator's bearer token. */
async function benchGateway() {
  const { handle, registry, label } = await openBenchDatabase();
  const key = await generateSigningKey();
  const gatewayKeys = await gatewayKeySet(key);
  const privacyKeys = await generatePrivacyKeys();
  const app = createApp({
    version: 'bench',
    registry,
    verifyToken: createTokenVerifier(key.publicJwk),
    gatewayKeys,
    privacyKeys,
    screening: createScreeningIndexCache(),
    openDatabase: async () => ({ db: handle.db }),
    databaseKind: handle.kind,
    clock: () => NOW,
    logger: createLogger('silent'),
  });
  const token = await issueToken(key, { subject: 'demo-operator', roles: ['operator'], ttlSeconds: 3600 });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return { handle, registry, label, app, gatewayKeys, privacyKeys, headers };
}

async function appAndHttp() {
  const { handle, label, app, headers } = await benchGateway();
  const quoteBody = JSON.stringify(CONTRIBUTION);
  const quote = async () => {
    const response = await app.request('/v1/quotes', { method: 'POST', headers, body: quoteBody });
    if (response.status !== 201) throw new Error(`quote ${response.status}: ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const transfer = async () => {
    const { id } = await quote();
    const response = await app.request('/v1/transfers', {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ quoteId: id }),
    });
    if (response.status !== 201) throw new Error(`transfer ${response.status}`);
  };
  const concurrency = handle.kind === 'postgres' ? 8 : 1;
  const appBaseline = await measure('GET /health (baseline)', 5_000, 1, () => app.request('/health'));
  const appResults = [
    await measure('POST /v1/quotes', 1_000, 1, quote),
    await measure('quote + POST /v1/transfers', 500, 1, transfer),
    await measure(`quote + transfer, ${concurrency} concurrent`, 1_000, concurrency, transfer),
  ];
  print(`app (in-process app.request, ${label})`, appBaseline, appResults);

  // The same app behind a real HTTP server on a local socket.
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const overSocket = async () => {
    const response = await fetch(`${base}/v1/quotes`, { method: 'POST', headers, body: quoteBody });
    if (response.status !== 201) throw new Error(`quote ${response.status}`);
    await response.arrayBuffer();
  };
  const health = async () => {
    await (await fetch(`${base}/health`)).arrayBuffer();
  };
  await measure('warm-up', 200, 1, health);
  const httpBaseline = await measure('GET /health over HTTP (baseline)', 3_000, 1, health);
  const httpResults = [
    await measure('POST /v1/quotes over HTTP', 1_000, 1, overSocket),
    await measure('POST /v1/quotes over HTTP, 8 concurrent', 2_000, 8, overSocket),
  ];
  print(`http (node server on 127.0.0.1, keep-alive fetch, ${label})`, httpBaseline, httpResults);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
}

async function signatures() {
  await signatureVerification(NOW);
  const { handle, registry, label, app, gatewayKeys, headers } = await benchGateway();
  await signedRequests({
    app,
    db: handle.db,
    registry,
    gatewayKeys,
    bearerHeaders: headers,
    now: NOW,
    quoteBody: JSON.stringify(CONTRIBUTION),
    label,
  });
  await handle.close();
}

async function privacy() {
  const { handle, label, app, headers, privacyKeys } = await benchGateway();
  await privacyCrypto(privacyKeys, measure, print);
  await privacyTransfers({ app, headers, quoteBody: JSON.stringify(CONTRIBUTION), label }, measure, print);
  await handle.close();
}

const SECTIONS: Record<string, () => Promise<unknown>> = {
  micro,
  quotes: inProcess,
  app: appAndHttp,
  signatures,
  privacy,
  screening: () => screeningBench(measure, print),
};
const selected = process.argv.slice(2);
const unknown = selected.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  console.error(`unknown section ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
console.log(`Pontis benchmarks — Node ${process.version}, ${process.platform}/${process.arch}`);
for (const [name, run] of Object.entries(SECTIONS)) {
  if (selected.length === 0 || selected.includes(name)) await run();
}
