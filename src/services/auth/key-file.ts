/**
 * Where the gateway's signing key comes from on Node: PONTIS_SIGNING_KEY (a private JWK), or in
 * demo mode a key generated once into the data directory (mode 0600) and reused afterwards.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GatewayError } from '../../core/errors.ts';
import type { Config } from '../../env.ts';
import { generateSigningKey, type SigningKey, signingKeyFromJwk } from './tokens.ts';

export function demoKeyPath(config: Config): string {
  return join(config.dataDir, 'gateway-signing-key.json');
}

export async function loadSigningKey(config: Config): Promise<{ key: SigningKey; source: string }> {
  if (config.signingKey !== undefined) {
    return { key: await signingKeyFromJwk(config.signingKey), source: 'PONTIS_SIGNING_KEY' };
  }
  if (!config.demo) {
    throw new GatewayError(
      'configuration_invalid',
      'PONTIS_SIGNING_KEY is required outside demo mode (a private EC P-256 JWK; `pontis keygen` prints one).',
    );
  }
  const path = demoKeyPath(config);
  if (existsSync(path)) {
    let jwk: unknown;
    try {
      jwk = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new GatewayError(
        'configuration_invalid',
        `the demo signing key ${path} is not valid JSON; delete it to make a new one`,
      );
    }
    return { key: await signingKeyFromJwk(jwk), source: path };
  }
  const key = await generateSigningKey();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(key.privateJwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key, source: `${path} (generated)` };
}
