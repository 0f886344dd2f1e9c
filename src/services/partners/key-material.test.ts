import { generateKeyPairSync, type JsonWebKey as NodeJwk } from 'node:crypto';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTestCa, issueAgencyCertificate } from '../../../test/helpers/pki.ts';
import { GatewayError } from '../../core/errors.ts';
import { parsePartnerKeyFile } from './key-material.ts';

function spkiPem(type: 'ed25519' | 'p256' | 'p384' | 'rsa2048' | 'rsa1024' | 'x25519' | 'ed448'): string {
  const pem = { type: 'spki', format: 'pem' } as const;
  const priv = { type: 'pkcs8', format: 'pem' } as const;
  switch (type) {
    case 'ed25519':
      return generateKeyPairSync('ed25519', { publicKeyEncoding: pem, privateKeyEncoding: priv }).publicKey;
    case 'ed448':
      return generateKeyPairSync('ed448', { publicKeyEncoding: pem, privateKeyEncoding: priv }).publicKey;
    case 'x25519':
      return generateKeyPairSync('x25519', { publicKeyEncoding: pem, privateKeyEncoding: priv }).publicKey;
    case 'p256':
    case 'p384':
      return generateKeyPairSync('ec', {
        namedCurve: type === 'p256' ? 'P-256' : 'P-384',
        publicKeyEncoding: pem,
        privateKeyEncoding: priv,
      }).publicKey;
    case 'rsa2048':
    case 'rsa1024':
      return generateKeyPairSync('rsa', {
        modulusLength: type === 'rsa2048' ? 2048 : 1024,
        publicKeyEncoding: pem,
        privateKeyEncoding: priv,
      }).publicKey;
  }
}

