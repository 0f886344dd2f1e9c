/**
 * Signed callbacks to partners: written in the transaction of the state change, delivered with a
 * signature the partner can verify, retried on the published schedule with jitter, dead-lettered
 * after the last attempt, replayable by an operator with the same event id, never sent twice at
 * once by concurrent dispatchers. The partner's endpoint is msw (it cannot exist here).
 */
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyCallback } from '../../sdk/src/index.ts';
import { callbackOutbox } from '../../src/db/schema.ts';
import {
  JITTER,
  MAX_ATTEMPTS,
  nextAttemptAt,
  RETRY_DELAYS_SECONDS,
} from '../../src/services/callbacks/outbox.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';
import { dispatchTestCallbacks, registerTestPartner, type TestPartner } from '../helpers/partners.ts';

const CALLBACK_URL = 'https://agency.example/pontis/callbacks';
const server = setupServer();
let gw: TestGateway;
let partner: TestPartner;
let received: { eventId: string; status: number; verified: boolean; body: string }[] = [];
let answer = 204;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  gw = await createTestGateway();
  partner = await registerTestPartner(gw, { id: 'de-callbacks', callbackUrl: CALLBACK_URL });
  server.use(
    http.post(CALLBACK_URL, async ({ request }) => {
      const body = new Uint8Array(await request.arrayBuffer());
      let verified = false;
      try {
        await verifyCallback(
          { method: 'POST', url: request.url, headers: request.headers, body },
          { keys: [gw.deps.gatewayKeys.active.publicJwk as JsonWebKey & { kid: string }] },
          { now: () => gw.clock.now },
        );
        verified = true;
      } catch {
        verified = false;
      }
      received.push({
        eventId: request.headers.get('pontis-event-id') ?? '',
        status: answer,
        verified,
        body: new TextDecoder().decode(body),
      });
      return new HttpResponse(null, { status: answer });
    }),
  );
});
afterEach(() => {
  received = [];
  answer = 204;
});
afterAll(async () => {
  server.close();
  await gw?.close();
});

const dispatch = () => dispatchTestCallbacks(gw);

/** A new transfer reports two states: `received`, then `approved` once screening cleared it. */
const CALLBACKS_PER_TRANSFER = 2;

async function newTransfer(key: string): Promise<string> {
  const quote = await partner.client.request<{ id: string }>('POST', '/v1/quotes', {
    body: CONTRIBUTION_QUOTE,
  });
  const transfer = await partner.client.request<{ id: string }>('POST', '/v1/transfers', {
    body: { quoteId: quote.body.id },
    idempotencyKey: key,
  });
  expect(transfer.status).toBe(201);
  return transfer.body.id;
}

describe('the retry schedule', () => {
  it('spreads about 24 hours over a capped number of attempts, with ±20 % jitter', () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
    expect(total / 3600).toBeGreaterThan(23);
    expect(total / 3600).toBeLessThan(25);
    expect(MAX_ATTEMPTS).toBe(10);
    const now = new Date('2026-11-23T10:00:00Z');
    expect(nextAttemptAt(1, now, () => 0)?.getTime()).toBe(now.getTime() + 60_000 * (1 - JITTER));
    expect(nextAttemptAt(1, now, () => 1)?.getTime()).toBe(now.getTime() + 60_000 * (1 + JITTER));
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeUndefined();
  });
});

