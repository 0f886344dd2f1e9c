/**
 * Shadow mode and simulation: transfers made over several days (the test clock), a candidate
 * rule-set version replayed over the last N days from the facts stored with each decision, then
 * run in shadow on new live traffic, compared in the shadow report, and activated by a second
 * officer.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { amlDecisions, dataSubjects, transfers } from '../../src/db/schema.ts';
import { evaluateTransfer, liveDecision, type ScreeningSummary } from '../../src/services/aml/evaluate.ts';
import { readPerson } from '../../src/services/privacy/subjects.ts';
import { amlPerson } from '../helpers/aml-persons.ts';
import {
  createTestGateway,
  json,
  loadTestRates,
  previousTargetDay,
  TEST_EUR_RATES,
  type TestGateway,
} from '../helpers/gateway.ts';

type Body = Record<string, unknown>;
type Counts = { clear: number; review: number; reject: number };
type Change = {
  transferId: string;
  before: string;
  after: string;
  reasonsGained: string[];
  reasonsLost: string[];
};

let gw: TestGateway;
let keyCounter = 0;
/** Transfers by the day they were made (0: the first day). */
const madeOn: { id: string; amount: string; day: number }[] = [];
/** The person who pays once a day: their history is what a replay must see as it was. */
const REGULAR = amlPerson(50);
const DAY = 86_400;

async function contribution(amount: string, who: InsuredPerson): Promise<Body> {
  const quoted = await gw.request('POST', '/v1/quotes', {
    role: 'operator',
    body: {
      purpose: 'contribution',
      partnerJurisdiction: 'DE',
      sourceCurrency: 'EUR',
      targetCurrency: 'CNY',
      sourceAmount: amount,
    },
  });
  expect(quoted.status, await quoted.clone().text()).toBe(201);
  const made = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: (await json(quoted)).id, insuredPerson: who },
    headers: { 'idempotency-key': `aml-sim-${++keyCounter}` },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  return json(made);
}

/** A day of transfers, each by a person of its own, and one by the regular payer. */
async function day(index: number, amounts: string[]): Promise<void> {
  for (const [position, amount] of amounts.entries()) {
    const made = await contribution(amount, amlPerson(index * 10 + position));
    madeOn.push({ id: made.id as string, amount, day: index });
  }
  const regular = await contribution('300.00', REGULAR);
  madeOn.push({ id: regular.id as string, amount: '300.00', day: index });
}

/** The next day, same hour, with the reference rates a quote then needs. */
async function nextDay(): Promise<void> {
  gw.clock.advance(DAY);
  await loadTestRates(gw.db.db, previousTargetDay(gw.clock.now), TEST_EUR_RATES, gw.clock.now);
}

async function storedCounts(ids: string[]): Promise<Counts> {
  const counts: Counts = { clear: 0, review: 0, reject: 0 };
  for (const id of ids) {
    const decision = await liveDecision(gw.db.db, id);
    if (!decision) throw new Error(`no live decision for ${id}`);
    counts[decision.decision] += 1;
  }
  return counts;
}

