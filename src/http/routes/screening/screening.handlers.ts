import type { RouteHandler } from '@hono/zod-openapi';
import { recordAudit } from '../../../services/audit/audit.ts';
import { searchNames } from '../../../services/screening/search.ts';
import { transferCompliance } from '../../../services/screening/transfer-compliance.ts';
import { type AppEnv, principalOf } from '../../context.ts';
import type { searchScreeningRoute, transferComplianceRoute } from './screening.routes.ts';

export const searchScreeningHandler: RouteHandler<typeof searchScreeningRoute, AppEnv> = async (c) => {
  const deps = c.get('deps');
  const db = await c.get('db')();
  const now = deps.clock();
  const result = await searchNames(await deps.screening.current(db), c.req.valid('json'));
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: principalOf(c).subject,
      action: 'screening.search',
      subjectType: 'screening',
      subjectId: c.get('requestId'),
      requestId: c.get('requestId'),
      // What was found, never what was asked.
      data: { hits: result.hits.length, topScore: result.hits[0]?.score ?? 0 },
      now,
    }),
  );
  return c.json(result, 200);
};

export const transferComplianceHandler: RouteHandler<typeof transferComplianceRoute, AppEnv> = async (c) =>
  c.json(await transferCompliance(await c.get('db')(), c.req.valid('param').id), 200);
