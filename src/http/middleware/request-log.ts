/**
 * One structured log line per request: id, method, the matched route pattern (never the raw path
 * or query, which may carry identifiers), status and duration. No personal data, no bodies; the
 * line is redacted with the personal values the request carried all the same.
 */

import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { redactDeep } from '../../core/redaction.ts';
import type { AppEnv } from '../context.ts';

/** Fields the gateway derives itself (the route is a pattern, not the path). */
const GATEWAY_FIELDS: ReadonlySet<string> = new Set(['method', 'route', 'roles']);

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = matchedRoutes(c)
      .filter((matched) => matched.method !== 'ALL')
      .at(-1)?.path;
    const principal = c.get('principal');
    const status = c.res.status;
    const fields = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: route ?? '(unmatched)',
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(principal ? { roles: principal.roles } : {}),
    };
    // Nothing above is data today; redacted anyway, with the request's own personal values.
    c.get('deps').logger[status >= 500 ? 'error' : 'info'](
      'request',
      redactDeep(fields, c.get('personalValues') ?? [], GATEWAY_FIELDS),
    );
  };
}
