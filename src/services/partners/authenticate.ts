/**
 * Authenticates a partner agency's request: RFC 9421 HTTP Message Signatures (FAPI 2.0 Message
 * Signing profile) or a detached JWS, as the partner's adapter allows, verified over the raw body
 * bytes as received. Checks run cheapest and most specific first; the nonce and the evidence row
 * are written only once everything verified, so a refused request writes nothing.
 */

import { lt } from 'drizzle-orm';
import {
  base64UrlDecode,
  type ComponentId,
  contentDigest,
  DETACHED_JWS_CRIT,
  decodeDetachedJws,
  type HttpMessage,
  httpAlgorithmForJwk,
  importJwsPublicKey,
  importPublicKey,
  type JwsAlgorithm,
  keyFamily,
  PARTNER_HEADER,
  type ParsedSignature,
  parseSignatures,
  REQUEST_TAG,
  SignatureError,
  type SignatureFailure,
  signatureBase,
  verifyContentDigest,
  verifyDetachedJws,
  verifySignature,
} from '../../../sdk/src/index.ts';
import { type ErrorCode, GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/database.ts';
import { signatureNonces, verifiedMessages } from '../../db/schema.ts';
import type { SigningPolicy } from '../../ports/signing.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { findKey, isRevoked, keyState, type PartnerKeyRow, type PartnerRow } from './registry.ts';

/** How far into the future a `created` may lie (clock skew between signer and gateway). */
export const FUTURE_SKEW_SECONDS = 5;
const NONCE_PATTERN = /^[\x21-\x7E]{16,128}$/;
/** The SDK also knows RS256 (PKCS#1 v1.5); partners must use RSA-PSS. */
const ACCEPTED_JWS_ALGORITHMS: JwsAlgorithm[] = ['EdDSA', 'Ed25519', 'ES256', 'PS256', 'PS512'];

export interface PartnerPrincipal {
  partnerId: string;
  jurisdiction: string;
  kid: string;
  scheme: 'http-message-signatures' | 'detached-jws';
  /** The verified RFC 9421 signature, for binding the response to it (`req`). */
  signature?: { label: string; components: ComponentId[] } | undefined;
  /**
   * The evidence of the verified request, archived by `archiveEvidence` once the request has
   * succeeded: a refused request (a bad path or query) may carry anything in its URL, personal
   * data included, and is not kept beyond its nonce and its log line.
   */
  evidence: PendingEvidence;
}

/** A `verified_messages` row, complete but not yet written. */
export type PendingEvidence = typeof verifiedMessages.$inferInsert & { id: string };

export interface InboundRequest {
  method: string;
  /** The URI the partner addressed (rebuilt from PONTIS_PUBLIC_URL behind a proxy). */
  targetUri: string;
  headers: Headers;
  body: Uint8Array;
  requestId?: string | undefined;
}

/** The gateway's error code for each SDK refusal (the simulator reports callbacks the same way). */
export const SIGNATURE_FAILURE_CODES: Record<SignatureFailure, ErrorCode> = {
  missing: 'signature_missing',
  malformed: 'signature_malformed',
  algorithm_refused: 'signature_algorithm_refused',
  key_unknown: 'signature_key_unknown',
  expired: 'signature_expired',
  not_yet_valid: 'signature_not_yet_valid',
  invalid: 'signature_invalid',
  digest_mismatch: 'content_digest_mismatch',
  coverage_insufficient: 'signature_coverage_insufficient',
  parameter_unknown: 'signature_parameter_unknown',
  component_missing: 'signature_malformed',
};

/** Maps an SDK verification failure to the gateway's error; other errors pass through. */
export function toGatewayError(error: unknown): unknown {
  if (error instanceof SignatureError) {
    return new GatewayError(SIGNATURE_FAILURE_CODES[error.reason], error.message, { cause: error });
  }
  return error;
}

async function guard<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toGatewayError(error);
  }
}

/**
 * Imported public keys by key row and algorithm. A row's key never changes (keys are added and
 * retired, never edited), so the import is done once per process; the map is bounded.
 */
const importedKeys = new Map<string, Promise<CryptoKey>>();
const MAX_IMPORTED_KEYS = 1_000;

