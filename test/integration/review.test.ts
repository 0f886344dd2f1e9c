/**
 * The compliance review queue over real held transfers: the queue and its order, the case view as
 * each role may see it, four eyes, sending a release back, rejection with the reserve voided, the
 * rule that a frozen (high) case is never rejected, alerts without a transfer, and that nothing
 * here ever moves a held transfer anywhere but released, rejected or expired.
 */
import type { z } from '@hono/zod-openapi';
import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComplianceCase } from '../../schemas/compliance.ts';
import { GatewayError } from '../../src/core/errors.ts';
import { auditEvents, complianceCases, journalEntries, transfers } from '../../src/db/schema.ts';
import { openScreeningAlert } from '../../src/services/review/cases.ts';
import { changeTransferState } from '../../src/services/transfers/transitions.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { addSecondOfficer, type HeldCase, openHeldCase, SECOND_OFFICER } from '../helpers/review.ts';
import { LISTED_TEST_PERSONS } from '../helpers/sanctions.ts';

let gw: TestGateway;

beforeAll(async () => {
  gw = await createTestGateway();
  await addSecondOfficer(gw);
});
afterAll(async () => {
  await gw?.close();
});

type Case = z.infer<typeof ComplianceCase>;
const caseUrl = (id: string, action = '') => `/v1/compliance/cases/${id}${action ? `/${action}` : ''}`;

async function readCase(
  id: string,
  role: 'compliance_officer' | 'auditor' = 'compliance_officer',
): Promise<Case> {
  const response = await gw.request('GET', caseUrl(id), { role });
  expect(response.status).toBe(200);
  return json<Case>(response);
}

async function transferState(id: string): Promise<string | undefined> {
  const [row] = await gw.db.db.select({ state: transfers.state }).from(transfers).where(eq(transfers.id, id));
  return row?.state;
}

async function reserveJournalPhase(transferId: string) {
  const [row] = await gw.db.db.select().from(journalEntries).where(eq(journalEntries.transferId, transferId));
  return row?.phase;
}

async function act(
  held: HeldCase,
  action: 'release' | 'approve-release' | 'decline-release' | 'reject',
  as: { role?: 'compliance_officer' | 'compliance_approver'; token?: string },
  body: Record<string, unknown> = { reason: 'Reviewed the hit against the listed entry.' },
) {
  return gw.request('POST', caseUrl(held.caseId, action), { ...as, body });
}

async function expectProblem(response: Response, status: number, code: string) {
  const problem = await json(response);
  expect(response.status, JSON.stringify(problem)).toBe(status);
  expect(problem.code).toBe(code);
  return problem;
}

const caseOf = async (response: Response | Promise<Response>) => json<Case>(await response);

const second = async () => ({ token: await gw.token('compliance_officer', SECOND_OFFICER) });

