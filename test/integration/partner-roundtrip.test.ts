/** A partner agency's signed round trip: quote, transfer, signed responses, own transfers only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedMessages } from '../../src/db/schema.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { registerTestPartner, type TestPartner } from '../helpers/partners.ts';

let gw: TestGateway;
let partner: TestPartner;

beforeAll(async () => {
  gw = await createTestGateway();
  partner = await registerTestPartner(gw, { id: 'de-test', jurisdiction: 'DE' });
});
afterAll(async () => gw?.close());

describe('a signed partner round trip', () => {
  for (const scheme of ['http-message-signatures', 'detached-jws'] as const) {
    it(`quotes and creates a transfer with ${scheme}, and every response verifies`, async () => {
      const agency = await registerTestPartner(gw, {
        id: `de-${scheme.slice(0, 6)}`,
        scheme,
        kind: 'ecdsa-p256',
      });
      const quote = await agency.client.request<{ id: string }>('POST', '/v1/quotes', {
        body: CONTRIBUTION_QUOTE,
      });
      expect(quote.status, quote.text).toBe(201);
      expect(quote.signature?.keyid).toBe(gw.deps.gatewayKeys.active.kid);
      const transfer = await agency.client.request<{ id: string; state: string }>('POST', '/v1/transfers', {
        body: { quoteId: quote.body.id },
        idempotencyKey: `rt-${scheme}`,
      });
      expect(transfer.status, transfer.text).toBe(201);
      expect(transfer.body.state).toBe('approved');
      const read = await agency.client.request<{ id: string }>('GET', `/v1/transfers/${transfer.body.id}`);
      expect(read.status).toBe(200);
      expect(read.signature).toBeDefined();
      // Another partner does not see it.
      const other = await partner.client.request('GET', `/v1/transfers/${transfer.body.id}`);
      expect(other.status).toBe(404);
      expect(other.signature).toBeDefined();
    });
  }

  it('records evidence of each verified request', async () => {
    const rows = await gw.db.db.select().from(verifiedMessages);
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('what a partner sees', () => {
  it('lists only its own transfers, and another partner’s id is not a valid cursor', async () => {
    const mine = await registerTestPartner(gw, { id: 'de-lister', kind: 'ecdsa-p256' });
    const quote = await mine.client.request<{ id: string }>('POST', '/v1/quotes', {
      body: CONTRIBUTION_QUOTE,
    });
    const transfer = await mine.client.request<{ id: string }>('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id },
      idempotencyKey: 'lister-1',
    });
    expect(transfer.status).toBe(201);
    const staffQuote = await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE });
    const staffTransfer = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId: ((await staffQuote.json()) as { id: string }).id },
      headers: { 'idempotency-key': 'staff-1' },
    });
    const staffId = ((await staffTransfer.json()) as { id: string }).id;

    const list = await mine.client.request<{ data: { id: string }[] }>('GET', '/v1/transfers');
    expect(list.status).toBe(200);
    expect(list.body.data.map((item) => item.id)).toEqual([transfer.body.id]);
    const probe = await mine.client.request<{ code: string }>(
      'GET',
      `/v1/transfers?starting_after=${staffId}`,
    );
    expect(probe.status).toBe(400);
    expect(probe.body.code).toBe('cursor_invalid');
    // Staff see both.
    const all = await gw.request('GET', '/v1/transfers?limit=100', { role: 'auditor' });
    const ids = ((await all.json()) as { data: { id: string }[] }).data.map((item) => item.id);
    expect(ids).toEqual(expect.arrayContaining([transfer.body.id, staffId]));
  });

  it('may quote only for its own jurisdiction', async () => {
    const response = await partner.client.request<{ code: string }>('POST', '/v1/quotes', {
      body: { ...CONTRIBUTION_QUOTE, partnerJurisdiction: 'FR' },
    });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('forbidden');
    expect(response.signature).toBeDefined();
  });

  it('gets idempotent replays signed and bound to the retry', async () => {
    const quote = await partner.client.request<{ id: string }>('POST', '/v1/quotes', {
      body: CONTRIBUTION_QUOTE,
    });
    const first = await partner.client.request<{ id: string }>('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id },
      idempotencyKey: 'replay-1',
    });
    const again = await partner.client.request<{ id: string }>('POST', '/v1/transfers', {
      body: { quoteId: quote.body.id },
      idempotencyKey: 'replay-1',
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expect(again.signature).toBeDefined();
  });
});
