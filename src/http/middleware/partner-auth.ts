/**
 * Routes that partner agencies may call as well as staff: a request carrying a partner
 * signature (RFC 9421 or detached JWS) is authenticated as that partner over its raw body bytes,
 * and its response is signed and bound to the request; any other request must carry a staff
 * bearer token with one of the route's roles.
 */
import type { MiddlewareHandler } from 'hono';
import { GatewayError } from '../../core/errors.ts';
import type { Role } from '../../services/auth/roles.ts';
import {
  archiveEvidence,
  authenticatePartnerRequest,
  hasPartnerSignature,
} from '../../services/partners/authenticate.ts';
import { signPartnerResponse } from '../../services/partners/sign-response.ts';
import type { AppEnv } from '../context.ts';
import { requireRoles } from './auth.ts';

/** The URI the caller addressed: PONTIS_PUBLIC_URL's origin and prefix when the gateway sits behind a proxy. */
export function targetUri(requestUrl: string, publicUrl: string | undefined): string {
  if (!publicUrl) return requestUrl;
  const url = new URL(requestUrl);
  return `${publicUrl}${url.pathname}${url.search}`;
}

export function requireStaffOrPartner(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  const staff = requireRoles(roles);
  return async (c, next) => {
    const headers = c.req.raw.headers;
    if (!hasPartnerSignature(headers)) return staff(c, next);
    if (headers.has('authorization')) {
      throw new GatewayError(
        'signature_malformed',
        'Send either a partner signature or a bearer token, not both.',
      );
    }
    const deps = c.get('deps');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const request = { method: c.req.method, targetUri: targetUri(c.req.url, deps.publicUrl), headers, body };
    const partner = await authenticatePartnerRequest(
      await c.get('db')(),
      deps.registry,
      { ...request, requestId: c.get('requestId') },
      deps.clock(),
    );
    c.set('principal', { subject: `partner:${partner.partnerId}`, roles: [], partner });
    await next();
    if (c.res.status < 400) {
      // A request that succeeded passed its route's validation: its URL holds ids, not personal
      // data, and it is archived as evidence, linked from the response.
      await archiveEvidence(await c.get('db')(), partner.evidence);
      c.res.headers.set('pontis-verified-message', partner.evidence.id);
    }
    c.res = await signPartnerResponse(c.res, {
      request: { method: request.method, url: request.targetUri, headers },
      requestSignature: partner.signature,
      keys: deps.gatewayKeys,
      now: deps.clock(),
    });
  };
}
