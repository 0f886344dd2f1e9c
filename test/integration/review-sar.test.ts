/**
 * The suspicious-activity report of a case: the structured JSON (reporting entity, case,
 * transfer, parties with the person as the caller's role may see them, hits with explanations,
 * AML reasons, versions, officer decisions, timeline) and the printable document (escaped, loads
 * nothing). Exporting is audited; partners and operators cannot.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuspiciousActivityReport } from '../../schemas/compliance.ts';
import { auditEvents } from '../../src/db/schema.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { addSecondOfficer, type HeldCase, openHeldCase, SECOND_OFFICER } from '../helpers/review.ts';

let gw: TestGateway;
let held: HeldCase;
const HOSTILE_REASON = '<script>alert("sar")</script> & <img src=x onerror=alert(1)>';

beforeAll(async () => {
  gw = await createTestGateway();
  await addSecondOfficer(gw);
  held = await openHeldCase(gw, { priority: 'normal' });
  const release = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/release`, {
    role: 'compliance_officer',
    body: { reason: 'Probably a namesake.' },
  });
  expect(release.status).toBe(200);
  const decline = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/decline-release`, {
    token: await gw.token('compliance_officer', SECOND_OFFICER),
    body: { reason: HOSTILE_REASON },
  });
  expect(decline.status).toBe(200);
  const reject = await gw.request('POST', `/v1/compliance/cases/${held.caseId}/reject`, {
    role: 'compliance_officer',
    body: { reason: 'Same birth date and name as the listed person; refused.' },
  });
  expect(reject.status).toBe(200);
});
afterAll(async () => {
  await gw?.close();
});

describe('the structured report', () => {
  it('holds everything a financial intelligence unit needs', async () => {
    const response = await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar`, {
      role: 'compliance_officer',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const report = await json<SuspiciousActivityReport>(response);
    expect(report).toMatchObject({
      object: 'suspicious_activity_report',
      generatedBy: 'demo-compliance',
      generatedAt: gw.clock.now.toISOString(),
      reportingEntity: { jurisdiction: 'CN' },
      case: {
        id: held.caseId,
        kind: 'transfer_hold',
        status: 'rejected',
        priority: 'normal',
        subjectId: held.subjectId,
      },
      transfer: { id: held.transferId, state: 'rejected', ledger: { phase: 'voided' } },
    });
    expect(report.reportingEntity.name).toMatch(/Pontis/);
    const party = report.parties.find((item) => item.screening.partyKey === held.subjectId);
    expect(party?.person?.name).toEqual(held.person.name);
    expect(party?.person?.nationalIdentifier).toEqual(held.person.nationalIdentifier);
    expect(party?.screening.hits.map((hit) => hit.entityId)).toContain(held.entityId);
    expect(party?.screening.hits[0]?.explanation.tokens.length).toBeGreaterThan(0);
    expect(party?.queryTokens?.length).toBeGreaterThan(0);
    expect(report.aml?.reasons.map((reason) => reason.code)).toContain('SANCTIONS_MATCH_BLOCK');
    expect(report.ruleSetVersion).toBe(report.aml?.ruleSetVersion);
    expect(report.listVersions.length).toBeGreaterThan(0);
    expect(report.decisions.map((decision) => [decision.action, decision.actor])).toEqual([
      ['release_requested', 'demo-compliance'],
      ['release_declined', SECOND_OFFICER],
      ['rejected', 'demo-compliance'],
    ]);
    expect(report.decisions[1]?.reason).toBe(HOSTILE_REASON);
    const timeline = report.timeline.map((event) => event.action);
    expect(timeline).toEqual(
      expect.arrayContaining([
        'transfer.received',
        'transfer.screening',
        'transfer.held',
        'compliance_case.opened',
        'transfer.released',
        'compliance_case.release_requested',
        'compliance_case.release_declined',
        'transfer.rejected',
        'compliance_case.rejected',
      ]),
    );
    const times = report.timeline.map((event) => event.at);
    expect([...times].sort()).toEqual(times);
  });

  it('shows an auditor the person by pseudonymous id only', async () => {
    const response = await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar`, { role: 'auditor' });
    expect(response.status).toBe(200);
    const report = await json<SuspiciousActivityReport>(response);
    const party = report.parties.find((item) => item.screening.partyKey === held.subjectId);
    expect(party?.person).toEqual({ dataSubjectId: held.subjectId, disclosedCategories: [] });
    expect(party?.queryTokens).toBeNull();
    expect(JSON.stringify(report)).not.toContain(held.person.nationalIdentifier.value);
  });

  it('is audited each time, with the format and ids only', async () => {
    await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar.html`, { role: 'compliance_approver' });
    const events = await gw.db.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, held.caseId), eq(auditEvents.action, 'compliance_case.sar_exported')),
      );
    expect(events.map((event) => [event.actor, (event.data as { format: string }).format])).toEqual(
      expect.arrayContaining([
        ['demo-compliance', 'json'],
        ['demo-auditor', 'json'],
        ['demo-approver', 'html'],
      ]),
    );
    expect(JSON.stringify(events)).not.toContain('namesake');
  });

  it('is for compliance and auditors only, and 404 for an unknown case', async () => {
    for (const role of ['operator', 'privacy_officer'] as const) {
      expect((await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar`, { role })).status).toBe(403);
      expect((await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar.html`, { role })).status).toBe(
        403,
      );
    }
    const missing = await gw.request('GET', '/v1/compliance/cases/case_nothing/sar.html', {
      role: 'auditor',
    });
    expect(missing.status).toBe(404);
    expect((await json(missing)).code).toBe('case_not_found');
  });
});

describe('the printable report', () => {
  it('is one escaped HTML page that loads nothing', async () => {
    const response = await gw.request('GET', `/v1/compliance/cases/${held.caseId}/sar.html`, {
      role: 'compliance_officer',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;sar&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) expect(tag[0]).not.toMatch(/\s(src|href)\s*=/i);
    expect(html).toContain(held.caseId);
    expect(html).toContain(held.entityId);
    expect(html).toContain('SANCTIONS_MATCH_BLOCK');
    expect(html).toContain('@media print');
  });
});
