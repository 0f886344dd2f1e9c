/**
 * The agency simulator against the gateway over real HTTP both ways: signed quote and transfer
 * with verified responses, the signed callback delivered and verified, forged callbacks refused,
 * a replayed callback seen as a duplicate, and the detached-JWS scheme.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.ts';
import { gatewayKeySet } from '../../src/services/auth/gateway-keys.ts';
import { generateSigningKey } from '../../src/services/auth/tokens.ts';
import { dispatchCallbacks } from '../../src/services/callbacks/dispatcher.ts';
import { replayCallback } from '../../src/services/callbacks/outbox.ts';
import { upsertPartner } from '../../src/services/partners/registry.ts';
import { signCallback } from '../../src/services/partners/sign-response.ts';
import {
  createAgencySimulator,
  type ReceivedCallback,
  type RoundTrip,
} from '../../src/simulator/agency-simulator.ts';
import { type RunningAgencySimulator, startAgencySimulator } from '../../src/simulator/serve.ts';
import { createTestGateway, type TestGateway } from '../helpers/gateway.ts';
import { registerTestPartner, type TestPartner } from '../helpers/partners.ts';

let gw: TestGateway;
let gatewayServer: Server;
let gatewayUrl: string;
let partner: TestPartner;
let sim: RunningAgencySimulator;
const running: RunningAgencySimulator[] = [];

const silent = createLogger('silent');
const dispatch = () =>
  dispatchCallbacks({
    db: gw.db.db,
    keys: gw.deps.gatewayKeys,
    fetch,
    now: () => gw.clock.now,
    logger: silent,
  });

async function listen(fetchApp: (request: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: fetchApp, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
}

/**
 * Registers a partner whose callbacks go to a simulator on a real port. The simulator needs the
 * partner's key and the partner's callback URL needs the simulator's port, so the partner is
 * registered first and its callback URL set once the simulator listens.
 */
async function startSimulatorFor(
  id: string,
  jurisdiction: string,
  scheme: 'http-message-signatures' | 'detached-jws' = 'http-message-signatures',
) {
  const agency = await registerTestPartner(gw, { id, jurisdiction, kind: 'ecdsa-p256' });
  const simulator = await startAgencySimulator({
    gatewayUrl,
    partnerId: id,
    key: agency.key,
    scheme,
    jurisdiction,
    now: () => gw.clock.now,
    port: 0,
  });
  running.push(simulator);
  await upsertPartner(
    gw.db.db,
    gw.deps.registry,
    { id, jurisdiction, callbackUrl: `${simulator.url}/callbacks` },
    { actor: 'test', now: gw.clock.now },
  );
  return { agency, simulator };
}

async function callbacksOf(simulator: RunningAgencySimulator): Promise<ReceivedCallback[]> {
  const response = await fetch(`${simulator.url}/callbacks`);
  expect(response.status).toBe(200);
  return (await response.json()) as ReceivedCallback[];
}

beforeAll(async () => {
  gw = await createTestGateway();
  gatewayServer = await listen(gw.app.fetch);
  gatewayUrl = `http://127.0.0.1:${(gatewayServer.address() as AddressInfo).port}`;
  ({ agency: partner, simulator: sim } = await startSimulatorFor('de-sim', 'DE'));
});

afterAll(async () => {
  await Promise.all(running.map((simulator) => simulator.close()));
  if (gatewayServer) {
    await new Promise<void>((resolve) => {
      gatewayServer.close(() => resolve());
      gatewayServer.closeIdleConnections();
    });
  }
  await gw?.close();
});

