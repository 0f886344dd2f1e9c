/**
 * `pontis partners …` and `pontis callbacks …` as an operator runs them: the real `pontis` process
 * on an embedded PGlite data directory. Each launch costs seconds, so one data directory carries a
 * whole registration story and each step asserts as much as it can.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../helpers/cli.ts';
import { generatePartnerKey } from '../helpers/partners.ts';
import { createCrl, createTestCa, issueAgencyCertificate } from '../helpers/pki.ts';

let dir: string;
let env: Record<string, string>;
const file = (name: string) => join(dir, name);

const ca = createTestCa({ name: 'CLI Test Root CA' });
const seal = issueAgencyCertificate(ca, { subject: 'DRV CLI Seal', keyType: 'ec-p256' });
const ISSUER = 'CN=CLI Test Root CA, O=Pontis Test PKI, C=DE';
let privateD: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pontis-cli-partners-'));
  env = { PONTIS_DATA_DIR: join(dir, 'data'), PONTIS_DEMO: 'true' };

  const ed = await generatePartnerKey('ed25519', 'de-cli-ed');
  writeFileSync(file('ed.jwk'), JSON.stringify(ed.publicJwk));
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(file('ec.pem'), ec.publicKey.export({ type: 'spki', format: 'pem' }));
  const one = await generatePartnerKey('ecdsa-p256', 'de-cli-set-1');
  const two = await generatePartnerKey('ed25519', 'de-cli-set-2');
  writeFileSync(file('set.jwks'), JSON.stringify({ keys: [one.publicJwk, two.publicJwk] }));
  writeFileSync(file('ca.pem'), ca.certPem);
  writeFileSync(file('seal.pem'), seal.certPem);
  const secret = await generatePartnerKey('ed25519', 'de-cli-secret');
  privateD = (secret.privateJwk as { d: string }).d;
  writeFileSync(file('private.jwk'), JSON.stringify({ ...secret.privateJwk, kid: 'de-cli-secret' }));
  const thisUpdate = new Date(Date.now() - 3600_000);
  writeFileSync(
    file('crl.pem'),
    createCrl(ca, {
      revoked: [{ serial: seal.serial, revokedAt: thisUpdate }],
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + 7 * 86_400_000),
    }),
  );
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A successful command: exit 0, nothing on stderr. */
function expectSuccess(result: CliResult): string {
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** A CLI failure is one line on stderr, starting with `pontis:`, and exit 1. */
function expectOneLineError(result: CliResult, ...fragments: string[]): string {
  expect(result.code, result.stdout).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pontis: /);
  for (const fragment of fragments) expect(lines[0]).toContain(fragment);
  return lines[0] as string;
}

const pontis = (...args: string[]) => runCli(args, env);

