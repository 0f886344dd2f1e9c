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
  const { value, source } = await demoSecretFile(
    demoKeyPath(config),
    'the demo signing key',
    (jwk) => signingKeyFromJwk(jwk),
    async () => {
      const key = await generateSigningKey();
      return { value: key, json: key.privateJwk };
    },
  );
  return { key: value, source };
}

/**
 * A demo secret kept in the data directory: read from `path` (JSON) when it exists, otherwise
 * created once and written with mode 0600. `source` says which, for the start banner.
 */
export async function demoSecretFile<T>(
  path: string,
  what: string,
  load: (json: unknown) => Promise<T> | T,
  create: () => Promise<{ value: T; json: unknown }> | { value: T; json: unknown },
): Promise<{ value: T; source: string }> {
  if (existsSync(path)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new GatewayError(
        'configuration_invalid',
        `${what} ${path} is not valid JSON; delete it to make a new one`,
      );
    }
    return { value: await load(json), source: path };
  }
  const { value, json } = await create();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { value, source: `${path} (generated)` };
}
