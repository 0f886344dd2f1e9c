/**
 * Partner agencies for tests: generate a key pair, register the public half with the registry,
 * and get an SDK client that talks to the in-process app as the partner.
 */
import { exportJWK, generateKeyPair } from 'jose';
import {
  createPartnerClient,
  type PartnerClient,
  type PartnerSigningKey,
  type SignatureScheme,
} from '../../sdk/src/index.ts';
import { createLogger } from '../../src/core/logger.ts';
import { dispatchCallbacks } from '../../src/services/callbacks/dispatcher.ts';
import { addPartnerKeys, upsertPartner } from '../../src/services/partners/registry.ts';
import type { TestGateway } from './gateway.ts';

export const GATEWAY_URL = 'http://pontis.test';

export type KeyKind = 'ed25519' | 'ecdsa-p256' | 'rsa-pss';

const JOSE_ALG: Record<KeyKind, string> = { ed25519: 'EdDSA', 'ecdsa-p256': 'ES256', 'rsa-pss': 'PS256' };

export async function generatePartnerKey(
  kind: KeyKind,
  kid: string,
): Promise<PartnerSigningKey & { publicJwk: JsonWebKey }> {
  const { privateKey, publicKey } = await generateKeyPair(JOSE_ALG[kind], {
    extractable: true,
    ...(kind === 'ed25519' ? { crv: 'Ed25519' } : {}),
  });
  return {
    kid,
    privateJwk: (await exportJWK(privateKey)) as JsonWebKey,
    publicJwk: { ...((await exportJWK(publicKey)) as JsonWebKey), kid } as JsonWebKey,
  };
}

export interface TestPartner {
  id: string;
  key: PartnerSigningKey & { publicJwk: JsonWebKey };
  client: PartnerClient;
}

/** An in-process fetch to the test app for the SDK. */
export function appFetch(gw: TestGateway): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) =>
    gw.app.request(input instanceof Request ? input : String(input), init)) as typeof fetch;
}

export async function registerTestPartner(
  gw: TestGateway,
  options: {
    id: string;
    jurisdiction?: string;
    kind?: KeyKind;
    kid?: string;
    scheme?: SignatureScheme;
    callbackUrl?: string;
    activatesAt?: Date;
  },
): Promise<TestPartner> {
  const key = await generatePartnerKey(options.kind ?? 'ed25519', options.kid ?? `${options.id}-key-1`);
  const context = { actor: 'test', now: gw.clock.now };
  await upsertPartner(
    gw.db.db,
    gw.deps.registry,
    { id: options.id, jurisdiction: options.jurisdiction ?? 'DE', callbackUrl: options.callbackUrl },
    context,
  );
  await addPartnerKeys(
    gw.db.db,
    { partnerId: options.id, keyText: JSON.stringify(key.publicJwk), activatesAt: options.activatesAt },
    context,
  );
  const client = createPartnerClient({
    baseUrl: GATEWAY_URL,
    key,
    partnerId: options.id,
    scheme: options.scheme ?? 'http-message-signatures',
    fetch: appFetch(gw),
    now: () => gw.clock.now,
  });
  return { id: options.id, key, client };
}

/**
 * One run of the callback dispatcher over the test gateway's database, at its clock, with the
 * retry jitter fixed at its middle and its log lines captured with the gateway's.
 */
export function dispatchTestCallbacks(gw: TestGateway) {
  return dispatchCallbacks({
    db: gw.db.db,
    keys: gw.deps.gatewayKeys,
    fetch: globalThis.fetch,
    now: () => gw.clock.now,
    logger: createLogger('debug', (line) => gw.logs.push(line)),
    random: () => 0.5,
  });
}
