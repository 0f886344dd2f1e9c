/**
 * Every route declares which roles may call it (`x-roles` in the OpenAPI document), and the
 * server enforces exactly that. The operations are read from the document, so a new route is
 * covered as soon as it exists.
 */
import { eq } from 'drizzle-orm';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callbackOutbox } from '../../src/db/schema.ts';
import { ROLES, type Role } from '../../src/services/auth/roles.ts';
import {
  generateSigningKey,
  issueToken,
  TOKEN_ALGORITHM,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
} from '../../src/services/auth/tokens.ts';
import { addUser, setUserActive } from '../../src/services/users/users.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { generatePartnerKey, registerTestPartner } from '../helpers/partners.ts';
import { germanPerson } from '../helpers/persons.ts';
import { createTestCa } from '../helpers/pki.ts';
import { addSecondOfficer, type HeldCase, openHeldCase, SECOND_OFFICER } from '../helpers/review.ts';

type Operation = {
  'x-roles'?: string[];
  'x-partners'?: boolean;
  security?: unknown[];
  requestBody?: unknown;
};
type OpenApiDoc = { paths: Record<string, Record<string, Operation>> };
type Op = { method: string; template: string; roles: string[]; operation: Operation };

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

let gw: TestGateway;
let doc: OpenApiDoc;
let operations: Op[];
let transferId: string;
let subjectId: string;
let keyCounter = 0;

beforeAll(async () => {
  gw = await createTestGateway();
  doc = await json<OpenApiDoc>(await gw.request('GET', '/openapi.json'));
  operations = Object.entries(doc.paths).flatMap(([template, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        roles: operation['x-roles'] ?? [],
        operation,
      })),
  );
  const quote = await json(
    await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const transfer = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id },
    headers: { 'idempotency-key': 'roles-setup' },
  });
  expect(transfer.status).toBe(201);
  transferId = (await json(transfer)).id as string;
  // A person for the privacy operations (erasure restricts them: they have a transfer).
  const personQuote = await json(
    await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const withPerson = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: personQuote.id, insuredPerson: germanPerson() },
    headers: { 'idempotency-key': 'roles-setup-person' },
  });
  expect(withPerson.status).toBe(201);
  subjectId = ((await json(withPerson)).insuredPerson as { dataSubjectId: string }).dataSubjectId;
});
afterAll(async () => {
  await gw?.close();
});

/** A concrete path for a template: real ids where the route needs them. */
function concretePath(template: string): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    if (name === 'id' && template.startsWith('/v1/transfers')) return transferId;
    if (name === 'code' && template.startsWith('/v1/jurisdictions')) return 'DE';
    if (name === 'code') return 'quote_expired';
    if (name === 'id' && template.startsWith('/v1/partners')) return 'de-drv-demo';
    if (name === 'id' && template.startsWith('/v1/privacy/subjects')) return subjectId;
    return 'x';
  });
}

const MANUAL_RATE = {
  corridor: 'CN-DE',
  base: 'EUR',
  quote: 'CNY',
  rate: '8.2',
  validUntil: '2026-11-24T10:00:00.000Z',
  reference: 'PBoC central parity',
};

