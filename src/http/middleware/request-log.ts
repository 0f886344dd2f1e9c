/**
 * One structured log line per request: id, method, the matched route pattern (never the raw path
 * or query, which may carry identifiers), status and duration. No personal data, no bodies.
 */

import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../context.ts';

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const route = matchedRoutes(c)
      .filter((matched) => matched.method !== 'ALL')
      .at(-1)?.path;
    const principal = c.get('principal');
    const status = c.res.status;
    c.get('deps').logger[status >= 500 ? 'error' : 'info']('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: route ?? '(unmatched)',
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(principal ? { roles: principal.roles } : {}),
    });
  };
}
