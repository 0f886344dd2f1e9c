/**
 * Bearer-token authentication and role checks. A route lists the roles that may call it; the
 * token must be valid, its subject an active user, and one of its roles among the route's.
 */
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { GatewayError } from '../../core/errors.ts';
import { users } from '../../db/schema.ts';
import type { Role } from '../../services/auth/roles.ts';
import type { AppEnv } from '../context.ts';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

export function requireRoles(allowed: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) throw new GatewayError('unauthenticated', 'This operation needs a bearer token.');
    const token = BEARER.exec(header)?.[1];
    if (!token)
      throw new GatewayError('unauthenticated', 'The Authorization header must be `Bearer <token>`.');
    const principal = await c.get('deps').verifyToken(token);
    const db = await c.get('db')();
    const [user] = await db
      .select({ roles: users.roles })
      .from(users)
      .where(and(eq(users.id, principal.subject), eq(users.active, true)));
    if (!user || !principal.roles.every((role) => user.roles.includes(role))) {
      throw new GatewayError(
        'unauthenticated',
        'The token does not belong to an active user with these roles.',
      );
    }
    c.set('principal', principal);
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new GatewayError('forbidden', 'Your role may not call this operation.', {
        details: { allowedRoles: allowed },
      });
    }
    await next();
  };
}
