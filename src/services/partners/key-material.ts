/**
 * What an agency hands over as its signing key, parsed into public JWKs: a PEM public key (SPKI,
 * or PKCS#1 "RSA PUBLIC KEY"), one or several; a JWK or a JWKS; or a PEM certificate chain (the
 * first certificate is the agency's, the key is taken from it, the rest is its chain). Agency
 * certificates may hold RSA, EC P-256 or Ed25519 keys; `certificates.ts` checks the chain.
 *
 * Refused with `partner_key_invalid`, before anything is stored: private keys (PEM or JWK private
 * members), symmetric keys, RSA under 2048 bits, EC curves other than P-256, OKP keys other than
 * Ed25519, a JWK whose `use` is not `sig`, whose `key_ops` lack `verify` or whose `alg` is not a
 * signature algorithm of the key's family (EdDSA/Ed25519, ES256, PS256/PS512/RS256).
 *
 * The stored JWK holds only the public key members (`kty`, `crv`, `x`, `y`, `n`, `e`) and `kid`;
 * `alg`, `use` and `key_ops` are checked, not kept, since the gateway picks the algorithm from
 * the partner's adapter. The kid is the JWK's own, else the one given, else the RFC 7638
 * thumbprint. Messages say what was wrong and never repeat key material.
 */
import { base64url, calculateJwkThumbprint, exportJWK, importJWK, importSPKI, type JWK } from 'jose';
import forge from 'node-forge';
import {
  type CertificateParts,
  DerError,
  type PemBlock,
  parseDer,
  pemBlocks,
  pkiError,
  readCertificate,
  readSubjectPublicKeyInfo,
  toPem,
} from './certificates.ts';

export type PartnerKeyFamily = 'ed25519' | 'ecdsa-p256' | 'rsa';

export interface PartnerKeyMaterial {
  kid: string;
  /** Public members only, with `kid`. */
  jwk: JsonWebKey;
  family: PartnerKeyFamily;
  /** The modulus length of an RSA key. */
  rsaBits?: number;
  /** When the key came from a certificate: the agency's certificate and the rest of the chain. */
  certificate?: { pem: string; chainPems: string[] };
}

/** The smallest RSA modulus accepted. */
export const MIN_RSA_BITS = 2048;

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const ALGORITHMS: Record<string, PartnerKeyFamily> = {
  EdDSA: 'ed25519',
  Ed25519: 'ed25519',
  ES256: 'ecdsa-p256',
  PS256: 'rsa',
  PS512: 'rsa',
  RS256: 'rsa',
};
const KID_PATTERN = /^[\x21-\x7E]{1,200}$/;
const ACCEPTED = 'Ed25519, EC P-256 or RSA of at least 2048 bits';

/** Names for SPKI algorithms and curves that are refused, so that the message can say which. */
const REFUSED_KEY_TYPES: Record<string, string> = {
  '1.3.132.0.34': 'an EC key on curve P-384',
  '1.3.132.0.35': 'an EC key on curve P-521',
  '1.3.132.0.10': 'an EC key on curve secp256k1',
  '1.3.36.3.3.2.8.1.1.7': 'an EC key on curve brainpoolP256r1',
  '1.3.36.3.3.2.8.1.1.11': 'an EC key on curve brainpoolP384r1',
  '1.3.36.3.3.2.8.1.1.13': 'an EC key on curve brainpoolP512r1',
  '1.3.101.113': 'an Ed448 key',
  '1.3.101.110': 'an X25519 key (key agreement, not signatures)',
  '1.3.101.111': 'an X448 key (key agreement, not signatures)',
  '1.2.840.113549.1.1.10': 'an RSASSA-PSS-restricted key (export it as a plain rsaEncryption key)',
  '1.2.840.10040.4.1': 'a DSA key',
};

/** Which key a message is about: the index in a JWKS or PEM file, or a label. */
type Where = { index?: number; label?: string };

function at(where: Where): string {
  return where.label ?? (where.index === undefined ? 'The key' : `Key ${where.index + 1}`);
}

function refuse(
  message: string,
  reason: string,
  where: Where = {},
  extra: Record<string, unknown> = {},
): never {
  throw pkiError('partner_key_invalid', message, {
    reason,
    ...(where.index === undefined ? {} : { index: where.index }),
    ...extra,
  });
}

