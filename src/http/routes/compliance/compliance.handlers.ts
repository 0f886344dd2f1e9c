import type { RouteHandler } from '@hono/zod-openapi';
import type { Transaction } from '../../../db/database.ts';
import { type CaseReader, caseView } from '../../../services/review/case-view.ts';
import {
  approveRelease,
  declineRelease,
  rejectCase,
  requestRelease,
} from '../../../services/review/decisions.ts';
import { listCases } from '../../../services/review/queue.ts';
import { exportSar } from '../../../services/review/sar.ts';
import { renderSarDocument } from '../../../services/review/sar-document.ts';
import {
  createSuppression,
  listSuppressions,
  revokeSuppression,
} from '../../../services/review/suppressions.ts';
import type { TransitionContext } from '../../../services/transfers/transitions.ts';
import { type AppContext, type AppEnv, principalOf } from '../../context.ts';
import type {
  approveReleaseRoute,
  createSuppressionRoute,
  declineReleaseRoute,
  getCaseRoute,
  listCasesRoute,
  listSuppressionsRoute,
  rejectCaseRoute,
  releaseCaseRoute,
  revokeSuppressionRoute,
  sarDocumentRoute,
  sarRoute,
} from './compliance.routes.ts';

const readerOf = (c: AppContext): CaseReader => ({
  roles: principalOf(c).roles,
  privacy: { keys: c.get('deps').privacyKeys, registry: c.get('deps').registry },
});

const contextOf = (c: AppContext): TransitionContext => ({
  actor: principalOf(c).subject,
  requestId: c.get('requestId'),
  now: c.get('deps').clock(),
});

/** Runs an officer's decision and answers the case as it is afterwards, in one transaction. */
async function decide(
  c: AppContext,
  caseId: string,
  decision: (tx: Transaction, caseId: string, context: TransitionContext) => Promise<unknown>,
) {
  const db = await c.get('db')();
  return db.transaction(async (tx) => {
    await decision(tx, caseId, contextOf(c));
    return caseView(tx, caseId, readerOf(c));
  });
}

export const listCasesHandler: RouteHandler<typeof listCasesRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const page = await listCases(await c.get('db')(), {
    status: query.status,
    priority: query.priority,
    limit: query.limit,
    startingAfter: query.starting_after,
  });
  return c.json({ object: 'list' as const, data: page.data, has_more: page.hasMore }, 200);
};

export const getCaseHandler: RouteHandler<typeof getCaseRoute, AppEnv> = async (c) =>
  c.json(await caseView(await c.get('db')(), c.req.valid('param').id, readerOf(c)), 200, {
    'Cache-Control': 'no-store',
  });

export const releaseCaseHandler: RouteHandler<typeof releaseCaseRoute, AppEnv> = async (c) => {
  const input = c.req.valid('json');
  return c.json(
    await decide(c, c.req.valid('param').id, (tx, id, context) => requestRelease(tx, id, input, context)),
    200,
  );
};

export const approveReleaseHandler: RouteHandler<typeof approveReleaseRoute, AppEnv> = async (c) => {
  const input = c.req.valid('json');
  return c.json(
    await decide(c, c.req.valid('param').id, (tx, id, context) => approveRelease(tx, id, input, context)),
    200,
  );
};

export const declineReleaseHandler: RouteHandler<typeof declineReleaseRoute, AppEnv> = async (c) => {
  const input = c.req.valid('json');
  return c.json(
    await decide(c, c.req.valid('param').id, (tx, id, context) => declineRelease(tx, id, input, context)),
    200,
  );
};

export const rejectCaseHandler: RouteHandler<typeof rejectCaseRoute, AppEnv> = async (c) => {
  const input = c.req.valid('json');
  return c.json(
    await decide(c, c.req.valid('param').id, (tx, id, context) => rejectCase(tx, id, input, context)),
    200,
  );
};

export const createSuppressionHandler: RouteHandler<typeof createSuppressionRoute, AppEnv> = async (c) => {
  const { expiresAt, ...input } = c.req.valid('json');
  const db = await c.get('db')();
  const created = await db.transaction((tx) =>
    createSuppression(
      tx,
      c.req.valid('param').id,
      { ...input, expiresAt: new Date(expiresAt) },
      contextOf(c),
    ),
  );
  return c.json(created, 201);
};

export const listSuppressionsHandler: RouteHandler<typeof listSuppressionsRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const data = await listSuppressions(
    await c.get('db')(),
    {
      partyKey: query.partyKey,
      active: query.active === undefined ? undefined : query.active === 'true',
      limit: query.limit,
    },
    c.get('deps').clock(),
  );
  return c.json({ object: 'list' as const, data }, 200);
};

export const revokeSuppressionHandler: RouteHandler<typeof revokeSuppressionRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const revoked = await db.transaction((tx) => revokeSuppression(tx, c.req.valid('param').id, contextOf(c)));
  return c.json(revoked, 200);
};

export const sarHandler: RouteHandler<typeof sarRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const report = await db.transaction((tx) =>
    exportSar(tx, c.req.valid('param').id, readerOf(c), 'json', contextOf(c)),
  );
  return c.json(report, 200, { 'Cache-Control': 'no-store' });
};

export const sarDocumentHandler: RouteHandler<typeof sarDocumentRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const report = await db.transaction((tx) =>
    exportSar(tx, c.req.valid('param').id, readerOf(c), 'html', contextOf(c)),
  );
  return c.html(renderSarDocument(report), 200, {
    'Cache-Control': 'no-store',
    'Content-Disposition': `inline; filename="sar-${report.case.id}.html"`,
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  });
};