describe('pontis partners', () => {
  it('registers a partner with a JWK, a PEM key, a JWKS and a certificate, and lists them', async () => {
    const first = expectSuccess(
      await pontis(
        'partners',
        'add',
        'de-cli',
        '--jurisdiction',
        'DE',
        '--key',
        file('ed.jwk'),
        '--name',
        'DRV Bund (CLI)',
        '--callback-url',
        'https://agency.example/cb',
      ),
    );
    expect(first).toMatch(/^partner de-cli: key de-cli-ed \(ed25519\) active from \d{4}-\d{2}-\d{2}T/);

    const pem = expectSuccess(
      await pontis('partners', 'add', 'de-cli', '-j', 'de', '--key', file('ec.pem'), '--kid', 'de-cli-ec'),
    );
    expect(pem).toContain('partner de-cli: key de-cli-ec (ecdsa-p256) active');

    const set = expectSuccess(
      await pontis('partners', 'add', 'de-cli', '-j', 'DE', '--key', file('set.jwks')),
    );
    expect(set.trim().split('\n')).toEqual([
      expect.stringContaining('key de-cli-set-1 (ecdsa-p256) active'),
      expect.stringContaining('key de-cli-set-2 (ed25519) active'),
    ]);

    const anchor = expectSuccess(await pontis('partners', 'trust-anchor', 'add', 'de', file('ca.pem')));
    expect(anchor).toMatch(new RegExp(`^trust anchor \\S+ for DE: ${ISSUER} \\(sha-256 [0-9a-f]{64}\\)`));

    const certificate = expectSuccess(
      await pontis(
        'partners',
        'add',
        'de-cli',
        '-j',
        'DE',
        '--key',
        file('seal.pem'),
        '--kid',
        'de-cli-seal',
      ),
    );
    expect(certificate).toContain('partner de-cli: key de-cli-seal (ecdsa-p256) active from ');
    expect(certificate).toContain(`certificate ${seal.serial} by ${ISSUER}`);

    const retired = expectSuccess(await pontis('partners', 'retire-key', 'de-cli', 'de-cli-ed'));
    expect(retired).toMatch(/^partner de-cli: key de-cli-ed retired from \S+ \(retired now\)/);

    const list = expectSuccess(await pontis('partners', 'list')).split('\n');
    expect(list).toContain('de-cli\tDE\tactive\tDRV Bund (CLI)\tcallbacks → https://agency.example/cb');
    const keyLine = (kid: string) => list.find((line) => line.startsWith(`  ${kid}\t`)) ?? '';
    expect(keyLine('de-cli-ed')).toMatch(/^ {2}de-cli-ed\ted25519\tretired\tfrom \S+ until \S+$/);
    expect(keyLine('de-cli-ec')).toMatch(/^ {2}de-cli-ec\tecdsa-p256\tactive\tfrom \S+$/);
    expect(keyLine('de-cli-set-1')).toContain('\tecdsa-p256\tactive\t');
    expect(keyLine('de-cli-set-2')).toContain('\ted25519\tactive\t');
    expect(keyLine('de-cli-seal')).toContain('\tecdsa-p256\tactive\tfrom ');
    expect(keyLine('de-cli-seal')).toContain(`\tcert ${seal.serial} valid to 2044-01-01T00:00:00.000Z`);
  }, 120_000);

  it('loads a CRL of the trust anchor', async () => {
    const loaded = expectSuccess(await pontis('partners', 'crl', file('crl.pem')));
    expect(loaded).toMatch(new RegExp(`^CRL loaded for ${ISSUER}: 1 revoked, issued \\d{4}-`));
    const anchors = expectSuccess(await pontis('partners', 'trust-anchor', 'list'));
    expect(anchors).toMatch(
      new RegExp(`\\tDE\\t${ISSUER}\\tvalid to 2044-01-01T00:00:00.000Z\\tCRL \\S+, 1 revoked`),
    );
  }, 60_000);

  it('answers mistakes with one line and exit 1, changing nothing', async () => {
    const missing = expectOneLineError(
      await pontis('partners', 'add', 'de-cli', '-j', 'DE', '--key', file('nope.pem')),
      'no such file',
      'nope.pem',
    );
    expect(missing).not.toContain('    at ');

    const secret = await pontis('partners', 'add', 'de-secret', '-j', 'DE', '--key', file('private.jwk'));
    expectOneLineError(secret, 'private key');
    expect(secret.stderr + secret.stdout).not.toContain(privateD);

    expectOneLineError(
      await pontis('partners', 'retire-key', 'nobody', 'some-kid'),
      'No partner agency nobody',
    );
    expectOneLineError(await pontis('partners', 'retire-key', 'de-cli', 'de-cli-ed'), 'already retired');
    expectOneLineError(
      await pontis('partners', 'add', 'fr-cli', '-j', 'FR', '--key', file('seal.pem')),
      'No trust anchor',
    );

    // The refused registrations left no partner behind.
    const list = expectSuccess(await pontis('partners', 'list'));
    expect(list).not.toContain('de-secret');
    expect(list).not.toContain('fr-cli');
    expect(list).toContain('de-cli\tDE');
  }, 120_000);
});

describe('pontis callbacks', () => {
  it('lists the callbacks (none yet) and the dead-letter queue', async () => {
    expect(expectSuccess(await pontis('callbacks', 'list'))).toBe('');
    expectOneLineError(await pontis('callbacks', 'replay', 'cb_missing'), 'No callback');
  }, 60_000);
});