/** Parses an agency's key file; see the module comment for what is accepted. */
export async function parsePartnerKeyFile(
  text: string,
  options: { kid?: string } = {},
): Promise<PartnerKeyMaterial[]> {
  if (options.kid !== undefined && !KID_PATTERN.test(options.kid)) {
    refuse('The kid must be 1 to 200 visible ASCII characters.', 'kid_invalid');
  }
  const input = text.replace(/^\uFEFF/, '').trim();
  if (input.length === 0) {
    refuse(
      `The key file is empty; send a PEM public key, a JWK, a JWKS or a PEM certificate chain (${ACCEPTED}).`,
      'empty',
    );
  }
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(input)) {
    refuse(
      'The key file contains a private key. Send only the public key (for example `openssl pkey -in key.pem -pubout`) or the certificate; a private key must never leave the agency.',
      'private_key',
    );
  }
  let keys: PartnerKeyMaterial[];
  if (input.includes('-----BEGIN ')) keys = await parsePem(input, options);
  else if (input.startsWith('{')) keys = await parseJson(input, options);
  else if (/^(ssh-|ecdsa-sha2-)/.test(input)) {
    refuse(
      'OpenSSH public keys are not accepted; send the key as PEM (`ssh-keygen -e -m PKCS8 -f key.pub`) or as a JWK.',
      'unparseable',
    );
  } else {
    refuse(
      `The key file is neither PEM nor JSON; send a PEM public key, a JWK, a JWKS or a PEM certificate chain.`,
      'unparseable',
    );
  }
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key.kid))
      refuse(`The kid "${key.kid}" appears more than once; every key needs its own kid.`, 'kid_duplicate');
    seen.add(key.kid);
  }
  return keys;
}

// --- PEM ------------------------------------------------------------------------------------------

async function parsePem(input: string, options: { kid?: string }): Promise<PartnerKeyMaterial[]> {
  let blocks: PemBlock[];
  try {
    blocks = pemBlocks(input);
  } catch {
    refuse(
      'The PEM in the key file is damaged (a block is not base64 or not closed); send the file unmodified.',
      'pem_invalid',
    );
  }
  if (blocks.length === 0) {
    refuse(
      'The PEM in the key file has no complete "-----BEGIN … -----END" block; send the file unmodified.',
      'pem_invalid',
    );
  }
  for (const block of blocks) {
    if (block.label === 'CERTIFICATE REQUEST' || block.label === 'NEW CERTIFICATE REQUEST') {
      refuse(
        'A certificate signing request is not accepted; send the certificate the CA issued, or the public key.',
        'csr',
      );
    }
    if (!['CERTIFICATE', 'PUBLIC KEY', 'RSA PUBLIC KEY'].includes(block.label)) {
      refuse(
        `PEM blocks of type "${block.label}" are not accepted; send "PUBLIC KEY", "RSA PUBLIC KEY" or "CERTIFICATE" blocks.`,
        'pem_type',
      );
    }
  }
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length > 0) {
    if (certificates.length !== blocks.length) {
      refuse(
        'The key file mixes certificates and public keys; send either a certificate chain or public keys.',
        'pem_mixed',
      );
    }
    return [
      await fromCertificates(
        certificates.map((block) => block.der),
        options.kid,
      ),
    ];
  }
  if (blocks.length > 1 && options.kid !== undefined) {
    refuse(
      'A kid can only be given for a single key; the file has several. Send one key per kid, or let the thumbprints be the kids.',
      'kid_ambiguous',
    );
  }
  const keys: PartnerKeyMaterial[] = [];
  for (const [index, block] of blocks.entries()) {
    const where = blocks.length > 1 ? { index } : {};
    const spki = block.label === 'RSA PUBLIC KEY' ? pkcs1ToSpki(block.der, where) : block.der;
    keys.push(await finish(await jwkFromSpki(spki, where), options.kid, where));
  }
  return keys;
}

