import type { RouteHandler } from '@hono/zod-openapi';
import { GatewayError } from '../../../core/errors.ts';
import { createQuote } from '../../../services/quotes/quotes.ts';
import { type AppEnv, principalOf } from '../../context.ts';
import type { createQuoteRoute } from './quotes.routes.ts';

export const createQuoteHandler: RouteHandler<typeof createQuoteRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const principal = principalOf(c);
  const body = c.req.valid('json');
  if (principal.partner && body.partnerJurisdiction !== principal.partner.jurisdiction) {
    throw new GatewayError('forbidden', `Your agency may quote only for ${principal.partner.jurisdiction}.`, {
      details: { partnerJurisdiction: principal.partner.jurisdiction },
    });
  }
  const quote = await createQuote(
    { db: await c.get('db')(), registry: deps.registry, now: deps.clock() },
    body,
    principal.subject,
  );
  return c.json(quote, 201);
};
