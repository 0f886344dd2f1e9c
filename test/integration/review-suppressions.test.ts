/**
 * Suppressions of false positives: made from a hit of a case, tied to the party, the entry and the
 * entry's content; they let the party's next transfer through screening, and stop applying when
 * they expire, are revoked, or the list entry changes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suppression } from '../../schemas/compliance.ts';
import { auditEvents, screeningResults } from '../../src/db/schema.ts';
import { activeSuppressions } from '../../src/services/review/suppressions.ts';
import { importSanctionsList } from '../../src/services/sanctions/import.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { type HeldCase, openHeldCase } from '../helpers/review.ts';
import { LISTED_TEST_PERSONS, SANCTIONS_FIXTURES_DIR } from '../helpers/sanctions.ts';

let gw: TestGateway;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

const DAY = 86_400_000;
const inDays = (days: number) => new Date(gw.clock.now.getTime() + days * DAY).toISOString();

async function suppress(held: HeldCase, body: Record<string, unknown> = {}) {
  return gw.request('POST', `/v1/compliance/cases/${held.caseId}/suppressions`, {
    role: 'compliance_officer',
    body: {
      entityId: held.entityId,
      reason: 'Different person: born elsewhere, other nationality.',
      expiresAt: inDays(90),
      ...body,
    },
  });
}

async function listFor(partyKey: string, active?: boolean) {
  const query = `partyKey=${partyKey}${active === undefined ? '' : `&active=${active}`}`;
  const response = await gw.request('GET', `/v1/compliance/suppressions?${query}`, { role: 'auditor' });
  expect(response.status).toBe(200);
  return (await json<{ data: Suppression[] }>(response)).data;
}

async function expectProblem(response: Response, status: number, code: string) {
  const problem = await json(response);
  expect(response.status, JSON.stringify(problem)).toBe(status);
  expect(problem.code).toBe(code);
  return problem;
}

/** A new contribution of the same person: screened again with the same name and birth date. */
async function transferAgain(held: HeldCase) {
  const quote = await json(
    await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const response = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id, insuredPerson: held.person },
    headers: { 'idempotency-key': `suppression-again-${held.caseId}-${gw.clock.now.getTime()}` },
  });
  expect(response.status).toBe(201);
  const transfer = await json<{ id: string; state: string }>(response);
  const [result] = await gw.db.db
    .select()
    .from(screeningResults)
    .where(eq(screeningResults.transferId, transfer.id));
  return {
    transfer,
    hits: (result?.hits ?? []) as { entityId: string; suppressionId?: string }[],
    outcome: result?.outcome,
  };
}

describe('creating a suppression', () => {
  it('ties it to the party, the entry and its content, audits it with ids, and lets the next transfer through', async () => {
    const held = await openHeldCase(gw);
    const response = await suppress(held);
    expect(response.status).toBe(201);
    const created = await json<Suppression>(response);
    expect(created).toMatchObject({
      object: 'suppression',
      partyKey: held.subjectId,
      entityId: held.entityId,
      caseId: held.caseId,
      createdBy: 'demo-compliance',
      status: 'active',
      revokedAt: null,
    });
    expect(created.entrySha256).toMatch(/^[0-9a-f]{64}$/);
    const active = await activeSuppressions(gw.db.db, [held.subjectId], gw.clock.now);
    expect(active.map((item) => item.id)).toEqual([created.id]);

    const [event] = await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
    expect(event).toMatchObject({
      action: 'suppression.created',
      subjectType: 'suppression',
      actor: 'demo-compliance',
    });
    expect(event?.data).toEqual({
      caseId: held.caseId,
      partyKey: held.subjectId,
      entityId: held.entityId,
      expiresAt: created.expiresAt,
    });

    const again = await transferAgain(held);
    expect(again.hits.find((hit) => hit.entityId === held.entityId)?.suppressionId).toBe(created.id);
    expect(again.outcome).toBe('clear');
    expect(again.transfer.state).toBe('approved');
    // The case it came from is untouched: a suppression releases nothing.
    const view = await json(
      await gw.request('GET', `/v1/compliance/cases/${held.caseId}`, { role: 'compliance_officer' }),
    );
    expect(view).toMatchObject({ status: 'open', suppressionIds: [created.id] });
  });

  it('refuses an entry that is no hit of the case, a bad expiry, and a second active one', async () => {
    const held = await openHeldCase(gw);
    const notHit = await expectProblem(
      await suppress(held, { entityId: LISTED_TEST_PERSONS.eu.entityId }),
      400,
      'validation_failed',
    );
    expect(notHit.errors).toEqual([expect.objectContaining({ path: 'entityId' })]);
    await expectProblem(await suppress(held, { partyKey: 'partner:someone-else' }), 400, 'validation_failed');
    await expectProblem(await suppress(held, { expiresAt: inDays(366) }), 400, 'validation_failed');
    await expectProblem(await suppress(held, { expiresAt: inDays(-1) }), 400, 'validation_failed');
    await expectProblem(await suppress(held, { entityId: 'nolist:1' }), 400, 'validation_failed');
    await expectProblem(await suppress(held, { reason: '' }), 400, 'validation_failed');
    expect((await suppress(held, { expiresAt: inDays(365) })).status).toBe(201);
    const duplicate = await expectProblem(await suppress(held), 409, 'case_state_conflict');
    expect(duplicate.suppressionId).toMatch(/^sup_/);
    await expectProblem(
      await gw.request('POST', '/v1/compliance/cases/case_missing/suppressions', {
        role: 'compliance_officer',
        body: { entityId: held.entityId, reason: 'Not them at all.', expiresAt: inDays(30) },
      }),
      404,
      'case_not_found',
    );
    // Only a compliance officer marks false positives.
    expect(
      (
        await gw.request('POST', `/v1/compliance/cases/${held.caseId}/suppressions`, {
          role: 'compliance_approver',
          body: { entityId: held.entityId, reason: 'Not them at all.', expiresAt: inDays(30) },
        })
      ).status,
    ).toBe(403);
  });
});

