/**
 * The compliance step of every transfer: both parties screened against the active lists, the
 * decision stored with its reasons and list versions, and the transfer approved, held with a case,
 * or held because a required list is missing. Nothing of the screened person is stored in clear.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { auditEvents, complianceCases, screeningResults } from '../../src/db/schema.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { registerTestPartner } from '../helpers/partners.ts';
import { germanPerson } from '../helpers/persons.ts';
import { LISTED_TEST_PERSONS } from '../helpers/sanctions.ts';

let gw: TestGateway;
let keyCounter = 0;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

type TransferBody = { id: string; state: string; insuredPerson: { dataSubjectId: string } | null };
type Compliance = {
  decision: string;
  reasons: { code: string; score: number; action: string; details: Record<string, unknown> }[];
  listVersions: { source: string; versionId: string; sha256: string }[];
  screening: {
    partyRole: string;
    partyType: string;
    partyKey: string;
    outcome: string;
    topScore: number;
    thresholds: { review: number; block: number };
    hits: {
      entityId: string;
      source: string;
      matchedName: string;
      score: number;
      explanation: {
        tokens: { listToken: string; queryToken: number | null }[];
        qualifiers: { qualifier: string }[];
      };
    }[];
  }[];
};

async function transferFor(person: InsuredPerson | undefined, gateway: TestGateway = gw) {
  const quote = await json(
    await gateway.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const response = await gateway.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id, ...(person ? { insuredPerson: person } : {}) },
    headers: { 'idempotency-key': `pipeline-${++keyCounter}` },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return json<TransferBody>(response);
}

async function complianceOf(transferId: string, gateway: TestGateway = gw) {
  const response = await gateway.request('GET', `/v1/transfers/${transferId}/compliance`, {
    role: 'compliance_officer',
  });
  expect(response.status).toBe(200);
  return json<Compliance>(response);
}

const listed = LISTED_TEST_PERSONS.un;
/** The UN fixture's listed person, as an agency would send them (a German pension number). */
function listedPerson(overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  return germanPerson({
    name: { given: listed.given, family: listed.family },
    birthDate: listed.birthDate,
    ...overrides,
  });
}

describe('screening in the transfer pipeline', () => {
  it('approves an ordinary person and records the decision, the list versions and the screening', async () => {
    const transfer = await transferFor(germanPerson());
    expect(transfer.state).toBe('approved');
    const compliance = await complianceOf(transfer.id);
    expect(compliance.decision).toBe('clear');
    expect(compliance.listVersions.map((v) => v.source).sort()).toEqual(['eu', 'ofac', 'uk', 'un']);
    expect(compliance.screening).toHaveLength(1);
    expect(compliance.screening[0]).toMatchObject({
      partyRole: 'payer',
      partyType: 'person',
      partyKey: transfer.insuredPerson?.dataSubjectId,
      outcome: 'clear',
      hits: [],
    });
    // The transfer walked received → screening → approved, each step audited.
    const audit = await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, transfer.id));
    expect(audit.map((event) => event.toState)).toEqual(['received', 'screening', 'approved']);
  });

  it('holds a listed person, with the hit explained, and opens a case', async () => {
    const transfer = await transferFor(listedPerson());
    expect(transfer.state).toBe('held');
    const compliance = await complianceOf(transfer.id);
    expect(compliance.decision).toBe('review');
    expect(compliance.reasons.map((reason) => reason.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SANCTIONS_MATCH_/)]),
    );
    const person = compliance.screening.find((result) => result.partyType === 'person');
    const hit = person?.hits.find((candidate) => candidate.entityId === listed.entityId);
    expect(hit, JSON.stringify(person)).toBeDefined();
    expect(hit?.score).toBeGreaterThanOrEqual(person?.thresholds.review ?? 1);
    expect(hit?.explanation.tokens.some((token) => token.queryToken !== null)).toBe(true);
    expect(hit?.explanation.qualifiers.map((q) => q.qualifier)).toContain('birth_date');
    const cases = await gw.db.db
      .select()
      .from(complianceCases)
      .where(eq(complianceCases.transferId, transfer.id));
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ kind: 'transfer_hold', status: 'open' });
    expect(cases[0]?.holdExpiresAt?.getTime()).toBeGreaterThan(gw.clock.now.getTime());
  });

  it('finds the listed person under a misspelt name too', async () => {
    // ODMEN → OUDMEN: a transliteration variant of one token.
    const misspelt = listed.family.replace('Odmen', 'Oudmen');
    const transfer = await transferFor(listedPerson({ name: { given: listed.given, family: misspelt } }));
    expect(transfer.state).toBe('held');
  });

  it('stores no name, birth date or identifier of the screened person', async () => {
    const person = listedPerson();
    const transfer = await transferFor(person);
    const rows = await gw.db.db
      .select()
      .from(screeningResults)
      .where(eq(screeningResults.transferId, transfer.id));
    const stored = JSON.stringify(rows).toLowerCase();
    // The listed names are public list data; the query's own spelling and data must not be there.
    expect(stored).not.toContain(person.birthDate);
    expect(stored).not.toContain(person.nationalIdentifier.value.toLowerCase());
    expect(stored).not.toContain('lindqvist');
    expect(stored).not.toContain('friedrichstraße');
    const logs = gw.logs.join('\n').toLowerCase();
    expect(logs).not.toContain(listed.family.toLowerCase());
  });

  it('screens the partner agency that sent the transfer as an organisation', async () => {
    const partner = await registerTestPartner(gw, { id: 'de-pipeline-screening' });
    const quote = await partner.client.request<{ id: string }>('POST', '/v1/quotes', {
      body: CONTRIBUTION_QUOTE,
    });
    const created = await partner.client.request<TransferBody>('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id, insuredPerson: germanPerson() },
      idempotencyKey: 'pipeline-partner',
    });
    expect(created.status).toBe(201);
    const compliance = await complianceOf(created.body.id);
    expect(
      compliance.screening.map((result) => [result.partyRole, result.partyType, result.partyKey]),
    ).toEqual([
      ['payer', 'person', created.body.insuredPerson?.dataSubjectId],
      ['beneficiary', 'organization', 'partner:de-pipeline-screening'],
    ]);
  });
});

