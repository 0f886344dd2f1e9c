import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw.close();
});

describe('quote → transfer → ledger', () => {
  it('quotes a contribution with everything a receipt needs', async () => {
    const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
    const quote = await json(response);
    expect(response.status, JSON.stringify(quote)).toBe(201);
    expect(quote).toMatchObject({
      object: 'quote',
      purpose: 'contribution',
      sourceJurisdiction: 'DE',
      targetJurisdiction: 'CN',
      sourceAmount: '250.00',
      fixedSide: 'source',
      rate: {
        reference: '8.215',
        spreadBps: 30,
        source: 'demo-table',
        asOf: '2026-11-20',
        applied: '8.190355',
      },
      fees: [{ type: 'fixed', amount: '1.50', currency: 'EUR' }],
      totalFee: '1.50',
      // (250.00 − 1.50) × 8.190355 = 2035.303...
      targetAmount: '2035.30',
      expiresAt: '2026-11-23T10:15:00.000Z',
    });
  });

  it('creates a transfer, reserves it in the ledger and audits it, in one transaction', async () => {
    const quote = await json(
      await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
    );
    const response = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId: quote.id, reference: 'CONTRIB-2026-11' },
      headers: { 'idempotency-key': 'slice-1' },
    });
    const transfer = await json(response);
    expect(response.status, JSON.stringify(transfer)).toBe(201);
    expect(response.headers.get('location')).toBe(`/v1/transfers/${transfer.id}`);
    expect(transfer).toMatchObject({
      state: 'approved',
      sourceAmount: '250.00',
      targetAmount: '2035.30',
      ledger: { phase: 'pending' },
    });

    const fetched = await json(await gw.request('GET', `/v1/transfers/${transfer.id}`, { role: 'auditor' }));
    expect(fetched).toEqual(transfer);

    const balances = await json<{ data: { account: string; pending: string; posted: string }[] }>(
      await gw.request('GET', '/v1/ledger/balances', { role: 'auditor' }),
    );
    expect(balances.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ account: 'collection:DE:EUR', pending: '250.00', posted: '0.00' }),
        expect.objectContaining({ account: 'fees:EUR', pending: '-1.50' }),
        expect.objectContaining({ account: 'fund:CN:CNY', pending: '-2035.30' }),
      ]),
    );
    const check = await json(await gw.request('GET', '/v1/ledger/check', { role: 'operator' }));
    expect(check).toMatchObject({ balanced: true, unbalanced: [], journalsChecked: 1 });
  });
});