/** A valid request for an operation (a fresh quote and key for a transfer). */
async function requestFor(
  op: Op,
  authorised = true,
): Promise<{ path: string; body?: unknown; headers: Record<string, string> }> {
  const headers: Record<string, string> = { 'idempotency-key': `roles-${Date.now()}-${++keyCounter}` };
  const route = `${op.method} ${op.template}`;
  if (op.template.startsWith('/v1/compliance/'))
    return { ...(await complianceRequest(route, authorised)), headers };
  if (op.template.startsWith('/v1/aml/') || op.template.startsWith('/v1/beneficiaries/'))
    return { ...(await amlRequest(route, authorised)), headers };
  if (route === 'GET /v1/fx/rates') return { path: '/v1/fx/rates?base=EUR&quote=CNY', headers };
  if (route === 'POST /v1/fx/manual-rates/{id}/revoke') {
    // A fresh manual rate each time: a rate is revoked once.
    const created = await gw.request('POST', '/v1/fx/manual-rates', {
      role: 'compliance_officer',
      headers: { 'idempotency-key': `roles-setup-${++keyCounter}` },
      body: MANUAL_RATE,
    });
    expect(created.status).toBe(201);
    return { path: `/v1/fx/manual-rates/${(await json(created)).id}/revoke`, headers };
  }
  if (route === 'POST /v1/partners/{id}/keys/{kid}/retire') {
    // A fresh key each time: a key is retired once.
    const kid = `roles-key-${++keyCounter}`;
    const { publicJwk } = await generatePartnerKey('ed25519', kid);
    const added = await gw.request('POST', '/v1/partners/de-drv-demo/keys', {
      role: 'operator',
      body: { key: JSON.stringify(publicJwk) },
    });
    expect(added.status).toBe(201);
    return { path: `/v1/partners/de-drv-demo/keys/${kid}/retire`, body: {}, headers };
  }
  if (route === 'POST /v1/partners/{id}/keys') {
    const { publicJwk } = await generatePartnerKey('ed25519', `roles-key-${++keyCounter}`);
    return { path: concretePath(op.template), body: { key: JSON.stringify(publicJwk) }, headers };
  }
  if (route === 'POST /v1/callbacks/{id}/replay' || route === 'GET /v1/verified-messages/{id}') {
    // A signed partner transfer gives both: evidence of the request and a callback (marked dead).
    const partner = await registerTestPartner(gw, {
      id: `de-roles-${++keyCounter}`,
      callbackUrl: 'https://agency.example/callbacks',
    });
    const quote = await partner.client.request<{ id: string }>('POST', '/v1/quotes', {
      body: CONTRIBUTION_QUOTE,
    });
    const transfer = await partner.client.request('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id },
      idempotencyKey: `roles-partner-${keyCounter}`,
    });
    expect(transfer.status).toBe(201);
    if (route === 'GET /v1/verified-messages/{id}') {
      return { path: `/v1/verified-messages/${transfer.headers.get('pontis-verified-message')}`, headers };
    }
    const [callback] = await gw.db.db
      .update(callbackOutbox)
      .set({ status: 'dead' })
      .where(eq(callbackOutbox.partnerId, partner.id))
      .returning();
    return { path: `/v1/callbacks/${callback?.id}/replay`, headers };
  }
  if (route === 'POST /v1/privacy/subjects/{id}/consents/{consentId}/withdrawal') {
    // A fresh consent each time: a consent is withdrawn once.
    const consent = await gw.request('POST', '/v1/privacy/consents', {
      role: 'privacy_officer',
      body: { ...CONSENT, nationalIdentifier: CONSENT_PERSON },
    });
    expect(consent.status).toBe(201);
    const { id, dataSubjectId } = await json<{ id: string; dataSubjectId: string }>(consent);
    return {
      path: `/v1/privacy/subjects/${dataSubjectId}/consents/${id}/withdrawal`,
      body: { channel: 'online' },
      headers,
    };
  }
  const path = concretePath(op.template);
  if (!op.operation.requestBody) return { path, headers };
  const known = KNOWN_BODIES[route];
  if (known) return { path, body: known, headers };
  if (op.method === 'POST' && op.template === '/v1/quotes')
    return { path, body: CONTRIBUTION_QUOTE, headers };
  if (op.method === 'POST' && op.template === '/v1/transfers') {
    const quote = await json(
      await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
    );
    return { path, body: { quoteId: quote.id }, headers };
  }
  // An operation this test does not know yet: authorisation still runs before validation.
  return { path, body: {}, headers };
}

let sharedCase: HeldCase | undefined;
const REVIEW_REASON = { reason: 'Reviewed for the roles test.' };

/**
 * Compliance operations: reads use one shared case; each decision needs a fresh case in the
 * right status (a case is decided once), made only when the call will be let through.
 */
