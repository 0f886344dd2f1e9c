import type { RouteHandler } from '@hono/zod-openapi';
import { createQuote } from '../../../services/quotes/quotes.ts';
import { type AppEnv, principalOf } from '../../context.ts';
import type { createQuoteRoute } from './quotes.routes.ts';

export const createQuoteHandler: RouteHandler<typeof createQuoteRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const quote = await createQuote(
    { db: await c.get('db')(), registry: deps.registry, now: deps.clock() },
    c.req.valid('json'),
    principalOf(c).subject,
  );
  return c.json(quote, 201);
};
