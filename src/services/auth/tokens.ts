/**
 * Bearer tokens for staff: JWTs signed by the gateway's own ES256 key (Web Crypto through jose,
 * so the same code verifies on Node and on Workers).
 */
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
  SignJWT,
} from 'jose';
import { GatewayError } from '../../core/errors.ts';
import { isRole, type Principal, type Role } from './roles.ts';

export const TOKEN_ISSUER = 'pontis';
export const TOKEN_AUDIENCE = 'pontis-api';
export const TOKEN_ALGORITHM = 'ES256';

export interface SigningKey {
  readonly kid: string;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** Validates a private EC P-256 JWK and derives its public half and key id (RFC 7638 thumbprint). */
export async function signingKeyFromJwk(jwk: unknown): Promise<SigningKey> {
  const candidate = jwk as JWK;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    candidate.kty !== 'EC' ||
    candidate.crv !== 'P-256' ||
    typeof candidate.d !== 'string' ||
    typeof candidate.x !== 'string' ||
    typeof candidate.y !== 'string'
  ) {
    throw new GatewayError(
      'configuration_invalid',
      'the signing key must be a private EC P-256 JWK (kty EC, crv P-256, d, x, y)',
    );
  }
  const publicJwk = await publishedJwk(candidate.x, candidate.y);
  // Importing proves the key material is usable before the gateway starts.
  await importJWK({ ...candidate, alg: TOKEN_ALGORITHM }, TOKEN_ALGORITHM);
  const kid = publicJwk.kid as string;
  return { kid, privateJwk: { ...candidate, kid, alg: TOKEN_ALGORITHM, use: 'sig' }, publicJwk };
}

/** The public P-256 JWK as the gateway publishes it: its RFC 7638 thumbprint as kid, ES256, use sig. */
export async function publishedJwk(x: string, y: string): Promise<JWK> {
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x, y };
  return { ...publicJwk, kid: await calculateJwkThumbprint(publicJwk), alg: TOKEN_ALGORITHM, use: 'sig' };
}

export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  return signingKeyFromJwk(await exportJWK(privateKey));
}

export interface TokenRequest {
  subject: string;
  roles: readonly Role[];
  ttlSeconds: number;
}

export async function issueToken(key: SigningKey, request: TokenRequest): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, TOKEN_ALGORITHM);
  return new SignJWT({ roles: [...request.roles] })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(request.subject)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(privateKey);
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/**
 * A verifier that accepts only ES256 tokens of this gateway's issuer and audience, signed by one
 * of its published keys (the active one, or another during a key rotation's overlap).
 */
export function createTokenVerifier(publicJwks: JWK | readonly JWK[]): TokenVerifier {
  const keys = (Array.isArray(publicJwks) ? publicJwks : [publicJwks]) as JWK[];
  const keySet = createLocalJWKSet({ keys: keys.map((key) => ({ ...key, alg: TOKEN_ALGORITHM })) });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: 30,
      });
      const roles = Array.isArray(payload.roles)
        ? payload.roles.filter((role): role is string => typeof role === 'string')
        : [];
      if (!payload.sub || roles.length === 0 || !roles.every(isRole)) {
        throw new GatewayError('unauthenticated', 'The token has no subject or an unknown role.');
      }
      return { subject: payload.sub, roles: roles as Role[] };
    } catch (error) {
      if (error instanceof GatewayError) throw error;
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new GatewayError(
        'unauthenticated',
        expired ? 'The token has expired.' : 'The token is not valid for this gateway.',
      );
    }
  };
}