async function propose(parameters: Body): Promise<Body> {
  const response = await gw.request('POST', '/v1/aml/rule-sets', {
    role: 'compliance_officer',
    body: { jurisdiction: 'DE', note: 'candidate', parameters },
    headers: { 'idempotency-key': `aml-sim-propose-${++keyCounter}` },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return json(response);
}

async function simulate(
  id: unknown,
  days: number,
  role: 'compliance_officer' | 'compliance_approver' = 'compliance_officer',
) {
  return gw.request('POST', `/v1/aml/rule-sets/${String(id)}/simulate`, { role, body: { days } });
}

const HOLD_FROM_2000_AND_REJECT = { amount: { perTransfer: { threshold: '2000.00', action: 'reject' } } };

beforeAll(async () => {
  gw = await createTestGateway();
  // Three days of traffic, at 10:00 UTC each day; then an hour passes.
  await day(0, ['500.00', '2500.00', '12000.00']);
  await nextDay();
  await day(1, ['700.00', '3000.00']);
  await nextDay();
  await day(2, ['800.00', '4000.00', '15000.00']);
  gw.clock.advance(3600);
});
afterAll(async () => gw?.close());

describe('simulating a candidate version over the stored transfers', () => {
  let candidate: Body;
  beforeAll(async () => {
    candidate = await propose(HOLD_FROM_2000_AND_REJECT);
  });

  it('replays only the last N days, and reports the decisions before and after', async () => {
    const response = await simulate(candidate.id, 1);
    expect(response.status).toBe(200);
    const report = await json<Body & { before: Counts; after: Counts; changed: Change[] }>(response);
    const lastDay = madeOn.filter((item) => item.day === 2);
    expect(report).toMatchObject({
      object: 'aml_simulation',
      ruleSetId: candidate.id,
      jurisdiction: 'DE',
      version: 1,
      days: 1,
      replayed: lastDay.length,
      skipped: 0,
      truncated: false,
    });
    expect(report.before).toEqual(await storedCounts(lastDay.map((item) => item.id)));
    // From 2,000.00 every transfer is rejected: 4,000.00 and 15,000.00 of the last day.
    const rejected = lastDay.filter((item) => Number(item.amount) >= 2000);
    expect(report.after.reject).toBe(rejected.length);
    expect(report.after.clear + report.after.review + report.after.reject).toBe(lastDay.length);
    expect(report.changed.map((change) => change.transferId).sort()).toEqual(
      rejected.map((item) => item.id).sort(),
    );
  });

  it('names the reason codes each changed transfer gains and loses', async () => {
    const report = await json<{ changed: Change[] }>(await simulate(candidate.id, 3));
    const byId = new Map(report.changed.map((change) => [change.transferId, change]));
    const small = madeOn.find((item) => item.amount === '2500.00');
    const large = madeOn.find((item) => item.amount === '15000.00');
    // 2,500.00 was clear: it gains the threshold reason and is rejected.
    expect(byId.get(small?.id ?? '')).toMatchObject({
      before: 'clear',
      after: 'reject',
      reasonsGained: ['AMOUNT_ABOVE_THRESHOLD'],
      reasonsLost: [],
    });
    // 15,000.00 was already held for the threshold: same reasons, now rejected.
    expect(byId.get(large?.id ?? '')).toMatchObject({
      before: 'review',
      after: 'reject',
      reasonsGained: [],
      reasonsLost: [],
    });
    expect(report.changed.length).toBe(madeOn.filter((item) => Number(item.amount) >= 2000).length);
  });

  it('replays each transfer’s history as it was when it was decided', async () => {
    // Two transfers in 7 days by one person now give a velocity reason; the regular payer's first
    // transfer had no history yet, the second one had the first.
    const velocity = await propose({ velocity: { person: { count: { d7: 2, action: 'review' } } } });
    const report = await json<{ changed: Change[]; replayed: number }>(await simulate(velocity.id, 3));
    expect(report.replayed).toBe(madeOn.length);
    const regular = madeOn.filter((item) => item.amount === '300.00').map((item) => item.id);
    const changed = report.changed.filter((change) => regular.includes(change.transferId));
    expect(changed.map((change) => change.transferId)).toEqual(regular.slice(1));
    for (const change of changed) {
      expect(change).toMatchObject({
        before: 'clear',
        after: 'review',
        reasonsGained: ['VELOCITY_PERSON_COUNT'],
      });
    }
  });

  it('skips a decision stored without facts, and may be run by an approver before activating', async () => {
    const [first] = madeOn;
    await gw.db.db
      .update(amlDecisions)
      .set({ facts: null })
      .where(and(eq(amlDecisions.transferId, first?.id ?? ''), eq(amlDecisions.live, true)));
    const report = await json<{ replayed: number; skipped: number }>(
      await simulate(candidate.id, 3, 'compliance_approver'),
    );
    expect(report).toMatchObject({ replayed: madeOn.length - 1, skipped: 1 });
  });

  it('refuses a window of no day or of more than 90 days', async () => {
    for (const days of [0, 91]) {
      const response = await simulate(candidate.id, days);
      expect(await json(response)).toMatchObject({ status: 400, code: 'validation_failed' });
    }
  });
});

describe('shadow mode', () => {
  let shadow: Body;
  const shadowed: { id: string; amount: string }[] = [];

  beforeAll(async () => {
    shadow = await propose(HOLD_FROM_2000_AND_REJECT);
  });

  it('has no report before the version ran in shadow', async () => {
    const response = await gw.request('GET', `/v1/aml/rule-sets/${String(shadow.id)}/shadow-report`, {
      role: 'auditor',
    });
    expect(await json(response)).toMatchObject({
      status: 409,
      code: 'rule_set_state_conflict',
      ruleSetStatus: 'proposed',
    });
  });

  it('runs one version per jurisdiction in shadow', async () => {
    const started = await gw.request('POST', `/v1/aml/rule-sets/${String(shadow.id)}/shadow`, {
      role: 'compliance_officer',
    });
    expect(await json(started)).toMatchObject({ status: 'shadow', shadowFrom: gw.clock.now.toISOString() });
    const other = await propose({ roundAmount: { score: 11 } });
    const refused = await gw.request('POST', `/v1/aml/rule-sets/${String(other.id)}/shadow`, {
      role: 'compliance_officer',
    });
    expect(await json(refused)).toMatchObject({
      status: 409,
      code: 'rule_set_state_conflict',
      shadowRuleSetId: shadow.id,
    });
    const rules = await json<{ shadow: Body }>(
      await gw.request('GET', '/v1/aml/jurisdictions/DE/rules', { role: 'auditor' }),
    );
    expect(rules.shadow).toMatchObject({ id: shadow.id, status: 'shadow' });
  });

  it('decides live traffic under the shadow version too, without acting on it', async () => {
    gw.clock.advance(60);
    for (const [index, amount] of ['1500.00', '2500.00'].entries()) {
      const made = await contribution(amount, amlPerson(80 + index));
      shadowed.push({ id: made.id as string, amount });
      // The live rules still apply: 2,500.00 is not rejected.
      expect(made.state).toBe('approved');
    }
    const [second] = await gw.db.db
      .select()
      .from(amlDecisions)
      .where(and(eq(amlDecisions.transferId, shadowed[1]?.id ?? ''), eq(amlDecisions.live, false)));
    expect(second).toMatchObject({
      ruleSetId: shadow.id,
      ruleSetVersion: shadow.version,
      decision: 'reject',
    });
  });

  it('returns the shadow decision from evaluateTransfer', async () => {
    const [row] = await gw.db.db
      .select()
      .from(transfers)
      .where(eq(transfers.id, shadowed[1]?.id ?? ''));
    if (!row?.dataSubjectId) throw new Error('transfer missing');
    const [subject] = await gw.db.db
      .select()
      .from(dataSubjects)
      .where(eq(dataSubjects.id, row.dataSubjectId));
    if (!subject) throw new Error('subject missing');
    const screening: ScreeningSummary = { parties: [], listVersions: [] };
    const decided = await evaluateTransfer(
      gw.db.db,
      { registry: gw.deps.registry },
      {
        transfer: row,
        person: await readPerson(gw.db.db, gw.deps.privacyKeys, subject),
        subject: { id: subject.id, amlPseudonym: subject.amlPseudonym },
        screening,
        now: row.createdAt,
      },
    );
    expect(decided.live).toMatchObject({ decision: 'clear', ruleSetId: null, ruleSetVersion: 0 });
    expect(decided.shadow).toMatchObject({
      decision: 'reject',
      ruleSetId: shadow.id,
      ruleSetVersion: shadow.version,
    });
    expect(decided.shadow?.reasons.map((item) => item.code)).toContain('AMOUNT_ABOVE_THRESHOLD');
    expect(decided.shadow?.facts?.partner).toEqual({ currency: 'EUR', amountMinor: '250000' });
  });

  it('reports live and shadow decisions since the shadow started, and the transfers that differ', async () => {
    const response = await gw.request('GET', `/v1/aml/rule-sets/${String(shadow.id)}/shadow-report`, {
      role: 'compliance_approver',
    });
    expect(response.status).toBe(200);
    const report = await json<Body & { live: Counts; shadow: Counts; differing: Change[] }>(response);
    expect(report).toMatchObject({
      object: 'aml_shadow_report',
      compared: 2,
      differingCount: 1,
      status: 'shadow',
    });
    expect(report.live).toEqual(await storedCounts(shadowed.map((item) => item.id)));
    expect(report.shadow).toEqual({ clear: 1, review: 0, reject: 1 });
    expect(report.differing).toEqual([
      expect.objectContaining({
        transferId: shadowed[1]?.id,
        before: 'clear',
        after: 'reject',
        reasonsGained: ['AMOUNT_ABOVE_THRESHOLD'],
        reasonsLost: [],
      }),
    ]);
  });

  it('once activated by another officer, decides live traffic and no longer runs in shadow', async () => {
    const activated = await gw.request('POST', `/v1/aml/rule-sets/${String(shadow.id)}/activate`, {
      role: 'compliance_approver',
    });
    expect(await json(activated)).toMatchObject({ status: 'active', shadowFrom: expect.any(String) });
    gw.clock.advance(60);
    const made = await contribution('2500.00', amlPerson(90));
    expect(made.state).toBe('rejected');
    expect(await liveDecision(gw.db.db, made.id as string)).toMatchObject({
      decision: 'reject',
      ruleSetId: shadow.id,
      ruleSetVersion: shadow.version,
    });
    const shadowRows = await gw.db.db
      .select()
      .from(amlDecisions)
      .where(and(eq(amlDecisions.transferId, made.id as string), eq(amlDecisions.live, false)));
    expect(shadowRows).toEqual([]);
    // The report of the shadow period stays readable.
    const report = await json(
      await gw.request('GET', `/v1/aml/rule-sets/${String(shadow.id)}/shadow-report`, { role: 'auditor' }),
    );
    expect(report).toMatchObject({ status: 'active', compared: 2 });
  });
});
