/**
 * The evidence of verified partner requests, for auditors: who signed, with which key and
 * certificate, when, for which target; and, for RFC 9421, a fresh check of the archived
 * signature base against the key as registered (retired keys included), years later.
 */
import { eq } from 'drizzle-orm';
import {
  base64Decode,
  type HttpSignatureAlgorithm,
  importPublicKey,
  utf8,
  verifyBytes,
} from '../../../sdk/src/index.ts';
import { GatewayError } from '../../core/errors.ts';
import { isId } from '../../core/ids.ts';
import type { Executor } from '../../db/database.ts';
import { partnerKeys, verifiedMessages } from '../../db/schema.ts';
import { keyState } from './registry.ts';

export interface VerifiedMessageView {
  id: string;
  object: 'verified_message';
  partnerId: string;
  kid: string;
  keyState: 'pending' | 'active' | 'retired';
  scheme: 'http-message-signatures' | 'detached-jws';
  algorithm: string;
  method: string;
  targetUri: string;
  signatureInput: string;
  signature: string;
  contentDigest: string | null;
  signedAt: string;
  verifiedAt: string;
  certificate: { serial: string; issuer: string } | null;
  requestId: string | null;
  /** The archived signature checked again now: true/false; null for a JWS (its check needs the archived body). */
  reverified: boolean | null;
}

export async function getVerifiedMessage(db: Executor, id: string, now: Date): Promise<VerifiedMessageView> {
  const [row] = isId('verifiedMessage', id)
    ? await db
        .select({ message: verifiedMessages, key: partnerKeys })
        .from(verifiedMessages)
        .innerJoin(partnerKeys, eq(partnerKeys.id, verifiedMessages.keyId))
        .where(eq(verifiedMessages.id, id))
    : [];
  if (!row) throw new GatewayError('not_found', 'No verified message with this id.');
  const { message, key } = row;
  let reverified: boolean | null = null;
  if (message.scheme === 'http-message-signatures' && message.signatureBase) {
    const encoded = /=:([A-Za-z0-9+/=]*):$/.exec(message.signature)?.[1] ?? '';
    const algorithm = message.algorithm as HttpSignatureAlgorithm;
    reverified = await verifyBytes(
      algorithm,
      await importPublicKey(key.publicJwk as JsonWebKey, algorithm),
      utf8(message.signatureBase),
      base64Decode(encoded),
    );
  }
  return {
    id: message.id,
    object: 'verified_message',
    partnerId: message.partnerId,
    kid: message.kid,
    keyState: keyState(key, now),
    scheme: message.scheme,
    algorithm: message.algorithm,
    method: message.method,
    targetUri: message.targetUri,
    signatureInput: message.signatureInput,
    signature: message.signature,
    contentDigest: message.contentDigest,
    signedAt: message.signedAt.toISOString(),
    verifiedAt: message.verifiedAt.toISOString(),
    certificate:
      message.certificateSerial && message.certificateIssuer
        ? { serial: message.certificateSerial, issuer: message.certificateIssuer }
        : null,
    requestId: message.requestId,
    reverified,
  };
}
