import { describe, expect, it } from 'vitest';
import { type HttpSignatureAlgorithm, importPrivateKey, importPublicKey } from './algorithms.ts';
import { contentDigest, verifyContentDigest } from './content-digest.ts';
import { base64Decode, utf8 } from './encoding.ts';
import {
  type HttpMessage,
  type ParsedSignature,
  parseSignatures,
  signatureBase,
  signMessage,
  verifySignature,
} from './http-signatures.ts';
import { jwkFromPem } from './testdata/keys.ts';
import {
  B3,
  B4,
  B21,
  B22,
  B23,
  B24,
  B25,
  B26,
  PROXY_REQUEST,
  REQRES,
  REQRES_RESPONSE,
  REQRES_RESPONSE_BODY,
  REQUEST_BODY,
  REQUEST_CONTENT_DIGEST,
  RESPONSE_BODY,
  RESPONSE_CONTENT_DIGEST,
  type SignatureVector,
  TEST_KEY_ECC_P256_PRIVATE,
  TEST_KEY_ECC_P256_PUBLIC,
  TEST_KEY_ED25519_PRIVATE,
  TEST_KEY_ED25519_PUBLIC,
  TEST_KEY_RSA_PRIVATE,
  TEST_KEY_RSA_PSS_PRIVATE,
  TEST_KEY_RSA_PSS_PUBLIC,
  TEST_KEY_RSA_PUBLIC,
  TEST_REQUEST,
  TEST_RESPONSE,
  TEST_SHARED_SECRET,
  TRANSFORM_REQUEST,
  toHttpMessage,
} from './testdata/rfc9421.ts';

async function publicKey(pem: string, alg: HttpSignatureAlgorithm): Promise<CryptoKey> {
  return importPublicKey(await jwkFromPem(pem), alg);
}

async function privateKey(pem: string, alg: HttpSignatureAlgorithm): Promise<CryptoKey> {
  return importPrivateKey(await jwkFromPem(pem), alg);
}

function parseVector(vector: SignatureVector): ParsedSignature {
  const [parsed, ...rest] = parseSignatures(vector.signatureInput, vector.signature);
  expect(rest).toHaveLength(0);
  if (!parsed) throw new Error('no signature');
  return parsed;
}

/** Parses a vector, checks the base byte for byte, and verifies the RFC's signature. */
async function verifyVector(
  vector: SignatureVector,
  message: HttpMessage,
  pem: string,
  alg: HttpSignatureAlgorithm,
  request?: HttpMessage,
): Promise<ParsedSignature> {
  const parsed = parseVector(vector);
  expect(parsed.params.keyid).toBe(vector.keyid);
  expect(signatureBase(message, parsed, request)).toBe(vector.base);
  await expect(
    verifySignature(message, parsed, await publicKey(pem, alg), alg, request),
  ).resolves.toBeUndefined();
  return parsed;
}

describe('RFC 9421 Appendix B test messages', () => {
  it('carry the RFC 9530 digests of their bodies', async () => {
    expect(await contentDigest(utf8(REQUEST_BODY), 'sha-512')).toBe(REQUEST_CONTENT_DIGEST);
    expect(await contentDigest(utf8(RESPONSE_BODY), 'sha-512')).toBe(RESPONSE_CONTENT_DIGEST);
    expect(await verifyContentDigest(REQRES_RESPONSE.headers[3]?.[1], utf8(REQRES_RESPONSE_BODY))).toBe(
      'sha-512',
    );
  });
});

describe('RFC 9421 Appendix B.1 keys', () => {
  it('B.1.1 test-key-rsa: private and public halves match (rsa-v1_5-sha256)', async () => {
    const message = toHttpMessage(TEST_REQUEST);
    const signed = await signMessage(message, {
      components: ['@method', '@authority', 'content-digest'],
      keyid: 'test-key-rsa',
      algorithm: 'rsa-v1_5-sha256',
      key: await privateKey(TEST_KEY_RSA_PRIVATE, 'rsa-v1_5-sha256'),
      created: 1618884473,
    });
    const [parsed] = parseSignatures(signed.signatureInput, signed.signature);
    if (!parsed) throw new Error('no signature');
    const key = await publicKey(TEST_KEY_RSA_PUBLIC, 'rsa-v1_5-sha256');
    await expect(verifySignature(message, parsed, key, 'rsa-v1_5-sha256')).resolves.toBeUndefined();
  });
});

