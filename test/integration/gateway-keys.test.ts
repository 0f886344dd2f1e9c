/**
 * Rotation of the gateway's own signing key: the JWKS publishes the active key first, then the
 * next and the retired ones; staff tokens verify against any published key and stop verifying when
 * a key is no longer published; responses to partners are signed by the active key and verify with
 * the published set. PONTIS_PUBLISHED_KEYS is refused when it would publish a secret or a key of
 * another type.
 */
import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPartnerClient,
  type JsonWebKeySet,
  SignatureError,
  signRequest,
  verifyResponse,
} from '../../sdk/src/index.ts';
import { createApp } from '../../src/app.ts';
import { GatewayError } from '../../src/core/errors.ts';
import { parseConfig } from '../../src/env.ts';
import { type GatewayKeySet, gatewayKeySet, jwks } from '../../src/services/auth/gateway-keys.ts';
import {
  createTokenVerifier,
  generateSigningKey,
  issueToken,
  type SigningKey,
} from '../../src/services/auth/tokens.ts';
import { createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { GATEWAY_URL, registerTestPartner, type TestPartner } from '../helpers/partners.ts';

let gw: TestGateway;
/** The key the test gateway was started with: the one being rotated out. */
let oldKey: SigningKey;
let newKey: SigningKey;
let nextKey: SigningKey;
let agency: TestPartner;

beforeAll(async () => {
  gw = await createTestGateway();
  oldKey = gw.key;
  newKey = await generateSigningKey();
  nextKey = await generateSigningKey();
  agency = await registerTestPartner(gw, { id: 'de-gwkeys', jurisdiction: 'DE', kind: 'ecdsa-p256' });
});
afterAll(async () => gw?.close());

/** The real app over the test gateway's database, with another key set (as after a restart with new keys). */
function appWith(keys: GatewayKeySet) {
  return createApp({ ...gw.deps, gatewayKeys: keys, verifyToken: createTokenVerifier(keys.published) });
}

type App = ReturnType<typeof appWith>;

async function withToken(app: App, token: string, path = '/v1/partners') {
  return app.request(path, { headers: { authorization: `Bearer ${token}` } });
}

const operatorToken = (key: SigningKey) =>
  issueToken(key, { subject: 'demo-operator', roles: ['operator'], ttlSeconds: 3600 });

async function expectConfigurationInvalid(run: () => Promise<unknown>, fragment: string, secret?: string) {
  const error = await run().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GatewayError);
  expect((error as GatewayError).code).toBe('configuration_invalid');
  expect((error as GatewayError).message).toContain(fragment);
  if (secret) expect((error as GatewayError).message).not.toContain(secret);
}

describe('the published key set', () => {
  it('lists the active key first, then the next and the retired key, public members only', async () => {
    const keys = await gatewayKeySet(newKey, [nextKey.publicJwk, oldKey.publicJwk]);
    expect(keys.active).toBe(newKey);
    expect(jwks(keys).keys.map((key) => key.kid)).toEqual([newKey.kid, nextKey.kid, oldKey.kid]);

    const response = await appWith(keys).request('/.well-known/jwks.json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(body.keys.map((key) => key.kid)).toEqual([newKey.kid, nextKey.kid, oldKey.kid]);
    for (const [index, key] of [newKey, nextKey, oldKey].entries()) {
      expect(body.keys[index]).toEqual({
        kty: 'EC',
        crv: 'P-256',
        x: key.publicJwk.x,
        y: key.publicJwk.y,
        kid: key.kid,
        alg: 'ES256',
        use: 'sig',
      });
    }
    const text = JSON.stringify(body);
    for (const key of [newKey, nextKey, oldKey]) expect(text).not.toContain(key.privateJwk.d as string);
  });

  it('accepts a JWKS object, names keys by their thumbprint and skips the active key and repeats', async () => {
    const keys = await gatewayKeySet(newKey, {
      keys: [
        { ...oldKey.publicJwk, kid: 'whatever-the-operator-wrote', ext: true, key_ops: ['verify'] },
        newKey.publicJwk,
        oldKey.publicJwk,
      ],
    });
    expect(keys.published).toEqual([
      newKey.publicJwk,
      {
        kty: 'EC',
        crv: 'P-256',
        x: oldKey.publicJwk.x,
        y: oldKey.publicJwk.y,
        kid: oldKey.kid,
        alg: 'ES256',
        use: 'sig',
      },
    ]);
    expect((await gatewayKeySet(newKey)).published).toEqual([newKey.publicJwk]);
  });
});

describe('staff tokens during a rotation', () => {
  it('a token of the old key is accepted while its public key is published, refused once it is not', async () => {
    const oldToken = await operatorToken(oldKey);
    const newToken = await operatorToken(newKey);

    const overlap = appWith(await gatewayKeySet(newKey, [nextKey.publicJwk, oldKey.publicJwk]));
    expect((await withToken(overlap, oldToken)).status).toBe(200);
    expect((await withToken(overlap, newToken)).status).toBe(200);
    // The next key is published ahead, so tokens it signs verify as soon as it becomes active.
    expect((await withToken(overlap, await operatorToken(nextKey))).status).toBe(200);

    const after = appWith(await gatewayKeySet(newKey, [nextKey.publicJwk]));
    const refused = await withToken(after, oldToken);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await withToken(after, newToken)).status).toBe(200);

    // And the gateway before the rotation knows nothing of the new key.
    const before = appWith(await gatewayKeySet(oldKey));
    expect((await withToken(before, oldToken)).status).toBe(200);
    expect((await withToken(before, newToken)).status).toBe(401);
  });
});