function verificationKey(
  key: PartnerKeyRow,
  algorithm: string,
  load: () => Promise<CryptoKey>,
): Promise<CryptoKey> {
  const cacheKey = `${key.id}:${algorithm}`;
  let imported = importedKeys.get(cacheKey);
  if (!imported) {
    if (importedKeys.size >= MAX_IMPORTED_KEYS)
      importedKeys.delete(importedKeys.keys().next().value as string);
    imported = load();
    importedKeys.set(cacheKey, imported);
    imported.catch(() => importedKeys.delete(cacheKey));
  }
  return imported;
}

/** Whether the request carries a partner signature (else it is a staff call or anonymous). */
export function hasPartnerSignature(headers: Headers): boolean {
  return headers.has('signature-input') || headers.has('signature') || headers.has('x-jws-signature');
}

interface KeyCheckInput {
  kid: string;
  claimedPartner: string | undefined;
  scheme: PartnerPrincipal['scheme'];
  /** The algorithm family a JWS header names; RFC 9421 derives it from the key. */
  requestedFamily?: ReturnType<typeof keyFamily> | undefined;
  now: Date;
}

/** Finds the key and checks its partner, state, certificate and the adapter's policy. */
async function usableKey(
  db: Database,
  registry: AdapterRegistry,
  input: KeyCheckInput,
): Promise<{ key: PartnerKeyRow; partner: PartnerRow; policy: SigningPolicy }> {
  const found = await findKey(db, input.kid);
  if (!found) throw new GatewayError('signature_key_unknown', 'No registered key has this key id.');
  const { key, partner } = found;
  if (input.claimedPartner !== undefined && input.claimedPartner !== partner.id) {
    throw new GatewayError(
      'signature_key_mismatch',
      'The signing key is registered to another partner agency than the one the request names.',
    );
  }
  if (partner.status !== 'active') {
    throw new GatewayError('forbidden', 'This partner agency is suspended.');
  }
  const adapter = registry.get(partner.jurisdictionCode);
  if (!adapter) {
    throw new GatewayError('signature_key_unknown', "The key's jurisdiction is not enabled on this gateway.");
  }
  const policy = adapter.signing;
  if (!policy.schemes.includes(input.scheme)) {
    throw new GatewayError(
      'signature_algorithm_refused',
      `Partners of ${partner.jurisdictionCode} sign with ${policy.schemes.join(' or ')}, not ${input.scheme}.`,
    );
  }
  const allowedFamilies = policy.algorithms.map((algorithm) => keyFamily(algorithm));
  const keyFamilyName = key.family === 'rsa' ? 'rsa-pss' : key.family;
  const requested = input.requestedFamily ?? keyFamilyName;
  if (requested !== keyFamilyName || !allowedFamilies.includes(keyFamilyName)) {
    throw new GatewayError(
      'signature_algorithm_refused',
      `This key signs with ${keyFamilyName}; partners of ${partner.jurisdictionCode} may use ${policy.algorithms.join(', ')}.`,
    );
  }
  if (key.certificateNotAfter && key.certificateNotAfter.getTime() < input.now.getTime()) {
    throw new GatewayError('certificate_expired', "The key's certificate has expired.", {
      details: { notAfter: key.certificateNotAfter.toISOString() },
    });
  }
  if (key.certificateNotBefore && key.certificateNotBefore.getTime() > input.now.getTime()) {
    throw new GatewayError('certificate_not_yet_valid', "The key's certificate is not valid yet.", {
      details: { notBefore: key.certificateNotBefore.toISOString() },
    });
  }
  if (
    key.trustAnchorId &&
    key.certificateSerial &&
    (await isRevoked(db, key.trustAnchorId, key.certificateSerial))
  ) {
    throw new GatewayError('certificate_revoked', "The key's certificate has been revoked by its issuer.");
  }
  const state = keyState(key, input.now);
  if (state === 'pending') {
    throw new GatewayError('signature_key_not_active', 'This key is registered but not active yet.', {
      details: { activatesAt: key.activatesAt.toISOString() },
    });
  }
  if (state === 'retired') {
    throw new GatewayError('signature_key_retired', 'This key was retired.', {
      details: { retiredAt: key.retiredAt?.toISOString() },
    });
  }
  return { key, partner, policy };
}