describe('the queue', () => {
  it('lists undecided cases, high priority first and then the oldest, with what to triage by', async () => {
    const normalOld = await openHeldCase(gw, { priority: 'normal' });
    gw.clock.advance(60);
    const high = await openHeldCase(gw);
    gw.clock.advance(60);
    const normalNew = await openHeldCase(gw, { priority: 'normal' });
    const response = await gw.request('GET', '/v1/compliance/cases?limit=100', {
      role: 'compliance_approver',
    });
    expect(response.status).toBe(200);
    const page = await json<{ data: Record<string, unknown>[]; has_more: boolean }>(response);
    const ids = page.data.map((item) => item.id);
    const position = (held: HeldCase) => ids.indexOf(held.caseId);
    expect(position(high)).toBeGreaterThanOrEqual(0);
    expect(position(high)).toBeLessThan(position(normalOld));
    expect(position(normalOld)).toBeLessThan(position(normalNew));
    // Every high case comes before every normal one.
    const priorities = page.data.map((item) => item.priority);
    expect(priorities.lastIndexOf('high')).toBeLessThan(priorities.indexOf('normal'));
    const summary = page.data[position(high)];
    expect(summary).toMatchObject({
      object: 'compliance_case_summary',
      kind: 'transfer_hold',
      status: 'open',
      priority: 'high',
      subjectId: high.subjectId,
      releaseRequestedBy: null,
      transfer: {
        id: high.transferId,
        state: 'held',
        purpose: 'contribution',
        partnerJurisdiction: 'DE',
        sourceAmount: '250.00',
        sourceCurrency: 'EUR',
      },
    });
    expect(summary?.topScore).toBeGreaterThanOrEqual(0.9);
    expect(summary?.reasonCodes).toContain('SANCTIONS_MATCH_BLOCK');
    expect(Date.parse(String(summary?.holdExpiresAt))).toBeGreaterThan(gw.clock.now.getTime());
  });

  it('pages with starting_after in the same order, and filters by status and priority', async () => {
    const all = await json<{ data: { id: string }[] }>(
      await gw.request('GET', '/v1/compliance/cases?limit=100', { role: 'auditor' }),
    );
    expect(all.data.length).toBeGreaterThanOrEqual(3);
    const first = await json<{ data: { id: string }[]; has_more: boolean }>(
      await gw.request('GET', '/v1/compliance/cases?limit=2', { role: 'auditor' }),
    );
    expect(first.has_more).toBe(true);
    const next = await json<{ data: { id: string }[] }>(
      await gw.request('GET', `/v1/compliance/cases?limit=100&starting_after=${first.data[1]?.id}`, {
        role: 'auditor',
      }),
    );
    expect([...first.data, ...next.data].map((item) => item.id)).toEqual(all.data.map((item) => item.id));
    const normal = await json<{ data: { priority: string }[] }>(
      await gw.request('GET', '/v1/compliance/cases?priority=normal&limit=100', { role: 'auditor' }),
    );
    expect(normal.data.length).toBeGreaterThan(0);
    expect(new Set(normal.data.map((item) => item.priority))).toEqual(new Set(['normal']));
    const rejected = await json<{ data: unknown[] }>(
      await gw.request('GET', '/v1/compliance/cases?status=rejected', { role: 'auditor' }),
    );
    expect(Array.isArray(rejected.data)).toBe(true);
    await expectProblem(
      await gw.request('GET', '/v1/compliance/cases?starting_after=case_nope', { role: 'auditor' }),
      400,
      'cursor_invalid',
    );
  });
});