describe('the agency simulator over real HTTP', () => {
  let transferId: string;
  let eventId: string;

  it('describes itself on GET /', async () => {
    const response = await fetch(`${sim.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('de-sim');
    expect(text).toContain(gatewayUrl);
    expect(text).toContain('/simulate/contribution');
  });

  it('quotes and creates a transfer with signed requests and verified responses', async () => {
    const response = await fetch(`${sim.url}/simulate/contribution`, { method: 'POST' });
    const result = (await response.json()) as RoundTrip;
    expect(response.status, JSON.stringify(result)).toBe(200);
    expect(result.ok).toBe(true);
    expect(result.quote).toMatchObject({ status: 201, signatureVerified: true });
    expect(result.quote.keyid).toBe(gw.deps.gatewayKeys.active.kid);
    expect(result.quote.id).toEqual(expect.any(String));
    expect(result.transfer).toMatchObject({ status: 201, signatureVerified: true, state: 'approved' });
    transferId = result.transfer.id ?? '';
    expect(transferId).not.toBe('');
  });

  it('receives the signed transfer.received callback and verifies it', async () => {
    // received, then approved once screening cleared it.
    expect(await dispatch()).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    const received = await callbacksOf(sim);
    expect(received.map((item) => item.type).sort()).toEqual(['transfer.approved', 'transfer.received']);
    const callback = received.find((item) => item.type === 'transfer.received');
    expect(callback).toMatchObject({
      type: 'transfer.received',
      verified: true,
      duplicate: false,
      keyid: gw.deps.gatewayKeys.active.kid,
      event: { type: 'transfer.received', data: { transferId, state: 'received' } },
    });
    expect(callback?.error).toBeUndefined();
    eventId = callback?.eventId ?? '';
    expect(eventId).toMatch(/^\S+$/);
    expect(sim.simulator.received).toHaveLength(2);
  });

  it('refuses a callback whose body was changed after signing', async () => {
    const url = `${sim.url}/callbacks`;
    const body = JSON.stringify({ id: 'cb_forged', type: 'transfer.settled', data: { transferId } });
    const headers = await signCallback({
      url,
      eventId: 'cb_forged',
      body: new TextEncoder().encode(body),
      keys: gw.deps.gatewayKeys,
      now: gw.clock.now,
    });
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: body.replace('transfer.settled', 'transfer.returned'),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'content_digest_mismatch' });
    expect((await callbacksOf(sim)).at(-1)).toMatchObject({
      eventId: 'cb_forged',
      verified: false,
      duplicate: false,
      error: expect.stringContaining('content_digest_mismatch'),
    });
  });

  it("refuses a callback signed by another key under the gateway's key id", async () => {
    const impostor = await gatewayKeySet(await generateSigningKey());
    const keys = { ...impostor, active: { ...impostor.active, kid: gw.deps.gatewayKeys.active.kid } };
    const url = `${sim.url}/callbacks`;
    const body = JSON.stringify({ id: 'cb_impostor', type: 'transfer.settled', data: { transferId } });
    const headers = await signCallback({
      url,
      eventId: 'cb_impostor',
      body: new TextEncoder().encode(body),
      keys,
      now: gw.clock.now,
    });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'signature_invalid' });
    expect((await callbacksOf(sim)).at(-1)).toMatchObject({ eventId: 'cb_impostor', verified: false });
  });

  it('refuses a callback signed by a key the gateway does not publish', async () => {
    const impostor = await gatewayKeySet(await generateSigningKey());
    const url = `${sim.url}/callbacks`;
    const body = JSON.stringify({ id: 'cb_unknown_key', type: 'transfer.settled', data: { transferId } });
    const headers = await signCallback({
      url,
      eventId: 'cb_unknown_key',
      body: new TextEncoder().encode(body),
      keys: impostor,
      now: gw.clock.now,
    });
    const response = await fetch(url, { method: 'POST', headers, body });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'signature_key_unknown' });
  });

  it('sees a replayed callback as a duplicate of the same event id', async () => {
    await replayCallback(gw.db.db, eventId, { actor: 'test', now: gw.clock.now });
    expect(await dispatch()).toEqual({ delivered: 1, retrying: 0, dead: 0 });
    const received = await callbacksOf(sim);
    const same = received.filter((callback) => callback.eventId === eventId);
    expect(same.map((callback) => [callback.verified, callback.duplicate])).toEqual([
      [true, false],
      [true, true],
    ]);
  });

  it('reports a gateway response that does not verify as a failed step', async () => {
    // A man in the middle that changes the body of the gateway's answer to the quote.
    const tampering: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (!String(input).endsWith('/v1/quotes')) return response;
      const text = (await response.text()).replace('"EUR"', '"USD"');
      return new Response(text, { status: response.status, headers: response.headers });
    };
    const tampered = createAgencySimulator({
      gatewayUrl,
      partnerId: 'de-sim',
      key: partner.key,
      fetch: tampering,
      now: () => gw.clock.now,
    });
    const response = await tampered.app.request('/simulate/contribution', {
      method: 'POST',
      body: JSON.stringify({ amount: '100.00' }),
    });
    expect(response.status).toBe(502);
    const result = (await response.json()) as RoundTrip;
    expect(result.ok).toBe(false);
    expect(result.quote).toMatchObject({ status: 201, signatureVerified: false });
    expect(result.quote.error).toContain('content_digest_mismatch');
    expect(result.transfer).toMatchObject({ status: 0, signatureVerified: false });
  });

  it('answers 502 with the gateway problem when the gateway refuses a step', async () => {
    const response = await fetch(`${sim.url}/simulate/contribution`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: '1.00' }),
    });
    const result = (await response.json()) as RoundTrip;
    expect(response.status, JSON.stringify(result)).toBe(502);
    expect(result.quote.status).toBeGreaterThanOrEqual(400);
    expect(result.quote.signatureVerified).toBe(true);
    expect(result.quote.problem).toMatchObject({ status: 422, code: 'amount_out_of_range' });
  });

  it('caches the JWKS, fetches it again on an unknown key id, and keeps the last 200 callbacks', async () => {
    let jwksFetches = 0;
    const counting: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/.well-known/jwks.json')) jwksFetches += 1;
      return fetch(input, init);
    };
    const local = createAgencySimulator({
      gatewayUrl,
      partnerId: 'de-sim',
      key: partner.key,
      fetch: counting,
      now: () => gw.clock.now,
    });
    const url = 'http://simulator.test/callbacks';
    const post = async (id: string, keys: typeof gw.deps.gatewayKeys, tamper = false) => {
      const body = JSON.stringify({ id, type: 'transfer.settled', data: { transferId } });
      const headers = await signCallback({
        url,
        eventId: id,
        body: new TextEncoder().encode(body),
        keys,
        now: gw.clock.now,
      });
      return local.app.request(url, { method: 'POST', headers, body: tamper ? `${body} ` : body });
    };
    expect((await post('cb_first', gw.deps.gatewayKeys)).status).toBe(204);
    expect(jwksFetches).toBe(1);
    const impostor = await gatewayKeySet(await generateSigningKey());
    expect((await post('cb_unknown', impostor)).status).toBe(401);
    expect(jwksFetches).toBe(2);
    for (let index = 0; index < 205; index += 1) {
      expect((await post(`cb_${index}`, gw.deps.gatewayKeys, index % 2 === 1)).status).toBe(
        index % 2 === 1 ? 401 : 204,
      );
    }
    expect(jwksFetches).toBe(2);
    expect(local.received).toHaveLength(200);
    expect(local.received[0]?.eventId).toBe('cb_5');
    expect(local.received.at(-1)).toMatchObject({ eventId: 'cb_204', verified: true, duplicate: false });
  });

  it('refuses a malformed simulation request', async () => {
    const response = await fetch(`${sim.url}/simulate/contribution`, {
      method: 'POST',
      body: JSON.stringify({ amount: 250 }),
    });
    expect(response.status).toBe(400);
  });

  it('completes the round trip with detached JWS (FR) and verifies its callback', async () => {
    const { simulator } = await startSimulatorFor('fr-sim', 'FR', 'detached-jws');
    const response = await fetch(`${simulator.url}/simulate/contribution`, { method: 'POST' });
    const result = (await response.json()) as RoundTrip;
    expect(response.status, JSON.stringify(result)).toBe(200);
    expect(result.quote).toMatchObject({ status: 201, signatureVerified: true });
    expect(result.transfer).toMatchObject({ status: 201, signatureVerified: true, state: 'approved' });
    expect(await dispatch()).toEqual({ delivered: 2, retrying: 0, dead: 0 });
    expect(await callbacksOf(simulator)).toMatchObject([
      { type: 'transfer.received', verified: true, event: { data: { transferId: result.transfer.id } } },
      { type: 'transfer.approved', verified: true, event: { data: { transferId: result.transfer.id } } },
    ]);
  });
});
