import type { RouteHandler } from '@hono/zod-openapi';
import type { Transfer } from '../../../../schemas/transfers.ts';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.ts';
import { runIdempotent } from '../../../services/idempotency/idempotency.ts';
import { createTransfer, getTransfer, listTransfers } from '../../../services/transfers/transfers.ts';
import { type AppContext, type AppEnv, principalOf } from '../../context.ts';

const viewerOf = (c: AppContext) => {
  const principal = principalOf(c);
  const deps = c.get('deps');
  return {
    partnerId: principal.partner?.partnerId,
    roles: principal.roles,
    privacy: { keys: deps.privacyKeys, registry: deps.registry },
  };
};

import type { createTransferRoute, getTransferRoute, listTransfersRoute } from './transfers.routes.ts';

export const createTransferHandler: RouteHandler<typeof createTransferRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const principal = principalOf(c);
  const body = c.req.valid('json');
  const requestHash = await sha256Hex(canonicalJson({ operation: 'POST /v1/transfers', body }));
  const db = await c.get('db')();
  // Built (or reused) outside the transaction: the index serves every request of this process.
  const screening = await deps.screening.current(db);
  const result = await runIdempotent(
    db,
    { principal: principal.subject, key: c.req.valid('header')['idempotency-key'], requestHash },
    async (tx) => {
      const transfer = await createTransfer(tx, deps.registry, body, {
        actor: principal.subject,
        partnerId: principal.partner?.partnerId,
        privacyKeys: deps.privacyKeys,
        screening,
        requestId: c.get('requestId'),
        now: deps.clock(),
      });
      return { status: 201, body: JSON.stringify(transfer) };
    },
  );
  // The stored body is replayed as stored: JSON.stringify(JSON.parse(x)) is x for what we store.
  const transfer = JSON.parse(result.body) as Transfer;
  return c.json(transfer, 201, {
    Location: `/v1/transfers/${transfer.id}`,
    'Idempotent-Replayed': String(result.replayed),
  });
};

export const getTransferHandler: RouteHandler<typeof getTransferRoute, AppEnv> = async (c) =>
  c.json(await getTransfer(await c.get('db')(), c.req.valid('param').id, viewerOf(c)), 200);

export const listTransfersHandler: RouteHandler<typeof listTransfersRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const page = await listTransfers(
    await c.get('db')(),
    { limit: query.limit, startingAfter: query.starting_after },
    viewerOf(c),
  );
  return c.json({ object: 'list' as const, data: page.data, has_more: page.hasMore }, 200);
};
