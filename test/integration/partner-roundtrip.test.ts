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
      expect(transfer.body.state).toBe('received');
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
