/**
 * The gateway as a Cloudflare Worker, in workerd, offline: `wrangler dev` serves
 * deploy/cloudflare/worker.ts against a fresh PostgreSQL database (migrated and seeded from Node,
 * as `pontis migrate` would), and the test talks to it over real HTTP. A small HTTP server in this
 * process plays the ECB for the Worker's Cron Trigger (`wrangler dev --test-scheduled`).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:worker
 *
 * Without DATABASE_URL the suite is skipped (it needs a PostgreSQL server).
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerClient, verifyCallback } from '../../sdk/src/index.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { parseConfig } from '../../src/env.ts';
import { generateSigningKey, issueToken } from '../../src/services/auth/tokens.ts';
import { seedDemo, syncJurisdictions } from '../../src/services/demo/seed.ts';
import { addPartnerKeys, upsertPartner } from '../../src/services/partners/registry.ts';
import { generatePrivacyKeyText } from '../../src/services/privacy/keys.ts';
import { registryFromConfig } from '../../src/wiring.ts';
import { formatEcbCsv, formatEcbDailyXml, formatEcbXml, zipEcbHistory } from '../helpers/ecb-server.ts';
import { previousTargetDay, TEST_EUR_RATES } from '../helpers/gateway.ts';
import { generatePartnerKey } from '../helpers/partners.ts';
import { germanPerson } from '../helpers/persons.ts';
import { listedLookalike } from '../helpers/review.ts';
import { importFixtureLists, LISTED_TEST_PERSONS } from '../helpers/sanctions.ts';

const DATABASE_URL = process.env.DATABASE_URL;
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');
const START_TIMEOUT_MS = 120_000;

if (!DATABASE_URL) {
  console.log(
    '[pontis worker test] SKIPPED: set DATABASE_URL to a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the Worker in workerd',
  );
}

function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

const QUOTE_REQUEST = {
  purpose: 'contribution',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'EUR',
  targetCurrency: 'CNY',
  sourceAmount: '250.00',
};

describe.skipIf(!DATABASE_URL)('the gateway as a Cloudflare Worker (wrangler dev, workerd)', () => {
  const database = `pontis_worker_${process.pid}`;
  const output: string[] = [];
  let wrangler: ChildProcess | undefined;
  let exited: Promise<void> | undefined;
  let persistDir: string | undefined;
  let base = '';
  let token = '';
  let privacyToken = '';
  let complianceToken = '';
  let url = '';
  let ecb: Server | undefined;
  const ecbRequests: string[] = [];
  // The partner agency's callback endpoint, over real HTTP in this process.
  let agency: Server | undefined;
  let callbackUrl = '';
  const callbacks: { headers: Headers; body: Uint8Array; url: string }[] = [];
  const partnerKey = generatePartnerKey('ed25519', `de-worker-${process.pid}`);

  async function startAgencyEndpoint(): Promise<string> {
    const server = createHttpServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string') headers.set(name, value);
        }
        callbacks.push({ headers, body: new Uint8Array(Buffer.concat(chunks)), url: `${callbackUrl}` });
        res.writeHead(204);
        res.end();
      });
    });
    agency = server;
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/callbacks`;
  }
  // The rates of the last TARGET day: fresh for quotes made now.
  const ecbDay = { date: previousTargetDay(new Date()), rates: TEST_EUR_RATES };

  /** The ECB's three files for one day, over real HTTP (workerd cannot see msw in this process). */
  async function startFakeEcb(): Promise<string> {
    const files: Record<string, { type: string; body: string | Uint8Array }> = {
      '/eurofxref-daily.xml': { type: 'text/xml', body: formatEcbDailyXml(ecbDay) },
      '/eurofxref-hist-90d.xml': { type: 'text/xml', body: formatEcbXml([ecbDay]) },
      '/eurofxref-hist.zip': { type: 'application/zip', body: zipEcbHistory(formatEcbCsv([ecbDay])) },
    };
    const server = createHttpServer((req, res) => {
      ecbRequests.push(req.url ?? '');
      const file = files[req.url ?? ''];
      res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' });
      res.end(file?.body ?? 'not found');
    });
    ecb = server;
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  }

  async function request(path: string, init: RequestInit & { auth?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.auth !== false) headers.set('Authorization', `Bearer ${token}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    return fetch(`${base}${path}`, { ...init, headers });
  }

  beforeAll(async () => {
    const serverUrl = DATABASE_URL as string;
    const admin = openPostgres(serverUrl, { max: 1 });
    try {
      await admin.sql.unsafe(`drop database if exists ${database} with (force)`);
      await admin.sql.unsafe(`create database ${database}`);
    } finally {
      await admin.close();
    }
    url = databaseUrl(serverUrl, database);
    const ecbBase = await startFakeEcb();

    // What `pontis migrate` and `pontis seed-demo` do from Node before a Worker deployment.
    const handle = openPostgres(url, { max: 2 });
    try {
      const { after } = await applyMigrations(handle);
      expect(after.current).toBe(true);
      // The registry the Worker builds from wrangler.toml's [vars].
      const registry = registryFromConfig(
        parseConfig({ PONTIS_DEMO: 'false', PONTIS_HOME_JURISDICTION: 'CN' }),
      );
      await syncJurisdictions(handle.db, registry);
      await seedDemo(handle.db, registry, new Date());
      // The fictional lists, as `pontis sanctions import` would load the real ones.
      await importFixtureLists(handle.db, new Date());
      // A partner agency with an Ed25519 key and a callback endpoint, as `pontis partners add` would.
      callbackUrl = await startAgencyEndpoint();
      const context = { actor: 'test', now: new Date() };
      await upsertPartner(handle.db, registry, { id: 'de-worker', jurisdiction: 'DE', callbackUrl }, context);
      await addPartnerKeys(
        handle.db,
        { partnerId: 'de-worker', keyText: JSON.stringify((await partnerKey).publicJwk) },
        context,
      );
    } finally {
      await handle.close();
    }

    const key = await generateSigningKey();
    const privacyKeyText = generatePrivacyKeyText();
    token = await issueToken(key, { subject: 'demo-operator', roles: ['operator'], ttlSeconds: 600 });
    privacyToken = await issueToken(key, {
      subject: 'demo-privacy',
      roles: ['privacy_officer'],
      ttlSeconds: 600,
    });
    complianceToken = await issueToken(key, {
      subject: 'demo-compliance',
      roles: ['compliance_officer'],
      ttlSeconds: 600,
    });

    const port = await freePort();
    const inspectorPort = await freePort();
    persistDir = mkdtempSync(join(tmpdir(), 'pontis-wrangler-'));
    base = `http://127.0.0.1:${port}`;
    const child = spawn(
      WRANGLER,
      [
        'dev',
        '--port',
        String(port),
        '--ip',
        '127.0.0.1',
        '--inspector-port',
        String(inspectorPort),
        '--persist-to',
        persistDir,
        '--show-interactive-dev-session=false',
        '--test-scheduled',
        '--var',
        `DATABASE_URL:${url}`,
        '--var',
        `PONTIS_ECB_BASE_URL:${ecbBase}`,
        '--var',
        `PONTIS_SIGNING_KEY:${JSON.stringify(key.privateJwk)}`,
        '--var',
        `PONTIS_PSEUDONYM_KEY:${privacyKeyText.pseudonymKey}`,
        '--var',
        `PONTIS_KEKS:${privacyKeyText.keks}`,
      ],
      {
        cwd: ROOT,
        // Its own process group, so that afterAll ends wrangler and its workerd children together.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DATABASE_URL: undefined,
          CI: '1',
          NO_COLOR: '1',
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_SEND_ERROR_REPORTS: 'false',
          WRANGLER_LOG_PATH: persistDir,
          CLOUDFLARE_API_TOKEN: undefined,
          CLOUDFLARE_ACCOUNT_ID: undefined,
        },
      },
    );
    wrangler = child;
    exited = new Promise((resolveExit) => child.once('exit', () => resolveExit()));
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));

    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output.join('')}`);
      }
      try {
        const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error(`wrangler dev did not answer within ${START_TIMEOUT_MS} ms:\n${output.join('')}`);
      }
      await new Promise((wait) => setTimeout(wait, 250));
    }
  });

  afterAll(async () => {
    if (wrangler?.pid && wrangler.exitCode === null) {
      const group = -wrangler.pid;
      try {
        process.kill(group, 'SIGTERM');
      } catch {
        // already gone
      }
      const stopped = await Promise.race([
        exited?.then(() => true),
        new Promise<false>((done) => setTimeout(() => done(false), 10_000)),
      ]);
      try {
        // workerd may outlive wrangler; the group is ended either way.
        process.kill(group, stopped ? 'SIGTERM' : 'SIGKILL');
      } catch {
        // the whole group is gone
      }
    }
    if (persistDir) rmSync(persistDir, { recursive: true, force: true });
    await new Promise<void>((closed) => (ecb ? ecb.close(() => closed()) : closed()));
    await new Promise<void>((closed) => (agency ? agency.close(() => closed()) : closed()));
    if (DATABASE_URL) {
      const admin = openPostgres(DATABASE_URL, { max: 1 });
      try {
        await admin.sql.unsafe(`drop database if exists ${database} with (force)`);
      } finally {
        await admin.close();
      }
    }
  });

  it('answers /health and /ready with the migrations current', async () => {
    const health = await request('/health', { auth: false });
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const ready = await request('/ready', { auth: false });
    const body = await ready.json();
    expect(ready.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: 'ready',
      checks: {
        database: { status: 'up', kind: 'postgres' },
        migrations: { status: 'current', pending: [] },
      },
    });
  });

  it('downloads the ECB rates on its Cron Trigger, and /ready shows them fresh', async () => {
    const before = await (await request('/ready', { auth: false })).json();
    expect(before.checks.fxRates).toMatchObject({ status: 'missing' });

    // wrangler dev --test-scheduled: this path runs the Worker's scheduled() handler.
    const cron = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('10,40 14-16 * * 1-5')}`);
    expect(cron.status, await cron.text()).toBe(200);
    expect(ecbRequests).toContain('/eurofxref-daily.xml');

    const handle = openPostgres(url, { max: 1 });
    try {
      // scheduled() hands the download to waitUntil: wait for its import to be recorded.
      let imports: { status: string; trigger: string; last_date: string; origin: string }[] = [];
      for (let tries = 0; tries < 80 && imports.length < 2; tries += 1) {
        imports = await handle.sql.unsafe(
          `select status, trigger, last_date::text, origin from fx_rate_imports where status = 'loaded'`,
        );
        if (imports.length < 2) await new Promise((wait) => setTimeout(wait, 250));
      }
      // The daily file, then the history zip for the days before it (the database was empty).
      expect(imports.map((row) => row.origin.split('/').pop()).sort(), output.join('')).toEqual([
        'eurofxref-daily.xml',
        'eurofxref-hist.zip',
      ]);
      for (const row of imports) expect(row).toMatchObject({ trigger: 'refresh', last_date: ecbDay.date });
    } finally {
      await handle.close();
    }
    const after = await (await request('/ready', { auth: false })).json();
    expect(after.checks.fxRates).toMatchObject({
      status: 'fresh',
      newestRateDate: ecbDay.date,
      source: 'ecb',
    });
  });

  it('quotes, creates a transfer once per Idempotency-Key, reads it back, and the ledger balances', async () => {
    const quoteResponse = await request('/v1/quotes', {
      method: 'POST',
      body: JSON.stringify(QUOTE_REQUEST),
    });
    const quote = await quoteResponse.json();
    expect(quoteResponse.status, JSON.stringify(quote)).toBe(201);
    expect(quote).toMatchObject({ object: 'quote', sourceAmount: '250.00', sourceJurisdiction: 'DE' });
    expect(quote.rate).toMatchObject({ source: 'ecb', asOf: ecbDay.date, reference: '8.215' });

    const create = () =>
      request('/v1/transfers', {
        method: 'POST',
        headers: { 'Idempotency-Key': `worker-${process.pid}` },
        body: JSON.stringify({ quoteId: quote.id, reference: 'WORKER-1' }),
      });
    const first = await create();
    const transfer = await first.json();
    expect(first.status, JSON.stringify(transfer)).toBe(201);
    // Screened inside workerd against the lists in PostgreSQL: nobody on them, so approved.
    expect(transfer).toMatchObject({ state: 'approved', quoteId: quote.id });
    expect(first.headers.get('idempotent-replayed')).toBe('false');

    const again = await create();
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(transfer);

    const fetched = await request(`/v1/transfers/${transfer.id}`);
    expect(fetched.status).toBe(200);
    expect(await fetched.json()).toEqual(transfer);

    const check = await request('/v1/ledger/check');
    const checkBody = await check.json();
    expect(check.status, JSON.stringify(checkBody)).toBe(200);
    expect(checkBody).toMatchObject({ balanced: true, unbalanced: [] });
  });

  it("accepts a partner's signed requests, signs its responses, and delivers a signed callback on its Cron Trigger", async () => {
    const client = createPartnerClient({
      baseUrl: base,
      key: await partnerKey,
      partnerId: 'de-worker',
    });
    // The SDK verifies each response signature with the Worker's /.well-known/jwks.json.
    const quote = await client.request<{ id: string }>('POST', '/v1/quotes', { body: QUOTE_REQUEST });
    expect(quote.status, quote.text).toBe(201);
    expect(quote.signature?.keyid).toBeDefined();
    const transfer = await client.request<{ id: string; state: string }>('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id },
      idempotencyKey: `worker-partner-${process.pid}`,
    });
    expect(transfer.status, transfer.text).toBe(201);
    expect(transfer.signature).toBeDefined();
    // A request with a signature that does not parse is refused before anything runs.
    const replay = await fetch(`${base}/v1/transfers/${transfer.body.id}`, {
      headers: { signature: 'x=:AA==:', 'signature-input': 'x=();created=1' },
    });
    expect(replay.status).toBe(401);

    const cron = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('* * * * *')}`);
    expect(cron.status, await cron.text()).toBe(200);
    // Two callbacks: received, then approved once screening cleared the transfer.
    for (let tries = 0; tries < 80 && callbacks.length < 2; tries += 1) {
      await new Promise((wait) => setTimeout(wait, 250));
    }
    expect(callbacks, output.join('')).toHaveLength(2);
    const types: string[] = [];
    for (const callback of callbacks) {
      const verified = await verifyCallback<{ type: string; data: { transferId: string } }>(
        { method: 'POST', url: callbackUrl, headers: callback.headers, body: callback.body },
        await client.gatewayKeys(),
      );
      expect(verified.event.data.transferId).toBe(transfer.body.id);
      types.push(verified.event.type);
    }
    expect(types.sort()).toEqual(['transfer.approved', 'transfer.received']);
  });

  it('screens in workerd: a listed person is held with an explained hit, and officers can search', async () => {
    const listed = LISTED_TEST_PERSONS.un;
    const quote = await (
      await request('/v1/quotes', { method: 'POST', body: JSON.stringify(QUOTE_REQUEST) })
    ).json();
    const created = await request('/v1/transfers', {
      method: 'POST',
      headers: { 'Idempotency-Key': `worker-listed-${process.pid}` },
      body: JSON.stringify({
        quoteId: quote.id,
        insuredPerson: listedLookalike(listed),
      }),
    });
    const transfer = await created.json();
    expect(created.status, JSON.stringify(transfer)).toBe(201);
    expect(transfer.state).toBe('held');
    const compliance = await (
      await fetch(`${base}/v1/transfers/${transfer.id}/compliance`, {
        headers: { Authorization: `Bearer ${complianceToken}` },
      })
    ).json();
    expect(compliance.decision).toBe('review');
    expect(compliance.screening[0].hits[0].entityId).toBe(listed.entityId);

    const search = await fetch(`${base}/v1/screening/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${complianceToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `${listed.family}, ${listed.given}`, type: 'person' }),
    });
    const result = await search.json();
    expect(search.status, JSON.stringify(result)).toBe(200);
    expect(result.hits[0].entityId).toBe(listed.entityId);
    expect(result.listVersions.map((version: { source: string }) => version.source).sort()).toEqual([
      'eu',
      'ofac',
      'uk',
      'un',
    ]);
  });

  it('seals a person in workerd, shows each reader its part, and purges on the daily Cron Trigger', async () => {
    const quote = await (
      await request('/v1/quotes', { method: 'POST', body: JSON.stringify(QUOTE_REQUEST) })
    ).json();
    const created = await request('/v1/transfers', {
      method: 'POST',
      headers: { 'Idempotency-Key': `worker-person-${process.pid}` },
      body: JSON.stringify({ quoteId: quote.id, insuredPerson: germanPerson() }),
    });
    const transfer = await created.json();
    expect(created.status, JSON.stringify(transfer)).toBe(201);
    // The creator's answer names the person by id only; the operator reads name and account.
    expect(Object.keys(transfer.insuredPerson).sort()).toEqual(['dataSubjectId', 'disclosedCategories']);
    const read = await (await request(`/v1/transfers/${transfer.id}`)).json();
    expect(read.insuredPerson).toMatchObject({
      disclosedCategories: ['bank_account', 'name'],
      name: germanPerson().name,
    });
    expect(read.insuredPerson.nationalIdentifier).toBeUndefined();
    expect(read.legalBases.map((basis: { from: string }) => basis.from)).toEqual(['DE', 'CN']);
    // Sealed at rest: the row holds no name, and the privacy officer's view opens it again.
    const handle = openPostgres(url, { max: 1 });
    try {
      const rows = await handle.sql`select fields::text as fields from data_subjects`;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(String(row.fields)).not.toContain(germanPerson().name.family);
    } finally {
      await handle.close();
    }
    const subject = await fetch(`${base}/v1/privacy/subjects/${transfer.insuredPerson.dataSubjectId}`, {
      headers: { Authorization: `Bearer ${privacyToken}` },
    });
    expect(subject.status).toBe(200);
    expect((await subject.json()).person.health).toEqual(germanPerson().health);

    const cron = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('30 2 * * *')}`);
    expect(cron.status, await cron.text()).toBe(200);
    let runs: { trigger: string }[] = [];
    for (let tries = 0; tries < 80 && runs.length === 0; tries += 1) {
      await new Promise((wait) => setTimeout(wait, 250));
      const list = await fetch(`${base}/v1/privacy/purge-runs`, {
        headers: { Authorization: `Bearer ${privacyToken}` },
      });
      runs = (await list.json()).data;
    }
    expect(runs[0], output.join('')).toMatchObject({ trigger: 'schedule', subjectsShredded: 0 });
  });

  it('serves the API reference: the page from the app, Swagger UI from the assets binding', async () => {
    const page = await request('/docs', { auth: false });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('/docs/assets/swagger-ui-bundle.js');

    const init = await request('/docs/init.js', { auth: false });
    expect(init.status).toBe(200);

    const bundle = await request('/docs/assets/swagger-ui-bundle.js', { auth: false });
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);

    const openapi = await request('/openapi.json', { auth: false });
    expect(openapi.status).toBe(200);
    expect(await openapi.json()).toMatchObject({ openapi: '3.1.0' });
  });

  it('refuses a request without a token with a problem+json 401', async () => {
    const response = await request('/v1/quotes', {
      method: 'POST',
      auth: false,
      body: JSON.stringify(QUOTE_REQUEST),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
