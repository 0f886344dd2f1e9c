/**
 * Benchmarks (not part of `npm test`): `npm run bench`, with DATABASE_URL for PostgreSQL.
 * Every number is printed with its ratio to a baseline measured in the same run on the same
 * machine, so results from different machines can be compared by their ratios.
 *
 *   micro:  quote pricing and money parsing, against an empty loop of the same shape;
 *   http:   quotes and quote+transfer round trips through the real app (in-process, no sockets),
 *           sequential and concurrent, against GET /health on the same app.
 */
import { adapterDefinitions } from '../adapters/index.ts';
import { createApp } from '../src/app.ts';
import { createLogger } from '../src/core/logger.ts';
import { parseAmount } from '../src/core/money.ts';
import { applyMigrations } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { createAdapterRegistry } from '../src/services/adapters/registry.ts';
import { createTokenVerifier, generateSigningKey, issueToken } from '../src/services/auth/tokens.ts';
import { seedDemo, syncJurisdictions } from '../src/services/demo/seed.ts';
import { createDemoRateTable } from '../src/services/fx/demo-rate-table.ts';
import { priceQuote } from '../src/services/fx/price-quote.ts';

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
    rounding: 'half_up' as const,
    limits: { min: '1.00', max: '100000.00' },
  };
  let sink = 0;
  const baseline = await measure('empty loop (baseline)', 200_000, 1, () => {
    sink += 1;
  });
  const results = [
    await measure('parseAmount EUR', 200_000, 1, () => parseAmount('1234.56', 'EUR')),
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

async function http() {
  const url = process.env.DATABASE_URL;
  const handle = url ? openPostgres(url, { max: 16 }) : await openPglite();
  await applyMigrations(handle);
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN' });
  await syncJurisdictions(handle.db, registry);
  await seedDemo(handle.db, registry, new Date());
  const key = await generateSigningKey();
  const app = createApp({
    version: 'bench',
    registry,
    rates: createDemoRateTable(),
    verifyToken: createTokenVerifier(key.publicJwk),
    openDatabase: async () => ({ db: handle.db }),
    databaseKind: handle.kind,
    clock: () => new Date(),
    logger: createLogger('silent'),
  });
  const token = await issueToken(key, { subject: 'demo-operator', roles: ['operator'], ttlSeconds: 3600 });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const quoteBody = JSON.stringify({
    purpose: 'contribution',
    partnerJurisdiction: 'DE',
    sourceCurrency: 'EUR',
    targetCurrency: 'CNY',
    sourceAmount: '250.00',
  });
  const quote = async () => {
    const response = await app.request('/v1/quotes', { method: 'POST', headers, body: quoteBody });
    if (response.status !== 201) throw new Error(`quote ${response.status}`);
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
  const baseline = await measure('GET /health (baseline)', 5_000, 1, () => app.request('/health'));
  const results = [
    await measure('POST /v1/quotes', 1_000, 1, quote),
    await measure('quote + POST /v1/transfers', 500, 1, transfer),
    await measure(`quote + transfer, ${concurrency} concurrent`, 1_000, concurrency, transfer),
  ];
  print(
    `http (in-process app, ${handle.kind === 'pglite' ? 'PGlite in memory' : `PostgreSQL ${handle.location}`})`,
    baseline,
    results,
  );
  // The hot account in this run: every contribution credits collection:DE:EUR, by append-only postings.
  await handle.close();
}

await micro();
await http();
