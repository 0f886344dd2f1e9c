/**
 * The demo agency on a Node start: the demo partner's private key in the data directory
 * (generated once, mode 0600), its public half registered with the partner registry, and a
 * request body file, so that the start banner can print a signed call that works as printed.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { PartnerSigningKey } from '../../sdk/src/index.ts';
import { GatewayError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import type { Config } from '../env.ts';
import type { AdapterRegistry } from '../services/adapters/registry.ts';
import { DEMO_PARTNER_AGENCY } from '../services/demo/seed.ts';
import { addPartnerKeys, findKey, upsertPartner } from '../services/partners/registry.ts';

export const DEMO_PARTNER_KEY_FILE = 'demo-partner-key.json';
export const DEMO_QUOTE_FILE = 'demo-quote-request.json';
export const DEMO_QUOTE_REQUEST = {
  purpose: 'contribution',
  partnerJurisdiction: DEMO_PARTNER_AGENCY.jurisdictionCode,
  sourceCurrency: 'EUR',
  targetCurrency: 'CNY',
  sourceAmount: '250.00',
};

export interface DemoPartner {
  partnerId: string;
  key: PartnerSigningKey;
  keyPath: string;
  quotePath: string;
}

/** Reads a private JWK with its `kid` (what `pontis partner keygen` writes). */
export function readPrivateKeyFile(path: string): PartnerSigningKey {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no such file: ${path}`);
    throw new Error(`${path} is not a JSON Web Key`);
  }
  if (typeof jwk !== 'object' || jwk === null || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
    throw new Error(
      `${path} must be a private JWK with its registered "kid" (pontis partner keygen writes one)`,
    );
  }
  return { kid: jwk.kid, privateJwk: jwk as JsonWebKey };
}

/** A new Ed25519 key whose kid is `<prefix>-<thumbprint start>`: a regenerated key never collides. */
export async function generatePartnerSigningKey(prefix: string, alg: 'EdDSA' | 'ES256' | 'PS256' = 'EdDSA') {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}),
    ...(alg === 'PS256' ? { modulusLength: 3072 } : {}),
  });
  const jwk = await exportJWK(privateKey);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = jwk;
  const kid = `${prefix}-${(await calculateJwkThumbprint(publicJwk)).slice(0, 8)}`;
  return { privateJwk: { ...jwk, kid }, publicJwk: { ...publicJwk, kid } };
}

export async function prepareDemoPartner(
  db: Database,
  registry: AdapterRegistry,
  config: Config,
  now: Date,
): Promise<DemoPartner | undefined> {
  if (!registry.get(DEMO_PARTNER_AGENCY.jurisdictionCode)) return undefined;
  const keyPath = join(config.dataDir, DEMO_PARTNER_KEY_FILE);
  const quotePath = join(config.dataDir, DEMO_QUOTE_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(keyPath)) {
    const generated = await generatePartnerSigningKey(DEMO_PARTNER_AGENCY.id);
    writeFileSync(keyPath, `${JSON.stringify(generated.privateJwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(keyPath, 0o600);
  }
  if (!existsSync(quotePath)) writeFileSync(quotePath, `${JSON.stringify(DEMO_QUOTE_REQUEST)}\n`);
  const key = readPrivateKeyFile(keyPath);
  const found = await findKey(db, key.kid);
  if (found && found.partner.id !== DEMO_PARTNER_AGENCY.id) {
    throw new GatewayError(
      'configuration_invalid',
      `${keyPath} names a key of another partner; delete it to make a new one`,
    );
  }
  if (!found) {
    const context = { actor: 'demo-operator', now };
    await upsertPartner(
      db,
      registry,
      { id: DEMO_PARTNER_AGENCY.id, jurisdiction: DEMO_PARTNER_AGENCY.jurisdictionCode },
      context,
    );
    const { d: _d, ...publicJwk } = key.privateJwk as JWK;
    await addPartnerKeys(
      db,
      { partnerId: DEMO_PARTNER_AGENCY.id, keyText: JSON.stringify(publicJwk) },
      context,
    );
  }
  return { partnerId: DEMO_PARTNER_AGENCY.id, key, keyPath, quotePath };
}