async function complianceRequest(
  route: string,
  authorised: boolean,
): Promise<{ path: string; body?: unknown }> {
  const caseAction = /^POST \/v1\/compliance\/cases\/\{id\}\/([a-z-]+)$/.exec(route)?.[1];
  if (route === 'GET /v1/compliance/cases' || route === 'GET /v1/compliance/suppressions') {
    return { path: route.slice(4) };
  }
  if (route.startsWith('GET /v1/compliance/cases/{id}')) {
    sharedCase ??= await openHeldCase(gw);
    return { path: route.slice(4).replace('{id}', sharedCase.caseId) };
  }
  const suppression = (held: HeldCase) => ({
    entityId: held.entityId,
    reason: 'Not the listed person.',
    expiresAt: new Date(gw.clock.now.getTime() + 30 * 86_400_000).toISOString(),
  });
  const bodies: Record<string, (held: HeldCase) => unknown> = {
    release: () => REVIEW_REASON,
    reject: () => REVIEW_REASON,
    'approve-release': () => ({}),
    'decline-release': () => REVIEW_REASON,
    suppressions: suppression,
  };
  if (!authorised) {
    const body = caseAction ? bodies[caseAction]?.({ entityId: 'un:1' } as HeldCase) : undefined;
    return { path: route.slice(5).replace(/\{id\}/g, 'x'), ...(body === undefined ? {} : { body }) };
  }
  const held = await openHeldCase(gw, { priority: 'normal' });
  if (caseAction === 'approve-release' || caseAction === 'decline-release') {
    // Asked by another officer: the caller is the second pair of eyes.
    await addSecondOfficer(gw);
    const asked = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/release`, {
      token: await gw.token('compliance_officer', SECOND_OFFICER),
      body: REVIEW_REASON,
    });
    expect(asked.status).toBe(200);
  }
  if (caseAction) {
    return { path: `/v1/compliance/cases/${held.caseId}/${caseAction}`, body: bodies[caseAction]?.(held) };
  }
  // POST /v1/compliance/suppressions/{id}/revoke: a fresh suppression each time (revoked once).
  const created = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/suppressions`, {
    role: 'compliance_officer',
    body: suppression(held),
  });
  expect(created.status).toBe(201);
  return { path: `/v1/compliance/suppressions/${(await json(created)).id}/revoke` };
}

let sharedRuleSet: string | undefined;
const AML_PROPOSER = 'roles-aml-proposer';

/** A proposed rule-set version; by another officer when the caller is to activate it (four eyes). */
async function proposedRuleSet(jurisdiction: string, by?: string): Promise<string> {
  const response = await gw.request('POST', '/v1/aml/rule-sets', {
    ...(by ? { token: await gw.token('compliance_officer', by) } : { role: 'compliance_officer' as const }),
    body: { jurisdiction, note: 'Roles test.', parameters: { roundAmount: { score: 12 } } },
    headers: { 'idempotency-key': `roles-aml-${++keyCounter}` },
  });
  expect(response.status).toBe(201);
  return (await json(response)).id as string;
}

/**
 * AML operations: reads use one version that ran in shadow; shadow, activate and withdraw each
 * need a fresh proposal (a version changes status once), made only when the call will be let through.
 */
async function amlRequest(route: string, authorised: boolean): Promise<{ path: string; body?: unknown }> {
  const action = /^POST \/v1\/aml\/rule-sets\/\{id\}\/([a-z]+)$/.exec(route)?.[1];
  const bodies: Record<string, unknown> = {
    'POST /v1/aml/rule-sets': {
      jurisdiction: 'NL',
      note: 'Roles test.',
      parameters: { typology: { reviewScore: 55 } },
    },
    'POST /v1/aml/rule-sets/{id}/simulate': { days: 7 },
    'POST /v1/beneficiaries/{subjectId}/life-certificates': {
      issuedOn: '2026-11-01',
      validUntil: '2027-10-31',
    },
    'POST /v1/beneficiaries/{subjectId}/death-reports': { dateOfDeath: '2026-11-01' },
  };
  const body = bodies[route] === undefined ? {} : { body: bodies[route] };
  const template = route.slice(route.indexOf(' ') + 1);
  if (route === 'GET /v1/aml/jurisdictions/{code}/rules') return { path: '/v1/aml/jurisdictions/DE/rules' };
  if (template.startsWith('/v1/beneficiaries/'))
    return { path: template.replace('{subjectId}', subjectId), ...body };
  if (!template.includes('{id}')) return { path: template, ...body };
  if (!authorised) return { path: template.replace('{id}', 'x'), ...body };
  if (action === 'shadow') {
    // One version per jurisdiction runs in shadow: the previous one is withdrawn first.
    const running = await json<{ data: { id: string }[] }>(
      await gw.request('GET', '/v1/aml/rule-sets?jurisdiction=FR&status=shadow', { role: 'auditor' }),
    );
    for (const version of running.data) {
      await gw.request('POST', `/v1/aml/rule-sets/${version.id}/withdraw`, { role: 'compliance_officer' });
    }
    return { path: `/v1/aml/rule-sets/${await proposedRuleSet('FR')}/shadow` };
  }
  if (action === 'activate') {
    await addUser(gw.db.db, {
      id: AML_PROPOSER,
      displayName: 'Proposing officer',
      roles: ['compliance_officer'],
    });
    return { path: `/v1/aml/rule-sets/${await proposedRuleSet('CH', AML_PROPOSER)}/activate` };
  }
  if (action === 'withdraw') return { path: `/v1/aml/rule-sets/${await proposedRuleSet('CH')}/withdraw` };
  if (!sharedRuleSet) {
    sharedRuleSet = await proposedRuleSet('XR');
    const shadowed = await gw.request('POST', `/v1/aml/rule-sets/${sharedRuleSet}/shadow`, {
      role: 'compliance_officer',
    });
    expect(shadowed.status).toBe(200);
  }
  return { path: template.replace('{id}', sharedRuleSet), ...body };
}

