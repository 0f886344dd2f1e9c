import type { RouteHandler } from '@hono/zod-openapi';
import type { InsuredPerson } from '../../../../schemas/privacy.ts';
import { GatewayError } from '../../../core/errors.ts';
import { recordAudit } from '../../../services/audit/audit.ts';
import { recordConsent, withdrawConsent } from '../../../services/privacy/consent.ts';
import { categoriesForRoles } from '../../../services/privacy/disclosure.ts';
import { documentLanguage, renderExportDocument } from '../../../services/privacy/export-document.ts';
import { checkNationalIdentifier } from '../../../services/privacy/person.ts';
import { recordsOfProcessing } from '../../../services/privacy/records-of-processing.ts';
import { listPurgeRuns, runRetentionPurge } from '../../../services/privacy/retention.ts';
import { rewrapDataKeys } from '../../../services/privacy/rewrap.ts';
import {
  endRelationship,
  eraseSubject,
  exportSubject,
  rectifySubject,
  subjectAdapter,
  subjectView,
} from '../../../services/privacy/rights.ts';
import {
  findSubjectByIdentifier,
  loadSubject,
  type PrivacyDeps,
  recordPerson,
} from '../../../services/privacy/subjects.ts';
import { type AppContext, type AppEnv, principalOf } from '../../context.ts';
import type {
  endRelationshipRoute,
  eraseSubjectRoute,
  exportSubjectRoute,
  getSubjectRoute,
  listPurgeRunsRoute,
  recordConsentRoute,
  recordsOfProcessingRoute,
  rectifySubjectRoute,
  rewrapKeysRoute,
  runPurgeRoute,
  searchSubjectRoute,
  withdrawConsentRoute,
} from './privacy.routes.ts';

const privacyDeps = (c: AppContext): PrivacyDeps => ({
  keys: c.get('deps').privacyKeys,
  registry: c.get('deps').registry,
});

const actionContext = (c: AppContext) => ({
  actor: principalOf(c).subject,
  requestId: c.get('requestId'),
  now: c.get('deps').clock(),
});

const roleCategories = (c: AppContext) => categoriesForRoles(principalOf(c).roles);

export const searchSubjectHandler: RouteHandler<typeof searchSubjectRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const db = await c.get('db')();
  const { nationalIdentifier } = c.req.valid('json');
  const view = await db.transaction(async (tx) => {
    const row = await findSubjectByIdentifier(tx, deps, nationalIdentifier);
    if (!row) throw new GatewayError('data_subject_not_found', 'Nobody with this identifier is recorded.');
    await recordAudit(tx, {
      ...actionContext(c),
      action: 'data_subject.looked_up',
      subjectType: 'data_subject',
      subjectId: row.id,
      data: { pseudonym: row.auditPseudonym },
    });
    return subjectView(tx, deps, row, roleCategories(c));
  });
  return c.json(view, 200);
};

export const getSubjectHandler: RouteHandler<typeof getSubjectRoute, AppEnv> = async (c) => {
  const db = await c.get('db')();
  const row = await loadSubject(db, c.req.valid('param').id);
  return c.json(await subjectView(db, privacyDeps(c), row, roleCategories(c)), 200);
};

export const exportSubjectHandler: RouteHandler<typeof exportSubjectRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const query = c.req.valid('query');
  const db = await c.get('db')();
  const data = await db.transaction(async (tx) => {
    const row = await loadSubject(tx, c.req.valid('param').id);
    const exported = await exportSubject(tx, deps, row, c.get('deps').clock());
    await recordAudit(tx, {
      ...actionContext(c),
      action: 'data_subject.exported',
      subjectType: 'data_subject',
      subjectId: row.id,
      data: { pseudonym: row.auditPseudonym, format: query.format },
    });
    return { exported, row };
  });
  if (query.format === 'html') {
    const language =
      query.lang ??
      documentLanguage(
        data.exported.person?.preferredLanguage,
        subjectAdapter(deps, data.row).identity.languages,
      );
    return c.html(renderExportDocument(data.exported, language), 200, {
      'Content-Disposition': `inline; filename="${data.row.id}.html"`,
      'Cache-Control': 'no-store',
    });
  }
  return c.json(data.exported, 200, { 'Cache-Control': 'no-store' });
};