describe('PONTIS_PUBLISHED_KEYS', () => {
  const published = (value: string) => parseConfig({ PONTIS_PUBLISHED_KEYS: value }).publishedKeys;

  it('parses a JWKS or an array of public JWKs from the environment', async () => {
    const fromJwks = await gatewayKeySet(newKey, published(JSON.stringify({ keys: [oldKey.publicJwk] })));
    expect(fromJwks.published.map((key) => key.kid)).toEqual([newKey.kid, oldKey.kid]);
    const fromArray = await gatewayKeySet(newKey, published(JSON.stringify([oldKey.publicJwk])));
    expect(fromArray.published.map((key) => key.kid)).toEqual([newKey.kid, oldKey.kid]);
    expect((await gatewayKeySet(newKey, parseConfig({}).publishedKeys)).published).toHaveLength(1);
  });

  it('refuses a private key without repeating it', async () => {
    const secret = oldKey.privateJwk.d as string;
    await expectConfigurationInvalid(
      async () => gatewayKeySet(newKey, published(JSON.stringify([oldKey.privateJwk]))),
      'private',
      secret,
    );
    await expectConfigurationInvalid(
      async () =>
        gatewayKeySet(newKey, published(JSON.stringify({ keys: [nextKey.publicJwk, oldKey.privateJwk] }))),
      'private',
      secret,
    );
  });

  it('refuses keys that are not EC P-256', async () => {
    const p384 = await exportJWK((await generateKeyPair('ES384', { extractable: true })).publicKey);
    const ed25519 = await exportJWK(
      (await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true })).publicKey,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    for (const key of [p384, ed25519, rsa, { kty: 'oct', k: 'c2VjcmV0' }, 'not a key', null]) {
      await expectConfigurationInvalid(
        async () => gatewayKeySet(newKey, published(JSON.stringify([oldKey.publicJwk, key]))),
        'P-256',
      );
    }
  });

  it('refuses a damaged P-256 key instead of publishing it', async () => {
    const { x, y } = oldKey.publicJwk as { x: string; y: string };
    for (const damaged of [
      { kty: 'EC', crv: 'P-256' },
      { kty: 'EC', crv: 'P-256', x, y: x },
      { kty: 'EC', crv: 'P-256', x: x.slice(0, 20), y },
    ]) {
      await expectConfigurationInvalid(
        async () => gatewayKeySet(newKey, published(JSON.stringify([damaged]))),
        'valid P-256 public key',
      );
    }
  });

  it('refuses a value that is not a JWKS, an array or JSON at all', async () => {
    await expectConfigurationInvalid(async () => gatewayKeySet(newKey, published('{"kty":"EC"}')), 'JWKS');
    await expectConfigurationInvalid(async () => gatewayKeySet(newKey, published('"text"')), 'JWKS');
    await expectConfigurationInvalid(async () => published('not json'), 'PONTIS_PUBLISHED_KEYS');
  });
});

describe('responses to partners after a rotation', () => {
  it('are signed by the new active key and verify with the published JWKS', async () => {
    const rotated = appWith(await gatewayKeySet(newKey, [oldKey.publicJwk]));
    const url = `${GATEWAY_URL}/v1/transfers`;
    const headers = await signRequest(
      { method: 'GET', url },
      { key: agency.key, partnerId: agency.id, now: () => gw.clock.now },
    );
    const response = await rotated.request(url, { method: 'GET', headers });
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    const signatureInput = response.headers.get('signature-input') ?? '';
    expect(signatureInput).toContain(`keyid="${newKey.kid}"`);
    expect(signatureInput).toContain('tag="fapi-2-response"');

    const published = (await (await rotated.request('/.well-known/jwks.json')).json()) as JsonWebKeySet;
    const request = { method: 'GET', url, headers };
    const verified = await verifyResponse(
      { status: response.status, headers: response.headers, body },
      request,
      published,
      { now: () => gw.clock.now },
    );
    expect(verified.keyid).toBe(newKey.kid);

    // A partner still holding only the old key set cannot verify it (and would refetch the JWKS).
    const stale = (await (await gw.app.request('/.well-known/jwks.json')).json()) as JsonWebKeySet;
    expect(stale.keys.map((key) => key.kid)).toEqual([oldKey.kid]);
    const failure = await verifyResponse(
      { status: response.status, headers: response.headers, body },
      request,
      stale,
      { now: () => gw.clock.now },
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SignatureError);
    expect((failure as SignatureError).reason).toBe('key_unknown');

    // The SDK client fetches the JWKS itself and checks every response.
    const client = createPartnerClient({
      baseUrl: GATEWAY_URL,
      key: agency.key,
      partnerId: agency.id,
      fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
        rotated.request(input instanceof Request ? input : String(input), init)) as typeof fetch,
      now: () => gw.clock.now,
    });
    const answer = await client.request('GET', '/v1/transfers');
    expect(answer.status).toBe(200);
    expect(answer.signature?.keyid).toBe(newKey.kid);

    // Before the rotation the same request is answered with the old key.
    const before = await agency.client.request('GET', '/v1/transfers');
    expect(before.signature?.keyid).toBe(oldKey.kid);
  });
});
