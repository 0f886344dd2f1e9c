/**
 * AML rules end to end: a jurisdiction's rules and bounds on the API, rule-set versions proposed
 * within the bounds and activated by a second officer, transfers made through the API decided by
 * the rules (amounts, velocity, travel rule, high-risk countries, benefits, linked accounts),
 * life certificates and death reports, and the functions the pipeline calls.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { amlDecisions, amlRuleSets, auditEvents, dataSubjects, transfers } from '../../src/db/schema.ts';
import { evaluateTransfer, liveDecision, resolveRuleSet } from '../../src/services/aml/evaluate.ts';
import type { AmlFacts } from '../../src/services/aml/facts.ts';
import { readPerson } from '../../src/services/privacy/subjects.ts';
import { addUser } from '../../src/services/users/users.ts';
import { amlPerson, deIban, deNumber } from '../helpers/aml-persons.ts';
import { createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

let gw: TestGateway;
let keyCounter = 0;

beforeAll(async () => {
  gw = await createTestGateway();
  await addUser(gw.db.db, {
    id: 'aml-officer-2',
    displayName: 'Second compliance officer',
    roles: ['compliance_officer'],
  });
});
afterAll(async () => gw?.close());

type Body = Record<string, unknown>;
type Problem = { status: number; code: string; errors?: { path: string; message: string; code: string }[] };

const person = amlPerson;

async function transfer(quote: Body, insuredPerson?: InsuredPerson): Promise<Body> {
  const quoted = await gw.request('POST', '/v1/quotes', { role: 'operator', body: quote });
  expect(quoted.status, await quoted.clone().text()).toBe(201);
  const made = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: (await json(quoted)).id, ...(insuredPerson ? { insuredPerson } : {}) },
    headers: { 'idempotency-key': `aml-rules-${++keyCounter}` },
  });
  expect(made.status, await made.clone().text()).toBe(201);
  return json(made);
}

const contribution = (amount: string, who?: InsuredPerson, partner = 'DE', currency = 'EUR') =>
  transfer(
    {
      purpose: 'contribution',
      partnerJurisdiction: partner,
      sourceCurrency: currency,
      targetCurrency: 'CNY',
      sourceAmount: amount,
    },
    who,
  );

async function consent(who: InsuredPerson): Promise<void> {
  const recorded = await gw.request('POST', '/v1/privacy/consents', {
    role: 'operator',
    body: {
      nationalIdentifier: who.nationalIdentifier,
      purpose: 'benefit_payment',
      kind: 'pipl_separate_consent',
      textVersion: 'cn-cross-border-2026-01',
      channel: 'paper_form',
    },
  });
  expect(recorded.status, await recorded.clone().text()).toBe(201);
}

const benefit = (amount: string, who: InsuredPerson) =>
  transfer(
    {
      purpose: 'benefit',
      partnerJurisdiction: 'DE',
      sourceCurrency: 'CNY',
      targetCurrency: 'EUR',
      targetAmount: amount,
    },
    who,
  );

async function decisionOf(made: Body) {
  const decision = await liveDecision(gw.db.db, made.id as string);
  if (!decision) throw new Error(`no live decision for ${String(made.id)}`);
  return { ...decision, codes: decision.reasons.map((item) => item.code) };
}

/** The facts stored with a transfer's live decision. */
async function factsOf(transferId: string): Promise<AmlFacts> {
  const [stored] = await gw.db.db
    .select({ facts: amlDecisions.facts })
    .from(amlDecisions)
    .where(and(eq(amlDecisions.transferId, transferId), eq(amlDecisions.live, true)));
  if (!stored?.facts) throw new Error(`no facts stored for ${transferId}`);
  return stored.facts as AmlFacts;
}

const subjectOf = (made: Body) => (made.insuredPerson as { dataSubjectId: string }).dataSubjectId;

async function propose(body: Body, token?: string) {
  return gw.request('POST', '/v1/aml/rule-sets', {
    ...(token ? { token } : { role: 'compliance_officer' as const }),
    body,
    headers: { 'idempotency-key': `aml-propose-${++keyCounter}` },
  });
}