function toBinary(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

function fromBinary(binary: string): Uint8Array {
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function pkcs1ToSpki(der: Uint8Array, where: Where): Uint8Array {
  try {
    const key = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(toBinary(der)));
    return fromBinary(forge.asn1.toDer(forge.pki.publicKeyToAsn1(key)).getBytes());
  } catch {
    refuse(`${at(where)} ("RSA PUBLIC KEY") is not a valid PKCS#1 RSA public key.`, 'key_malformed', where);
  }
}

async function jwkFromSpki(der: Uint8Array, where: Where): Promise<JWK> {
  let info: ReturnType<typeof readSubjectPublicKeyInfo>;
  try {
    info = readSubjectPublicKeyInfo(parseDer(der));
  } catch (error) {
    if (!(error instanceof DerError)) throw error;
    refuse(
      `${at(where)} is not a valid SubjectPublicKeyInfo ("PUBLIC KEY") structure.`,
      'key_malformed',
      where,
    );
  }
  if (info.family === 'other') {
    const known = REFUSED_KEY_TYPES[info.curveOid ?? info.algorithmOid];
    const what =
      known ?? (info.curveOid ? `an EC key on curve ${info.curveOid}` : `a key of type ${info.algorithmOid}`);
    refuse(`${at(where)} is ${what}; only ${ACCEPTED} keys are accepted.`, 'key_type', where);
  }
  const alg = info.family === 'rsa' ? 'PS256' : info.family === 'ecdsa-p256' ? 'ES256' : 'Ed25519';
  try {
    const key = await importSPKI(toPem('PUBLIC KEY', info.der), alg, { extractable: true });
    return await exportJWK(key);
  } catch {
    refuse(
      `${at(where)} could not be read as ${info.family === 'rsa' ? 'an RSA' : info.family === 'ed25519' ? 'an Ed25519' : 'an EC P-256'} public key.`,
      'key_malformed',
      where,
    );
  }
}

async function fromCertificates(ders: Uint8Array[], kid: string | undefined): Promise<PartnerKeyMaterial> {
  const parsed: CertificateParts[] = [];
  for (const [index, der] of ders.entries()) {
    try {
      parsed.push(readCertificate(der));
    } catch (error) {
      if (!(error instanceof DerError || error instanceof TypeError)) throw error;
      refuse(
        index === 0
          ? 'The agency certificate (the first in the file) is not a valid X.509 certificate.'
          : `Certificate ${index + 1} of the chain is not a valid X.509 certificate.`,
        'certificate_malformed',
        {},
        { certificate: index },
      );
    }
  }
  const leaf = parsed[0];
  if (!leaf) refuse('The key file has no certificate.', 'pem_invalid');
  const where = { label: "The agency certificate's key" };
  const material = await finish(await jwkFromSpki(leaf.publicKey.der, where), kid, where);
  return {
    ...material,
    certificate: {
      pem: toPem('CERTIFICATE', ders[0] as Uint8Array),
      chainPems: ders.slice(1).map((der) => toPem('CERTIFICATE', der)),
    },
  };
}

// --- JSON -----------------------------------------------------------------------------------------

async function parseJson(input: string, options: { kid?: string }): Promise<PartnerKeyMaterial[]> {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch {
    refuse(
      'The key file looks like JSON but does not parse; send a JWK or a JWKS ({"keys": [...]}).',
      'unparseable',
    );
  }
  if (!isObject(value)) refuse('The key file must be a JWK or a JWKS object.', 'unparseable');
  if ('keys' in value) {
    const list = value.keys;
    if (!Array.isArray(list)) refuse('The JWKS member "keys" must be an array of JWKs.', 'jwks_invalid');
    if (list.length === 0) refuse('The JWKS has no keys.', 'empty');
    if (list.length > 1 && options.kid !== undefined) {
      refuse(
        'A kid can only be given for a single key; the JWKS has several. Give each JWK its own "kid" instead.',
        'kid_ambiguous',
      );
    }
    const keys: PartnerKeyMaterial[] = [];
    for (const [index, item] of list.entries()) {
      const where = list.length > 1 ? { index } : {};
      keys.push(await fromJwk(item, options.kid, where));
    }
    return keys;
  }
  if ('kty' in value) return [await fromJwk(value, options.kid, {})];
  refuse('The JSON is neither a JWK (with "kty") nor a JWKS (with "keys").', 'unparseable');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function base64urlMember(jwk: Record<string, unknown>, name: string, where: Where): string {
  const value = jwk[name];
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) {
    refuse(`${at(where)} needs the member "${name}" as a base64url string.`, 'key_malformed', where);
  }
  return value;
}

async function fromJwk(value: unknown, kid: string | undefined, where: Where): Promise<PartnerKeyMaterial> {
  if (!isObject(value)) refuse(`${at(where)} is not a JSON object.`, 'key_malformed', where);
  const privateMembers = PRIVATE_MEMBERS.filter((name) => name in value);
  if (privateMembers.includes('k') || value.kty === 'oct') {
    refuse(
      `${at(where)} is a symmetric ("oct") key; partner keys must be public keys (${ACCEPTED}), since a shared secret would let the gateway sign as the agency.`,
      'symmetric_key',
      where,
    );
  }
  if (privateMembers.length > 0) {
    refuse(
      `${at(where)} contains private key members (${privateMembers.join(', ')}); send the public JWK only. A private key must never leave the agency.`,
      'private_key',
      where,
    );
  }
  const kty = value.kty;
  if (kty !== 'RSA' && kty !== 'EC' && kty !== 'OKP') {
    refuse(
      `${at(where)} has kty ${JSON.stringify(kty) ?? 'missing'}; only ${ACCEPTED} keys (kty RSA, EC, OKP) are accepted.`,
      'key_type',
      where,
    );
  }
  if (value.use !== undefined && value.use !== 'sig') {
    refuse(
      `${at(where)} has "use": ${JSON.stringify(value.use)}; a signing key must have "use": "sig" or none.`,
      'key_use',
      where,
    );
  }
  if (value.key_ops !== undefined && (!Array.isArray(value.key_ops) || !value.key_ops.includes('verify'))) {
    refuse(
      `${at(where)} has "key_ops" without "verify"; a signing key's public JWK must allow "verify" or leave "key_ops" out.`,
      'key_use',
      where,
    );
  }
  if (value.kid !== undefined && (typeof value.kid !== 'string' || !KID_PATTERN.test(value.kid))) {
    refuse(`${at(where)} has a "kid" that is not 1 to 200 visible ASCII characters.`, 'kid_invalid', where);
  }

  let minimal: JWK;
  let alg: string;
  if (kty === 'RSA') {
    minimal = { kty, n: base64urlMember(value, 'n', where), e: base64urlMember(value, 'e', where) };
    alg = 'PS256';
  } else if (kty === 'EC') {
    if (value.crv !== 'P-256') {
      refuse(
        `${at(where)} is an EC key on curve ${JSON.stringify(value.crv) ?? 'missing'}; only P-256 (ES256) is accepted.`,
        'key_type',
        where,
      );
    }
    minimal = {
      kty,
      crv: 'P-256',
      x: base64urlMember(value, 'x', where),
      y: base64urlMember(value, 'y', where),
    };
    alg = 'ES256';
  } else {
    if (value.crv !== 'Ed25519') {
      refuse(
        `${at(where)} is an OKP key on curve ${JSON.stringify(value.crv) ?? 'missing'}; only Ed25519 is accepted.`,
        'key_type',
        where,
      );
    }
    minimal = { kty, crv: 'Ed25519', x: base64urlMember(value, 'x', where) };
    alg = 'Ed25519';
  }
  const family = familyOf(minimal);
  if (value.alg !== undefined) {
    const algFamily = typeof value.alg === 'string' ? ALGORITHMS[value.alg] : undefined;
    if (!algFamily) {
      refuse(
        `${at(where)} has "alg": ${JSON.stringify(value.alg)}; accepted are EdDSA, Ed25519, ES256, PS256, PS512 and RS256.`,
        'key_alg',
        where,
      );
    }
    if (algFamily !== family) {
      refuse(
        `${at(where)} has "alg": "${String(value.alg)}", which does not fit its key type (${kty}).`,
        'key_alg',
        where,
      );
    }
  }
  checkPolicy(minimal, where);
  let exported: JWK;
  try {
    exported = await exportJWK(await importJWK(minimal, alg, { extractable: true }));
  } catch {
    refuse(
      `${at(where)} is not a valid ${kty} public key (its members do not decode to a usable key).`,
      'key_malformed',
      where,
    );
  }
  return finish(exported, typeof value.kid === 'string' ? value.kid : kid, where);
}

function familyOf(jwk: JWK): PartnerKeyFamily {
  return jwk.kty === 'RSA' ? 'rsa' : jwk.kty === 'EC' ? 'ecdsa-p256' : 'ed25519';
}

function rsaBits(n: string): number {
  const bytes = base64url.decode(n);
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  const first = bytes[i];
  if (first === undefined) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(first));
}