describe('without the lists a jurisdiction requires', () => {
  let bare: TestGateway;
  beforeAll(async () => {
    bare = await createTestGateway({ sanctions: 'none' });
  });
  afterAll(async () => {
    await bare?.close();
  });

  it('holds the transfer instead of passing it unscreened', async () => {
    const transfer = await transferFor(germanPerson(), bare);
    expect(transfer.state).toBe('held');
    const compliance = await complianceOf(transfer.id, bare);
    expect(compliance.decision).toBe('review');
    expect(compliance.reasons.map((reason) => reason.code)).toContain('SANCTIONS_LIST_UNAVAILABLE');
    expect(compliance.screening[0]?.outcome).toBe('unavailable');
  });
});

describe('POST /v1/screening/search', () => {
  it('finds a listed person by a variant, with explanation, list versions and thresholds', async () => {
    const person = LISTED_TEST_PERSONS.ofac;
    const response = await gw.request('POST', '/v1/screening/search', {
      role: 'compliance_officer',
      body: {
        name: `${person.family} ${person.given}`,
        type: 'person',
        birthDate: person.birthDate.slice(0, 4),
      },
    });
    expect(response.status).toBe(200);
    const result = await json<{
      hits: { entityId: string; score: number; explanation: { tokens: unknown[] } }[];
      listVersions: { source: string }[];
      thresholds: { review: number; block: number };
      queryTokens: string[];
    }>(response);
    expect(result.hits[0]?.entityId).toBe(person.entityId);
    expect(result.hits[0]?.score).toBeGreaterThanOrEqual(result.thresholds.review);
    expect(result.hits[0]?.explanation.tokens.length).toBeGreaterThan(0);
    expect(result.listVersions.map((v) => v.source).sort()).toEqual(['eu', 'ofac', 'uk', 'un']);
    expect(result.thresholds.block).toBeGreaterThanOrEqual(result.thresholds.review);
    // Searches are audited without the name, and the name is in no log line.
    const audit = await gw.db.db.select().from(auditEvents).where(eq(auditEvents.action, 'screening.search'));
    expect(JSON.stringify(audit).toLowerCase()).not.toContain(person.family.toLowerCase());
    expect(gw.logs.join('\n').toLowerCase()).not.toContain(person.family.toLowerCase());
  });

  it('answers an ordinary name with no hit at the review threshold', async () => {
    const response = await gw.request('POST', '/v1/screening/search', {
      role: 'compliance_approver',
      body: { name: 'Mei Lindqvist-Wang', birthDate: '1939-08-17', country: 'DE' },
    });
    const result = await json<{ hits: { score: number }[]; thresholds: { review: number } }>(response);
    expect(result.hits.filter((hit) => hit.score >= result.thresholds.review)).toEqual([]);
  });

  it('refuses an operator, and answers 503 when no list is active', async () => {
    const refused = await gw.request('POST', '/v1/screening/search', {
      role: 'operator',
      body: { name: 'Anyone' },
    });
    expect(refused.status).toBe(403);
    const bare = await createTestGateway({ sanctions: 'none' });
    try {
      const response = await bare.request('POST', '/v1/screening/search', {
        role: 'compliance_officer',
        body: { name: 'Anyone at all' },
      });
      expect(response.status).toBe(503);
      expect(await json(response)).toMatchObject({ code: 'screening_unavailable' });
    } finally {
      await bare.close();
    }
  });
});