function keyPair(type: 'ed25519' | 'p256' | 'rsa2048'): {
  publicJwk: NodeJwk;
  privateJwk: NodeJwk;
  privatePem: string;
} {
  const pair =
    type === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : type === 'p256'
        ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    publicJwk: pair.publicKey.export({ format: 'jwk' }),
    privateJwk: pair.privateKey.export({ format: 'jwk' }),
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

async function refusal(text: string, options?: { kid?: string }): Promise<GatewayError> {
  try {
    await parsePartnerKeyFile(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayError);
    return error as GatewayError;
  }
  throw new Error('expected the key file to be refused');
}

async function expectRefused(text: string, reason: string, message: RegExp, options?: { kid?: string }) {
  const error = await refusal(text, options);
  expect(error.code).toBe('partner_key_invalid');
  expect(error.details?.reason).toBe(reason);
  expect(error.message).toMatch(message);
  return error;
}

describe('parsePartnerKeyFile: accepted formats', () => {
  it('reads an Ed25519 SPKI PEM and names it by its RFC 7638 thumbprint', async () => {
    const [key, ...rest] = await parsePartnerKeyFile(spkiPem('ed25519'));
    expect(rest).toEqual([]);
    expect(key?.family).toBe('ed25519');
    expect(key?.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(Object.keys(key?.jwk ?? {}).sort()).toEqual(['crv', 'kid', 'kty', 'x']);
    const { kid, ...bare } = (key?.jwk ?? {}) as JWK;
    expect(key?.kid).toBe(await calculateJwkThumbprint(bare));
    expect(kid).toBe(key?.kid);
    expect(key?.rsaBits).toBeUndefined();
    expect(key?.certificate).toBeUndefined();
  });

  it('reads a P-256 SPKI PEM, with the kid given', async () => {
    const [key] = await parsePartnerKeyFile(spkiPem('p256'), { kid: 'agency-2026' });
    expect(key?.family).toBe('ecdsa-p256');
    expect(key?.kid).toBe('agency-2026');
    expect(key?.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'agency-2026' });
    expect(Object.keys(key?.jwk ?? {}).sort()).toEqual(['crv', 'kid', 'kty', 'x', 'y']);
  });

  it('reads an RSA-2048 SPKI PEM and a PKCS#1 "RSA PUBLIC KEY" of the same key alike', async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const pkcs1 = pair.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    const [fromSpki] = await parsePartnerKeyFile(spki);
    const [fromPkcs1] = await parsePartnerKeyFile(`\uFEFF\r\n${pkcs1.replace(/\n/g, '\r\n')}`);
    expect(fromSpki?.family).toBe('rsa');
    expect(fromSpki?.rsaBits).toBe(2048);
    expect(Object.keys(fromSpki?.jwk ?? {}).sort()).toEqual(['e', 'kid', 'kty', 'n']);
    expect(fromPkcs1).toEqual(fromSpki);
  });

  it('reads several PEM public keys in one file', async () => {
    const keys = await parsePartnerKeyFile(`${spkiPem('ed25519')}\n${spkiPem('p256')}`);
    expect(keys.map((key) => key.family)).toEqual(['ed25519', 'ecdsa-p256']);
  });

  it('reads a JWK, keeping its kid and dropping alg, use and other members', async () => {
    const { publicJwk } = keyPair('p256');
    const [key] = await parsePartnerKeyFile(
      JSON.stringify({
        ...publicJwk,
        kid: 'de-drv-1',
        alg: 'ES256',
        use: 'sig',
        key_ops: ['verify'],
        x5t: 'abc',
      }),
      { kid: 'ignored' },
    );
    expect(key?.kid).toBe('de-drv-1');
    expect(key?.jwk).toEqual({ kty: 'EC', crv: 'P-256', x: publicJwk.x, y: publicJwk.y, kid: 'de-drv-1' });
  });

  it('reads an Ed25519 and an RSA JWK with their algorithms', async () => {
    const ed = keyPair('ed25519').publicJwk;
    const rsa = keyPair('rsa2048').publicJwk;
    for (const alg of ['EdDSA', 'Ed25519']) {
      const [key] = await parsePartnerKeyFile(JSON.stringify({ ...ed, alg }));
      expect(key?.family).toBe('ed25519');
    }
    for (const alg of ['PS256', 'PS512', 'RS256']) {
      const [key] = await parsePartnerKeyFile(JSON.stringify({ ...rsa, alg }));
      expect(key?.rsaBits).toBe(2048);
    }
  });

  it('reads a JWKS with two keys', async () => {
    const a = keyPair('ed25519').publicJwk;
    const b = keyPair('rsa2048').publicJwk;
    const keys = await parsePartnerKeyFile(JSON.stringify({ keys: [{ ...a, kid: 'a' }, b] }));
    expect(keys).toHaveLength(2);
    expect(keys[0]?.kid).toBe('a');
    expect(keys[0]?.family).toBe('ed25519');
    expect(keys[1]?.family).toBe('rsa');
    expect(keys[1]?.kid).toBe(await calculateJwkThumbprint(b as JWK));
  });

  it('reads an RSA agency certificate with its chain', async () => {
    const root = createTestCa({ name: 'KM Root CA' });
    const intermediate = createTestCa({ name: 'KM Issuing CA', issuer: root });
    const agency = issueAgencyCertificate(intermediate, { subject: 'KM Agency RSA' });
    const [key, ...rest] = await parsePartnerKeyFile(`${agency.certPem}\n${intermediate.certPem}`);
    expect(rest).toEqual([]);
    expect(key?.family).toBe('rsa');
    expect(key?.rsaBits).toBe(2048);
    expect(key?.jwk).toMatchObject({ kty: 'RSA', n: agency.publicJwk.n, e: agency.publicJwk.e });
    expect(key?.certificate?.pem.trim()).toBe(agency.certPem.trim().replace(/\r\n/g, '\n'));
    expect(key?.certificate?.chainPems.map((pem) => pem.trim())).toEqual([
      intermediate.certPem.trim().replace(/\r\n/g, '\n'),
    ]);
  });

  it('reads EC P-256 and Ed25519 agency certificates', async () => {
    const ca = createTestCa({ name: 'KM Root CA' });
    const ec = issueAgencyCertificate(ca, { subject: 'KM Agency EC', keyType: 'ec-p256' });
    const [ecKey] = await parsePartnerKeyFile(ec.certPem, { kid: 'seal-ec' });
    expect(ecKey?.kid).toBe('seal-ec');
    expect(ecKey?.family).toBe('ecdsa-p256');
    expect(ecKey?.jwk).toMatchObject({ kty: 'EC', crv: 'P-256', x: ec.publicJwk.x, y: ec.publicJwk.y });
    expect(ecKey?.certificate?.chainPems).toEqual([]);
    const ed = issueAgencyCertificate(ca, { subject: 'KM Agency Ed', keyType: 'ed25519' });
    const [edKey] = await parsePartnerKeyFile(ed.certPem);
    expect(edKey?.family).toBe('ed25519');
    expect(edKey?.jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: ed.publicJwk.x });
  });
});

