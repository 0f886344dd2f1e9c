import {
  CrlRequest,
  Jwks,
  Partner,
  PartnerIdParam,
  PartnerKey,
  PartnerKeyList,
  PartnerKeyParams,
  PartnerKeyRequest,
  PartnerList,
  PartnerRequest,
  RetireKeyRequest,
  TrustAnchor,
  TrustAnchorList,
  TrustAnchorRequest,
  VerifiedMessage,
  VerifiedMessageIdParam,
} from '../../../../schemas/partners.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const READERS = ['operator', 'auditor'] as const;

export const listPartnersRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/partners',
  tags: ['Partners'],
  summary: 'Partner agencies and their keys',
  responses: { 200: { description: 'Every partner agency.', content: json(PartnerList) } },
});

export const getPartnerRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/partners/{id}',
  tags: ['Partners'],
  summary: 'A partner agency and its keys',
  request: { params: PartnerIdParam },
  responses: {
    200: { description: 'The partner.', content: json(Partner) },
    404: problemResponse('No partner with this id (`partner_not_found`).'),
  },
});

export const upsertPartnerRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/partners',
  tags: ['Partners'],
  summary: 'Register a partner agency, or change its name or callback URL',
  description: 'A partner belongs to one partner jurisdiction for good. Audited.',
  request: { body: { required: true, content: json(PartnerRequest) } },
  responses: {
    200: { description: 'The partner.', content: json(Partner) },
    409: problemResponse('The partner exists in another jurisdiction (`partner_conflict`).'),
    422: problemResponse('Not an enabled partner jurisdiction (`jurisdiction_unknown`).'),
  },
});

export const addPartnerKeyRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/partners/{id}/keys',
  tags: ['Partners'],
  summary: 'Register a public key or agency certificate',
  description:
    "Accepts a PEM public key, a JWK or JWKS, or a PEM certificate (chain) that must chain to a trust anchor of the partner's jurisdiction, be valid now and allow digitalSignature. Register the next key before using it (`activatesAt`), retire the old one afterwards. Audited.",
  request: { params: PartnerIdParam, body: { required: true, content: json(PartnerKeyRequest) } },
  responses: {
    201: { description: 'The keys registered.', content: json(PartnerKeyList) },
    404: problemResponse('No partner with this id (`partner_not_found`).'),
    409: problemResponse('A key with this kid exists (`partner_conflict`).'),
    422: problemResponse(
      '`partner_key_invalid`, or `certificate_untrusted` (no chain to an anchor, expired or not yet valid).',
    ),
  },
});

export const retirePartnerKeyRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/partners/{id}/keys/{kid}/retire',
  tags: ['Partners'],
  summary: 'Retire a partner key',
  description:
    'From `at` (default now) signatures with this key are refused (`signature_key_retired`); the key stays to verify archived messages. Audited.',
  request: { params: PartnerKeyParams, body: { required: false, content: json(RetireKeyRequest) } },
  responses: {
    200: { description: 'The key.', content: json(PartnerKey) },
    404: problemResponse('`partner_not_found` or `partner_key_not_found`.'),
    409: problemResponse('Already retired (`invalid_state_transition`).'),
  },
});

export const listTrustAnchorsRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/trust-anchors',
  tags: ['Partners'],
  summary: 'CA certificates agency seals must chain to, per jurisdiction',
  responses: { 200: { description: 'The trust anchors.', content: json(TrustAnchorList) } },
});

export const addTrustAnchorRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/trust-anchors',
  tags: ['Partners'],
  summary: 'Add a trust anchor for a jurisdiction',
  request: { body: { required: true, content: json(TrustAnchorRequest) } },
  responses: {
    201: { description: 'The trust anchor.', content: json(TrustAnchor) },
    422: problemResponse(
      '`jurisdiction_unknown`, `partner_key_invalid` (not a certificate) or `certificate_untrusted` (not a CA).',
    ),
  },
});

export const importCrlRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/trust-anchors/crl',
  tags: ['Partners'],
  summary: "Load a trust anchor's certificate revocation list",
  description:
    'The CRL must be signed by a registered trust anchor and newer than the loaded one; it replaces that anchor’s revoked serials in one transaction. Keys whose certificate it lists are refused at once (`certificate_revoked`).',
  request: { body: { required: true, content: json(CrlRequest) } },
  responses: {
    200: { description: 'The trust anchor with its CRL.', content: json(TrustAnchor) },
    422: problemResponse('`crl_invalid`.'),
  },
});

export const jwksRoute = defineRoute('public', {
  method: 'get',
  path: '/.well-known/jwks.json',
  tags: ['Partners'],
  summary: "The gateway's public signing keys",
  description:
    'Verify response and callback signatures (`keyid`) and staff tokens (`kid`) with these keys. The active key comes first; the next key appears before it is used and a retired key stays for the overlap.',
  responses: { 200: { description: 'A JSON Web Key Set.', content: json(Jwks) } },
});

export const getVerifiedMessageRoute = defineRoute(['operator', 'auditor', 'compliance_officer'], {
  method: 'get',
  path: '/v1/verified-messages/{id}',
  tags: ['Partners'],
  summary: 'The evidence of one verified partner request',
  description:
    'Who signed, with which key and certificate (serial and issuer), when and for which target; the RFC 9421 signature is checked again against the archived signature base. The id is in the audit events and logs of the request.',
  request: { params: VerifiedMessageIdParam },
  responses: {
    200: { description: 'The evidence.', content: json(VerifiedMessage) },
    404: problemResponse('No verified message with this id (`not_found`).'),
  },
});
