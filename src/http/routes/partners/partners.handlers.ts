import type { RouteHandler } from '@hono/zod-openapi';
import { jwks } from '../../../services/auth/gateway-keys.ts';
import { getVerifiedMessage } from '../../../services/partners/evidence.ts';
import {
  addPartnerKeys,
  addTrustAnchor,
  getPartner,
  importCrl,
  listPartners,
  listTrustAnchors,
  retirePartnerKey,
  upsertPartner,
} from '../../../services/partners/registry.ts';
import { type AppContext, type AppEnv, principalOf } from '../../context.ts';
import type {
  addPartnerKeyRoute,
  addTrustAnchorRoute,
  getPartnerRoute,
  getVerifiedMessageRoute,
  importCrlRoute,
  jwksRoute,
  listPartnersRoute,
  listTrustAnchorsRoute,
  retirePartnerKeyRoute,
  upsertPartnerRoute,
} from './partners.routes.ts';

const contextOf = (c: AppContext) => ({
  actor: principalOf(c).subject,
  now: c.get('deps').clock(),
  requestId: c.get('requestId'),
});

export const listPartnersHandler: RouteHandler<typeof listPartnersRoute, AppEnv> = async (c) =>
  c.json(
    { object: 'list' as const, data: await listPartners(await c.get('db')(), c.get('deps').clock()) },
    200,
  );

export const getPartnerHandler: RouteHandler<typeof getPartnerRoute, AppEnv> = async (c) =>
  c.json(await getPartner(await c.get('db')(), c.req.valid('param').id, c.get('deps').clock()), 200);

export const upsertPartnerHandler: RouteHandler<typeof upsertPartnerRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const context = contextOf(c);
  const partner = await upsertPartner(db, c.get('deps').registry, c.req.valid('json'), context);
  return c.json(await getPartner(db, partner.id, context.now), 200);
};

export const addPartnerKeyHandler: RouteHandler<typeof addPartnerKeyRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const keys = await addPartnerKeys(
    await c.get('db')(),
    {
      partnerId: c.req.valid('param').id,
      keyText: body.key,
      kid: body.kid,
      activatesAt: body.activatesAt ? new Date(body.activatesAt) : undefined,
    },
    contextOf(c),
  );
  return c.json({ object: 'list' as const, data: keys }, 201);
};

export const retirePartnerKeyHandler: RouteHandler<typeof retirePartnerKeyRoute, AppEnv> = async (c) => {
  const params = c.req.valid('param');
  const at = c.req.valid('json')?.at;
  const key = await retirePartnerKey(
    await c.get('db')(),
    { partnerId: params.id, kid: params.kid, at: at ? new Date(at) : undefined },
    contextOf(c),
  );
  return c.json(key, 200);
};

export const listTrustAnchorsHandler: RouteHandler<typeof listTrustAnchorsRoute, AppEnv> = async (c) =>
  c.json({ object: 'list' as const, data: await listTrustAnchors(await c.get('db')()) }, 200);

export const addTrustAnchorHandler: RouteHandler<typeof addTrustAnchorRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const anchor = await addTrustAnchor(
    await c.get('db')(),
    c.get('deps').registry,
    { jurisdiction: body.jurisdiction, pem: body.certificate },
    contextOf(c),
  );
  return c.json(anchor, 201);
};

export const importCrlHandler: RouteHandler<typeof importCrlRoute, AppEnv> = async (c) =>
  c.json(await importCrl(await c.get('db')(), { crlText: c.req.valid('json').crl }, contextOf(c)), 200);

export const jwksHandler: RouteHandler<typeof jwksRoute, AppEnv> = async (c) =>
  c.json(jwks(c.get('deps').gatewayKeys), 200, { 'Cache-Control': 'public, max-age=300' });

export const getVerifiedMessageHandler: RouteHandler<typeof getVerifiedMessageRoute, AppEnv> = async (c) =>
  c.json(await getVerifiedMessage(await c.get('db')(), c.req.valid('param').id, c.get('deps').clock()), 200);