function checkTimeWindow(createdSeconds: number, now: Date, maxAgeSeconds: number): void {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (createdSeconds > nowSeconds + FUTURE_SKEW_SECONDS) {
    throw new GatewayError('signature_not_yet_valid', 'The signature was created in the future.', {
      details: { created: createdSeconds, now: nowSeconds },
    });
  }
  if (nowSeconds - createdSeconds > maxAgeSeconds) {
    throw new GatewayError('signature_expired', `The signature is older than ${maxAgeSeconds} seconds.`, {
      details: { created: createdSeconds, now: nowSeconds, maxAgeSeconds },
    });
  }
}

/** The request's fapi-2-request signature: the first with that tag. */
function chooseSignature(signatures: ParsedSignature[]): ParsedSignature {
  const tagged = signatures.find((signature) => signature.params.tag === REQUEST_TAG);
  if (!tagged) {
    throw new GatewayError('signature_coverage_insufficient', `No signature has tag="${REQUEST_TAG}".`);
  }
  return tagged;
}

function checkCoverage(signature: ParsedSignature, hasBody: boolean, headers: Headers): void {
  if (signature.unknownParams.length > 0) {
    throw new GatewayError(
      'signature_parameter_unknown',
      'The signature has a parameter the gateway does not define.',
      {
        details: { parameter: signature.unknownParams[0] },
      },
    );
  }
  const covered = new Set(
    signature.components
      .filter((component) => component.params.size === 0)
      .map((component) => component.name),
  );
  const required = ['@method', '@target-uri'];
  if (hasBody) required.push('content-type', 'content-digest');
  if (headers.has(PARTNER_HEADER)) required.push(PARTNER_HEADER);
  const missing = required.filter((name) => !covered.has(name));
  const params = signature.params;
  const missingParams = ['created', 'keyid', 'nonce'].filter((name) => params[name] === undefined);
  if (missing.length > 0 || missingParams.length > 0) {
    throw new GatewayError(
      'signature_coverage_insufficient',
      'The signature does not cover what the profile requires.',
      {
        details: { missingComponents: missing, missingParameters: missingParams },
      },
    );
  }
  if (typeof params.nonce !== 'string' || !NONCE_PATTERN.test(params.nonce)) {
    throw new GatewayError('signature_malformed', 'The nonce must be 16 to 128 visible ASCII characters.');
  }
  if (typeof params.created !== 'number' || typeof params.keyid !== 'string') {
    throw new GatewayError('signature_malformed', '`created` must be an integer and `keyid` a string.');
  }
}

/** What differs between the schemes in the evidence of a verified request. */
type SchemeEvidence = Pick<
  typeof verifiedMessages.$inferInsert,
  | 'kid'
  | 'scheme'
  | 'algorithm'
  | 'signatureInput'
  | 'signature'
  | 'signatureBase'
  | 'contentDigest'
  | 'nonce'
> & { signedAtSeconds: number };

/**
 * Claims the nonce of a verified request and returns its evidence, to be archived when the request
 * succeeds; a nonce seen before (by any process) is a replay and stores nothing.
 */
async function claimNonce(
  db: Database,
  verified: {
    partner: PartnerRow;
    key: PartnerKeyRow;
    policy: SigningPolicy;
    request: InboundRequest;
    now: Date;
  },
  evidence: SchemeEvidence,
): Promise<PendingEvidence> {
  const { partner, key, policy, request, now } = verified;
  const { signedAtSeconds, ...fields } = evidence;
  const id = newId('verifiedMessage', now.getTime());
  // Kept until no signature carrying the nonce can be inside the window any more.
  const expiresAt = new Date(
    (signedAtSeconds + policy.maxSignatureAgeSeconds + FUTURE_SKEW_SECONDS + 60) * 1000,
  );
  const inserted = await db
    .insert(signatureNonces)
    .values({ partnerId: partner.id, nonce: evidence.nonce, expiresAt })
    .onConflictDoNothing()
    .returning({ nonce: signatureNonces.nonce });
  if (inserted.length === 0) {
    throw new GatewayError('signature_replayed', 'This nonce was already used; sign every request afresh.');
  }
  return {
    ...fields,
    id,
    partnerId: partner.id,
    keyId: key.id,
    method: request.method,
    targetUri: request.targetUri,
    signedAt: new Date(signedAtSeconds * 1000),
    certificateSerial: key.certificateSerial,
    certificateIssuer: key.certificateIssuer,
    requestId: request.requestId ?? null,
    verifiedAt: now,
  };
}

