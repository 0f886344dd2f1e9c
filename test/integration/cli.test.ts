import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.ts';

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
    for (const command of ['start', 'migrate', 'seed-demo', 'token', 'keygen', 'users']) {
      expect(result.stdout).toContain(command);
    }
  });

  it('answers bad usage with one line and exit 1', async () => {
    expectOneLineError(await runCli(['frobnicate']), 'unknown command');
    expectOneLineError(await runCli(['token', '--role', 'superuser']), 'operator, compliance_officer');
    expectOneLineError(await runCli(['token', '--role', 'operator', '--ttl', '5']), 'ttl');
  });

  it('migrates and seeds idempotently', async () => {
    const env = { PONTIS_DATA_DIR: dataDir() };
    const first = await runCli(['migrate'], env);
    expect(first.stdout, first.stderr).toContain('migrations: 2 applied');
    expect((await runCli(['migrate'], env)).stdout).toContain('migrations: 0 applied, 2 in all');
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
      PONTIS_ADAPTER_OPTIONS: '{"DE":{"fx":{"spreadBps":5000}}}',
    });
    expectOneLineError(bad, 'adapter DE@', 'fx.spreadBps');
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
    expect(banner).toContain('2 applied now');
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

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');

    const again = await startCli(env);
    expect(again.output()).toContain('already current');
    expect(again.output()).toContain('demo data already present');
    expect(await again.stop()).toBe(0);
  }, 90_000);
});