describe('when a suppression stops applying', () => {
  it('expires with the clock', async () => {
    const held = await openHeldCase(gw);
    const created = await json<Suppression>(await suppress(held, { expiresAt: inDays(2) }));
    expect((await listFor(held.subjectId, true)).map((item) => item.id)).toEqual([created.id]);
    gw.clock.advance(2 * 86_400 + 1);
    expect(await listFor(held.subjectId, true)).toEqual([]);
    expect((await listFor(held.subjectId, false)).map((item) => [item.id, item.status])).toEqual([
      [created.id, 'expired'],
    ]);
    expect(await activeSuppressions(gw.db.db, [held.subjectId], gw.clock.now)).toEqual([]);
    const again = await transferAgain(held);
    expect(again.transfer.state).toBe('held');
    expect(again.hits.find((hit) => hit.entityId === held.entityId)?.suppressionId).toBeUndefined();
  });

  it('is revoked once, audited, by an officer or an approver', async () => {
    const held = await openHeldCase(gw);
    const created = await json<Suppression>(await suppress(held));
    const revoked = await gw.request('POST', `/v1/compliance/suppressions/${created.id}/revoke`, {
      role: 'compliance_approver',
    });
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({
      id: created.id,
      status: 'revoked',
      revokedBy: 'demo-approver',
    });
    expect(await activeSuppressions(gw.db.db, [held.subjectId], gw.clock.now)).toEqual([]);
    await expectProblem(
      await gw.request('POST', `/v1/compliance/suppressions/${created.id}/revoke`, {
        role: 'compliance_officer',
      }),
      409,
      'case_state_conflict',
    );
    await expectProblem(
      await gw.request('POST', '/v1/compliance/suppressions/sup_missing/revoke', {
        role: 'compliance_officer',
      }),
      404,
      'suppression_not_found',
    );
    const actions = (
      await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, created.id))
    ).map((event) => event.action);
    expect(actions).toEqual(['suppression.created', 'suppression.revoked']);
    // A suppressed entry after revocation holds the person again.
    expect((await transferAgain(held)).transfer.state).toBe('held');
  });

  it('ends when a new list version changes the entry', async () => {
    const held = await openHeldCase(gw);
    const created = await json<Suppression>(await suppress(held));
    expect((await listFor(held.subjectId)).map((item) => item.status)).toEqual(['active']);
    const original = readFileSync(path.join(SANCTIONS_FIXTURES_DIR, 'un.xml'), 'utf8');
    const changed = original.replace(
      'Fictional entry for tests. Reportedly moved between several countries.',
      'Fictional entry for tests. Reportedly moved between several countries; new alias reported.',
    );
    expect(changed).not.toBe(original);
    await importSanctionsList(gw.db.db, {
      source: 'un',
      files: new TextEncoder().encode(changed),
      trigger: 'file',
      origin: 'un-changed.xml',
      actor: 'system:test',
      now: gw.clock.now,
    });
    expect((await listFor(held.subjectId)).map((item) => [item.id, item.status])).toEqual([
      [created.id, 'entry_changed'],
    ]);
    expect(await listFor(held.subjectId, true)).toEqual([]);
    expect(await activeSuppressions(gw.db.db, [held.subjectId], gw.clock.now)).toEqual([]);
  });
});
