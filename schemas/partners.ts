/** Wire contracts of the partner registry, trust anchors, callbacks and the gateway's JWKS. */
import { z } from '@hono/zod-openapi';
import { JurisdictionCode, PaginationQuery, Timestamp } from './common.ts';

const PartnerId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, '2 to 63 lower-case letters, digits, ".", "_" or "-"')
  .openapi({ example: 'de-drv' });

export const PartnerIdParam = z.object({ id: PartnerId.openapi({ param: { name: 'id', in: 'path' } }) });
export const PartnerKeyParams = z.object({
  id: PartnerId.openapi({ param: { name: 'id', in: 'path' } }),
  kid: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'kid', in: 'path' }, example: 'de-drv-2026' }),
});

export const PartnerRequest = z
  .object({
    id: PartnerId,
    jurisdiction: JurisdictionCode,
    name: z.string().min(1).max(200).optional().openapi({ example: 'Deutsche Rentenversicherung Bund' }),
    callbackUrl: z
      .string()
      .max(2000)
      .nullable()
      .optional()
      .openapi({ description: 'https URL that receives signed callbacks (http only to localhost).' }),
  })
  .strict()
  .openapi('PartnerRequest');

export const PartnerKeyRequest = z
  .object({
    key: z.string().min(1).max(32_768).openapi({
      description:
        'The public key as text: a PEM public key (SPKI), a JWK or JWKS (JSON), or the agency seal as PEM certificate(s), leaf first.',
    }),
    kid: z.string().min(1).max(200).optional().openapi({
      description: "Key id signatures will name; default the JWK's own `kid`, else its RFC 7638 thumbprint.",
    }),
    activatesAt: Timestamp.optional().openapi({
      description: 'When the key may start signing (default now): register the next key ahead of a rotation.',
    }),
  })
  .strict()
  .openapi('PartnerKeyRequest');

export const RetireKeyRequest = z
  .object({
    at: Timestamp.optional().openapi({
      description: 'When the key stops being accepted (default now); it still verifies archived messages.',
    }),
  })
  .strict()
  .openapi('RetireKeyRequest');

export const PartnerKey = z
  .object({
    kid: z.string(),
    family: z.enum(['ed25519', 'ecdsa-p256', 'rsa']),
    state: z.enum(['pending', 'active', 'retired']),
    activatesAt: Timestamp,
    retiredAt: Timestamp.nullable(),
    publicJwk: z.record(z.string(), z.unknown()),
    certificate: z
      .object({
        serial: z.string(),
        issuer: z.string(),
        subject: z.string(),
        notBefore: Timestamp,
        notAfter: Timestamp,
      })
      .nullable(),
    createdAt: Timestamp,
  })
  .openapi('PartnerKey');

export const Partner = z
  .object({
    id: z.string(),
    object: z.literal('partner'),
    name: z.string(),
    jurisdiction: z.string(),
    status: z.enum(['active', 'suspended']),
    callbackUrl: z.string().nullable(),
    keys: z.array(PartnerKey),
    createdAt: Timestamp,
  })
  .openapi('Partner');

export const PartnerList = z
  .object({ object: z.literal('list'), data: z.array(Partner) })
  .openapi('PartnerList');
export const PartnerKeyList = z
  .object({ object: z.literal('list'), data: z.array(PartnerKey) })
  .openapi('PartnerKeyList');

export const TrustAnchorRequest = z
  .object({
    jurisdiction: JurisdictionCode,
    certificate: z.string().min(1).max(32_768).openapi({ description: 'The CA certificate, PEM.' }),
  })
  .strict()
  .openapi('TrustAnchorRequest');

export const CrlRequest = z
  .object({
    crl: z.string().min(1).max(1_000_000).openapi({ description: 'An X.509 CRL, PEM or base64 DER.' }),
  })
  .strict()
  .openapi('CrlRequest');

export const TrustAnchor = z
  .object({
    id: z.string(),
    jurisdiction: z.string(),
    subject: z.string(),
    fingerprintSha256: z.string(),
    notAfter: Timestamp,
    crl: z
      .object({ thisUpdate: Timestamp, nextUpdate: Timestamp.nullable(), revoked: z.number().int() })
      .nullable(),
  })
  .openapi('TrustAnchor');
export const TrustAnchorList = z
  .object({ object: z.literal('list'), data: z.array(TrustAnchor) })
  .openapi('TrustAnchorList');

export const CallbackQuery = PaginationQuery.extend({
  status: z.enum(['pending', 'delivered', 'dead']).optional(),
});
export const CallbackIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'cb_01JDQ7Y7Z3W8N5V6T4R2P0M9KX' }),
});

export const Callback = z
  .object({
    id: z.string().openapi({ description: 'The event id partners deduplicate on (`pontis-event-id`).' }),
    object: z.literal('callback'),
    partnerId: z.string(),
    type: z.string().openapi({ example: 'transfer.received' }),
    subjectId: z.string(),
    status: z.enum(['pending', 'delivered', 'dead']),
    attempts: z.number().int(),
    nextAttemptAt: Timestamp.nullable(),
    lastAttemptAt: Timestamp.nullable(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: Timestamp.nullable(),
    createdAt: Timestamp,
  })
  .openapi('Callback');
export const CallbackList = z
  .object({ object: z.literal('list'), data: z.array(Callback), has_more: z.boolean() })
  .openapi('CallbackList');

export const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi('JsonWebKeySet');

export const VerifiedMessageIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'vm_01JDQ7Y7Z3W8N5V6T4R2P0M9KX' }),
});

export const VerifiedMessage = z
  .object({
    id: z.string(),
    object: z.literal('verified_message'),
    partnerId: z.string(),
    kid: z.string(),
    keyState: z.enum(['pending', 'active', 'retired']),
    scheme: z.enum(['http-message-signatures', 'detached-jws']),
    algorithm: z.string(),
    method: z.string(),
    targetUri: z.string(),
    signatureInput: z.string(),
    signature: z.string(),
    contentDigest: z.string().nullable(),
    signedAt: Timestamp,
    verifiedAt: Timestamp,
    certificate: z.object({ serial: z.string(), issuer: z.string() }).nullable(),
    requestId: z.string().nullable(),
    reverified: z.boolean().nullable().openapi({
      description:
        'The archived RFC 9421 signature base checked again now with the key as registered (retired keys too); null for a detached JWS, whose check needs the archived body.',
    }),
  })
  .openapi('VerifiedMessage');
