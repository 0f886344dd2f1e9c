/**
 * The signature algorithms the SDK accepts, by their RFC 9421 and JWS names, and the Web Crypto
 * calls behind them (RFC 9421 §3.3), so every other module signs and verifies one way only.
 */
import { toArrayBufferView } from './encoding.ts';
import { SignatureError } from './errors.ts';

/** RFC 9421 §6.2.2 algorithm names the SDK supports (no HMAC, no P-384). */
export type HttpSignatureAlgorithm = 'ed25519' | 'ecdsa-p256-sha256' | 'rsa-pss-sha512' | 'rsa-v1_5-sha256';

/** JWS `alg` values (RFC 7518, RFC 8037, RFC 9864) the SDK supports. */
export type JwsAlgorithm = 'EdDSA' | 'Ed25519' | 'ES256' | 'PS256' | 'PS512' | 'RS256';

/** The key family an algorithm needs; a partner key is registered for one family. */
export type KeyFamily = 'ed25519' | 'ecdsa-p256' | 'rsa-pss' | 'rsa-v1_5';

/** Every supported RFC 9421 algorithm name. */
export const HTTP_SIGNATURE_ALGORITHMS: readonly HttpSignatureAlgorithm[] = [
  'ed25519',
  'ecdsa-p256-sha256',
  'rsa-pss-sha512',
  'rsa-v1_5-sha256',
];

/** Every supported JWS algorithm name. */
export const JWS_ALGORITHMS: readonly JwsAlgorithm[] = [
  'EdDSA',
  'Ed25519',
  'ES256',
  'PS256',
  'PS512',
  'RS256',
];

/** RSA keys shorter than this are refused (NIST SP 800-131A). */
export const MIN_RSA_MODULUS_BITS = 2048;

/** True when `value` names a supported RFC 9421 algorithm. */
export function isHttpSignatureAlgorithm(value: unknown): value is HttpSignatureAlgorithm {
  return typeof value === 'string' && (HTTP_SIGNATURE_ALGORITHMS as readonly string[]).includes(value);
}

/** True when `value` names a supported JWS algorithm. */
export function isJwsAlgorithm(value: unknown): value is JwsAlgorithm {
  return typeof value === 'string' && (JWS_ALGORITHMS as readonly string[]).includes(value);
}

function jwkFamily(jwk: JsonWebKey): 'ed25519' | 'ecdsa-p256' | 'rsa' {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'ed25519';
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ecdsa-p256';
  if (jwk.kty === 'RSA') return 'rsa';
  throw new SignatureError('algorithm_refused', 'unsupported key type or curve');
}

/** The RFC 9421 algorithm a partner key signs with: Ed25519, ECDSA P-256, or RSA-PSS SHA-512. */
export function httpAlgorithmForJwk(jwk: JsonWebKey): HttpSignatureAlgorithm {
  switch (jwkFamily(jwk)) {
    case 'ed25519':
      return 'ed25519';
    case 'ecdsa-p256':
      return 'ecdsa-p256-sha256';
    case 'rsa':
      return 'rsa-pss-sha512';
  }
}

/** The JWS algorithm a partner key signs with: EdDSA, ES256, or PS256. */
export function jwsAlgorithmForJwk(jwk: JsonWebKey): JwsAlgorithm {
  switch (jwkFamily(jwk)) {
    case 'ed25519':
      return 'EdDSA';
    case 'ecdsa-p256':
      return 'ES256';
    case 'rsa':
      return 'PS256';
  }
}

/** The key family an RFC 9421 or JWS algorithm belongs to. */
export function keyFamily(alg: HttpSignatureAlgorithm | JwsAlgorithm): KeyFamily {
  switch (alg) {
    case 'ed25519':
    case 'EdDSA':
    case 'Ed25519':
      return 'ed25519';
    case 'ecdsa-p256-sha256':
    case 'ES256':
      return 'ecdsa-p256';
    case 'rsa-pss-sha512':
    case 'PS256':
    case 'PS512':
      return 'rsa-pss';
    case 'rsa-v1_5-sha256':
    case 'RS256':
      return 'rsa-v1_5';
    default:
      throw new SignatureError('algorithm_refused', 'unsupported algorithm');
  }
}

type ImportParams = AlgorithmIdentifier | EcKeyImportParams | RsaHashedImportParams;
type SignParams = AlgorithmIdentifier | EcdsaParams | RsaPssParams;

function importParams(alg: HttpSignatureAlgorithm): ImportParams {
  switch (alg) {
    case 'ed25519':
      return { name: 'Ed25519' };
    case 'ecdsa-p256-sha256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
    case 'rsa-pss-sha512':
      return { name: 'RSA-PSS', hash: 'SHA-512' };
    case 'rsa-v1_5-sha256':
      return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  }
}

