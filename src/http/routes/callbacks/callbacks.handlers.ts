import type { RouteHandler } from '@hono/zod-openapi';
import { listCallbacks, replayCallback } from '../../../services/callbacks/outbox.ts';
import { type AppEnv, principalOf } from '../../context.ts';
import type { listCallbacksRoute, replayCallbackRoute } from './callbacks.routes.ts';

export const listCallbacksHandler: RouteHandler<typeof listCallbacksRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const page = await listCallbacks(await c.get('db')(), {
    status: query.status,
    limit: query.limit,
    startingAfter: query.starting_after,
  });
  return c.json({ object: 'list' as const, data: page.data, has_more: page.hasMore }, 200);
};

export const replayCallbackHandler: RouteHandler<typeof replayCallbackRoute, AppEnv> = async (c) =>
  c.json(
    await replayCallback(await c.get('db')(), c.req.valid('param').id, {
      actor: principalOf(c).subject,
      now: c.get('deps').clock(),
      requestId: c.get('requestId'),
    }),
    200,
  );