/** Archives the evidence of a request that succeeded (append-only `verified_messages`). */
export async function archiveEvidence(db: Database, evidence: PendingEvidence): Promise<void> {
  await db.insert(verifiedMessages).values(evidence);
}

async function authenticateHttpSignature(
  db: Database,
  registry: AdapterRegistry,
  request: InboundRequest,
  now: Date,
): Promise<PartnerPrincipal> {
  const signatures = await guard(() =>
    parseSignatures(request.headers.get('signature-input'), request.headers.get('signature')),
  );
  const signature = chooseSignature(signatures);
  const hasBody = request.body.byteLength > 0;
  checkCoverage(signature, hasBody, request.headers);
  const kid = signature.params.keyid as string;
  const created = signature.params.created as number;
  const { key, partner, policy } = await usableKey(db, registry, {
    kid,
    claimedPartner: request.headers.get(PARTNER_HEADER) ?? undefined,
    scheme: 'http-message-signatures',
    now,
  });
  const algorithm = httpAlgorithmForJwk(key.publicJwk as JsonWebKey);
  if (signature.params.alg !== undefined && signature.params.alg !== algorithm) {
    throw new GatewayError(
      'signature_algorithm_refused',
      `The key signs with ${algorithm}, not the declared alg.`,
    );
  }
  checkTimeWindow(created, now, policy.maxSignatureAgeSeconds);
  if (
    typeof signature.params.expires === 'number' &&
    signature.params.expires < Math.floor(now.getTime() / 1000)
  ) {
    throw new GatewayError('signature_expired', 'The signature is past its `expires` time.');
  }
  let digest: string | null = null;
  if (hasBody || request.headers.has('content-digest')) {
    await guard(() => verifyContentDigest(request.headers.get('content-digest'), request.body));
    digest = request.headers.get('content-digest');
  }
  const message: HttpMessage = { method: request.method, url: request.targetUri, headers: request.headers };
  const base = await guard(() => signatureBase(message, signature));
  await guard(async () =>
    verifySignature(
      message,
      signature,
      await verificationKey(key, algorithm, () => importPublicKey(key.publicJwk as JsonWebKey, algorithm)),
      algorithm,
    ),
  );
  const evidence = await claimNonce(
    db,
    { partner, key, policy, request, now },
    {
      kid,
      scheme: 'http-message-signatures',
      algorithm,
      signatureInput: `${signature.label}=${signature.serializedParams}`,
      signature: `${signature.label}=:${toBase64(signature.signature)}:`,
      signatureBase: base,
      contentDigest: digest,
      nonce: signature.params.nonce as string,
      signedAtSeconds: created,
    },
  );
  return {
    partnerId: partner.id,
    jurisdiction: partner.jurisdictionCode,
    kid,
    scheme: 'http-message-signatures',
    signature: { label: signature.label, components: signature.components },
    evidence,
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The `alg` of a JWS protected header, undefined when the header does not decode. */
function peekJwsAlgorithm(header: string): string | undefined {
  try {
    const decoded = JSON.parse(
      new TextDecoder().decode(base64UrlDecode(header.split('.')[0] ?? '')),
    ) as unknown;
    const alg = (decoded as { alg?: unknown } | null)?.alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

const JWS_FAMILY: Record<string, ReturnType<typeof keyFamily>> = {
  EdDSA: 'ed25519',
  Ed25519: 'ed25519',
  ES256: 'ecdsa-p256',
  PS256: 'rsa-pss',
  PS512: 'rsa-pss',
};

async function authenticateDetachedJws(
  db: Database,
  registry: AdapterRegistry,
  request: InboundRequest,
  now: Date,
): Promise<PartnerPrincipal> {
  const header = request.headers.get('x-jws-signature') ?? '';
  // `alg: none` comes with an empty signature: refuse the algorithm before judging the shape.
  const jwsAlg = peekJwsAlgorithm(header);
  if (jwsAlg !== undefined && !ACCEPTED_JWS_ALGORITHMS.includes(jwsAlg as JwsAlgorithm)) {
    throw new GatewayError(
      'signature_algorithm_refused',
      `JWS alg "${jwsAlg.slice(0, 16)}" is not accepted.`,
    );
  }
  const decoded = await guard(() => decodeDetachedJws(header));
  // The header decoded, so an undefined alg means it is missing or not a string.
  if (jwsAlg === undefined) {
    throw new GatewayError('signature_algorithm_refused', 'The JWS names no accepted algorithm.');
  }
  const jose = decoded.protectedHeader;
  const crit = Array.isArray(jose.crit) ? jose.crit : [];
  const critical: readonly string[] = DETACHED_JWS_CRIT;
  const unknownCrit = crit.find((name) => !critical.includes(String(name)));
  if (unknownCrit !== undefined) {
    throw new GatewayError(
      'signature_parameter_unknown',
      'The JWS names a critical header parameter the gateway does not understand.',
      {
        details: { parameter: String(unknownCrit).slice(0, 64) },
      },
    );
  }
  for (const name of ['kid', 'iss', 'iat', 'jti', 'htm', 'htu'] as const) {
    if (jose[name] === undefined) {
      throw new GatewayError(
        'signature_coverage_insufficient',
        `The JWS protected header lacks \`${name}\`.`,
        {
          details: { missingParameters: [name] },
        },
      );
    }
  }
  if (
    typeof jose.kid !== 'string' ||
    typeof jose.iss !== 'string' ||
    typeof jose.iat !== 'number' ||
    typeof jose.jti !== 'string'
  ) {
    throw new GatewayError(
      'signature_malformed',
      '`kid`, `iss` and `jti` must be strings and `iat` a number.',
    );
  }
  if (!NONCE_PATTERN.test(jose.jti)) {
    throw new GatewayError('signature_malformed', '`jti` must be 16 to 128 visible ASCII characters.');
  }
  const { key, partner, policy } = await usableKey(db, registry, {
    kid: jose.kid,
    claimedPartner: jose.iss,
    scheme: 'detached-jws',
    requestedFamily: JWS_FAMILY[jwsAlg],
    now,
  });
  checkTimeWindow(jose.iat, now, policy.maxSignatureAgeSeconds);
  if (jose.htm !== request.method || jose.htu !== request.targetUri) {
    throw new GatewayError('signature_invalid', 'The JWS was made for another method or target URI.');
  }
  const algorithm = httpAlgorithmForJwk(key.publicJwk as JsonWebKey);
  await guard(async () =>
    verifyDetachedJws(
      header,
      request.body,
      await verificationKey(key, jwsAlg, () =>
        importJwsPublicKey(key.publicJwk as JsonWebKey, jwsAlg as JwsAlgorithm),
      ),
      [jwsAlg as JwsAlgorithm],
    ),
  );
  const evidence = await claimNonce(
    db,
    { partner, key, policy, request, now },
    {
      kid: jose.kid,
      scheme: 'detached-jws',
      algorithm: jwsAlg === 'Ed25519' || jwsAlg === 'EdDSA' ? jwsAlg : `${jwsAlg} (${algorithm})`,
      signatureInput: decoded.protected,
      signature: decoded.signature,
      signatureBase: null,
      contentDigest: await contentDigest(request.body),
      nonce: jose.jti,
      signedAtSeconds: jose.iat,
    },
  );
  return {
    partnerId: partner.id,
    jurisdiction: partner.jurisdictionCode,
    kid: jose.kid,
    scheme: 'detached-jws',
    evidence,
  };
}

/**
 * Authenticates a signed partner request. RFC 9421 headers win when both kinds are present;
 * a request with neither is `signature_missing`.
 */
export async function authenticatePartnerRequest(
  db: Database,
  registry: AdapterRegistry,
  request: InboundRequest,
  now: Date,
): Promise<PartnerPrincipal> {
  if (request.headers.has('signature-input') || request.headers.has('signature')) {
    return authenticateHttpSignature(db, registry, request, now);
  }
  if (request.headers.has('x-jws-signature')) return authenticateDetachedJws(db, registry, request, now);
  throw new GatewayError('signature_missing', 'The request carries no signature.');
}

/** Deletes nonces past their expiry (they can no longer be replayed: their signatures are too old). */
export async function purgeExpiredNonces(db: Database, now: Date): Promise<number> {
  const deleted = await db
    .delete(signatureNonces)
    .where(lt(signatureNonces.expiresAt, now))
    .returning({ nonce: signatureNonces.nonce });
  return deleted.length;
}