/** RFC 9421 §3.3: RSA-PSS with SHA-512 and a 64-byte salt; ECDSA as raw r||s (Web Crypto's form). */
function signParams(alg: HttpSignatureAlgorithm): SignParams {
  switch (alg) {
    case 'ed25519':
      return { name: 'Ed25519' };
    case 'ecdsa-p256-sha256':
      return { name: 'ECDSA', hash: 'SHA-256' };
    case 'rsa-pss-sha512':
      return { name: 'RSA-PSS', saltLength: 64 };
    case 'rsa-v1_5-sha256':
      return { name: 'RSASSA-PKCS1-v1_5' };
  }
}

function requireAlgorithm(alg: HttpSignatureAlgorithm): void {
  if (!isHttpSignatureAlgorithm(alg)) throw new SignatureError('algorithm_refused', 'unsupported algorithm');
}

function requireKeyMatches(jwk: JsonWebKey, alg: HttpSignatureAlgorithm): void {
  requireAlgorithm(alg);
  const family = jwkFamily(jwk);
  const wanted = keyFamily(alg);
  if (family === 'rsa' ? wanted !== 'rsa-pss' && wanted !== 'rsa-v1_5' : family !== wanted) {
    throw new SignatureError('algorithm_refused', `key type does not match algorithm ${alg}`);
  }
  if (family === 'rsa') {
    const bits = typeof jwk.n === 'string' ? Math.floor((jwk.n.replace(/=+$/, '').length * 6) / 8) * 8 : 0;
    if (bits < MIN_RSA_MODULUS_BITS) throw new SignatureError('algorithm_refused', 'RSA key is too short');
  }
}

const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** Keeps only key material, so `alg`, `use` or `key_ops` meant for JWS do not block the import. */
function keyMaterial(jwk: JsonWebKey, members: readonly (keyof JsonWebKey)[]): JsonWebKey {
  const out: Record<string, unknown> = {};
  for (const member of members) {
    if (jwk[member] !== undefined) out[member] = jwk[member];
  }
  return out as JsonWebKey;
}

/** Imports a public JWK as a Web Crypto verification key for `alg`; private members are ignored. */
export async function importPublicKey(jwk: JsonWebKey, alg: HttpSignatureAlgorithm): Promise<CryptoKey> {
  requireKeyMatches(jwk, alg);
  try {
    return await crypto.subtle.importKey('jwk', keyMaterial(jwk, PUBLIC_MEMBERS), importParams(alg), true, [
      'verify',
    ]);
  } catch {
    throw new SignatureError('malformed', 'public key could not be imported');
  }
}

/** Imports a private JWK as a non-extractable Web Crypto signing key for `alg`. */
export async function importPrivateKey(jwk: JsonWebKey, alg: HttpSignatureAlgorithm): Promise<CryptoKey> {
  requireKeyMatches(jwk, alg);
  if (typeof jwk.d !== 'string') throw new SignatureError('malformed', 'JWK has no private key');
  try {
    return await crypto.subtle.importKey(
      'jwk',
      keyMaterial(jwk, [...PUBLIC_MEMBERS, ...PRIVATE_MEMBERS]),
      importParams(alg),
      false,
      ['sign'],
    );
  } catch {
    throw new SignatureError('malformed', 'private key could not be imported');
  }
}

/** Refuses a CryptoKey made for another algorithm (e.g. an RSA-PSS SHA-256 key for rsa-pss-sha512). */
function requireCryptoKeyMatches(key: CryptoKey, alg: HttpSignatureAlgorithm): void {
  requireAlgorithm(alg);
  const expected = importParams(alg) as { name: string; namedCurve?: string; hash?: string };
  const actual = key.algorithm as { name: string; namedCurve?: string; hash?: { name: string } };
  const ok =
    actual.name === expected.name &&
    (expected.namedCurve === undefined || actual.namedCurve === expected.namedCurve) &&
    (expected.hash === undefined || actual.hash?.name === expected.hash);
  if (!ok) throw new SignatureError('algorithm_refused', `key is not a ${alg} key`);
}

/** Signs `data` with `key` under `alg` and returns the RFC 9421 signature bytes. */
export async function signBytes(
  alg: HttpSignatureAlgorithm,
  key: CryptoKey,
  data: Uint8Array,
): Promise<Uint8Array> {
  requireCryptoKeyMatches(key, alg);
  const signature = await crypto.subtle.sign(signParams(alg), key, toArrayBufferView(data));
  return new Uint8Array(signature);
}

/** Verifies RFC 9421 signature bytes over `data`; false when they do not verify. */
export async function verifyBytes(
  alg: HttpSignatureAlgorithm,
  key: CryptoKey,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  requireCryptoKeyMatches(key, alg);
  try {
    return await crypto.subtle.verify(
      signParams(alg),
      key,
      toArrayBufferView(signature),
      toArrayBufferView(data),
    );
  } catch {
    return false;
  }
}
