import { describe, expect, it } from 'vitest';
import type { JwsAlgorithm } from './algorithms.ts';
import {
  DETACHED_JWS_CRIT,
  decodeDetachedJws,
  importJwsPrivateKey,
  importJwsPublicKey,
  signDetachedJws,
  verifyDetachedJws,
} from './detached-jws.ts';
import { base64UrlEncode, utf8 } from './encoding.ts';

const BODY = utf8('{"amount":"125.00","currency":"EUR"}');
const CLAIMS = {
  kid: 'agency-key-1',
  iss: 'partner-42',
  htm: 'POST',
  htu: 'https://api.pontis.example/v1/transfers',
};

const GENERATE: Record<'EdDSA' | 'ES256' | 'PS256', RsaHashedKeyGenParams | EcKeyGenParams | Algorithm> = {
  EdDSA: { name: 'Ed25519' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  PS256: { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
};

async function pair(alg: keyof typeof GENERATE): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(GENERATE[alg], true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A detached JWS with any protected header, signed with Ed25519 by hand (jose refuses bad headers). */
async function craft(header: Record<string, unknown>, body: Uint8Array, key: CryptoKey): Promise<string> {
  const protectedPart = base64UrlEncode(utf8(JSON.stringify(header)));
  const input = utf8(`${protectedPart}.${base64UrlEncode(body)}`);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key, input));
  return `${protectedPart}..${base64UrlEncode(signature)}`;
}

function fullHeader(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    alg: 'EdDSA',
    ...CLAIMS,
    iat: 1_700_000_000,
    jti: 'nonce-1234567890',
    crit: [...DETACHED_JWS_CRIT],
    ...overrides,
  };
}

describe('signDetachedJws / verifyDetachedJws round trip', () => {
  for (const alg of ['EdDSA', 'ES256', 'PS256'] as const) {
    it(`${alg}`, async () => {
      const { privateKey, publicKey } = await pair(alg);
      const token = await signDetachedJws({
        body: BODY,
        key: privateKey,
        alg,
        ...CLAIMS,
        iat: 1_700_000_000,
      });
      expect(token).toMatch(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/);
      const { protectedHeader } = decodeDetachedJws(token);
      expect(Object.keys(protectedHeader)).toEqual(['alg', 'kid', 'iss', 'iat', 'jti', 'htm', 'htu', 'crit']);
      expect(protectedHeader.crit).toEqual(['iat', 'iss', 'jti', 'htm', 'htu']);
      expect(protectedHeader.jti).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const header = await verifyDetachedJws(token, BODY, publicKey, [alg]);
      expect(header).toMatchObject({ alg, ...CLAIMS, iat: 1_700_000_000 });
      await expect(
        verifyDetachedJws(token, utf8('{"amount":"999.00","currency":"EUR"}'), publicKey, [alg]),
      ).rejects.toMatchObject({ reason: 'invalid' });
    });
  }

  it('works with keys imported from JWKs, and a given jti', async () => {
    const { privateKey, publicKey } = await pair('ES256');
    const privateJwk = { ...(await crypto.subtle.exportKey('jwk', privateKey)), alg: 'ES256', use: 'sig' };
    const publicJwk = await crypto.subtle.exportKey('jwk', publicKey);
    const token = await signDetachedJws({
      body: BODY,
      key: await importJwsPrivateKey(privateJwk, 'ES256'),
      alg: 'ES256',
      ...CLAIMS,
      jti: 'my-nonce-0123456789',
    });
    const header = await verifyDetachedJws(token, BODY, await importJwsPublicKey(publicJwk, 'ES256'), [
      'ES256',
    ]);
    expect(header.jti).toBe('my-nonce-0123456789');
    expect(Math.abs(header.iat - Date.now() / 1000)).toBeLessThan(5);
    await expect(importJwsPublicKey(publicJwk, 'EdDSA')).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    await expect(importJwsPrivateKey(publicJwk, 'ES256')).rejects.toMatchObject({ reason: 'malformed' });
  });
});