export const rectifySubjectHandler: RouteHandler<typeof rectifySubjectRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const { reason, ...changes } = c.req.valid('json');
  const db = await c.get('db')();
  const view = await db.transaction(async (tx) => {
    const row = await loadSubject(tx, c.req.valid('param').id, true);
    const updated = await rectifySubject(
      tx,
      deps,
      row,
      changes as Partial<Record<keyof InsuredPerson, unknown>>,
      {
        ...actionContext(c),
        reason,
      },
    );
    return subjectView(tx, deps, updated, roleCategories(c));
  });
  return c.json(view, 200);
};

export const eraseSubjectHandler: RouteHandler<typeof eraseSubjectRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const request = c.req.valid('json');
  const context = actionContext(c);
  const db = await c.get('db')();
  const outcome = await db.transaction(async (tx) => {
    const row = await loadSubject(tx, c.req.valid('param').id, true);
    return eraseSubject(
      tx,
      deps,
      row,
      {
        channel: request.channel,
        receivedAt: request.receivedAt ? new Date(request.receivedAt) : context.now,
      },
      context,
    );
  });
  return c.json(outcome, 200);
};

export const endRelationshipHandler: RouteHandler<typeof endRelationshipRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const request = c.req.valid('json');
  const context = actionContext(c);
  const db = await c.get('db')();
  const view = await db.transaction(async (tx) => {
    const row = await loadSubject(tx, c.req.valid('param').id, true);
    const endedAt = request.endedAt ? new Date(request.endedAt) : context.now;
    return subjectView(tx, deps, await endRelationship(tx, row, endedAt, context), roleCategories(c));
  });
  return c.json(view, 200);
};

export const recordConsentHandler: RouteHandler<typeof recordConsentRoute, AppEnv> = async (c) => {
  const deps = privacyDeps(c);
  const { nationalIdentifier, givenAt, ...consent } = c.req.valid('json');
  const context = actionContext(c);
  const db = await c.get('db')();
  const recorded = await db.transaction(async (tx) => {
    const identifier = checkNationalIdentifier(deps.registry, nationalIdentifier, 'nationalIdentifier');
    const subject = await recordPerson(
      tx,
      deps,
      { nationalIdentifier: { scheme: identifier.scheme.id, value: identifier.normalized } },
      identifier,
      context,
    );
    const row = await recordConsent(
      tx,
      subject,
      { ...consent, givenAt: givenAt ? new Date(givenAt) : context.now },
      context,
    );
    return { ...row, dataSubjectId: subject.id };
  });
  return c.json(recorded, 201, { Location: `/v1/privacy/subjects/${recorded.dataSubjectId}` });
};

export const withdrawConsentHandler: RouteHandler<typeof withdrawConsentRoute, AppEnv> = async (c) => {
  const { id, consentId } = c.req.valid('param');
  const { channel } = c.req.valid('json');
  const db = await c.get('db')();
  const withdrawn = await db.transaction(async (tx) => {
    const subject = await loadSubject(tx, id);
    return {
      ...(await withdrawConsent(tx, subject, consentId, channel, actionContext(c))),
      dataSubjectId: id,
    };
  });
  return c.json(withdrawn, 200);
};

export const runPurgeHandler: RouteHandler<typeof runPurgeRoute, AppEnv> = async (c) => {
  const run = await runRetentionPurge(await c.get('db')(), privacyDeps(c), {
    trigger: 'operator',
    ...actionContext(c),
  });
  return c.json(run, 201);
};

export const listPurgeRunsHandler: RouteHandler<typeof listPurgeRunsRoute, AppEnv> = async (c) =>
  c.json({ object: 'list' as const, data: await listPurgeRuns(await c.get('db')()) }, 200);

export const rewrapKeysHandler: RouteHandler<typeof rewrapKeysRoute, AppEnv> = async (c) => {
  const { limit } = c.req.valid('json');
  const report = await rewrapDataKeys(await c.get('db')(), c.get('deps').privacyKeys, {
    limit,
    ...actionContext(c),
  });
  return c.json(report, 200);
};

export const recordsOfProcessingHandler: RouteHandler<typeof recordsOfProcessingRoute, AppEnv> = async (
  c,
) => {
  const registry = c.get('deps').registry;
  return c.json(recordsOfProcessing(registry, { now: c.get('deps').clock() }), 200);
};