describe('a jurisdiction’s rules on the API', () => {
  it('shows the defaults in force as version 0, with the bounds, hold policy and lists', async () => {
    const response = await gw.request('GET', '/v1/aml/jurisdictions/DE/rules', { role: 'auditor' });
    expect(response.status).toBe(200);
    const rules = await json<{
      currency: string;
      active: { ruleSetId: string | null; version: number; parameters: { amount: { perTransfer: Body } } };
      shadow: unknown;
      bounds: { amount: { perTransfer: { threshold: Body; action: Body } }; travelRule: { standard: Body } };
      holdPolicy: Body;
      sanctionsLists: string[];
      fatf: { dataAsOf: string };
    }>(response);
    expect(rules.currency).toBe('EUR');
    expect(rules.active).toMatchObject({ ruleSetId: null, version: 0 });
    expect(rules.active.parameters.amount.perTransfer).toEqual({
      threshold: '10000.00',
      score: 40,
      action: 'review',
    });
    expect(rules.bounds.amount.perTransfer.threshold).toEqual({ min: '1000.00', max: '100000.00' });
    expect(rules.bounds.amount.perTransfer.action).toEqual({ values: ['score', 'review', 'reject'] });
    expect(rules.bounds.travelRule.standard).toEqual({ values: ['eu_2023_1113'] });
    expect(rules.holdPolicy).toEqual({ timeoutHours: 72, onTimeout: 'escalate' });
    expect(rules.sanctionsLists).toEqual(['un', 'eu']);
    expect(rules.shadow).toBeNull();
    expect(rules.fatf.dataAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('gives each partner its amounts in its own currency', async () => {
    const japan = await json<{ currency: string; defaults: { amount: { perTransfer: Body } } }>(
      await gw.request('GET', '/v1/aml/jurisdictions/JP/rules', { role: 'compliance_approver' }),
    );
    expect(japan.currency).toBe('JPY');
    expect(japan.defaults.amount.perTransfer.threshold).toBe('2000000');
  });

  it('has no rules for the home jurisdiction, and knows no disabled one', async () => {
    const home = await json<Problem>(
      await gw.request('GET', '/v1/aml/jurisdictions/CN/rules', { role: 'auditor' }),
    );
    expect(home).toMatchObject({ status: 404, code: 'rule_set_not_found' });
    const unknown = await json<Problem>(
      await gw.request('GET', '/v1/aml/jurisdictions/ZZ/rules', { role: 'auditor' }),
    );
    expect(unknown).toMatchObject({ status: 422, code: 'jurisdiction_unknown' });
  });
});

describe('rule-set versions', () => {
  it('refuses parameters outside the bounds, naming each field and its bound', async () => {
    const response = await propose({
      jurisdiction: 'NL',
      note: 'out of bounds',
      parameters: {
        amount: { perTransfer: { threshold: '100000.01' } },
        structuring: { marginPercent: 40 },
        screening: { review: 0.6 },
        benefits: { payoutAfterDeath: { action: 'score' } },
      },
    });
    expect(response.status).toBe(422);
    const problem = await json<Problem>(response);
    expect(problem.code).toBe('rule_parameters_invalid');
    expect(problem.errors).toEqual([
      {
        path: 'parameters.amount.perTransfer.threshold',
        message: 'at most 100000.00 EUR',
        code: 'above_maximum',
      },
      { path: 'parameters.structuring.marginPercent', message: 'at most 25', code: 'above_maximum' },
      {
        path: 'parameters.benefits.payoutAfterDeath.action',
        message: 'one of review, reject',
        code: 'invalid_value',
      },
      { path: 'parameters.screening.review', message: 'at least 0.7', code: 'below_minimum' },
    ]);
  });

  it('refuses a parameter nobody declared, and the home jurisdiction', async () => {
    const unknown = await propose({
      jurisdiction: 'NL',
      note: 'x',
      parameters: { amount: { perTransfer: { limit: '1' } } },
    });
    expect(await json<Problem>(unknown)).toMatchObject({ status: 400, code: 'unknown_field' });
    const home = await propose({ jurisdiction: 'CN', note: 'x', parameters: {} });
    expect(await json<Problem>(home)).toMatchObject({
      status: 422,
      code: 'rule_parameters_invalid',
      errors: [{ path: 'jurisdiction', code: 'no_rules' }],
    });
  });

  it('stores a complete version from a partial proposal, and says what it changes', async () => {
    const response = await propose({
      jurisdiction: 'NL',
      note: 'Hold from 8,000.00 after the Q3 review.',
      parameters: { amount: { perTransfer: { threshold: '8000.00' } }, typology: { reviewScore: 60 } },
    });
    expect(response.status).toBe(201);
    const version = await json<Body & { parameters: { amount: { perTransfer: Body }; roundAmount: Body } }>(
      response,
    );
    expect(version).toMatchObject({
      object: 'aml_rule_set',
      jurisdiction: 'NL',
      version: 1,
      status: 'proposed',
    });
    expect(version.parameters.amount.perTransfer).toEqual({
      threshold: '8000.00',
      score: 40,
      action: 'review',
    });
    expect(version.parameters.roundAmount).toEqual({
      multiple: '1000.00',
      minAmount: '5000.00',
      score: 10,
      action: 'score',
    });
    expect(version.changesFromActive).toEqual([
      { path: 'amount.perTransfer.threshold', from: '10000.00', to: '8000.00' },
      { path: 'typology.reviewScore', from: 50, to: 60 },
    ]);
    expect(response.headers.get('location')).toBe(`/v1/aml/rule-sets/${String(version.id)}`);
    const [event] = await gw.db.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectType, 'aml_rule_set'), eq(auditEvents.subjectId, version.id as string)),
      );
    expect(event).toMatchObject({
      action: 'aml_rule_set.proposed',
      actor: 'demo-compliance',
      toState: 'proposed',
    });
    expect(event?.data).toEqual({
      jurisdiction: 'NL',
      version: 1,
      basedOnVersion: 0,
      changed: ['amount.perTransfer.threshold', 'typology.reviewScore'],
    });
  });

  it('replays a proposal sent again with the same Idempotency-Key', async () => {
    const request = {
      role: 'compliance_officer' as const,
      body: { jurisdiction: 'NL', note: 'retried', parameters: { roundAmount: { score: 15 } } },
      headers: { 'idempotency-key': 'aml-propose-retry' },
    };
    const first = await gw.request('POST', '/v1/aml/rule-sets', request);
    const again = await gw.request('POST', '/v1/aml/rule-sets', request);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).id).toBe((await json(first)).id);
  });

  it('needs a second officer to activate (four eyes); the version in force retires', async () => {
    const first = await json(
      await propose({ jurisdiction: 'FR', note: 'v1', parameters: { roundAmount: { score: 12 } } }),
    );
    const own = await gw.request('POST', `/v1/aml/rule-sets/${String(first.id)}/activate`, {
      role: 'compliance_officer',
    });
    expect(await json<Problem>(own)).toMatchObject({ status: 409, code: 'four_eyes_required' });

    const approved = await gw.request('POST', `/v1/aml/rule-sets/${String(first.id)}/activate`, {
      role: 'compliance_approver',
    });
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({
      status: 'active',
      activatedBy: 'demo-approver',
      changesFromActive: [],
    });
    const inForce = await resolveRuleSet(gw.db.db, gw.deps.registry, 'FR');
    expect(inForce).toMatchObject({ id: first.id, version: 1 });
    expect(inForce.parameters.roundAmount.score).toBe(12);

    // A version proposed by an approver-less path: another compliance officer may activate it.
    const second = await json(
      await propose({ jurisdiction: 'FR', note: 'v2', parameters: { roundAmount: { score: 14 } } }),
    );
    const other = await gw.token('compliance_officer', 'aml-officer-2');
    const activated = await gw.request('POST', `/v1/aml/rule-sets/${String(second.id)}/activate`, {
      token: other,
    });
    expect(await json(activated)).toMatchObject({
      status: 'active',
      version: 2,
      activatedBy: 'aml-officer-2',
    });
    const retired = await json(
      await gw.request('GET', `/v1/aml/rule-sets/${String(first.id)}`, { role: 'auditor' }),
    );
    expect(retired).toMatchObject({ status: 'retired' });
    expect(retired.retiredAt).toBe(gw.clock.now.toISOString());
    const rules = await json<{ active: Body }>(
      await gw.request('GET', '/v1/aml/jurisdictions/FR/rules', { role: 'auditor' }),
    );
    expect(rules.active).toMatchObject({ ruleSetId: second.id, version: 2, activatedBy: 'aml-officer-2' });

    const trail = await gw.db.db
      .select({ action: auditEvents.action, actor: auditEvents.actor })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectType, 'aml_rule_set'), eq(auditEvents.subjectId, first.id as string)));
    expect(trail.map((event) => event.action)).toEqual([
      'aml_rule_set.proposed',
      'aml_rule_set.activated',
      'aml_rule_set.retired',
    ]);
  });

  it('withdraws a proposal once; a withdrawn version can no longer be activated', async () => {
    const proposed = await json(
      await propose({ jurisdiction: 'FR', note: 'second thoughts', parameters: {} }),
    );
    const withdrawn = await gw.request('POST', `/v1/aml/rule-sets/${String(proposed.id)}/withdraw`, {
      role: 'compliance_officer',
    });
    expect(await json(withdrawn)).toMatchObject({ status: 'withdrawn' });
    for (const action of ['withdraw', 'activate', 'shadow']) {
      const role = action === 'activate' ? 'compliance_approver' : 'compliance_officer';
      const refused = await gw.request('POST', `/v1/aml/rule-sets/${String(proposed.id)}/${action}`, {
        role,
      });
      expect(await json<Problem>(refused), action).toMatchObject({
        status: 409,
        code: 'rule_set_state_conflict',
        ruleSetStatus: 'withdrawn',
      });
    }
    const missing = await gw.request('GET', '/v1/aml/rule-sets/aml_01KAT2Y8N0D4R9W2G6B3C5M7QX', {
      role: 'auditor',
    });
    expect(await json<Problem>(missing)).toMatchObject({ status: 404, code: 'rule_set_not_found' });
  });

  it('never runs a stored version that no longer fits the adapter’s bounds', async () => {
    // As if the adapter had narrowed a bound after these versions were stored.
    const parameters = { amount: { perTransfer: { threshold: '900000.00' } } };
    const stored = {
      jurisdiction: 'CA',
      parameters,
      note: 'old',
      proposedBy: 'someone-else',
      proposedAt: gw.clock.now,
    };
    await gw.db.db
      .insert(amlRuleSets)
      .values({ ...stored, id: 'aml_01KAT2Y8N0D4R9W2G6B3C5M7Q1', version: 1, status: 'proposed' });
    const refused = await gw.request('POST', '/v1/aml/rule-sets/aml_01KAT2Y8N0D4R9W2G6B3C5M7Q1/activate', {
      role: 'compliance_approver',
    });
    expect(await json<Problem>(refused)).toMatchObject({
      status: 422,
      code: 'rule_parameters_invalid',
      errors: [{ path: 'parameters.amount.perTransfer.threshold', message: 'at most 150000.00 CAD' }],
    });
    await gw.db.db
      .insert(amlRuleSets)
      .values({ ...stored, id: 'aml_01KAT2Y8N0D4R9W2G6B3C5M7Q2', version: 2, status: 'active' });
    // Transfers of the jurisdiction fail rather than run on rules nobody approved.
    await expect(resolveRuleSet(gw.db.db, gw.deps.registry, 'CA')).rejects.toMatchObject({
      code: 'configuration_invalid',
    });
    await gw.db.db.delete(amlRuleSets).where(eq(amlRuleSets.jurisdiction, 'CA'));
  });

  it('lists versions by jurisdiction and status, newest first', async () => {
    const list = await json<{ data: Body[] }>(
      await gw.request('GET', '/v1/aml/rule-sets?jurisdiction=FR', { role: 'auditor' }),
    );
    expect(list.data.map((item) => [item.version, item.status])).toEqual([
      [3, 'withdrawn'],
      [2, 'active'],
      [1, 'retired'],
    ]);
    const proposed = await json<{ data: Body[] }>(
      await gw.request('GET', '/v1/aml/rule-sets?status=proposed', { role: 'compliance_approver' }),
    );
    expect(proposed.data.every((item) => item.status === 'proposed' && item.jurisdiction === 'NL')).toBe(
      true,
    );
  });
});

