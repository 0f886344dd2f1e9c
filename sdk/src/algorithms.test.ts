import { describe, expect, it } from 'vitest';
import {
  type HttpSignatureAlgorithm,
  httpAlgorithmForJwk,
  importPrivateKey,
  importPublicKey,
  jwsAlgorithmForJwk,
  keyFamily,
  signBytes,
  verifyBytes,
} from './algorithms.ts';
import { utf8 } from './encoding.ts';
import { SignatureError } from './errors.ts';

async function keyPair(
  alg: HttpSignatureAlgorithm,
): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const params =
    alg === 'ed25519'
      ? { name: 'Ed25519' }
      : alg === 'ecdsa-p256-sha256'
        ? { name: 'ECDSA', namedCurve: 'P-256' }
        : {
            name: alg === 'rsa-pss-sha512' ? 'RSA-PSS' : 'RSASSA-PKCS1-v1_5',
            modulusLength: 2048,
            publicExponent: new Uint8Array([1, 0, 1]),
            hash: alg === 'rsa-pss-sha512' ? 'SHA-512' : 'SHA-256',
          };
  const pair = (await crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
  return {
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
    privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey),
  };
}

describe('algorithm names', () => {
  it('maps JWKs to RFC 9421 and JWS algorithms', () => {
    expect(httpAlgorithmForJwk({ kty: 'OKP', crv: 'Ed25519' })).toBe('ed25519');
    expect(httpAlgorithmForJwk({ kty: 'EC', crv: 'P-256' })).toBe('ecdsa-p256-sha256');
    expect(httpAlgorithmForJwk({ kty: 'RSA' })).toBe('rsa-pss-sha512');
    expect(jwsAlgorithmForJwk({ kty: 'OKP', crv: 'Ed25519' })).toBe('EdDSA');
    expect(jwsAlgorithmForJwk({ kty: 'EC', crv: 'P-256' })).toBe('ES256');
    expect(jwsAlgorithmForJwk({ kty: 'RSA' })).toBe('PS256');
  });

  it('refuses other key types and curves', () => {
    for (const jwk of [{ kty: 'EC', crv: 'P-384' }, { kty: 'OKP', crv: 'X25519' }, { kty: 'oct' }, {}]) {
      expect(() => httpAlgorithmForJwk(jwk)).toThrow(SignatureError);
      expect(() => jwsAlgorithmForJwk(jwk)).toThrow(expect.objectContaining({ reason: 'algorithm_refused' }));
    }
  });

  it('groups algorithms into key families', () => {
    expect(['ed25519', 'EdDSA', 'Ed25519'].map((a) => keyFamily(a as 'EdDSA'))).toEqual([
      'ed25519',
      'ed25519',
      'ed25519',
    ]);
    expect(keyFamily('ecdsa-p256-sha256')).toBe('ecdsa-p256');
    expect(keyFamily('ES256')).toBe('ecdsa-p256');
    expect(keyFamily('rsa-pss-sha512')).toBe('rsa-pss');
    expect(keyFamily('PS256')).toBe('rsa-pss');
    expect(keyFamily('PS512')).toBe('rsa-pss');
    expect(keyFamily('rsa-v1_5-sha256')).toBe('rsa-v1_5');
    expect(keyFamily('RS256')).toBe('rsa-v1_5');
    expect(() => keyFamily('HS256' as 'RS256')).toThrow(
      expect.objectContaining({ reason: 'algorithm_refused' }),
    );
  });
});

describe('sign and verify bytes', () => {
  const data = utf8('signature base');
  for (const alg of ['ed25519', 'ecdsa-p256-sha256', 'rsa-pss-sha512', 'rsa-v1_5-sha256'] as const) {
    it(`${alg}: round trip through JWK import; altered data fails`, async () => {
      const { publicJwk, privateJwk } = await keyPair(alg);
      const privateKey = await importPrivateKey({ ...privateJwk, alg: 'something-else', use: 'sig' }, alg);
      const publicKey = await importPublicKey({ ...publicJwk, key_ops: ['verify'] }, alg);
      const signature = await signBytes(alg, privateKey, data);
      if (alg === 'ecdsa-p256-sha256') expect(signature).toHaveLength(64);
      if (alg === 'ed25519') expect(signature).toHaveLength(64);
      expect(await verifyBytes(alg, publicKey, data, signature)).toBe(true);
      expect(await verifyBytes(alg, publicKey, utf8('signature basf'), signature)).toBe(false);
      expect(await verifyBytes(alg, publicKey, data, signature.subarray(1))).toBe(false);
    });
  }

  it('imports only the public members of a private JWK as a public key', async () => {
    const { privateJwk } = await keyPair('ed25519');
    const key = await importPublicKey(privateJwk, 'ed25519');
    expect(key.type).toBe('public');
    const exported = await crypto.subtle.exportKey('jwk', key);
    expect(exported.d).toBeUndefined();
  });

  it('refuses a key of another family or hash', async () => {
    const ed = await keyPair('ed25519');
    await expect(importPublicKey(ed.publicJwk, 'ecdsa-p256-sha256')).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    const rsa = await keyPair('rsa-v1_5-sha256');
    const rsaKey = await importPrivateKey(rsa.privateJwk, 'rsa-v1_5-sha256');
    await expect(signBytes('rsa-pss-sha512', rsaKey, utf8('x'))).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    await expect(signBytes('hmac-sha256' as 'ed25519', rsaKey, utf8('x'))).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });

  it('refuses RSA keys under 2048 bits and private imports without d', async () => {
    const pair = (await crypto.subtle.generateKey(
      { name: 'RSA-PSS', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-512' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const small = await crypto.subtle.exportKey('jwk', pair.publicKey);
    await expect(importPublicKey(small, 'rsa-pss-sha512')).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    const { publicJwk } = await keyPair('ecdsa-p256-sha256');
    await expect(importPrivateKey(publicJwk, 'ecdsa-p256-sha256')).rejects.toMatchObject({
      reason: 'malformed',
    });
    await expect(
      importPublicKey({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }, 'ecdsa-p256-sha256'),
    ).rejects.toMatchObject({ reason: 'malformed' });
  });
});