describe('the case view', () => {
  it('shows the hits with explanations, the AML reasons and versions, and the person as an officer may see them', async () => {
    const held = await openHeldCase(gw);
    const view = await readCase(held.caseId);
    expect(view).toMatchObject({
      id: held.caseId,
      status: 'open',
      kind: 'transfer_hold',
      subjectId: held.subjectId,
    });
    expect(view.transfer?.id).toBe(held.transferId);
    expect(view.transfer?.insuredPerson?.name).toEqual(held.person.name);
    const party = view.parties.find((item) => item.screening.partyKey === held.subjectId);
    expect(party?.person?.birthDate).toBe(held.person.birthDate);
    const hit = party?.screening.hits.find((item) => item.entityId === held.entityId);
    expect(hit?.score).toBeGreaterThanOrEqual(0.9);
    expect(hit?.explanation.tokens.length).toBeGreaterThan(0);
    // The stored explanation has positions only; the view turns them back into the person's tokens.
    const tokens = party?.queryTokens ?? [];
    expect(tokens).toContain('kharzul');
    for (const token of hit?.explanation.tokens ?? []) {
      if (token.queryToken !== null) expect(tokens[token.queryToken]).toBeDefined();
    }
    expect(view.aml?.decision).toBe('review');
    expect(view.aml?.reasons.map((reason) => reason.code)).toContain('SANCTIONS_MATCH_BLOCK');
    expect(view.listVersions.map((version) => version.source)).toEqual(expect.arrayContaining(['eu', 'un']));
    expect(view.history.map((event) => event.action)).toEqual(
      expect.arrayContaining(['transfer.received', 'transfer.held', 'compliance_case.opened']),
    );
  });

  it('answers the documented ComplianceCase shape', async () => {
    const held = await openHeldCase(gw);
    const response = await gw.request('GET', caseUrl(held.caseId), { role: 'compliance_officer' });
    const parsed = ComplianceCase.safeParse(await response.json());
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('shows an auditor the pseudonymous id only: no name, no tokens of it', async () => {
    const held = await openHeldCase(gw);
    const view = await readCase(held.caseId, 'auditor');
    const party = view.parties.find((item) => item.screening.partyKey === held.subjectId);
    expect(party?.person).toEqual({ dataSubjectId: held.subjectId, disclosedCategories: [] });
    expect(party?.queryTokens).toBeNull();
    expect(view.transfer?.insuredPerson).toEqual({ dataSubjectId: held.subjectId, disclosedCategories: [] });
    // Hits name the listed entry (public list data); nothing of the person's own record appears.
    const text = JSON.stringify(view);
    expect(text).not.toContain(held.person.nationalIdentifier.value);
    expect(text).not.toContain(held.person.address?.city ?? 'no-city');
    expect(text).not.toContain(held.person.bankAccount?.iban?.replace(/\s/g, '').slice(-8) ?? 'no-iban');
  });

  it('answers 404 case_not_found for an unknown case, and 403 to an operator', async () => {
    await expectProblem(
      await gw.request('GET', caseUrl('case_unknown'), { role: 'auditor' }),
      404,
      'case_not_found',
    );
    await expectProblem(
      await gw.request('GET', '/v1/compliance/cases', { role: 'operator' }),
      403,
      'forbidden',
    );
  });
});

describe('four eyes', () => {
  it('refuses the officer who asked, and lets a different officer approve', async () => {
    const held = await openHeldCase(gw);
    const asked = await act(
      held,
      'release',
      { role: 'compliance_officer' },
      { reason: 'Not the listed person: different nationality.' },
    );
    expect(asked.status).toBe(200);
    expect(await caseOf(asked)).toMatchObject({
      status: 'release_requested',
      releaseRequest: { by: 'demo-compliance', reason: 'Not the listed person: different nationality.' },
    });
    expect(await transferState(held.transferId)).toBe('released');

    const problem = await expectProblem(
      await act(held, 'approve-release', { role: 'compliance_officer' }, {}),
      409,
      'four_eyes_required',
    );
    expect(problem.caseId).toBe(held.caseId);
    expect(await transferState(held.transferId)).toBe('released');

    const approved = await act(held, 'approve-release', await second(), { note: 'Agreed.' });
    expect(approved.status).toBe(200);
    const view = await caseOf(approved);
    expect(view).toMatchObject({ status: 'released', decision: { by: SECOND_OFFICER, reason: 'Agreed.' } });
    expect(view.decisions.map((decision) => [decision.action, decision.actor])).toEqual([
      ['release_requested', 'demo-compliance'],
      ['release_approved', SECOND_OFFICER],
    ]);
    expect(await transferState(held.transferId)).toBe('approved');
    // The reservation stays for settlement.
    expect(await reserveJournalPhase(held.transferId)).toBe('pending');
  });

  it('lets a compliance approver be the second pair of eyes', async () => {
    const held = await openHeldCase(gw);
    expect((await act(held, 'release', { role: 'compliance_officer' })).status).toBe(200);
    expect((await act(held, 'approve-release', { role: 'compliance_approver' }, {})).status).toBe(200);
    expect(await transferState(held.transferId)).toBe('approved');
  });
});

describe('sending a release back', () => {
  it('returns the transfer to held and keeps every decision with its reason', async () => {
    const held = await openHeldCase(gw);
    await act(held, 'release', { role: 'compliance_officer' }, { reason: 'First look: probably not them.' });
    const declined = await act(
      held,
      'decline-release',
      { role: 'compliance_approver' },
      { reason: 'Birth date matches exactly.' },
    );
    expect(declined.status).toBe(200);
    const view = await caseOf(declined);
    expect(view).toMatchObject({ status: 'open', releaseRequest: null, decision: null });
    expect(view.decisions.map((decision) => [decision.action, decision.reason])).toEqual([
      ['release_requested', 'First look: probably not them.'],
      ['release_declined', 'Birth date matches exactly.'],
    ]);
    expect(await transferState(held.transferId)).toBe('held');
    // The officer who asked may also take their own request back.
    await act(held, 'release', { role: 'compliance_officer' });
    const withdrawn = await caseOf(
      act(held, 'decline-release', { role: 'compliance_officer' }, { reason: 'Asked too early.' }),
    );
    expect(withdrawn.decisions.at(-1)).toMatchObject({
      action: 'release_withdrawn',
      actor: 'demo-compliance',
    });
    expect(await transferState(held.transferId)).toBe('held');
  });
});

describe('rejection', () => {
  it('rejects a normal case with its reason and voids the reserve', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    expect(await reserveJournalPhase(held.transferId)).toBe('pending');
    const rejected = await act(
      held,
      'reject',
      { role: 'compliance_officer' },
      { reason: 'Structuring pattern confirmed.' },
    );
    expect(rejected.status).toBe(200);
    const view = await caseOf(rejected);
    expect(view).toMatchObject({
      status: 'rejected',
      decision: { by: 'demo-compliance', reason: 'Structuring pattern confirmed.' },
    });
    expect(view.transfer).toMatchObject({ state: 'rejected', ledger: { phase: 'voided' } });
    expect(await reserveJournalPhase(held.transferId)).toBe('voided');
    const check = await json(await gw.request('GET', '/v1/ledger/check', { role: 'auditor' }));
    expect(check.balanced).toBe(true);
  });

  it('never rejects a high case: the funds stay frozen and held', async () => {
    const held = await openHeldCase(gw);
    const problem = await expectProblem(
      await act(held, 'reject', { role: 'compliance_officer' }),
      409,
      'case_state_conflict',
    );
    expect(problem).toMatchObject({ priority: 'high', rule: 'asset_freeze' });
    expect(await transferState(held.transferId)).toBe('held');
    expect(await reserveJournalPhase(held.transferId)).toBe('pending');
    expect((await readCase(held.caseId)).status).toBe('open');
  });

  it('requires a reason', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    await expectProblem(
      await act(held, 'reject', { role: 'compliance_officer' }, {}),
      400,
      'validation_failed',
    );
    await expectProblem(
      await act(held, 'reject', { role: 'compliance_officer' }, { reason: '  ' }),
      400,
      'validation_failed',
    );
    expect(await transferState(held.transferId)).toBe('held');
  });
});