describe('callback delivery', () => {
  it('queues transfer.received with the transfer, and delivers it signed', async () => {
    const transferId = await newTransfer('cb-1');
    const rows = (await gw.db.db.select().from(callbackOutbox)).filter(
      (item) => item.subjectId === transferId,
    );
    const row = rows.find((item) => item.eventType === 'transfer.received');
    expect(row).toMatchObject({ status: 'pending', eventType: 'transfer.received', partnerId: partner.id });
    expect(rows.map((item) => item.eventType).sort()).toEqual(['transfer.approved', 'transfer.received']);
    expect(await dispatch()).toEqual({ delivered: CALLBACKS_PER_TRANSFER, retrying: 0, dead: 0 });
    expect(received).toHaveLength(CALLBACKS_PER_TRANSFER);
    expect(received.every((item) => item.verified)).toBe(true);
    const first = received.find((item) => item.eventId === row?.id);
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({
      id: row?.id,
      type: 'transfer.received',
      data: { transferId, state: 'received', previousState: null },
    });
    // The screening state is never reported: it begins and ends inside the creating transaction.
    const approved = received.find((item) => item.eventId !== row?.id);
    expect(JSON.parse(approved?.body ?? '{}')).toMatchObject({
      type: 'transfer.approved',
      data: { transferId, state: 'approved', previousState: 'screening' },
    });
    // Nothing is due any more.
    expect(await dispatch()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
  });

  it('nothing is queued when the transfer rolls back', async () => {
    const before = (await gw.db.db.select().from(callbackOutbox)).length;
    const refused = await partner.client.request('POST', '/v1/transfers', {
      body: { quoteId: 'qt_01JDQ7Y7Z3W8N5V6T4R2P0M9KX' },
      idempotencyKey: 'cb-missing-quote',
    });
    expect(refused.status).toBe(422);
    expect((await gw.db.db.select().from(callbackOutbox)).length).toBe(before);
  });

  it('retries on the schedule, then dead-letters; an operator replays with the same event id', async () => {
    const transferId = await newTransfer('cb-2');
    answer = 503;
    const start = gw.clock.now;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const result = await dispatch();
      if (attempt < MAX_ATTEMPTS)
        expect(result).toEqual({ delivered: 0, retrying: CALLBACKS_PER_TRANSFER, dead: 0 });
      else expect(result).toEqual({ delivered: 0, retrying: 0, dead: CALLBACKS_PER_TRANSFER });
      // Not due again before its time…
      gw.clock.advance((RETRY_DELAYS_SECONDS[attempt - 1] ?? 0) - 1);
      expect(await dispatch()).toEqual({ delivered: 0, retrying: 0, dead: 0 });
      gw.clock.advance(1);
    }
    const hours = (gw.clock.now.getTime() - start.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(received).toHaveLength(MAX_ATTEMPTS * CALLBACKS_PER_TRANSFER);
    expect(new Set(received.map((item) => item.eventId)).size).toBe(CALLBACKS_PER_TRANSFER);

    const dead = await gw.request('GET', '/v1/callbacks?status=dead', { role: 'operator' });
    const list = await json<{
      data: { id: string; subjectId: string; attempts: number; lastError: string }[];
    }>(dead);
    const entry = list.data.find((item) => item.subjectId === transferId);
    expect(entry).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: 'HTTP 503' });

    answer = 204;
    const replay = await gw.request('POST', `/v1/callbacks/${entry?.id}/replay`, { role: 'operator' });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await dispatch()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    expect(received.at(-1)).toMatchObject({ eventId: entry?.id, verified: true });
    // A pending callback cannot be replayed; an unknown one is 404.
    const again = await gw.request('POST', `/v1/callbacks/${entry?.id}/replay`, { role: 'operator' });
    expect(again.status).toBe(200);
    expect((await gw.request('POST', `/v1/callbacks/${entry?.id}/replay`, { role: 'operator' })).status).toBe(
      409,
    );
    expect((await gw.request('POST', '/v1/callbacks/cb_nope/replay', { role: 'operator' })).status).toBe(404);
    await dispatch();
  });

  it('two dispatchers at once never send the same callback twice', async () => {
    await newTransfer('cb-3');
    await newTransfer('cb-4');
    const [first, second] = await Promise.all([dispatch(), dispatch()]);
    expect((first?.delivered ?? 0) + (second?.delivered ?? 0)).toBe(2 * CALLBACKS_PER_TRANSFER);
    expect(received).toHaveLength(2 * CALLBACKS_PER_TRANSFER);
    expect(new Set(received.map((item) => item.eventId)).size).toBe(2 * CALLBACKS_PER_TRANSFER);
  });

  it('logs deliveries without personal data', async () => {
    await newTransfer('cb-5');
    answer = 500;
    await dispatch();
    const line = gw.logs.find((entry) => entry.includes('callback pending'));
    expect(line).toBeDefined();
    expect(line).toMatch(/"eventId":"cb_/);
    expect(line).not.toContain('250.00');
    answer = 204;
    gw.clock.advance(3600);
    await dispatch();
  });
});