async function call(op: Op, auth: { token?: string; role?: Role; authorization?: string }) {
  // Only a call that passes authentication and authorisation needs a real (fresh) object.
  const authorised = auth.role !== undefined && op.roles.includes(auth.role);
  const { path, body, headers } = await requestFor(op, authorised);
  if (auth.authorization !== undefined) headers.authorization = auth.authorization;
  return gw.request(op.method, path, {
    ...(auth.token ? { token: auth.token } : {}),
    ...(auth.role ? { role: auth.role } : {}),
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

async function expectProblem(response: Response, status: number, code: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(text)).toMatchObject({ status, code });
}

async function expectUnauthenticated(response: Response) {
  await expectProblem(response, 401, 'unauthenticated');
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
}

const CONSENT_PERSON = { scheme: 'de-rentenversicherungsnummer', value: '10010490A443' };
const CONSENT = {
  purpose: 'benefit_payment',
  kind: 'pipl_separate_consent',
  textVersion: 'cn-cross-border-2026-01',
  channel: 'paper_form',
};

/** Valid bodies for the operations whose body does not depend on earlier calls. */
const KNOWN_BODIES: Record<string, unknown> = {
  'POST /v1/privacy/subjects/search': { nationalIdentifier: germanPerson().nationalIdentifier },
  'POST /v1/privacy/consents': { ...CONSENT, nationalIdentifier: CONSENT_PERSON },
  'PATCH /v1/privacy/subjects/{id}': { name: { given: 'Mei', family: 'Lindqvist' }, reason: 'spelling' },
  'POST /v1/privacy/subjects/{id}/erasure': { channel: 'online' },
  'POST /v1/privacy/subjects/{id}/relationship-end': {},
  'POST /v1/privacy/keys/rewrap': { limit: 10 },
  'POST /v1/screening/search': { name: 'Viktor Example', type: 'person' },
  'POST /v1/fx/manual-rates': MANUAL_RATE,
  'POST /v1/jurisdictions/{code}/identifiers/validate': {
    scheme: 'de-iban',
    value: 'DE89370400440532013000',
  },
  'POST /v1/creditor-references': { base: '5390 0754 7034' },
  'POST /v1/partners': {
    id: 'de-drv-demo',
    jurisdiction: 'DE',
    name: 'Deutsche Rentenversicherung Bund (demo)',
  },
  'POST /v1/trust-anchors': {
    jurisdiction: 'DE',
    certificate: createTestCa({ name: 'Roles Test CA' }).certPem,
  },
};
const isKnown = (op: Op) =>
  !op.operation.requestBody ||
  `${op.method} ${op.template}` in KNOWN_BODIES ||
  [
    'POST /v1/quotes',
    'POST /v1/transfers',
    'POST /v1/partners/{id}/keys',
    'POST /v1/partners/{id}/keys/{kid}/retire',
    'POST /v1/privacy/subjects/{id}/consents/{consentId}/withdrawal',
    'POST /v1/compliance/cases/{id}/release',
    'POST /v1/compliance/cases/{id}/approve-release',
    'POST /v1/compliance/cases/{id}/decline-release',
    'POST /v1/compliance/cases/{id}/reject',
    'POST /v1/compliance/cases/{id}/suppressions',
    'POST /v1/aml/rule-sets',
    'POST /v1/aml/rule-sets/{id}/simulate',
    'POST /v1/beneficiaries/{subjectId}/life-certificates',
    'POST /v1/beneficiaries/{subjectId}/death-reports',
  ].includes(`${op.method} ${op.template}`);
const protectedOps = () => operations.filter((op) => !op.roles.includes('public'));
const label = (op: Op) => `${op.method} ${op.template}`;

describe('the role declarations', () => {
  it('lists operations, and every one declares its roles', () => {
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const op of operations) {
      expect(op.roles, `${label(op)} has no x-roles`).not.toHaveLength(0);
      if (op.roles.includes('public')) {
        expect(op.roles, label(op)).toEqual(['public']);
        expect(op.operation.security, label(op)).toBeUndefined();
      } else {
        for (const role of op.roles) expect(ROLES, `${label(op)}: ${role}`).toContain(role);
        // Partner-callable routes also accept a partner signature (test/integration/partner-*.test.ts).
        expect(op.operation.security, label(op)).toEqual(
          op.operation['x-partners'] ? [{ bearerAuth: [] }, { partnerSignature: [] }] : [{ bearerAuth: [] }],
        );
      }
    }
  });

  it('is exactly the matrix expected today', () => {
    const ALL = ['operator', 'compliance_officer', 'compliance_approver', 'auditor'];
    const EVERY_ROLE = [...ROLES];
    const COMPLIANCE_READERS = ['compliance_officer', 'compliance_approver', 'auditor'];
    const expected: Record<string, string[]> = {
      'GET /health': ['public'],
      'GET /ready': ['public'],
      'GET /problems': ['public'],
      'GET /problems/{code}': ['public'],
      'POST /v1/quotes': ['operator'],
      'POST /v1/transfers': ['operator'],
      'GET /v1/transfers': ALL,
      'GET /v1/transfers/{id}': ALL,
      'GET /v1/ledger/balances': ['operator', 'auditor'],
      'GET /v1/ledger/check': ['operator', 'auditor'],
      'GET /v1/jurisdictions': EVERY_ROLE,
      'GET /v1/jurisdictions/{code}': EVERY_ROLE,
      'POST /v1/jurisdictions/{code}/identifiers/validate': EVERY_ROLE,
      'POST /v1/creditor-references': ['operator'],
      'GET /v1/fx/rates': EVERY_ROLE,
      'GET /v1/fx/status': ALL,
      'POST /v1/fx/manual-rates': ['compliance_officer'],
      'GET /v1/fx/manual-rates': ALL,
      'POST /v1/fx/manual-rates/{id}/revoke': ['compliance_officer'],
      'GET /v1/partners': ['operator', 'auditor'],
      'GET /v1/partners/{id}': ['operator', 'auditor'],
      'POST /v1/partners': ['operator'],
      'POST /v1/partners/{id}/keys': ['operator'],
      'POST /v1/partners/{id}/keys/{kid}/retire': ['operator'],
      'GET /v1/trust-anchors': ['operator', 'auditor'],
      'POST /v1/trust-anchors': ['operator'],
      'POST /v1/trust-anchors/crl': ['operator'],
      'GET /v1/verified-messages/{id}': ['operator', 'auditor', 'compliance_officer'],
      'GET /v1/callbacks': ['operator', 'auditor'],
      'POST /v1/callbacks/{id}/replay': ['operator'],
      'GET /.well-known/jwks.json': ['public'],
      'POST /v1/privacy/subjects/search': ['privacy_officer', 'compliance_officer'],
      'GET /v1/privacy/subjects/{id}': [
        'privacy_officer',
        'compliance_officer',
        'compliance_approver',
        'auditor',
      ],
      'GET /v1/privacy/subjects/{id}/export': ['privacy_officer'],
      'PATCH /v1/privacy/subjects/{id}': ['privacy_officer'],
      'POST /v1/privacy/subjects/{id}/erasure': ['privacy_officer'],
      'POST /v1/privacy/subjects/{id}/relationship-end': ['privacy_officer', 'operator'],
      'POST /v1/privacy/consents': ['privacy_officer', 'operator'],
      'POST /v1/privacy/subjects/{id}/consents/{consentId}/withdrawal': ['privacy_officer', 'operator'],
      'POST /v1/privacy/purge-runs': ['privacy_officer'],
      'GET /v1/privacy/purge-runs': ['privacy_officer', 'auditor'],
      'POST /v1/privacy/keys/rewrap': ['operator'],
      'GET /v1/sanctions/lists': ALL,
      'GET /v1/sanctions/imports': ALL,
      'POST /v1/screening/search': ['compliance_officer', 'compliance_approver'],
      'GET /v1/transfers/{id}/compliance': ['compliance_officer', 'compliance_approver', 'auditor'],
      'GET /v1/compliance/cases': COMPLIANCE_READERS,
      'GET /v1/compliance/cases/{id}': COMPLIANCE_READERS,
      'GET /v1/compliance/cases/{id}/sar': COMPLIANCE_READERS,
      'GET /v1/compliance/cases/{id}/sar.html': COMPLIANCE_READERS,
      'POST /v1/compliance/cases/{id}/release': ['compliance_officer'],
      'POST /v1/compliance/cases/{id}/approve-release': ['compliance_officer', 'compliance_approver'],
      'POST /v1/compliance/cases/{id}/decline-release': ['compliance_officer', 'compliance_approver'],
      'POST /v1/compliance/cases/{id}/reject': ['compliance_officer'],
      'POST /v1/compliance/cases/{id}/suppressions': ['compliance_officer'],
      'GET /v1/compliance/suppressions': COMPLIANCE_READERS,
      'POST /v1/aml/rule-sets': ['compliance_officer'],
      'GET /v1/aml/rule-sets': COMPLIANCE_READERS,
      'GET /v1/aml/rule-sets/{id}': COMPLIANCE_READERS,
      'POST /v1/aml/rule-sets/{id}/shadow': ['compliance_officer'],
      'GET /v1/aml/rule-sets/{id}/shadow-report': COMPLIANCE_READERS,
      'POST /v1/aml/rule-sets/{id}/simulate': ['compliance_officer', 'compliance_approver'],
      'POST /v1/aml/rule-sets/{id}/activate': ['compliance_officer', 'compliance_approver'],
      'POST /v1/aml/rule-sets/{id}/withdraw': ['compliance_officer'],
      'GET /v1/aml/jurisdictions/{code}/rules': COMPLIANCE_READERS,
      'POST /v1/beneficiaries/{subjectId}/life-certificates': ['operator', 'compliance_officer'],
      'POST /v1/beneficiaries/{subjectId}/death-reports': ['operator', 'compliance_officer'],
      'POST /v1/compliance/suppressions/{id}/revoke': ['compliance_officer', 'compliance_approver'],
      'GET /v1/privacy/records-of-processing': [
        'privacy_officer',
        'auditor',
        'compliance_officer',
        'operator',
      ],
    };
    // Every operation of the document is in the matrix: a new route is added here on purpose.
    expect(operations.map(label).sort()).toEqual(Object.keys(expected).sort());
    // The operations partners may call with a signed request, and no others.
    const partnerOps = operations.filter((op) => op.operation['x-partners']).map(label);
    expect(partnerOps.sort()).toEqual(
      ['POST /v1/quotes', 'POST /v1/transfers', 'GET /v1/transfers', 'GET /v1/transfers/{id}'].sort(),
    );
    const actual = Object.fromEntries(operations.map((op) => [label(op), [...op.roles].sort()]));
    for (const [operation, roles] of Object.entries(expected)) {
      expect(actual[operation], operation).toEqual([...roles].sort());
    }
    // Nothing else is public: a new public route must be added here on purpose.
    const publicOps = operations.filter((op) => op.roles.includes('public')).map(label);
    expect(publicOps.sort()).toEqual(
      Object.keys(expected)
        .filter((key) => expected[key]?.includes('public'))
        .sort(),
    );
  });

  it('serves the document and the reference pages without a token', async () => {
    for (const path of ['/openapi.json', '/docs', '/docs/init.js']) {
      expect((await gw.request('GET', path)).status, path).toBe(200);
    }
  });
});

describe('authentication on every protected operation', () => {
  it('answers 401 without a token, or with a malformed Authorization header', async () => {
    for (const op of protectedOps()) {
      await expectUnauthenticated(await call(op, {}));
      await expectUnauthenticated(await call(op, { authorization: 'Basic b3BlcmF0b3I6c2VjcmV0' }));
      await expectUnauthenticated(await call(op, { authorization: 'Bearer' }));
      await expectUnauthenticated(await call(op, { authorization: 'Bearer two words' }));
    }
  });

  it('answers 401 for a garbage token and for a token with a broken signature', async () => {
    const valid = await gw.token('operator');
    const [header, payload] = valid.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(86)}`;
    for (const op of protectedOps()) {
      await expectUnauthenticated(await call(op, { token: 'garbage' }));
      await expectUnauthenticated(await call(op, { token: 'not.a.jwt' }));
      await expectUnauthenticated(await call(op, { token: forged }));
    }
  });

  it('answers 401 for an expired token', async () => {
    const privateKey = await importJWK(gw.key.privateJwk, TOKEN_ALGORITHM);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ roles: ['operator'] })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: gw.key.kid, typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject('demo-operator')
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(privateKey);
    for (const op of protectedOps()) await expectUnauthenticated(await call(op, { token: expired }));
  });

  it('answers 401 for a token of another issuer or audience, even when signed by our key', async () => {
    const privateKey = await importJWK(gw.key.privateJwk, TOKEN_ALGORITHM);
    const sign = (issuer: string, audience: string) =>
      new SignJWT({ roles: ['operator'] })
        .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: gw.key.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('demo-operator')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
    const tokens = [await sign('someone-else', TOKEN_AUDIENCE), await sign(TOKEN_ISSUER, 'another-api')];
    for (const op of protectedOps()) {
      for (const token of tokens) await expectUnauthenticated(await call(op, { token }));
    }
  });

  it('answers 401 for a token signed by another key', async () => {
    const otherKey = await generateSigningKey();
    const token = await issueToken(otherKey, {
      subject: 'demo-operator',
      roles: ['operator'],
      ttlSeconds: 3600,
    });
    for (const op of protectedOps()) await expectUnauthenticated(await call(op, { token }));
  });

  it('answers 401 for a token of a disabled user, and accepts it again once re-enabled', async () => {
    await addUser(gw.db.db, { id: 'roles-all', displayName: 'Holder of every role', roles: [...ROLES] });
    const tokens = new Map<Role, string>();
    for (const role of ROLES) tokens.set(role, await gw.token(role, 'roles-all'));
    await setUserActive(gw.db.db, 'roles-all', false);
    try {
      for (const op of protectedOps()) {
        for (const role of op.roles as Role[]) {
          await expectUnauthenticated(await call(op, { token: tokens.get(role) ?? '' }));
        }
      }
    } finally {
      await setUserActive(gw.db.db, 'roles-all', true);
    }
    const op = protectedOps()[0];
    if (!op) throw new Error('no protected operation');
    const role = op.roles[0] as Role;
    expect((await call(op, { token: tokens.get(role) ?? '' })).status).not.toBe(401);
  });

  it('answers 401 for a token of an unknown user', async () => {
    for (const op of protectedOps()) {
      const token = await gw.token(op.roles[0] as Role, 'nobody-here');
      await expectUnauthenticated(await call(op, { token }));
    }
  });

  it('answers 401 for a token claiming a role its user does not have', async () => {
    for (const op of protectedOps()) {
      for (const role of op.roles as Role[]) {
        // The demo auditor holds only `auditor`; the demo operator only `operator`.
        const subject = role === 'auditor' ? 'demo-operator' : 'demo-auditor';
        const token = await gw.token(role, subject);
        await expectUnauthenticated(await call(op, { token }));
      }
    }
  });
});

describe('authorisation on every protected operation', () => {
  it('answers 403 forbidden to every role not in x-roles', async () => {
    let checked = 0;
    for (const op of protectedOps()) {
      for (const role of ROLES.filter((item) => !op.roles.includes(item))) {
        const response = await call(op, { role });
        await expectProblem(response, 403, 'forbidden');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('lets every role in x-roles through authentication and authorisation', async () => {
    for (const op of protectedOps()) {
      for (const role of op.roles as Role[]) {
        const response = await call(op, { role });
        const text = await response.text();
        expect([401, 403], `${label(op)} as ${role}: ${response.status} ${text}`).not.toContain(
          response.status,
        );
        // Where this test knows a valid request, the call also succeeds.
        if (isKnown(op)) expect(response.status, `${label(op)} as ${role}: ${text}`).toBeLessThan(300);
      }
    }
  });

  it('lets anyone call the public operations, with or without a token', async () => {
    for (const op of operations.filter((item) => item.roles.includes('public'))) {
      const anonymous = await call(op, {});
      expect(anonymous.status, label(op)).toBe(200);
      const withToken = await call(op, { role: 'auditor' });
      expect(withToken.status, label(op)).toBe(200);
      const withGarbage = await call(op, { token: 'garbage' });
      expect(withGarbage.status, label(op)).toBe(200);
    }
  });
});