describe('RFC 9421 Appendix B.2', () => {
  it('B.2.1 minimal signature using rsa-pss-sha512 verifies', async () => {
    const parsed = await verifyVector(
      B21,
      toHttpMessage(TEST_REQUEST),
      TEST_KEY_RSA_PSS_PUBLIC,
      'rsa-pss-sha512',
    );
    expect(parsed).toMatchObject({
      label: 'sig-b21',
      components: [],
      params: { created: 1618884473, keyid: 'test-key-rsa-pss', nonce: 'b3k2pp5k7z-50gnwp.yemd' },
      unknownParams: [],
    });
  });

  it('B.2.2 selective covered components (with @query-param;name="Pet") verify', async () => {
    const parsed = await verifyVector(
      B22,
      toHttpMessage(TEST_REQUEST),
      TEST_KEY_RSA_PSS_PUBLIC,
      'rsa-pss-sha512',
    );
    expect(parsed.params.tag).toBe('header-example');
    expect(parsed.components[2]).toEqual({ name: '@query-param', params: new Map([['name', 'Pet']]) });
  });

  it('B.2.3 full coverage using rsa-pss-sha512 verifies', async () => {
    await verifyVector(B23, toHttpMessage(TEST_REQUEST), TEST_KEY_RSA_PSS_PUBLIC, 'rsa-pss-sha512');
  });

  it('B.2.1–B.2.3 fail once the request is changed', async () => {
    const changed = toHttpMessage(TEST_REQUEST);
    changed.headers.set('content-digest', 'sha-512=:AAAA:');
    const key = await publicKey(TEST_KEY_RSA_PSS_PUBLIC, 'rsa-pss-sha512');
    await expect(verifySignature(changed, parseVector(B22), key, 'rsa-pss-sha512')).rejects.toMatchObject({
      reason: 'invalid',
    });
  });

  it('signing with test-key-rsa-pss gives a signature the public key verifies', async () => {
    const message = toHttpMessage(TEST_REQUEST);
    const parsed = parseVector(B23);
    const signed = await signMessage(message, {
      label: 'sig-b23',
      components: parsed.components,
      keyid: 'test-key-rsa-pss',
      algorithm: 'rsa-pss-sha512',
      key: await privateKey(TEST_KEY_RSA_PSS_PRIVATE, 'rsa-pss-sha512'),
      created: 1618884473,
    });
    expect(signed.signatureInput).toBe(B23.signatureInput);
    expect(signed.base).toBe(B23.base);
    const [ours] = parseSignatures(signed.signatureInput, signed.signature);
    if (!ours) throw new Error('no signature');
    const key = await publicKey(TEST_KEY_RSA_PSS_PUBLIC, 'rsa-pss-sha512');
    await expect(verifySignature(message, ours, key, 'rsa-pss-sha512')).resolves.toBeUndefined();
  });

  it('B.2.4 response signed with ecdsa-p256-sha256 verifies', async () => {
    await verifyVector(B24, toHttpMessage(TEST_RESPONSE), TEST_KEY_ECC_P256_PUBLIC, 'ecdsa-p256-sha256');
  });

  it('B.2.5 hmac-sha256 (verified with Web Crypto HMAC in the test; the SDK has no HMAC)', async () => {
    const parsed = parseVector(B25);
    const base = signatureBase(toHttpMessage(TEST_REQUEST), parsed);
    expect(base).toBe(B25.base);
    const secret = await crypto.subtle.importKey(
      'raw',
      base64Decode(TEST_SHARED_SECRET),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    const signature = new Uint8Array(parsed.signature);
    expect(await crypto.subtle.verify('HMAC', secret, signature, utf8(base))).toBe(true);
  });

  it('B.2.6 ed25519: the exact base, and signing reproduces the exact signature', async () => {
    const message = toHttpMessage(TEST_REQUEST);
    const parsed = await verifyVector(B26, message, TEST_KEY_ED25519_PUBLIC, 'ed25519');
    const signed = await signMessage(message, {
      label: 'sig-b26',
      components: ['date', '@method', '@path', '@authority', 'content-type', 'content-length'],
      keyid: 'test-key-ed25519',
      algorithm: 'ed25519',
      key: await privateKey(TEST_KEY_ED25519_PRIVATE, 'ed25519'),
      created: 1618884473,
    });
    expect(signed.base).toBe(B26.base);
    expect(signed.signatureInput).toBe(B26.signatureInput);
    expect(signed.signature).toBe(B26.signature);
    expect(parsed.serializedParams).toBe(B26.signatureInput.slice('sig-b26='.length));
  });
});

describe('RFC 9421 Appendix B.3 (TLS-terminating proxy)', () => {
  it('the proxy signature over client-cert verifies', async () => {
    await verifyVector(B3, toHttpMessage(PROXY_REQUEST), TEST_KEY_ECC_P256_PUBLIC, 'ecdsa-p256-sha256');
  });
});

describe('RFC 9421 Appendix B.4 (transformations)', () => {
  const key = () => publicKey(TEST_KEY_ED25519_PUBLIC, 'ed25519');

  function transformed(url: string, method: string, headers: [string, string][]): HttpMessage {
    return toHttpMessage({ method, url, headers });
  }

  it('the original request verifies', async () => {
    await verifyVector(B4, toHttpMessage(TRANSFORM_REQUEST), TEST_KEY_ED25519_PUBLIC, 'ed25519');
  });

  it('survives an added query parameter, an added header, a removed Date and a combined Accept', async () => {
    const parsed = parseVector(B4);
    const survivors = [
      transformed('https://example.org/demo?name1=Value1&Name2=value2&param=added', 'GET', [
        ['Host', 'example.org'],
        ['Date', 'Fri, 15 Jul 2022 14:24:55 GMT'],
        ['Accept', 'application/json'],
        ['Accept', '*/*'],
        ['Accept-Language', 'en-US,en;q=0.5'],
      ]),
      transformed('https://example.org/demo?name1=Value1&Name2=value2', 'GET', [
        ['Host', 'example.org'],
        ['Accept', 'application/json, */*'],
      ]),
      transformed('https://example.org/demo?name1=Value1&Name2=value2', 'GET', [
        ['Accept', 'application/json'],
        ['Date', 'Fri, 15 Jul 2022 14:24:55 GMT'],
        ['Accept', '*/*'],
        ['Host', 'example.org'],
      ]),
    ];
    for (const message of survivors) {
      await expect(verifySignature(message, parsed, await key(), 'ed25519')).resolves.toBeUndefined();
    }
  });

  it('does not survive a changed method and authority, or reordered Accept values', async () => {
    const parsed = parseVector(B4);
    const broken = [
      transformed('https://example.com/demo?name1=Value1&Name2=value2', 'POST', [
        ['Host', 'example.com'],
        ['Accept', 'application/json'],
        ['Accept', '*/*'],
      ]),
      transformed('https://example.org/demo?name1=Value1&Name2=value2', 'GET', [
        ['Host', 'example.org'],
        ['Accept', '*/*'],
        ['Accept', 'application/json'],
      ]),
    ];
    for (const message of broken) {
      await expect(verifySignature(message, parsed, await key(), 'ed25519')).rejects.toMatchObject({
        reason: 'invalid',
      });
    }
  });
});

describe('RFC 9421 §2.4 (request-response binding with req)', () => {
  it('the response signature over request components verifies against test-request', async () => {
    const parsed = await verifyVector(
      REQRES,
      toHttpMessage(REQRES_RESPONSE),
      TEST_KEY_ECC_P256_PUBLIC,
      'ecdsa-p256-sha256',
      toHttpMessage(TEST_REQUEST),
    );
    expect(parsed.components.filter((c) => c.params.get('req') === true)).toHaveLength(4);
  });

  it('fails against another request, and needs the request at all', async () => {
    const parsed = parseVector(REQRES);
    const key = await publicKey(TEST_KEY_ECC_P256_PUBLIC, 'ecdsa-p256-sha256');
    const other = toHttpMessage({ ...TEST_REQUEST, url: 'https://example.com/bar?param=Value&Pet=dog' });
    const response = toHttpMessage(REQRES_RESPONSE);
    await expect(verifySignature(response, parsed, key, 'ecdsa-p256-sha256', other)).rejects.toMatchObject({
      reason: 'invalid',
    });
    await expect(verifySignature(response, parsed, key, 'ecdsa-p256-sha256')).rejects.toMatchObject({
      reason: 'component_missing',
    });
  });

  it('signing the same components with test-key-ecc-p256 gives the same base and a verifiable signature', async () => {
    const request = toHttpMessage(TEST_REQUEST);
    const response = toHttpMessage(REQRES_RESPONSE);
    const parsed = parseVector(REQRES);
    const signed = await signMessage(response, {
      label: 'reqres',
      components: parsed.components,
      keyid: 'test-key-ecc-p256',
      algorithm: 'ecdsa-p256-sha256',
      key: await privateKey(TEST_KEY_ECC_P256_PRIVATE, 'ecdsa-p256-sha256'),
      created: 1618884479,
      request,
    });
    expect(signed.base).toBe(REQRES.base);
    expect(signed.signatureInput).toBe(REQRES.signatureInput);
    const [ours] = parseSignatures(signed.signatureInput, signed.signature);
    if (!ours) throw new Error('no signature');
    const key = await publicKey(TEST_KEY_ECC_P256_PUBLIC, 'ecdsa-p256-sha256');
    await expect(verifySignature(response, ours, key, 'ecdsa-p256-sha256', request)).resolves.toBeUndefined();
  });
});
