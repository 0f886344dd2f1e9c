/**
 * Route definitions with their access rule. Every route states who may call it (roles, or
 * `public`); this helper adds the role check, the OpenAPI security requirement, and the error
 * responses every route can give, so that the OpenAPI document lists all of a route's codes.
 */
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { Problem } from '../../schemas/common.ts';
import type { Role } from '../services/auth/roles.ts';
import type { AppEnv } from './context.ts';
import { requireRoles } from './middleware/auth.ts';
import { requireStaffOrPartner } from './middleware/partner-auth.ts';
import { validationError } from './validation.ts';

export type Access = readonly Role[] | 'public';

export function problemResponse(description: string) {
  return { description, content: { 'application/problem+json': { schema: Problem } } } as const;
}

const COMMON_ERRORS = {
  500: problemResponse('Unexpected error. Nothing was written.'),
  503: problemResponse('The database is not available; retry later.'),
} as const;
const AUTH_ERRORS = {
  401: problemResponse('Missing, invalid or expired bearer token (`unauthenticated`).'),
  403: problemResponse('Your role may not call this operation (`forbidden`).'),
} as const;
const PARTNER_AUTH_ERRORS = {
  401: problemResponse(
    'Staff: missing, invalid or expired bearer token (`unauthenticated`). Partners: the signature was refused; `code` says why (`signature_invalid`, `signature_expired`, `signature_replayed`, `content_digest_mismatch`, … — see /problems).',
  ),
  403: problemResponse('Your role, or your agency, may not call this operation (`forbidden`).'),
} as const;
const INPUT_ERRORS = {
  400: problemResponse('The request is malformed or fails validation; `code` says which rule.'),
} as const;
const BODY_ERRORS = {
  413: problemResponse('The body is larger than 64 KiB (`body_too_large`).'),
  415: problemResponse('The body is not `application/json` (`unsupported_media_type`).'),
} as const;

export interface RouteOptions {
  /** Partner agencies may call it too, with a signed request; their responses are signed. */
  partners?: boolean;
}

export function defineRoute<const R extends RouteConfig>(
  access: Access,
  config: R,
  options: RouteOptions = {},
) {
  const request = config.request;
  const partners = options.partners === true && access !== 'public';
  const hasInput = Boolean(request?.body || request?.query || request?.params || request?.headers);
  const isPublic = access === 'public';
  const middleware =
    config.middleware === undefined
      ? []
      : Array.isArray(config.middleware)
        ? config.middleware
        : [config.middleware];
  return createRoute({
    ...config,
    ...(isPublic
      ? {}
      : partners
        ? {
            security: [{ bearerAuth: [] }, { partnerSignature: [] }],
            middleware: [requireStaffOrPartner(access), ...middleware],
          }
        : { security: [{ bearerAuth: [] }], middleware: [requireRoles(access), ...middleware] }),
    'x-roles': isPublic ? ['public'] : [...access],
    ...(partners ? { 'x-partners': true } : {}),
    responses: {
      ...COMMON_ERRORS,
      ...(isPublic ? {} : partners ? PARTNER_AUTH_ERRORS : AUTH_ERRORS),
      ...(hasInput ? INPUT_ERRORS : {}),
      ...(request?.body ? BODY_ERRORS : {}),
      ...config.responses,
    },
  } as R);
}

/** A feature router whose failed validations become GatewayErrors. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(result.target, result.error, c);
    },
  });
}