describe('transfers decided by the rules', () => {
  it('holds a contribution from exactly the per-transfer threshold, and stores what the rules saw', async () => {
    const below = await decisionOf(await contribution('9999.99', person(1)));
    expect(below.codes).not.toContain('AMOUNT_ABOVE_THRESHOLD');
    const made = await contribution('10000.00', person(2));
    expect(made.state).toBe('held');
    const decision = await decisionOf(made);
    expect(decision).toMatchObject({ decision: 'review', ruleSetId: null, ruleSetVersion: 0 });
    expect(decision.reasons.find((item) => item.code === 'AMOUNT_ABOVE_THRESHOLD')).toEqual({
      code: 'AMOUNT_ABOVE_THRESHOLD',
      rule: 'amount_threshold',
      score: 40,
      action: 'review',
      details: { amount: '10000.00', threshold: '10000.00', currency: 'EUR' },
    });
    // The stored reasons and facts name no person: no name, identifier, IBAN or birth date.
    const [row] = await gw.db.db
      .select()
      .from(transfers)
      .where(eq(transfers.id, made.id as string));
    const [stored] = await gw.db.db
      .select()
      .from(amlDecisions)
      .where(eq(amlDecisions.transferId, made.id as string));
    const text = JSON.stringify([stored?.reasons, stored?.facts]);
    for (const value of [
      'Lindqvist',
      'Mei',
      deNumber(2),
      deIban(2),
      deIban(2).slice(4),
      '1939-08-17',
      'Berlin',
    ]) {
      expect(text, value).not.toContain(value);
    }
    expect(row?.accountPseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await factsOf(made.id as string)).countries).toEqual([
      { code: 'DE', source: 'address' },
      { code: 'DE', source: 'iban' },
      { code: 'DE', source: 'identifier' },
    ]);
  });

  it('counts a person’s transfers of the last 24 hours (velocity), this one included', async () => {
    const who = person(3);
    const first = await decisionOf(await contribution('100.00', who));
    gw.clock.advance(3600);
    const second = await decisionOf(await contribution('100.00', who));
    gw.clock.advance(3600);
    const third = await decisionOf(await contribution('100.00', who));
    expect(first.codes).toEqual([]);
    expect(second.codes).toEqual([]);
    expect(third.reasons.find((item) => item.code === 'VELOCITY_PERSON_COUNT')?.details).toEqual({
      window: '24h',
      count: 3,
      limit: 3,
      windows: '24h',
    });
    // A score-only reason below the review score clears.
    expect(third.decision).toBe('clear');
  });

  it('holds a transfer whose travel-rule information is incomplete', async () => {
    const { bankAccount: _account, ...withoutAccount } = person(4);
    const below = await decisionOf(await contribution('500.00', withoutAccount));
    expect(below.reasons.find((item) => item.code === 'TRAVEL_RULE_INCOMPLETE')?.details).toMatchObject({
      missing: 'payer.account',
      band: 'at_or_below_threshold',
      eurEquivalent: '500.00',
    });
    const { address: _address, ...withoutAddress } = person(5);
    const above = await decisionOf(await contribution('1000.01', withoutAddress));
    expect(above.decision).toBe('review');
    expect(above.reasons.find((item) => item.code === 'TRAVEL_RULE_INCOMPLETE')?.details).toMatchObject({
      missing: 'payer.identification',
      band: 'above_threshold',
      standard: 'eu_2023_1113',
    });
    const at = await decisionOf(await contribution('1000.00', person(6, { address: undefined })));
    expect(at.codes).not.toContain('TRAVEL_RULE_INCOMPLETE');
  });

  it('converts to EUR with the quote’s ECB rates: JPY 172,450 is EUR 1,000.00', async () => {
    const { bankAccount: _account, ...withoutAccount } = person(7);
    const made = await contribution('172450', withoutAccount, 'JP', 'JPY');
    const facts = await factsOf(made.id as string);
    expect(facts.eur).toEqual({ amount: '1000.00', rateSource: 'quote' });
    expect(facts.partner).toEqual({ currency: 'JPY', amountMinor: '172450' });
    const decision = await decisionOf(made);
    expect(decision.reasons.find((item) => item.code === 'TRAVEL_RULE_INCOMPLETE')?.details).toMatchObject({
      band: 'at_or_below_threshold',
      eurEquivalent: '1000.00',
      standard: 'fatf_r16',
    });
    const won = await contribution('1621800', person(8), 'KR', 'KRW');
    expect((await factsOf(won.id as string)).eur.amount).toBe('1000.00');
  });

  it('holds a person tied to a FATF call-for-action country', async () => {
    const who = person(9, { address: { lines: ['1 Example Street'], city: 'Tehran', country: 'IR' } });
    const made = await contribution('200.00', who);
    expect(made.state).toBe('held');
    const decision = await decisionOf(made);
    expect(decision.reasons.find((item) => item.code === 'HIGH_RISK_CALL_FOR_ACTION')).toMatchObject({
      action: 'review',
      details: { countries: 'IR', sources: 'address', list: 'call_for_action' },
    });
  });

  it('checks life certificates, the benefit period and reported deaths of benefits', async () => {
    const who = person(10, { benefit: { type: 'old_age_pension', period: '2026-11' } });
    await consent(who);
    const first = await benefit('500.00', who);
    expect(first.state).toBe('held');
    expect((await decisionOf(first)).codes).toEqual(['LIFE_CERTIFICATE_MISSING']);
    const subjectId = subjectOf(first);

    const certificate = await gw.request('POST', `/v1/beneficiaries/${subjectId}/life-certificates`, {
      role: 'operator',
      body: { issuedOn: '2026-11-20', validUntil: '2027-11-19' },
    });
    expect(certificate.status).toBe(201);
    const december = await benefit('500.00', {
      ...who,
      benefit: { type: 'old_age_pension', period: '2026-12' },
    });
    expect(december.state).toBe('approved');
    expect((await decisionOf(december)).codes).toEqual([]);

    // The same person paid twice within a day also counts for velocity: only the benefit reasons matter here.
    const benefitCodes = async (made: Body) =>
      (await decisionOf(made)).reasons.filter((item) => item.rule === 'benefits');
    const twice = await benefit('500.00', {
      ...who,
      benefit: { type: 'old_age_pension', period: '2026-12' },
    });
    expect(twice.state).toBe('held');
    expect(await benefitCodes(twice)).toEqual([
      {
        code: 'DUPLICATE_BENEFIT_PERIOD',
        rule: 'benefits',
        score: 60,
        action: 'review',
        details: { otherTransfers: 1 },
      },
    ]);
    // A survivor's pension of the same month is another benefit, not the same one twice.
    const survivors = await benefit('300.00', {
      ...who,
      benefit: { type: 'survivors_pension', period: '2026-12' },
    });
    expect(await benefitCodes(survivors)).toEqual([]);

    const death = await gw.request('POST', `/v1/beneficiaries/${subjectId}/death-reports`, {
      role: 'compliance_officer',
      body: { dateOfDeath: '2026-11-22' },
    });
    expect(death.status).toBe(201);
    const afterDeath = await benefit('500.00', {
      ...who,
      benefit: { type: 'old_age_pension', period: '2027-01' },
    });
    expect(afterDeath.state).toBe('rejected');
    expect((await decisionOf(afterDeath)).decision).toBe('reject');
    expect((await benefitCodes(afterDeath)).map((item) => [item.code, item.action])).toEqual([
      ['PAYOUT_AFTER_DEATH', 'reject'],
    ]);
  });

  it('finds one account receiving benefits for three persons', async () => {
    const sharedIban = { iban: 'DE44 5001 0517 5407 3249 31' };
    const decisions = [];
    for (const serial of [11, 12, 13]) {
      const who = person(serial, { bankAccount: sharedIban });
      await consent(who);
      decisions.push(await decisionOf(await benefit('400.00', who)));
    }
    expect(decisions.map((item) => item.codes.includes('ACCOUNT_SHARED_BY_PERSONS'))).toEqual([
      false,
      false,
      true,
    ]);
    expect(decisions[2]?.reasons.find((item) => item.code === 'ACCOUNT_SHARED_BY_PERSONS')?.details).toEqual({
      persons: 3,
      minPersons: 3,
      windowDays: 90,
    });
  });

  it('decides a stored transfer the same way again at its own time (evaluateTransfer)', async () => {
    const who = person(14);
    await contribution('9100.00', who);
    gw.clock.advance(60);
    const made = await contribution('9500.00', who);
    const stored = await decisionOf(made);
    expect(stored.codes).toContain('STRUCTURING_SUSPECTED');
    gw.clock.advance(60);
    await contribution('9600.00', who); // later: not part of the history at the earlier time
    const [row] = await gw.db.db
      .select()
      .from(transfers)
      .where(eq(transfers.id, made.id as string));
    const [subject] = await gw.db.db
      .select()
      .from(dataSubjects)
      .where(eq(dataSubjects.id, subjectOf(made)));
    if (!row || !subject) throw new Error('transfer or subject missing');
    const storedFacts = await factsOf(row.id);
    const again = await evaluateTransfer(
      gw.db.db,
      { registry: gw.deps.registry },
      {
        transfer: row,
        person: await readPerson(gw.db.db, gw.deps.privacyKeys, subject),
        subject: { id: subject.id, amlPseudonym: subject.amlPseudonym },
        screening: { parties: storedFacts.screening, listVersions: stored.listVersions },
        now: row.createdAt,
      },
    );
    expect(again.shadow).toBeNull();
    expect(again.live).toMatchObject({
      decision: stored.decision,
      score: stored.score,
      reasons: stored.reasons,
    });
    expect(again.live.facts).toEqual(storedFacts);
  });
});

