/**
 * Interoperability with an independent RFC 9421 implementation, end to end through the gateway:
 * a request signed by the `http-message-signatures` package (with node:crypto) is accepted, and
 * the gateway's signed response verifies with that package, bound to the request.
 */
import crypto from 'node:crypto';
import { httpbis } from 'http-message-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDigest, newNonce, utf8 } from '../../sdk/src/index.ts';
import { addPartnerKeys, upsertPartner } from '../../src/services/partners/registry.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { GATEWAY_URL } from '../helpers/partners.ts';

let gw: TestGateway;
const QUOTE_URL = `${GATEWAY_URL}/v1/quotes`;

type Algorithm = 'ed25519' | 'ecdsa-p256-sha256' | 'rsa-pss-sha512';

const KEYS: Record<Algorithm, () => crypto.KeyPairKeyObjectResult> = {
  ed25519: () => crypto.generateKeyPairSync('ed25519'),
  'ecdsa-p256-sha256': () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  'rsa-pss-sha512': () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
};

function signer(alg: Algorithm, key: crypto.KeyObject) {
  return async (data: Buffer) => {
    if (alg === 'ed25519') return crypto.sign(null, data, key);
    if (alg === 'ecdsa-p256-sha256') return crypto.sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
    return crypto.sign('sha512', data, {
      key,
      padding: crypto.constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 64,
    });
  };
}

/** Verifies the gateway's ES256 (ecdsa-p256-sha256) signatures with node:crypto. */
function gatewayVerifier() {
  const key = crypto.createPublicKey({
    key: gw.deps.gatewayKeys.active.publicJwk as crypto.JsonWebKey,
    format: 'jwk',
  });
  return async (data: Buffer, signature: Buffer) =>
    crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
}

beforeAll(async () => {
  gw = await createTestGateway();
  await upsertPartner(
    gw.db.db,
    gw.deps.registry,
    { id: 'de-interop', jurisdiction: 'DE' },
    { actor: 'test', now: gw.clock.now },
  );
});
afterAll(async () => gw?.close());

describe('interop with the http-message-signatures package, through the gateway', () => {
  for (const alg of Object.keys(KEYS) as Algorithm[]) {
    it(`accepts its ${alg} request, and its verifier accepts our response`, async () => {
      const { publicKey, privateKey } = KEYS[alg]();
      const kid = `de-interop-${alg}`;
      await addPartnerKeys(
        gw.db.db,
        {
          partnerId: 'de-interop',
          keyText: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
          kid,
        },
        { actor: 'test', now: gw.clock.now },
      );
      const body = JSON.stringify(CONTRIBUTION_QUOTE);
      const request = {
        method: 'POST',
        url: QUOTE_URL,
        headers: {
          'content-type': 'application/json',
          'content-digest': await contentDigest(utf8(body)),
        } as Record<string, string>,
      };
      const signed = await httpbis.signMessage(
        {
          key: { id: kid, alg, sign: signer(alg, privateKey) },
          fields: ['@method', '@target-uri', 'content-type', 'content-digest'],
          params: ['created', 'keyid', 'nonce', 'tag'],
          paramValues: {
            created: gw.clock.now,
            nonce: newNonce(),
            tag: 'fapi-2-request',
          },
        },
        request,
      );
      const response = await gw.app.request(QUOTE_URL, {
        method: 'POST',
        headers: signed.headers as Record<string, string>,
        body,
      });
      const text = await response.text();
      expect(response.status, text).toBe(201);

      const responseHeaders = Object.fromEntries(response.headers.entries());
      const verified = await httpbis.verifyMessage(
        {
          keyLookup: async (params) =>
            params.keyid === gw.deps.gatewayKeys.active.kid
              ? { id: params.keyid, algs: ['ecdsa-p256-sha256'], verify: gatewayVerifier() }
              : null,
          // The gateway's clock is fixed in the tests; the package checks `created` against now.
          notAfter: undefined,
          maxAge: undefined,
        },
        { status: response.status, headers: responseHeaders },
        { ...request, headers: signed.headers as Record<string, string> },
      );
      expect(verified).toBe(true);
      expect(responseHeaders['signature-input']).toContain('"signature";req;key="sig"');

      // Bound to the request: the same response does not verify against another request's signature.
      const otherHeaders = Object.fromEntries(
        Object.entries(signed.headers as Record<string, string>).filter(
          ([name]) => name.toLowerCase() !== 'signature',
        ),
      );
      const other = { ...request, headers: { ...otherHeaders, Signature: 'sig=:AAAA:' } };
      const forged = await httpbis
        .verifyMessage(
          {
            keyLookup: async () => ({
              id: gw.deps.gatewayKeys.active.kid,
              algs: ['ecdsa-p256-sha256'],
              verify: gatewayVerifier(),
            }),
          },
          { status: response.status, headers: responseHeaders },
          other,
        )
        .catch(() => false);
      expect(forged).toBe(false);
    });
  }
});
