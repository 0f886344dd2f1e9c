/**
 * Detached JWS over the raw body (RFC 7515 with the payload left out as in RFC 7797 Appendix F,
 * `b64` true), the Open Banking style `x-jws-signature` scheme, with the protected header bound to
 * issuer, time, nonce, method and target URI.
 */
import { errors, FlattenedSign, flattenedVerify, importJWK } from 'jose';
import { isJwsAlgorithm, type JwsAlgorithm, keyFamily } from './algorithms.ts';
import { base64UrlDecode, base64UrlEncode } from './encoding.ts';
import { SignatureError } from './errors.ts';
import { newNonce } from './http-signatures.ts';

/** The protected header every detached JWS of the profile carries. */
export interface DetachedJwsHeader {
  alg: JwsAlgorithm;
  kid: string;
  /** The partner id. */
  iss: string;
  /** Unix seconds. */
  iat: number;
  /** The nonce. */
  jti: string;
  /** The HTTP method. */
  htm: string;
  /** The target URI. */
  htu: string;
  crit: string[];
}

/** The header parameters the profile marks critical, in the order the signer lists them. */
export const DETACHED_JWS_CRIT = ['iat', 'iss', 'jti', 'htm', 'htu'] as const;

const CRIT_OPTION = { iat: true, iss: true, jti: true, htm: true, htu: true };

/** Input of {@link signDetachedJws}. */
export interface SignDetachedJwsInput {
  body: Uint8Array;
  key: CryptoKey;
  alg: JwsAlgorithm;
  kid: string;
  iss: string;
  /** Unix seconds; default now. */
  iat?: number;
  /** Default {@link newNonce}. */
  jti?: string;
  htm: string;
  htu: string;
}

/** Signs `body` and returns the `x-jws-signature` value `<protected>..<signature>`. */
export async function signDetachedJws(input: SignDetachedJwsInput): Promise<string> {
  if (!isJwsAlgorithm(input.alg)) throw new SignatureError('algorithm_refused', 'unsupported JWS algorithm');
  const header: DetachedJwsHeader = {
    alg: input.alg,
    kid: input.kid,
    iss: input.iss,
    iat: input.iat ?? Math.floor(Date.now() / 1000),
    jti: input.jti ?? newNonce(),
    htm: input.htm,
    htu: input.htu,
    crit: [...DETACHED_JWS_CRIT],
  };
  const jws = await new FlattenedSign(input.body)
    .setProtectedHeader({ ...header })
    .sign(input.key, { crit: CRIT_OPTION });
  return `${jws.protected}..${jws.signature}`;
}

/** Splits `<protected>..<signature>` and decodes the protected header; `malformed` otherwise. */
export function decodeDetachedJws(header: string): {
  protectedHeader: Record<string, unknown>;
  protected: string;
  signature: string;
} {
  const parts = header.trim().split('.');
  const [protectedPart, payload, signature] = parts;
  if (
    parts.length !== 3 ||
    payload !== '' ||
    !protectedPart ||
    !signature ||
    !/^[A-Za-z0-9_-]+$/.test(protectedPart) ||
    !/^[A-Za-z0-9_-]+$/.test(signature)
  ) {
    throw new SignatureError('malformed', 'detached JWS is not <protected>..<signature>');
  }
  let protectedHeader: unknown;
  try {
    protectedHeader = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(base64UrlDecode(protectedPart)),
    );
  } catch {
    throw new SignatureError('malformed', 'detached JWS protected header is not JSON');
  }
  if (typeof protectedHeader !== 'object' || protectedHeader === null || Array.isArray(protectedHeader)) {
    throw new SignatureError('malformed', 'detached JWS protected header is not a JSON object');
  }
  return { protectedHeader: protectedHeader as Record<string, unknown>, protected: protectedPart, signature };
}