function checkPolicy(jwk: JWK, where: Where): void {
  if (jwk.kty === 'RSA') {
    const bits = rsaBits(jwk.n ?? '');
    if (bits < MIN_RSA_BITS) {
      refuse(
        `${at(where)} is an RSA key of ${bits} bits; at least ${MIN_RSA_BITS} bits are required. Generate a new key of 2048 bits or more (3072 recommended).`,
        'rsa_too_short',
        where,
        { bits },
      );
    }
  }
}

/** Applies the key policy to a canonical public JWK and names it. */
async function finish(jwk: JWK, kid: string | undefined, where: Where): Promise<PartnerKeyMaterial> {
  checkPolicy(jwk, where);
  const publicJwk: JWK =
    jwk.kty === 'RSA'
      ? { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }
      : jwk.kty === 'EC'
        ? { kty: 'EC', crv: jwk.crv as string, x: jwk.x as string, y: jwk.y as string }
        : { kty: 'OKP', crv: jwk.crv as string, x: jwk.x as string };
  const family = familyOf(publicJwk);
  const name = kid ?? (await calculateJwkThumbprint(publicJwk, 'sha256'));
  return {
    kid: name,
    jwk: { ...publicJwk, kid: name } as JsonWebKey,
    family,
    ...(family === 'rsa' ? { rsaBits: rsaBits(publicJwk.n ?? '') } : {}),
  };
}
