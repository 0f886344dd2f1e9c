/**
 * Reference rates in quotes: the published rate with its basis, staleness in TARGET days, manual
 * rates (set, precedence in both directions, versions, bounds, revocation, audit), the rate and
 * status endpoints, and `/ready`.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, manualRates } from '../../src/db/schema.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

let gw: TestGateway;
const START = new Date('2026-11-23T10:00:00.000Z'); // Monday, 11:00 in Frankfurt
let keyCounter = 0;

beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw.close();
});
beforeEach(async () => {
  gw.clock.now = START;
  // Every test starts without manual rates in force.
  const active = await json<{ data: { id: string; revokedAt: string | null }[] }>(
    await gw.request('GET', '/v1/fx/manual-rates?active=true', { role: 'compliance_officer' }),
  );
  for (const rate of active.data) {
    await gw.request('POST', `/v1/fx/manual-rates/${rate.id}/revoke`, { role: 'compliance_officer' });
  }
});

function setManual(body: Record<string, unknown>, key = `manual-${++keyCounter}`) {
  return gw.request('POST', '/v1/fx/manual-rates', {
    role: 'compliance_officer',
    body,
    headers: { 'idempotency-key': key },
  });
}

const quote = async (body: Record<string, unknown> = CONTRIBUTION_QUOTE) =>
  gw.request('POST', '/v1/quotes', { role: 'operator', body });

describe('quotes on published rates', () => {
  it('carry the reference rate, its date, source, age and basis, and the settlement dates', async () => {
    const response = await quote();
    const body = await json(response);
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body).toMatchObject({
      corridor: 'DE-CN',
      rate: {
        reference: '8.215',
        source: 'demo-table',
        asOf: '2026-11-20',
        ageTargetDays: 0,
        basis: { kind: 'published', basePerEur: '1', quotePerEur: '8.2150' },
      },
      // Monday 11:00 in Berlin is before the 15:00 SEPA cut-off: executed today, D+1 on SEPA,
      // and Tuesday is a CNAPS business day.
      settlement: { executionDate: '2026-11-23', valueDate: '2026-11-24', cutOff: '15:00 Europe/Berlin' },
    });
  });

  it('cross rates through EUR for a benefit from CNY to JPY, whole yen', async () => {
    const response = await quote({
      purpose: 'benefit',
      partnerJurisdiction: 'JP',
      sourceCurrency: 'CNY',
      targetCurrency: 'JPY',
      sourceAmount: '1000.00',
    });
    const body = await json<{
      rate: { reference: string; basis: unknown };
      targetAmount: string;
      corridor: string;
    }>(response);
    expect(response.status, JSON.stringify(body)).toBe(201);
    // 172.45 / 8.2150 = 20.9920876446... (12 significant digits, half-even)
    expect(body.rate.reference).toBe('20.9920876446');
    expect(body.rate.basis).toEqual({ kind: 'published', basePerEur: '8.2150', quotePerEur: '172.45' });
    expect(body.corridor).toBe('CN-JP');
    expect(body.targetAmount).toMatch(/^\d+$/);
  });

  it('refuses a quote with fx_rate_stale once the rate is older than the corridor accepts', async () => {
    // Friday's rate: Monday 16:00 → 1 day, Tuesday 16:00 → 2, Wednesday 16:00 → 3 > 2.
    gw.clock.now = new Date('2026-11-25T14:59:00.000Z'); // Wednesday 15:59 in Frankfurt
    expect((await quote()).status).toBe(201);
    gw.clock.now = new Date('2026-11-25T15:00:00.000Z'); // Wednesday 16:00
    const response = await quote();
    const problem = await json(response);
    expect(response.status).toBe(422);
    expect(problem).toMatchObject({
      code: 'fx_rate_stale',
      rateDate: '2026-11-20',
      ageTargetDays: 3,
      maxAgeTargetDays: 2,
      source: 'demo-table',
    });
  });

  it('answers fx_rate_unavailable for a day before any rate', async () => {
    const response = await gw.request('GET', '/v1/fx/rates?base=EUR&quote=CNY&date=2020-01-02', {
      role: 'auditor',
    });
    expect(response.status).toBe(422);
    expect(await json(response)).toMatchObject({ code: 'fx_rate_unavailable' });
  });

  it('GET /v1/fx/rates gives the cross rate and its basis', async () => {
    const response = await gw.request('GET', '/v1/fx/rates?base=CHF&quote=CNY', { role: 'operator' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      base: 'CHF',
      quote: 'CNY',
      rate: '8.82195017182',
      source: 'demo-table',
      asOf: '2026-11-20',
      basis: { basePerEur: '0.9312', quotePerEur: '8.2150' },
    });
  });
});

describe('manual rates', () => {
  const pboc = {
    corridor: 'CN-DE',
    base: 'EUR',
    quote: 'CNY',
    rate: '8.2000',
    validUntil: '2026-11-24T10:00:00.000Z',
    reference: 'PBoC central parity 2026-11-23',
  };

  it('take precedence in both directions, say so on the quote, and are audited', async () => {
    const response = await setManual(pboc);
    const manual = await json<{ id: string; version: number; rate: string }>(response);
    expect(response.status, JSON.stringify(manual)).toBe(201);
    expect(manual).toMatchObject({ corridor: 'CN-DE', rate: '8.2', setBy: 'demo-compliance' });

    const contribution = await json(await quote());
    expect(contribution.rate).toMatchObject({
      source: 'manual',
      reference: '8.2',
      basis: { kind: 'manual', manualRateId: manual.id, version: manual.version, reference: pboc.reference },
    });
    const benefit = await json(
      await quote({
        purpose: 'benefit',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'CNY',
        targetCurrency: 'EUR',
        targetAmount: '500.00',
      }),
    );
    // 1 / 8.2 = 0.121951219512 (12 significant digits, half-even)
    expect(benefit.rate).toMatchObject({ source: 'manual', reference: '0.121951219512' });
    expect(benefit.targetAmount).toBe('500.00');

    // Other pairs are not affected.
    const franc = await json(
      await quote({ ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'CH', sourceCurrency: 'CHF' }),
    );
    expect(franc.rate).toMatchObject({ source: 'demo-table' });

    const [audit] = await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, manual.id));
    expect(audit).toMatchObject({ action: 'fx.manual_rate.set', actor: 'demo-compliance' });
    expect(audit?.data).toMatchObject({ corridor: 'CN-DE', rate: '8.2', referenceRate: '8.215' });
  });

  it('are versioned per pair; the newest in force wins; revoking goes back to the published rate', async () => {
    const first = await json<{ id: string; version: number }>(await setManual(pboc));
    const second = await json<{ id: string; version: number }>(await setManual({ ...pboc, rate: '8.21' }));
    expect(second.version).toBe(first.version + 1);
    expect((await json(await quote())).rate).toMatchObject({ reference: '8.21' });

    const revoked = await gw.request('POST', `/v1/fx/manual-rates/${second.id}/revoke`, {
      role: 'compliance_officer',
    });
    expect(revoked.status).toBe(200);
    expect(await json(revoked)).toMatchObject({ revokedBy: 'demo-compliance' });
    expect((await json(await quote())).rate).toMatchObject({ reference: '8.2', source: 'manual' });

    await gw.request('POST', `/v1/fx/manual-rates/${first.id}/revoke`, { role: 'compliance_officer' });
    expect((await json(await quote())).rate).toMatchObject({ reference: '8.215', source: 'demo-table' });

    const again = await gw.request('POST', `/v1/fx/manual-rates/${first.id}/revoke`, {
      role: 'compliance_officer',
    });
    expect(again.status).toBe(422);
    expect(await json(again)).toMatchObject({ code: 'manual_rate_invalid' });
    const missing = await gw.request('POST', '/v1/fx/manual-rates/mr_unknown/revoke', {
      role: 'compliance_officer',
    });
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({ code: 'manual_rate_not_found' });
  });

  it('apply only inside their window, and keep a quote stale-proof while they do', async () => {
    // The longest window the DE corridors allow: 48 hours.
    const set = await setManual({
      ...pboc,
      validFrom: '2026-11-23T16:00:00.000Z',
      validUntil: '2026-11-25T16:00:00.000Z',
    });
    expect(set.status).toBe(201);
    expect((await json(await quote())).rate).toMatchObject({ source: 'demo-table' });
    gw.clock.now = new Date('2026-11-25T15:00:00.000Z'); // the published rate is stale by now
    expect((await json(await quote())).rate).toMatchObject({ source: 'manual', ageTargetDays: 0 });
    gw.clock.now = new Date('2026-11-25T16:00:00.000Z'); // window over, published rate stale
    expect(await json(await quote())).toMatchObject({ code: 'fx_rate_stale' });
  });

  it('replay the first answer for a retried Idempotency-Key', async () => {
    const first = await setManual(pboc, 'manual-replay');
    const second = await setManual(pboc, 'manual-replay');
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(second)).toEqual(await json(first));
    const conflict = await setManual({ ...pboc, rate: '8.1' }, 'manual-replay');
    expect(conflict.status).toBe(409);
  });

  it.each([
    ['a rate too far from the reference', { rate: '9.5' }, 'deviationBps'],
    ['an inverted rate', { rate: '0.1217' }, 'deviationBps'],
    ['a zero rate', { rate: '0' }, undefined],
    ['a negative rate', { rate: '-8.2' }, undefined],
    ['too many significant digits', { rate: '8.20000000000001' }, undefined],
    ['a window longer than allowed', { validUntil: '2026-12-23T10:00:00.000Z' }, 'maxValidityHours'],
    [
      'a window that ends before it starts',
      { validFrom: '2026-11-23T12:00:00.000Z', validUntil: '2026-11-23T11:00:00.000Z' },
      undefined,
    ],
    ['a start in the past', { validFrom: '2026-11-22T10:00:00.000Z' }, undefined],
    ['currencies of another pair', { base: 'CHF' }, 'currencies'],
    ['the same currency twice', { base: 'CNY' }, 'currencies'],
    ['no reference text', { reference: ' ' }, undefined],
  ])('refuse %s with manual_rate_invalid, writing nothing', async (_name, change, detail) => {
    const [before] = await gw.db.db.select({ n: count() }).from(manualRates);
    const response = await setManual({ ...pboc, ...change });
    const problem = await json(response);
    expect(response.status, JSON.stringify(problem)).toBe(422);
    expect(problem.code).toBe('manual_rate_invalid');
    if (detail) expect(problem).toHaveProperty(detail);
    const [after] = await gw.db.db.select({ n: count() }).from(manualRates);
    expect(after?.n).toBe(before?.n);
  });

  it('refuse an unknown corridor, and callers who are not compliance officers', async () => {
    const unknown = await setManual({ ...pboc, corridor: 'CN-US' });
    expect(unknown.status).toBe(422);
    expect(await json(unknown)).toMatchObject({ code: 'corridor_unsupported' });
    const reversed = await setManual({ ...pboc, corridor: 'DE-CN' });
    expect(await json(reversed)).toMatchObject({ code: 'corridor_unsupported' });
    const operator = await gw.request('POST', '/v1/fx/manual-rates', {
      role: 'operator',
      body: pboc,
      headers: { 'idempotency-key': 'manual-operator' },
    });
    expect(operator.status).toBe(403);
  });

  it('cannot be edited or deleted in the database', async () => {
    const manual = await json<{ id: string }>(await setManual(pboc));
    await expect(
      gw.db.db.update(manualRates).set({ rate: '9' }).where(eq(manualRates.id, manual.id)),
    ).rejects.toThrow();
    await expect(gw.db.db.delete(manualRates).where(eq(manualRates.id, manual.id))).rejects.toThrow();
  });
});

describe('status', () => {
  it('GET /v1/fx/status and /ready show how fresh the rates are', async () => {
    const status = await json(await gw.request('GET', '/v1/fx/status', { role: 'auditor' }));
    expect(status).toMatchObject({
      status: 'fresh',
      newestRateDate: '2026-11-20',
      newestSource: 'demo-table',
      ageTargetDays: 0,
      maxRateAgeTargetDays: 2,
    });
    gw.clock.now = new Date('2026-11-30T10:00:00.000Z');
    const ready = await json<{ checks: { fxRates: Record<string, unknown> } }>(
      await gw.request('GET', '/ready'),
    );
    expect(ready.checks.fxRates).toMatchObject({
      status: 'stale',
      newestRateDate: '2026-11-20',
      ageTargetDays: 5,
    });
  });
});