describe('life certificates and death reports', () => {
  let subjectId: string;
  beforeAll(async () => {
    subjectId = subjectOf(await contribution('50.00', person(20)));
  });

  it('refuse an unknown data subject', async () => {
    for (const id of ['ds_01KAT2Y8N0D4R9W2G6B3C5M7QX', 'not-an-id']) {
      const response = await gw.request('POST', `/v1/beneficiaries/${id}/death-reports`, {
        role: 'operator',
        body: { dateOfDeath: '2026-01-01' },
      });
      expect(await json<Problem>(response)).toMatchObject({ status: 404, code: 'data_subject_not_found' });
    }
  });

  it('refuse dates in the future, and a validity that does not follow the issue', async () => {
    const future = await gw.request('POST', `/v1/beneficiaries/${subjectId}/life-certificates`, {
      role: 'compliance_officer',
      body: { issuedOn: '2026-11-25', validUntil: '2027-11-25' },
    });
    expect(await json<Problem>(future)).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ path: 'issuedOn', code: 'date_invalid', message: 'in the future' }],
    });
    const backwards = await gw.request('POST', `/v1/beneficiaries/${subjectId}/life-certificates`, {
      role: 'operator',
      body: { issuedOn: '2026-11-01', validUntil: '2026-11-01' },
    });
    expect(await json<Problem>(backwards)).toMatchObject({
      status: 400,
      errors: [{ path: 'validUntil', message: 'must be after issuedOn' }],
    });
    const death = await gw.request('POST', `/v1/beneficiaries/${subjectId}/death-reports`, {
      role: 'operator',
      body: { dateOfDeath: '2026-02-30' },
    });
    expect(await json<Problem>(death)).toMatchObject({ status: 400, errors: [{ path: 'dateOfDeath' }] });
  });

  it('are audited with ids only', async () => {
    const recorded = await json(
      await gw.request('POST', `/v1/beneficiaries/${subjectId}/life-certificates`, {
        role: 'operator',
        body: { issuedOn: '2026-10-01', validUntil: '2027-09-30' },
      }),
    );
    expect(recorded).toMatchObject({
      object: 'life_certificate',
      dataSubjectId: subjectId,
      recordedBy: 'demo-operator',
    });
    const [event] = await gw.db.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, 'life_certificate.recorded')));
    expect(event?.data).toEqual({ lifeCertificateId: recorded.id });
  });
});
