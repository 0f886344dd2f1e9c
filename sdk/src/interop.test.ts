import crypto from 'node:crypto';
import { httpbis } from 'http-message-signatures';
import { describe, expect, it } from 'vitest';
import { type HttpSignatureAlgorithm, importPrivateKey, importPublicKey } from './algorithms.ts';
import { contentDigest } from './content-digest.ts';
import { utf8 } from './encoding.ts';
import {
  type HttpMessage,
  newNonce,
  parseSignatures,
  signatureBase,
  signMessage,
  verifySignature,
} from './http-signatures.ts';

/** Independent RFC 9421 implementation: `http-message-signatures` with node:crypto callbacks. */
const ALGORITHMS: HttpSignatureAlgorithm[] = ['ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512'];

function generate(alg: HttpSignatureAlgorithm): crypto.KeyPairKeyObjectResult {
  switch (alg) {
    case 'ed25519':
      return crypto.generateKeyPairSync('ed25519');
    case 'ecdsa-p256-sha256':
      return crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    default:
      return crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  }
}

function nodeOptions(alg: HttpSignatureAlgorithm, key: crypto.KeyObject) {
  switch (alg) {
    case 'ed25519':
      return { hash: null, key: { key } };
    case 'ecdsa-p256-sha256':
      return { hash: 'sha256', key: { key, dsaEncoding: 'ieee-p1363' as const } };
    default:
      return {
        hash: 'sha512',
        key: { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 64 },
      };
  }
}

function nodeSigner(alg: HttpSignatureAlgorithm, privateKey: crypto.KeyObject) {
  const { hash, key } = nodeOptions(alg, privateKey);
  return async (data: Buffer) => crypto.sign(hash, data, key);
}

function nodeVerifier(alg: HttpSignatureAlgorithm, publicKey: crypto.KeyObject) {
  const { hash, key } = nodeOptions(alg, publicKey);
  return async (data: Buffer, signature: Buffer) => crypto.verify(hash, data, key, signature);
}

function toHeaders(record: Record<string, string | string[]>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

function toRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers.entries());
}

const BODY = utf8('{"amount":"125.00","currency":"EUR"}');
const URL_ = 'https://api.pontis.example/v1/transfers?reference=abc&lang=fr';

describe('interop: http-message-signatures signs, the SDK verifies', () => {
  for (const alg of ALGORITHMS) {
    it(`${alg} with created, keyid, nonce and tag`, async () => {
      const { publicKey, privateKey } = generate(alg);
      const nonce = newNonce();
      const created = Math.floor(Date.now() / 1000);
      const request = {
        method: 'POST',
        url: URL_,
        headers: {
          Host: 'api.pontis.example',
          'Content-Type': 'application/json',
          'Content-Digest': await contentDigest(BODY),
        },
      };
      const signed = await httpbis.signMessage(
        {
          key: { id: `partner-${alg}`, alg, sign: nodeSigner(alg, privateKey) },
          name: 'partner',
          fields: [
            '@method',
            '@target-uri',
            '@authority',
            '@path',
            '@query',
            '@query-param;name="lang"',
            'content-type',
            'content-digest',
          ],
          params: ['created', 'keyid', 'nonce', 'tag'],
          paramValues: { created: new Date(created * 1000), nonce, tag: 'fapi-2-request' },
        },
        request,
      );
      const message: HttpMessage = { method: 'POST', url: URL_, headers: toHeaders(signed.headers) };
      const [parsed, ...others] = parseSignatures(
        message.headers.get('signature-input'),
        message.headers.get('signature'),
      );
      expect(others).toHaveLength(0);
      if (!parsed) throw new Error('no signature');
      expect(parsed).toMatchObject({
        label: 'partner',
        params: { created, keyid: `partner-${alg}`, nonce, tag: 'fapi-2-request' },
        unknownParams: [],
      });
      expect(signatureBase(message, parsed)).toContain(`"@target-uri": ${URL_}\n`);
      const key = await importPublicKey(publicKey.export({ format: 'jwk' }) as JsonWebKey, alg);
      await expect(verifySignature(message, parsed, key, alg)).resolves.toBeUndefined();

      message.headers.set('content-type', 'text/plain');
      await expect(verifySignature(message, parsed, key, alg)).rejects.toMatchObject({ reason: 'invalid' });
    });
  }
});

describe('interop: the SDK signs, http-message-signatures verifies', () => {
  for (const alg of ALGORITHMS) {
    it(`${alg}: a request, and a response bound to it with req and signature;key`, async () => {
      const { publicKey, privateKey } = generate(alg);
      const key = await importPrivateKey(privateKey.export({ format: 'jwk' }) as JsonWebKey, alg);
      const keyLookup = async () => ({ id: `k-${alg}`, algs: [alg], verify: nodeVerifier(alg, publicKey) });

      const request: HttpMessage = {
        method: 'POST',
        url: URL_,
        headers: new Headers({
          'content-type': 'application/json',
          'content-digest': await contentDigest(BODY),
        }),
      };
      const requestSignature = await signMessage(request, {
        components: ['@method', '@target-uri', 'content-type', 'content-digest'],
        keyid: `k-${alg}`,
        algorithm: alg,
        key,
        nonce: newNonce(),
        tag: 'fapi-2-request',
      });
      request.headers.set('signature-input', requestSignature.signatureInput);
      request.headers.set('signature', requestSignature.signature);
      const libRequest = { method: 'POST', url: URL_, headers: toRecord(request.headers) };
      expect(await httpbis.verifyMessage({ keyLookup }, libRequest)).toBe(true);

      const responseBody = utf8('{"status":"accepted"}');
      const response: HttpMessage = {
        status: 201,
        headers: new Headers({
          'content-type': 'application/json',
          'content-digest': await contentDigest(responseBody),
        }),
      };
      const responseSignature = await signMessage(response, {
        components: [
          '@status',
          'content-type',
          'content-digest',
          '"@method";req',
          '"@target-uri";req',
          '"signature";req;key="sig"',
        ],
        keyid: `k-${alg}`,
        algorithm: alg,
        key,
        tag: 'fapi-2-response',
        request,
      });
      expect(responseSignature.base).toContain('"signature";req;key="sig": :');
      response.headers.set('signature-input', responseSignature.signatureInput);
      response.headers.set('signature', responseSignature.signature);
      const libResponse = { status: 201, headers: toRecord(response.headers) };
      expect(await httpbis.verifyMessage({ keyLookup }, libResponse, libRequest)).toBe(true);

      const tampered = { status: 200, headers: toRecord(response.headers) };
      expect(await httpbis.verifyMessage({ keyLookup }, tampered, libRequest)).toBe(false);
      const otherRequest = { ...libRequest, url: `${URL_}&extra=1` };
      const otherSignature = { ...libRequest, headers: { ...libRequest.headers, signature: 'sig=:AAAA:' } };
      expect(await httpbis.verifyMessage({ keyLookup }, libResponse, otherRequest)).toBe(false);
      expect(await httpbis.verifyMessage({ keyLookup }, libResponse, otherSignature)).toBe(false);
    });
  }
});