describe('parsePartnerKeyFile: refusals', () => {
  it('refuses empty input and input that is neither PEM nor JSON', async () => {
    await expectRefused('', 'empty', /empty/);
    await expectRefused('  \n ', 'empty', /empty/);
    await expectRefused('hello', 'unparseable', /neither PEM nor JSON/);
    await expectRefused('{"kty": ', 'unparseable', /does not parse/);
    await expectRefused('{"foo": 1}', 'unparseable', /neither a JWK/);
    await expectRefused('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA', 'unparseable', /OpenSSH/);
    await expectRefused('{"keys": []}', 'empty', /no keys/);
  });

  it('refuses damaged PEM', async () => {
    const pem = spkiPem('p256');
    await expectRefused(pem.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'), 'pem_invalid', /damaged/);
    await expectRefused(pem.replace('-----END PUBLIC KEY-----', ''), 'pem_invalid', /no complete/);
    await expectRefused(
      '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----',
      'key_malformed',
      /SubjectPublicKeyInfo/,
    );
  });

  it('refuses private keys in PEM without echoing them', async () => {
    const { privatePem } = keyPair('p256');
    const error = await expectRefused(privatePem, 'private_key', /private key/);
    expect(error.message).not.toContain(privatePem.split('\n')[1] ?? 'x');
    expect(JSON.stringify(error.details)).not.toContain(privatePem.split('\n')[1] ?? 'x');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRefused(
      rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      'private_key',
      /private key/,
    );
    await expectRefused(
      `${spkiPem('ed25519')}\n${keyPair('ed25519').privatePem}`,
      'private_key',
      /private key/,
    );
  });

  it('refuses JWKs with private members', async () => {
    for (const type of ['ed25519', 'p256', 'rsa2048'] as const) {
      const { privateJwk } = keyPair(type);
      const error = await expectRefused(JSON.stringify(privateJwk), 'private_key', /private key members \(d/);
      expect(error.message).not.toContain(String(privateJwk.d));
    }
    const { publicJwk } = keyPair('rsa2048');
    for (const member of ['p', 'q', 'dp', 'dq', 'qi']) {
      await expectRefused(
        JSON.stringify({ ...publicJwk, [member]: 'AQAB' }),
        'private_key',
        new RegExp(`\\(${member}\\)`),
      );
    }
    const pair = keyPair('ed25519');
    await expectRefused(
      JSON.stringify({ keys: [pair.publicJwk, pair.privateJwk] }),
      'private_key',
      /Key 2 contains/,
    );
  });

  it('refuses symmetric keys', async () => {
    await expectRefused(
      JSON.stringify({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ' }),
      'symmetric_key',
      /symmetric/,
    );
    await expectRefused(JSON.stringify({ kty: 'oct' }), 'symmetric_key', /symmetric/);
  });

  it('refuses RSA under 2048 bits, as PEM and as JWK', async () => {
    const pem = spkiPem('rsa1024');
    const error = await expectRefused(pem, 'rsa_too_short', /1024 bits; at least 2048/);
    expect(error.details?.bits).toBe(1024);
    const jwk = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    await expectRefused(JSON.stringify(jwk), 'rsa_too_short', /1024 bits/);
  });

  it('refuses RSA agency certificates under 2048 bits', async () => {
    // A 1024-bit leaf signed by the test CA: forge can write it since it is RSA.
    const forge = (await import('node-forge')).default;
    const ca = createTestCa({ name: 'KM Root CA' });
    const key = forge.pki.privateKeyFromPem(
      generateKeyPairSync('rsa', {
        modulusLength: 1024,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      }).privateKey,
    );
    const cert = forge.pki.createCertificate();
    cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
    cert.serialNumber = '01';
    cert.validity.notBefore = new Date('2025-01-01T00:00:00Z');
    cert.validity.notAfter = new Date('2030-01-01T00:00:00Z');
    cert.setSubject([{ shortName: 'CN', value: 'Short key' }]);
    cert.setIssuer(ca.cert.subject.attributes);
    cert.sign(ca.forgeKey, forge.md.sha256.create());
    await expectRefused(
      forge.pki.certificateToPem(cert),
      'rsa_too_short',
      /agency certificate's key is an RSA key of 1024/,
    );
  });

  it('refuses other EC curves and OKP keys other than Ed25519', async () => {
    await expectRefused(spkiPem('p384'), 'key_type', /curve P-384; only Ed25519, EC P-256/);
    await expectRefused(spkiPem('ed448'), 'key_type', /Ed448/);
    await expectRefused(spkiPem('x25519'), 'key_type', /X25519/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
    await expectRefused(JSON.stringify(p384), 'key_type', /curve "P-384"; only P-256/);
    const x25519 = generateKeyPairSync('x25519').publicKey.export({ format: 'jwk' });
    await expectRefused(JSON.stringify(x25519), 'key_type', /OKP key on curve "X25519"; only Ed25519/);
    await expectRefused(JSON.stringify({ kty: 'DSA' }), 'key_type', /kty "DSA"/);
  });

  it('refuses a JWK whose use is not sig, whose key_ops lack verify or whose alg is not accepted', async () => {
    const { publicJwk } = keyPair('p256');
    await expectRefused(JSON.stringify({ ...publicJwk, use: 'enc' }), 'key_use', /"use": "enc"/);
    await expectRefused(JSON.stringify({ ...publicJwk, key_ops: ['encrypt'] }), 'key_use', /key_ops/);
    await expectRefused(JSON.stringify({ ...publicJwk, alg: 'ES384' }), 'key_alg', /"alg": "ES384"/);
    await expectRefused(JSON.stringify({ ...publicJwk, alg: 'none' }), 'key_alg', /"alg": "none"/);
    await expectRefused(JSON.stringify({ ...publicJwk, alg: 'HS256' }), 'key_alg', /accepted are EdDSA/);
    await expectRefused(
      JSON.stringify({ ...publicJwk, alg: 'PS256' }),
      'key_alg',
      /does not fit its key type/,
    );
  });

  it('refuses broken JWKs', async () => {
    const { publicJwk } = keyPair('p256');
    await expectRefused(JSON.stringify({ ...publicJwk, y: undefined }), 'key_malformed', /"y"/);
    // A point that is not on the curve.
    await expectRefused(
      JSON.stringify({ ...publicJwk, y: publicJwk.x }),
      'key_malformed',
      /not a valid EC public key/,
    );
    await expectRefused(JSON.stringify({ ...publicJwk, kid: 7 }), 'kid_invalid', /kid/);
  });

  it('refuses a kid for several keys, duplicate kids and a bad kid', async () => {
    const a = keyPair('ed25519').publicJwk;
    const b = keyPair('ed25519').publicJwk;
    await expectRefused(JSON.stringify({ keys: [a, b] }), 'kid_ambiguous', /single key/, { kid: 'k' });
    await expectRefused(`${spkiPem('ed25519')}${spkiPem('p256')}`, 'kid_ambiguous', /single key/, {
      kid: 'k',
    });
    await expectRefused(
      JSON.stringify({
        keys: [
          { ...a, kid: 'same' },
          { ...b, kid: 'same' },
        ],
      }),
      'kid_duplicate',
      /"same"/,
    );
    await expectRefused(spkiPem('ed25519'), 'kid_invalid', /kid/, { kid: 'has space' });
  });

  it('refuses CSRs, other PEM types and certificates mixed with keys', async () => {
    await expectRefused(
      '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----',
      'csr',
      /signing request/,
    );
    await expectRefused('-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----', 'pem_type', /"X509 CRL"/);
    const ca = createTestCa({ name: 'KM Root CA' });
    await expectRefused(`${ca.certPem}${spkiPem('ed25519')}`, 'pem_mixed', /mixes/);
    await expectRefused(
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      'certificate_malformed',
      /not a valid X.509/,
    );
  });
});