describe('a held transfer never settles', () => {
  it('refuses every action out of order and leaves the transfer where it was', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    await expectProblem(await act(held, 'approve-release', await second(), {}), 409, 'case_state_conflict');
    await expectProblem(await act(held, 'decline-release', await second()), 409, 'case_state_conflict');
    expect(await transferState(held.transferId)).toBe('held');

    await act(held, 'release', { role: 'compliance_officer' });
    await expectProblem(await act(held, 'release', await second()), 409, 'case_state_conflict');
    await expectProblem(await act(held, 'reject', await second()), 409, 'case_state_conflict');
    expect(await transferState(held.transferId)).toBe('released');

    expect((await act(held, 'approve-release', await second(), {})).status).toBe(200);
    await expectProblem(await act(held, 'approve-release', await second(), {}), 409, 'case_state_conflict');
    for (const action of ['decline-release', 'release', 'reject'] as const) {
      await expectProblem(await act(held, action, await second()), 409, 'case_state_conflict');
    }
    expect(await transferState(held.transferId)).toBe('approved');

    const rejectedCase = await openHeldCase(gw, { priority: 'normal' });
    await act(rejectedCase, 'reject', { role: 'compliance_officer' });
    await expectProblem(
      await act(rejectedCase, 'approve-release', await second(), {}),
      409,
      'case_state_conflict',
    );
    for (const action of ['release', 'reject'] as const) {
      await expectProblem(await act(rejectedCase, action, await second()), 409, 'case_state_conflict');
    }
    expect(await transferState(rejectedCase.transferId)).toBe('rejected');
  });

  it('is guarded by the state table itself: held goes nowhere but released, rejected or expired', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    for (const to of ['approved', 'reserved', 'submitted', 'settled'] as const) {
      await expect(
        gw.db.db.transaction((tx) =>
          changeTransferState(tx, held.transferId, 'held', to, { actor: 'test', now: gw.clock.now }),
        ),
      ).rejects.toSatisfy(
        (error) => error instanceof GatewayError && error.code === 'invalid_state_transition',
      );
    }
    expect(await transferState(held.transferId)).toBe('held');
  });

  it('lets only one of two concurrent approvals through', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    await act(held, 'release', { role: 'compliance_officer' });
    const [a, b] = await Promise.all([
      act(held, 'approve-release', await second(), {}),
      act(held, 'approve-release', { role: 'compliance_approver' }, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [row] = await gw.db.db.select().from(complianceCases).where(eq(complianceCases.id, held.caseId));
    expect(row?.decisions).toHaveLength(2);
    expect(await transferState(held.transferId)).toBe('approved');
  });
});

