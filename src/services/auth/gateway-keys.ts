/**
 * The gateway's own signing keys. One key is active: it signs bearer tokens, responses to
 * partners and callbacks. Other public keys are published beside it in `/.well-known/jwks.json`:
 * the next key before it becomes active, and retired keys while tokens and archived messages
 * signed with them must still verify. Rotation is the partners' procedure in reverse: publish
 * the next key (PONTIS_PUBLISHED_KEYS), make it active (PONTIS_SIGNING_KEY) and keep the old
 * public key published, then drop it after the overlap.
 */
import { importJWK, type JWK } from 'jose';
import { GatewayError } from '../../core/errors.ts';
import { publishedJwk, type SigningKey, TOKEN_ALGORITHM } from './tokens.ts';

export interface GatewayKeySet {
  active: SigningKey;
  /** Every public key that verifies: the active one first. */
  published: readonly JWK[];
}

/** Public P-256 JWKs only; private members are refused so that a secret is never published. */
export async function gatewayKeySet(active: SigningKey, extra: unknown = []): Promise<GatewayKeySet> {
  const list = Array.isArray(extra)
    ? extra
    : typeof extra === 'object' && extra !== null && Array.isArray((extra as { keys?: unknown }).keys)
      ? (extra as { keys: unknown[] }).keys
      : undefined;
  if (!list) {
    throw new GatewayError(
      'configuration_invalid',
      'PONTIS_PUBLISHED_KEYS must be a JWKS ({"keys":[…]}) or an array of JWKs.',
    );
  }
  const published: JWK[] = [active.publicJwk];
  for (const candidate of list as JWK[]) {
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      candidate.kty !== 'EC' ||
      candidate.crv !== 'P-256'
    ) {
      throw new GatewayError(
        'configuration_invalid',
        'PONTIS_PUBLISHED_KEYS holds only public EC P-256 JWKs.',
      );
    }
    if ('d' in candidate) {
      throw new GatewayError(
        'configuration_invalid',
        'PONTIS_PUBLISHED_KEYS must not contain private keys (remove "d").',
      );
    }
    // A damaged key (missing, truncated or off-curve x or y) must stop the start, not be published.
    let publicJwk: JWK;
    try {
      publicJwk = await publishedJwk(candidate.x as string, candidate.y as string);
      await importJWK(publicJwk, TOKEN_ALGORITHM);
    } catch {
      throw new GatewayError(
        'configuration_invalid',
        'PONTIS_PUBLISHED_KEYS holds a key whose x and y are not a valid P-256 public key.',
      );
    }
    if (published.some((key) => key.kid === publicJwk.kid)) continue;
    published.push(publicJwk);
  }
  return { active, published };
}

export function jwks(set: GatewayKeySet): { keys: JWK[] } {
  return { keys: [...set.published] };
}