function checkHeader(header: Record<string, unknown>, allowed: readonly JwsAlgorithm[]): DetachedJwsHeader {
  const { alg, crit } = header;
  if (alg === 'none' || !isJwsAlgorithm(alg) || !allowed.includes(alg)) {
    throw new SignatureError('algorithm_refused', 'detached JWS algorithm is not accepted');
  }
  if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
    throw new SignatureError('malformed', 'detached JWS crit is not a list of names');
  }
  const unknown = crit.find((name) => !(DETACHED_JWS_CRIT as readonly string[]).includes(name));
  if (unknown !== undefined) {
    throw new SignatureError('parameter_unknown', 'detached JWS crit names an unknown parameter');
  }
  const missingCrit = DETACHED_JWS_CRIT.find((name) => !crit.includes(name));
  if (missingCrit !== undefined)
    throw new SignatureError('malformed', `detached JWS crit must list ${missingCrit}`);
  if (new Set(crit).size !== crit.length)
    throw new SignatureError('malformed', 'detached JWS crit repeats a name');
  if (header.b64 !== undefined && header.b64 !== true) {
    throw new SignatureError('malformed', 'detached JWS must use the base64url-encoded payload');
  }
  for (const name of ['kid', 'iss', 'jti', 'htm', 'htu'] as const) {
    if (typeof header[name] !== 'string' || header[name] === '') {
      throw new SignatureError('malformed', `detached JWS header ${name} is missing`);
    }
  }
  if (typeof header.iat !== 'number' || !Number.isSafeInteger(header.iat) || header.iat < 0) {
    throw new SignatureError('malformed', 'detached JWS header iat is missing');
  }
  return header as unknown as DetachedJwsHeader;
}

/**
 * Verifies a detached JWS over `body` and returns its protected header. The header is checked before
 * any cryptography: `none` or an algorithm not in `allowed` is `algorithm_refused`; a `crit` with a
 * name outside iat, iss, jti, htm, htu is `parameter_unknown`; a missing claim or a `crit` that does
 * not list all five is `malformed`; a signature that does not verify is `invalid`. Checking `iat`,
 * `jti`, `htm` and `htu` against the request and replay store is the caller's job.
 */
export async function verifyDetachedJws(
  header: string,
  body: Uint8Array,
  key: CryptoKey | Uint8Array,
  allowed: JwsAlgorithm[],
): Promise<DetachedJwsHeader> {
  const decoded = decodeDetachedJws(header);
  const accepted = allowed.filter(isJwsAlgorithm);
  const checked = checkHeader(decoded.protectedHeader, accepted);
  try {
    await flattenedVerify(
      { protected: decoded.protected, signature: decoded.signature, payload: base64UrlEncode(body) },
      key,
      { algorithms: accepted, crit: CRIT_OPTION },
    );
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new SignatureError('invalid', 'detached JWS does not verify');
    }
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
      throw new SignatureError('algorithm_refused', 'detached JWS algorithm is not accepted');
    }
    if (error instanceof TypeError) {
      throw new SignatureError('algorithm_refused', 'key does not fit the detached JWS algorithm');
    }
    throw new SignatureError('malformed', 'detached JWS is malformed');
  }
  return checked;
}

/** Imports a public JWK for verifying JWS under `alg` (key material only; `alg`/`use` are ignored). */
export async function importJwsPublicKey(jwk: JsonWebKey, alg: JwsAlgorithm): Promise<CryptoKey> {
  return importJwsKey(jwk, alg, false);
}

/** Imports a private JWK for signing JWS under `alg`. */
export async function importJwsPrivateKey(jwk: JsonWebKey, alg: JwsAlgorithm): Promise<CryptoKey> {
  return importJwsKey(jwk, alg, true);
}

async function importJwsKey(jwk: JsonWebKey, alg: JwsAlgorithm, isPrivate: boolean): Promise<CryptoKey> {
  if (!isJwsAlgorithm(alg)) throw new SignatureError('algorithm_refused', 'unsupported JWS algorithm');
  const family = keyFamily(alg);
  const fits =
    (family === 'ed25519' && jwk.kty === 'OKP' && jwk.crv === 'Ed25519') ||
    (family === 'ecdsa-p256' && jwk.kty === 'EC' && jwk.crv === 'P-256') ||
    ((family === 'rsa-pss' || family === 'rsa-v1_5') && jwk.kty === 'RSA');
  if (!fits) throw new SignatureError('algorithm_refused', `key type does not match algorithm ${alg}`);
  if (isPrivate && typeof jwk.d !== 'string') throw new SignatureError('malformed', 'JWK has no private key');
  const members = isPrivate
    ? ['kty', 'crv', 'x', 'y', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi']
    : ['kty', 'crv', 'x', 'y', 'n', 'e'];
  const material: Record<string, unknown> = {};
  for (const member of members) {
    const value = (jwk as Record<string, unknown>)[member];
    if (value !== undefined) material[member] = value;
  }
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(material, alg, { extractable: !isPrivate });
  } catch {
    throw new SignatureError('malformed', 'JWK could not be imported');
  }
  if (key instanceof Uint8Array)
    throw new SignatureError('algorithm_refused', 'symmetric keys are not accepted');
  return key;
}