describe('continuous-screening alerts', () => {
  it('are cleared by two officers, or confirmed by one, without moving any money', async () => {
    const held = await openHeldCase(gw);
    const open = (runId: string) =>
      gw.db.db.transaction((tx) =>
        openScreeningAlert(
          tx,
          { subjectId: held.subjectId, runId, priority: 'high' },
          { actor: 'system', now: gw.clock.now },
        ),
      );
    const alertId = await open('srn_test_1');
    expect(await open('srn_test_1')).toBe(alertId);
    const alert = { ...held, caseId: alertId };
    const view = await readCase(alertId);
    expect(view).toMatchObject({
      kind: 'continuous_screening',
      transfer: null,
      runId: 'srn_test_1',
      subjectId: held.subjectId,
    });
    expect(view.parties).toEqual([]);
    await act(alert, 'release', { role: 'compliance_officer' });
    await expectProblem(
      await act(alert, 'approve-release', { role: 'compliance_officer' }, {}),
      409,
      'four_eyes_required',
    );
    expect((await caseOf(act(alert, 'approve-release', await second(), {}))).status).toBe('closed');

    const confirmed = { ...held, caseId: await open('srn_test_2') };
    const rejected = await caseOf(act(confirmed, 'reject', { role: 'compliance_officer' }));
    expect(rejected.status).toBe('rejected');
    expect(await transferState(held.transferId)).toBe('held');
  });
});

describe('the audit trail', () => {
  it('records every decision with ids only: no name, birth date, account or officer words', async () => {
    const held = await openHeldCase(gw, { priority: 'normal' });
    const reason = 'Kharzul Odmen Veshtar born 1966-07-02: same person, refused.';
    await act(held, 'release', { role: 'compliance_officer' }, { reason });
    await act(held, 'decline-release', await second(), { reason });
    await act(held, 'reject', { role: 'compliance_officer' }, { reason });
    const events = await gw.db.db
      .select()
      .from(auditEvents)
      .where(
        or(
          inArray(auditEvents.subjectId, [held.caseId, held.transferId]),
          eq(auditEvents.subjectType, 'compliance_case'),
        ),
      );
    const actions = events.filter((event) => event.subjectId === held.caseId).map((event) => event.action);
    expect(actions).toEqual([
      'compliance_case.opened',
      'compliance_case.release_requested',
      'compliance_case.release_declined',
      'compliance_case.rejected',
    ]);
    const text = JSON.stringify(events).toLowerCase();
    for (const value of [
      held.person.name.given,
      held.person.name.family,
      held.person.birthDate,
      held.person.bankAccount?.iban?.replace(/\s/g, '') ?? 'no-iban',
      held.person.nationalIdentifier.value,
      reason,
      LISTED_TEST_PERSONS.un.listedName,
    ]) {
      expect(text).not.toContain(String(value).toLowerCase());
    }
  });
});
