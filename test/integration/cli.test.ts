import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { KNOWN_MIGRATIONS } from '../../src/db/migrations-journal.ts';
import { runCli, startCli } from '../helpers/cli.ts';
import { sharedFile } from '../helpers/shared-data.ts';

const SHARED_HISTORY = sharedFile('fx/ecb/eurofxref-hist.csv');

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pontis-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A CLI failure is one line on stderr, starting with `pontis:`, and a non-zero exit. */
function expectOneLineError(result: { code: number | null; stderr: string }, ...fragments: string[]) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pontis: /);
  for (const fragment of fragments) expect(lines[0]).toContain(fragment);
}

describe('pontis CLI', () => {
  it('--help lists the commands', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of [
      'start',
      'migrate',
      'seed-demo',
      'token',
      'keygen',
      'users',
      'partners',
      'partner',
      'callbacks',
    ]) {
      expect(result.stdout).toContain(command);
    }
  });

  it('answers bad usage with one line and exit 1', async () => {
    expectOneLineError(await runCli(['frobnicate']), 'unknown command');
    expectOneLineError(await runCli(['token', '--role', 'superuser']), 'operator, compliance_officer');
    expectOneLineError(await runCli(['token', '--role', 'operator', '--ttl', '5']), 'ttl');
  });

  it('partner keygen writes a private key (0600, never overwritten) and prints the public JWK to register', async () => {
    const dir = dataDir();
    const out = join(dir, 'agency.key.json');
    const made = await runCli([
      'partner',
      'keygen',
      '--kid-prefix',
      'fr-cnav',
      '--out',
      out,
      '--alg',
      'ES256',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const publicJwk = JSON.parse(made.stdout) as Record<string, string>;
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(publicJwk.kid).toMatch(/^fr-cnav-[A-Za-z0-9_-]{8}$/);
    expect(publicJwk.d).toBeUndefined();
    const privateJwk = JSON.parse(readFileSync(out, 'utf8')) as Record<string, string>;
    expect(privateJwk.kid).toBe(publicJwk.kid);
    expect(typeof privateJwk.d).toBe('string');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expectOneLineError(
      await runCli(['partner', 'keygen', '--kid-prefix', 'x', '--out', out]),
      'not overwritten',
    );
    // A signed call to a gateway that is not there fails in one line that says so.
    expectOneLineError(
      await runCli(['partner', 'call', 'GET', '/v1/transfers', '--key', out, '--url', 'http://127.0.0.1:9']),
      'cannot reach the gateway at http://127.0.0.1:9',
    );
    expectOneLineError(
      await runCli(['partner', 'call', 'GET', '/v1/transfers', '--key', join(dir, 'nope.json')]),
      'no such file',
    );
    expectOneLineError(
      await runCli(['partner', 'call', 'BREW', '/v1/transfers', '--key', out]),
      'expected one of',
    );
  });

  it('migrates and seeds idempotently', async () => {
    const env = { PONTIS_DATA_DIR: dataDir() };
    const first = await runCli(['migrate'], env);
    expect(first.stdout, first.stderr).toContain(`migrations: ${KNOWN_MIGRATIONS.length} applied`);
    expect((await runCli(['migrate'], env)).stdout).toContain(
      `migrations: 0 applied, ${KNOWN_MIGRATIONS.length} in all`,
    );
    expect((await runCli(['seed-demo'], env)).stdout).toContain('demo data seeded');
    expect((await runCli(['seed-demo'], env)).stdout).toContain('demo data already present');
    const users = await runCli(['users', 'list'], env);
    expect(users.stdout).toContain('demo-operator\tactive\toperator');
    expect((await runCli(['users', 'add', 'alice', '--role', 'auditor', '--name', 'Alice'], env)).code).toBe(
      0,
    );
    expect((await runCli(['users', 'disable', 'alice'], env)).stdout).toContain('alice disabled');
    expect((await runCli(['users', 'list'], env)).stdout).toContain('alice\tdisabled\tauditor');
    expectOneLineError(await runCli(['users', 'disable', 'nobody'], env), 'No user nobody');
  }, 60_000);

  it('prints tokens in demo mode, and refuses without a key outside it', async () => {
    const env = { PONTIS_DATA_DIR: dataDir() };
    const result = await runCli(['token', '--role', 'auditor'], env);
    expect(result.code, result.stderr).toBe(0);
    const token = result.stdout.trim();
    expect(decodeProtectedHeader(token).alg).toBe('ES256');
    expect(decodeJwt(token)).toMatchObject({
      sub: 'demo-auditor',
      roles: ['auditor'],
      iss: 'pontis',
      aud: 'pontis-api',
    });
    expectOneLineError(
      await runCli(['token', '--role', 'operator'], { ...env, NODE_ENV: 'production' }),
      'PONTIS_SIGNING_KEY',
    );
    const key = (await runCli(['keygen'])).stdout.trim();
    const production = await runCli(['token', '--role', 'operator', '--sub', 'ops-1'], {
      ...env,
      NODE_ENV: 'production',
      PONTIS_SIGNING_KEY: key,
    });
    expect(decodeJwt(production.stdout.trim()).sub).toBe('ops-1');
  }, 60_000);

  it('refuses to start on bad configuration or a bad adapter option, in one line', async () => {
    expectOneLineError(await runCli(['start'], { PORT: 'x', PONTIS_DATA_DIR: dataDir() }), 'PORT');
    const bad = await runCli(['start', '--port', '0'], {
      PONTIS_DATA_DIR: dataDir(),
      PONTIS_ADAPTER_OPTIONS: '{"DE":{"fx":{"corridors":{"contribution":{"spreadBps":5000}}}}}',
    });
    expectOneLineError(bad, 'adapter DE@', 'fx.corridors.contribution.spreadBps');
    expectOneLineError(
      await runCli(['start'], { NODE_ENV: 'production', PONTIS_DATA_DIR: dataDir() }),
      'PONTIS_SIGNING_KEY is required',
    );
  }, 60_000);

  it('starts on PGlite, prints where to go next, reuses its data and stops cleanly on Ctrl-C', async () => {
    const env = { PONTIS_DATA_DIR: dataDir() };
    const server = await startCli(env);
    const banner = server.output();
    expect(banner).toContain(`${server.url}/docs`);
    expect(banner).toContain(`${server.url}/openapi.json`);
    expect(banner).toContain('/v1/quotes');
    expect(banner).toContain('token --role operator');
    expect(banner).toContain(`${KNOWN_MIGRATIONS.length} applied now`);
    expect(banner).toMatch(/privacy keys +\S+privacy-keys\.json \(generated\) \(KEK kek-/);
    expect(banner).toContain('/v1/privacy/records-of-processing');
    expect(banner).toContain('demo users and partner agency seeded');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);

    // The embedded database is this process's alone while it runs.
    expectOneLineError(await runCli(['migrate'], env), 'open in another Pontis process');

    // The banner's quote command works with a token from `pontis token`.
    const token = (await runCli(['token', '--role', 'operator'], env)).stdout.trim();
    const quote = await fetch(`${server.url}/v1/quotes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        purpose: 'contribution',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        sourceAmount: '250.00',
      }),
    });
    expect(quote.status).toBe(201);
    const priced = (await quote.json()) as { rate: { source: string; basis: { reference?: string } } };
    if (SHARED_HISTORY) {
      // The shared history ends months ago and this machine cannot download: the demo says so and
      // quotes on manual rates taken from the newest ECB rates.
      expect(banner).toMatch(/reference rates ECB history from .*eurofxref-hist\.csv \(loaded now\)/);
      expect(banner).toMatch(/demo manual rates set for [A-Z, -]*CN-DE/);
      expect(priced.rate.source).toBe('manual');
      expect(priced.rate.basis.reference).toContain('ecb rate of 2026-04-13');
    } else {
      expect(banner).toContain('reference rates demo table of');
      expect(priced.rate.source).toBe('demo-table');
    }

    // The banner's signed partner call works as printed (after `npm run -s pontis --`).
    const call = /npm run -s pontis -- (partner call [^\n]*)\\\n\s+([^\n]*)/.exec(banner);
    expect(call, banner).not.toBeNull();
    const args = `${call?.[1]} ${call?.[2]}`.trim().split(/\s+/);
    const signed = await runCli(args, env);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).toMatch(/HTTP 201 — response signature verified \(gateway key [A-Za-z0-9_-]+\)/);
    expect(JSON.parse(signed.stdout)).toMatchObject({ object: 'quote', partnerJurisdiction: 'DE' });

    // The agency simulator completes the signed round trip, and receives the signed callback.
    const simulatorUrl = /Agency simulator for de-drv-demo at (http:\/\/\S+)/.exec(banner)?.[1];
    expect(simulatorUrl, banner).toBeDefined();
    const roundTrip = await fetch(`${simulatorUrl}/simulate/contribution`, { method: 'POST' });
    const trip = (await roundTrip.json()) as {
      ok: boolean;
      transfer: { id: string; signatureVerified: boolean };
    };
    expect(trip).toMatchObject({ ok: true, transfer: { signatureVerified: true } });
    let callbacks: { type: string; verified: boolean; event: { data: { transferId: string } } }[] = [];
    // Two callbacks: received, then approved once screening cleared the transfer.
    for (let attempt = 0; attempt < 40 && callbacks.length < 2; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      callbacks = (await (await fetch(`${simulatorUrl}/callbacks`)).json()) as typeof callbacks;
    }
    expect(callbacks).toMatchObject([
      { type: 'transfer.received', verified: true, event: { data: { transferId: trip.transfer.id } } },
      { type: 'transfer.approved', verified: true, event: { data: { transferId: trip.transfer.id } } },
    ]);

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');

    const again = await startCli(env);
    expect(again.output()).toContain('already current');
    expect(again.output()).toContain('demo data already present');
    if (SHARED_HISTORY) expect(again.output()).toContain('(already loaded)');
    expect(await again.stop()).toBe(0);
  }, 90_000);

  it('starts on the demo table without shared data, and shows a failed download in /ready', async () => {
    const env = {
      PONTIS_DATA_DIR: dataDir(),
      PONTIS_SHARED_DATA_DIR: dataDir(),
      PONTIS_FX_REFRESH_MINUTES: '60',
      // Nothing listens on the discard port: the first download fails at once.
      PONTIS_ECB_BASE_URL: 'http://127.0.0.1:9/',
    };
    const server = await startCli(env);
    expect(server.output()).toContain('reference rates demo table of');
    expect(server.output()).toContain('rate refresh    every 60 min from http://127.0.0.1:9/');
    let fxRates: { status: string; source: string; lastRefresh: { status: string } | null } | undefined;
    for (let attempt = 0; attempt < 50 && !fxRates?.lastRefresh; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      fxRates = (
        (await (await fetch(`${server.url}/ready`)).json()) as { checks: { fxRates: typeof fxRates } }
      ).checks.fxRates;
    }
    expect(fxRates).toMatchObject({
      status: 'fresh',
      source: 'demo-table',
      lastRefresh: { status: 'failed' },
    });
    expect(server.output()).toContain('fx rate refresh failed; the last good rates stay in use');
    expect(await server.stop()).toBe(0);
  }, 90_000);

  it('fx import loads a file all or nothing, and fx status shows the log', async () => {
    const env = { PONTIS_DATA_DIR: dataDir() };
    const dir = dataDir();
    const header = 'Date,USD,JPY,CNY,';
    const good = join(dir, 'eurofxref-hist.csv');
    writeFileSync(good, `${header}\n2026-04-13,1.1684,186.75,7.9827,\n2026-04-10,1.1711,186.43,N/A,\n`);
    const loaded = await runCli(['fx', 'import', good], env);
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout).toContain(
      'loaded eurofxref-hist.csv: 2 business days 2026-04-10 … 2026-04-13, 5 rates (5 new, 0 revised)',
    );
    const again = await runCli(['fx', 'import', good], env);
    expect(again.stdout).toContain('was already loaded');

    const zipped = join(dir, 'eurofxref-hist.zip');
    writeFileSync(
      zipped,
      zipSync({
        'eurofxref-hist.csv': new TextEncoder().encode(`${header}\n2026-04-14,1.17,187.00,7.99,\n`),
      }),
    );
    expect((await runCli(['fx', 'import', zipped], env)).stdout).toContain(
      'loaded eurofxref-hist.zip: 1 business days',
    );

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${header}\n2026-04-09,1.1690,186.20,7.98,\n2026-04-08,1.1650,0,7.97,\n`);
    expectOneLineError(await runCli(['fx', 'import', bad], env), 'fx_file_invalid', 'line 3', 'JPY');
    const missing = join(dir, 'nope.csv');
    expectOneLineError(await runCli(['fx', 'import', missing], env), 'no such file');

    const status = await runCli(['fx', 'status'], env);
    expect(status.stdout).toContain('newest rates: 2026-04-14 (ecb)');
    expect(status.stdout).toMatch(/failed\s+file\s+bad\.csv\s+fx_file_invalid/);
    // Nothing of the bad file was loaded: 2026-04-09 is not among the days.
    expect(status.stdout).toContain('3 days since 2026-04-10');
  }, 90_000);
});