describe('verifyDetachedJws refusals', () => {
  it('algorithm_refused: alg none', async () => {
    const { privateKey, publicKey } = await pair('EdDSA');
    const token = await craft(fullHeader({ alg: 'none' }), BODY, privateKey);
    await expect(verifyDetachedJws(token, BODY, publicKey, ['EdDSA'])).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    const unsigned = `${token.split('..')[0]}..AA`;
    await expect(verifyDetachedJws(unsigned, BODY, publicKey, ['EdDSA'])).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });

  it('algorithm_refused: HS256 keyed with the public key bytes (key confusion)', async () => {
    const { publicKey } = await pair('ES256');
    const publicBytes = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
    const hmac = await crypto.subtle.importKey('raw', publicBytes, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    const protectedPart = base64UrlEncode(utf8(JSON.stringify(fullHeader({ alg: 'HS256' }))));
    const mac = await crypto.subtle.sign('HMAC', hmac, utf8(`${protectedPart}.${base64UrlEncode(BODY)}`));
    const token = `${protectedPart}..${base64UrlEncode(new Uint8Array(mac))}`;
    await expect(verifyDetachedJws(token, BODY, publicBytes, ['ES256'])).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    await expect(
      verifyDetachedJws(token, BODY, publicBytes, ['ES256', 'HS256' as JwsAlgorithm]),
    ).rejects.toMatchObject({ reason: 'algorithm_refused' });
  });

  it('algorithm_refused: an algorithm outside the allowed list, or a key of another kind', async () => {
    const ed = await pair('EdDSA');
    const es = await pair('ES256');
    const token = await signDetachedJws({ body: BODY, key: ed.privateKey, alg: 'EdDSA', ...CLAIMS });
    await expect(verifyDetachedJws(token, BODY, ed.publicKey, ['ES256', 'PS256'])).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
    await expect(verifyDetachedJws(token, BODY, es.publicKey, ['EdDSA'])).rejects.toMatchObject({
      reason: 'algorithm_refused',
    });
  });

  it('parameter_unknown: crit names a parameter outside the profile', async () => {
    const { privateKey, publicKey } = await pair('EdDSA');
    for (const crit of [
      [...DETACHED_JWS_CRIT, 'exp'],
      [...DETACHED_JWS_CRIT, 'b64'],
    ]) {
      const token = await craft(fullHeader({ crit, exp: 1, b64: true }), BODY, privateKey);
      await expect(verifyDetachedJws(token, BODY, publicKey, ['EdDSA'])).rejects.toMatchObject({
        reason: 'parameter_unknown',
      });
    }
  });

  it('malformed: a missing claim, or crit not listing all five', async () => {
    const { privateKey, publicKey } = await pair('EdDSA');
    const headers: Record<string, unknown>[] = [];
    for (const claim of ['kid', 'iss', 'iat', 'jti', 'htm', 'htu']) {
      const header = fullHeader();
      delete header[claim];
      headers.push(header);
    }
    headers.push(
      fullHeader({ crit: ['iat', 'iss', 'jti', 'htm'] }),
      fullHeader({ crit: undefined }),
      fullHeader({ crit: 'iat' }),
      fullHeader({ crit: [...DETACHED_JWS_CRIT, 'iat'] }),
      fullHeader({ iat: '1700000000' }),
      fullHeader({ htu: 42 }),
      fullHeader({ b64: false }),
    );
    for (const header of headers) {
      const token = await craft(header, BODY, privateKey);
      await expect(
        verifyDetachedJws(token, BODY, publicKey, ['EdDSA']),
        JSON.stringify(header),
      ).rejects.toMatchObject({
        reason: 'malformed',
      });
    }
  });

  it('malformed: not <protected>..<signature>, or a header that is not a JSON object', async () => {
    const { publicKey } = await pair('EdDSA');
    const json = (value: string) => base64UrlEncode(utf8(value));
    for (const token of [
      'abc',
      'a.b.c',
      `${json('{}')}..`,
      '..sig',
      `${json('{}')}.x.sig`,
      `${json('nope')}..sig`,
      `${json('[1]')}..sig`,
      `${json('{}')}..si+g`,
    ]) {
      await expect(verifyDetachedJws(token, BODY, publicKey, ['EdDSA']), token).rejects.toMatchObject({
        reason: 'malformed',
      });
    }
    expect(() => decodeDetachedJws('a..b')).toThrow(expect.objectContaining({ reason: 'malformed' }));
  });

  it('invalid: a changed header or signature', async () => {
    const { privateKey, publicKey } = await pair('EdDSA');
    const token = await signDetachedJws({ body: BODY, key: privateKey, alg: 'EdDSA', ...CLAIMS });
    const [, signature] = token.split('..');
    const forged = `${base64UrlEncode(utf8(JSON.stringify(fullHeader({ htm: 'DELETE' }))))}..${signature}`;
    await expect(verifyDetachedJws(forged, BODY, publicKey, ['EdDSA'])).rejects.toMatchObject({
      reason: 'invalid',
    });
  });
});
