import type { RouteHandler } from '@hono/zod-openapi';
import { canonicalJson, sha256Hex } from '../../../core/canonical-json.ts';
import { recordDeathReport, recordLifeCertificate } from '../../../services/aml/life-events.ts';
import {
  activateRuleSet,
  getRuleSet,
  listRuleSets,
  proposeRuleSet,
  shadowRuleSetVersion,
  withdrawRuleSet,
} from '../../../services/aml/rule-sets.ts';
import { shadowReport } from '../../../services/aml/shadow-report.ts';
import { simulateRuleSet } from '../../../services/aml/simulate.ts';
import { activeParametersCache, jurisdictionRules, ruleSetView } from '../../../services/aml/views.ts';
import { recordAudit } from '../../../services/audit/audit.ts';
import { runIdempotent } from '../../../services/idempotency/idempotency.ts';
import { type AppContext, type AppEnv, principalOf } from '../../context.ts';
import type {
  activateRuleSetRoute,
  getRuleSetRoute,
  jurisdictionRulesRoute,
  listRuleSetsRoute,
  proposeRuleSetRoute,
  recordDeathReportRoute,
  recordLifeCertificateRoute,
  shadowReportRoute,
  shadowRuleSetRoute,
  simulateRuleSetRoute,
  withdrawRuleSetRoute,
} from './aml.routes.ts';

const actionContext = (c: AppContext) => ({
  actor: principalOf(c).subject,
  requestId: c.get('requestId'),
  now: c.get('deps').clock(),
});

async function view(c: AppContext, row: Awaited<ReturnType<typeof getRuleSet>>) {
  const { registry } = c.get('deps');
  return ruleSetView(row, registry, activeParametersCache(await c.get('db')(), registry));
}

export const proposeRuleSetHandler: RouteHandler<typeof proposeRuleSetRoute, AppEnv> = async (c) => {
  const { registry } = c.get('deps');
  const principal = principalOf(c);
  const request = c.req.valid('json');
  const requestHash = await sha256Hex(canonicalJson({ operation: 'POST /v1/aml/rule-sets', body: request }));
  const result = await runIdempotent(
    await c.get('db')(),
    { principal: principal.subject, key: c.req.valid('header')['idempotency-key'], requestHash },
    async (tx) => {
      const row = await proposeRuleSet(tx, registry, request, actionContext(c));
      const body = await ruleSetView(row, registry, activeParametersCache(tx, registry));
      return { status: 201, body: JSON.stringify(body) };
    },
  );
  const body = JSON.parse(result.body) as Awaited<ReturnType<typeof ruleSetView>>;
  return c.json(body, 201, {
    'Idempotent-Replayed': String(result.replayed),
    Location: `/v1/aml/rule-sets/${body.id}`,
  });
};

export const listRuleSetsHandler: RouteHandler<typeof listRuleSetsRoute, AppEnv> = async (c) => {
  const { registry } = c.get('deps');
  const db = await c.get('db')();
  const rows = await listRuleSets(db, c.req.valid('query'));
  const active = activeParametersCache(db, registry);
  const data = await Promise.all(rows.map((row) => ruleSetView(row, registry, active)));
  return c.json({ object: 'list' as const, data }, 200);
};

export const getRuleSetHandler: RouteHandler<typeof getRuleSetRoute, AppEnv> = async (c) => {
  const row = await getRuleSet(await c.get('db')(), c.req.valid('param').id);
  return c.json(await view(c, row), 200);
};

export const shadowRuleSetHandler: RouteHandler<typeof shadowRuleSetRoute, AppEnv> = async (c) => {
  const { registry } = c.get('deps');
  const db = await c.get('db')();
  const row = await db.transaction((tx) =>
    shadowRuleSetVersion(tx, registry, c.req.valid('param').id, actionContext(c)),
  );
  return c.json(await view(c, row), 200);
};

export const shadowReportHandler: RouteHandler<typeof shadowReportRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const report = await shadowReport(db, await getRuleSet(db, c.req.valid('param').id));
  return c.json({ object: 'aml_shadow_report' as const, ...report }, 200);
};

export const simulateRuleSetHandler: RouteHandler<typeof simulateRuleSetRoute, AppEnv> = async (c) => {
  const { registry } = c.get('deps');
  const context = actionContext(c);
  const { days } = c.req.valid('json');
  const db = await c.get('db')();
  const row = await getRuleSet(db, c.req.valid('param').id);
  const report = await simulateRuleSet(db, registry, row, days, context.now);
  await db.transaction((tx) =>
    recordAudit(tx, {
      ...context,
      action: 'aml_rule_set.simulated',
      subjectType: 'aml_rule_set',
      subjectId: row.id,
      data: {
        jurisdiction: row.jurisdiction,
        version: row.version,
        days,
        replayed: report.replayed,
        changed: report.changedCount,
      },
    }),
  );
  return c.json({ object: 'aml_simulation' as const, ...report }, 200);
};

export const activateRuleSetHandler: RouteHandler<typeof activateRuleSetRoute, AppEnv> = async (c) => {
  const { registry } = c.get('deps');
  const db = await c.get('db')();
  const row = await db.transaction((tx) =>
    activateRuleSet(tx, registry, c.req.valid('param').id, actionContext(c)),
  );
  return c.json(await view(c, row), 200);
};

export const withdrawRuleSetHandler: RouteHandler<typeof withdrawRuleSetRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const row = await db.transaction((tx) => withdrawRuleSet(tx, c.req.valid('param').id, actionContext(c)));
  return c.json(await view(c, row), 200);
};

export const jurisdictionRulesHandler: RouteHandler<typeof jurisdictionRulesRoute, AppEnv> = async (c) => {
  const rules = await jurisdictionRules(
    await c.get('db')(),
    c.get('deps').registry,
    c.req.valid('param').code,
  );
  return c.json(rules, 200);
};

export const recordLifeCertificateHandler: RouteHandler<typeof recordLifeCertificateRoute, AppEnv> = async (
  c,
) => {
  const db = await c.get('db')();
  const row = await db.transaction((tx) =>
    recordLifeCertificate(tx, c.req.valid('param').subjectId, c.req.valid('json'), actionContext(c)),
  );
  return c.json(
    {
      id: row.id,
      object: 'life_certificate' as const,
      dataSubjectId: row.subjectId,
      issuedOn: row.issuedOn,
      validUntil: row.validUntil,
      recordedBy: row.recordedBy,
      createdAt: row.createdAt.toISOString(),
    },
    201,
  );
};

export const recordDeathReportHandler: RouteHandler<typeof recordDeathReportRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const row = await db.transaction((tx) =>
    recordDeathReport(tx, c.req.valid('param').subjectId, c.req.valid('json'), actionContext(c)),
  );
  return c.json(
    {
      id: row.id,
      object: 'death_report' as const,
      dataSubjectId: row.subjectId,
      dateOfDeath: row.dateOfDeath,
      recordedBy: row.recordedBy,
      createdAt: row.createdAt.toISOString(),
    },
    201,
  );
};
