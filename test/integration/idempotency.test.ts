/**
 * Idempotency of POST /v1/transfers: replays are byte-identical, keys are per caller, failures
 * store nothing, and concurrent retries (truly concurrent on PostgreSQL, where the test database
 * has a pool of 20 connections) create exactly one transfer.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, idempotencyKeys, journalEntries, quotes, transfers } from '../../src/db/schema.ts';
import { issueToken } from '../../src/services/auth/tokens.ts';
import { demoUserFor } from '../../src/services/demo/seed.ts';
import {
  IDEMPOTENCY_RETENTION_HOURS,
  purgeIdempotencyKeys,
} from '../../src/services/idempotency/idempotency.ts';
import { addUser } from '../../src/services/users/users.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

/** A transfer's creation is audited once per state it passes: received, screening, approved. */
const AUDITS_PER_TRANSFER = 3;

/** The backend this run uses, for test names (asserted against the gateway's own in the tests). */
const BACKEND = process.env.DATABASE_URL ? 'postgres' : 'pglite';
const OPERATOR = demoUserFor('operator');

let gw: TestGateway;
beforeAll(async () => {
  gw = await createTestGateway();
});
afterAll(async () => {
  await gw.close();
});

async function newQuote(token?: string, body: object = CONTRIBUTION_QUOTE): Promise<string> {
  const response = await gw.request(
    'POST',
    '/v1/quotes',
    token ? { token, body } : { role: 'operator', body },
  );
  const quote = await json(response);
  expect(response.status, JSON.stringify(quote)).toBe(201);
  return quote.id as string;
}

function postTransfer(key: string, body: object, token?: string) {
  return gw.request('POST', '/v1/transfers', {
    ...(token ? { token } : { role: 'operator' as const }),
    body,
    headers: { 'idempotency-key': key },
  });
}

/** Row counts of everything a transfer writes. */
async function counts() {
  const db = gw.db.db;
  const [t] = await db.select({ n: count() }).from(transfers);
  const [j] = await db.select({ n: count() }).from(journalEntries);
  const [a] = await db.select({ n: count() }).from(auditEvents);
  const [k] = await db.select({ n: count() }).from(idempotencyKeys);
  return { transfers: t?.n ?? -1, journals: j?.n ?? -1, audits: a?.n ?? -1, keys: k?.n ?? -1 };
}

async function keyRow(principal: string, key: string) {
  return gw.db.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}

async function quoteUsedAt(id: string) {
  const [row] = await gw.db.db.select({ usedAt: quotes.usedAt }).from(quotes).where(eq(quotes.id, id));
  return row?.usedAt;
}

describe('POST /v1/transfers idempotency', () => {
  it('replays the first response byte for byte and writes once', async () => {
    const quoteId = await newQuote();
    const before = await counts();
    const body = { quoteId, reference: 'IDEM-1' };

    const first = await postTransfer('replay-1', body);
    const firstText = await first.text();
    expect(first.status, firstText).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBe('false');

    const second = await postTransfer('replay-1', body);
    const secondText = await second.text();
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(secondText).toBe(firstText);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));

    const transfer = JSON.parse(firstText) as { id: string; ledger: { journalId: string } };
    const [t] = await gw.db.db.select({ n: count() }).from(transfers).where(eq(transfers.quoteId, quoteId));
    const [j] = await gw.db.db
      .select({ n: count() })
      .from(journalEntries)
      .where(eq(journalEntries.transferId, transfer.id));
    expect(t?.n).toBe(1);
    expect(j?.n).toBe(1);
    expect(await counts()).toEqual({
      transfers: before.transfers + 1,
      journals: before.journals + 1,
      audits: before.audits + AUDITS_PER_TRANSFER,
      keys: before.keys + 1,
    });
    const [stored] = await keyRow(OPERATOR, 'replay-1');
    expect(stored).toMatchObject({ responseStatus: 201, responseBody: firstText });
  });

  it('treats the same body serialised differently as the same request', async () => {
    const quoteId = await newQuote();
    const headers = { 'idempotency-key': 'reserialised-1', 'content-type': 'application/json' };
    const first = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      rawBody: `{"quoteId":"${quoteId}","reference":"IDEM-2"}`,
      headers,
    });
    const firstText = await first.text();
    expect(first.status, firstText).toBe(201);
    const before = await counts();

    const second = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      rawBody: `{\n  "reference" : "IDEM-2",\n\t"quoteId":   "${quoteId}"\n}\n`,
      headers,
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.text()).toBe(firstText);
    expect(await counts()).toEqual(before);
  });

  it('answers 409 idempotency_conflict to the same key with another body, and writes nothing', async () => {
    const quoteA = await newQuote();
    const quoteB = await newQuote();
    const first = await postTransfer('conflict-1', { quoteId: quoteA });
    expect(first.status).toBe(201);
    const before = await counts();

    const second = await postTransfer('conflict-1', { quoteId: quoteB });
    expect(second.status).toBe(409);
    expect(second.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(second)).toMatchObject({ code: 'idempotency_conflict', status: 409 });

    expect(await counts()).toEqual(before);
    expect(await quoteUsedAt(quoteB)).toBeNull();
    const [t] = await gw.db.db.select({ n: count() }).from(transfers).where(eq(transfers.quoteId, quoteB));
    expect(t?.n).toBe(0);
    // The stored answer is still the first one.
    const [stored] = await keyRow(OPERATOR, 'conflict-1');
    expect(JSON.parse(stored?.responseBody ?? '{}')).toMatchObject({ quoteId: quoteA });
  });

  it('scopes keys per caller: another operator with the same key is independent', async () => {
    await addUser(gw.db.db, { id: 'second-operator', displayName: 'Second operator', roles: ['operator'] });
    const other = await issueToken(gw.key, {
      subject: 'second-operator',
      roles: ['operator'],
      ttlSeconds: 3600,
    });
    const mine = await newQuote();
    const first = await postTransfer('shared-key', { quoteId: mine });
    expect(first.status).toBe(201);

    // Same key and same body from another caller: not a replay of the first caller's answer (the
    // quote is not theirs, so it looks missing to them).
    const foreign = await postTransfer('shared-key', { quoteId: mine }, other);
    expect(foreign.status).toBe(422);
    expect(foreign.headers.get('idempotent-replayed')).toBeNull();
    expect(await json(foreign)).toMatchObject({ code: 'quote_not_found' });

    // Same key, their own quote: a fresh request, not a conflict.
    const theirs = await newQuote(other);
    const own = await postTransfer('shared-key', { quoteId: theirs }, other);
    const ownBody = await json(own);
    expect(own.status, JSON.stringify(ownBody)).toBe(201);
    expect(own.headers.get('idempotent-replayed')).toBe('false');
    expect(ownBody).toMatchObject({ quoteId: theirs });

    const [mineRow] = await keyRow(OPERATOR, 'shared-key');
    const [theirRow] = await keyRow('second-operator', 'shared-key');
    expect(mineRow?.requestHash).toBeDefined();
    expect(theirRow?.requestHash).toBeDefined();
    expect(theirRow?.requestHash).not.toBe(mineRow?.requestHash);

    // And each caller's replay gives their own transfer.
    const replay = await postTransfer('shared-key', { quoteId: theirs }, other);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(replay)).toMatchObject({ id: ownBody.id });
  });

  it('stores nothing for a failed request, so the key stays usable', async () => {
    const quoteId = await newQuote();
    gw.clock.advance(15 * 60 + 1); // past the quote's 900 s lifetime
    const before = await counts();

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await postTransfer('after-failure', { quoteId });
      expect(failed.status).toBe(422);
      expect(failed.headers.get('idempotent-replayed')).toBeNull();
      expect(await json(failed)).toMatchObject({ code: 'quote_expired' });
      expect(await keyRow(OPERATOR, 'after-failure')).toEqual([]);
      expect(await counts()).toEqual(before);
      expect(await quoteUsedAt(quoteId)).toBeNull();
    }

    const fresh = await newQuote();
    const ok = await postTransfer('after-failure', { quoteId: fresh });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('idempotent-replayed')).toBe('false');
    expect(await keyRow(OPERATOR, 'after-failure')).toHaveLength(1);
  });
});

describe(`concurrent requests (${BACKEND})`, () => {
  it(`25 concurrent requests with one key create exactly one transfer (${BACKEND})`, async () => {
    expect(gw.db.kind).toBe(BACKEND);
    console.log(`[idempotency] concurrency test on ${gw.db.kind}`);
    const quoteId = await newQuote();
    const token = await gw.token('operator');
    const before = await counts();
    const body = JSON.stringify({ quoteId, reference: 'CONCURRENT' });

    const responses = await Promise.all(
      Array.from({ length: 25 }, () =>
        gw.app.request('/v1/transfers', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': 'concurrent-same-key',
          },
          body,
        }),
      ),
    );
    const texts = await Promise.all(responses.map((response) => response.text()));
    expect(
      responses.map((response) => response.status),
      texts.find((_text, i) => responses[i]?.status !== 201),
    ).toEqual(Array(25).fill(201));
    expect(new Set(texts).size).toBe(1);
    const replayed = responses.map((response) => response.headers.get('idempotent-replayed'));
    expect(replayed.filter((value) => value === 'false')).toHaveLength(1);
    expect(replayed.filter((value) => value === 'true')).toHaveLength(24);

    const transfer = JSON.parse(texts[0] ?? '{}') as { id: string; quoteId: string };
    expect(transfer.quoteId).toBe(quoteId);
    const [reserve] = await gw.db.db
      .select({ n: count() })
      .from(journalEntries)
      .where(and(eq(journalEntries.transferId, transfer.id), eq(journalEntries.kind, 'reserve')));
    const [audit] = await gw.db.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, transfer.id));
    expect(reserve?.n).toBe(1);
    expect(audit?.n).toBe(AUDITS_PER_TRANSFER);
    expect(await counts()).toEqual({
      transfers: before.transfers + 1,
      journals: before.journals + 1,
      audits: before.audits + AUDITS_PER_TRANSFER,
      keys: before.keys + 1,
    });
  });

  it(`10 concurrent requests with different keys for one quote: one 201, nine quote_used (${BACKEND})`, async () => {
    expect(gw.db.kind).toBe(BACKEND);
    const quoteId = await newQuote();
    const token = await gw.token('operator');
    const before = await counts();
    const body = JSON.stringify({ quoteId });

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gw.app.request('/v1/transfers', {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'idempotency-key': `race-${i}`,
          },
          body,
        }),
      ),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      code?: string;
    }[];
    const statuses = responses.map((response) => response.status);
    expect(
      statuses.filter((status) => status === 201),
      JSON.stringify(bodies),
    ).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(9);
    expect(bodies.filter((item) => item.code === 'quote_used')).toHaveLength(9);

    // One transfer, and only the winner's key is remembered.
    expect(await counts()).toEqual({
      transfers: before.transfers + 1,
      journals: before.journals + 1,
      audits: before.audits + AUDITS_PER_TRANSFER,
      keys: before.keys + 1,
    });
    const winner = statuses.indexOf(201);
    for (let i = 0; i < 10; i += 1) {
      expect(await keyRow(OPERATOR, `race-${i}`)).toHaveLength(i === winner ? 1 : 0);
    }
  });
});

describe('purgeIdempotencyKeys', () => {
  it(`deletes keys older than ${IDEMPOTENCY_RETENTION_HOURS} h only`, async () => {
    const now = new Date();
    const hoursAgo = (hours: number, extraMs = 0) => new Date(now.getTime() - hours * 3_600_000 - extraMs);
    const principal = 'purge-test';
    const rows = [
      { key: 'days-old', createdAt: hoursAgo(72) },
      { key: 'just-expired', createdAt: hoursAgo(24, 1) },
      { key: 'exactly-24h', createdAt: hoursAgo(24) },
      { key: 'almost-expired', createdAt: hoursAgo(23, 59 * 60_000) },
      { key: 'recent', createdAt: hoursAgo(0, 1_000) },
    ];
    await gw.db.db.insert(idempotencyKeys).values(
      rows.map((row) => ({
        principal,
        key: row.key,
        requestHash: 'h',
        responseStatus: 201,
        responseBody: '{}',
        createdAt: row.createdAt,
      })),
    );
    const othersBefore = (await counts()).keys - rows.length;

    expect(await purgeIdempotencyKeys(gw.db.db, now)).toBe(2);

    const left = await gw.db.db
      .select({ key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.principal, principal));
    expect(left.map((row) => row.key).sort()).toEqual(['almost-expired', 'exactly-24h', 'recent']);
    // Keys written by the other tests moments ago are kept.
    expect((await counts()).keys).toBe(othersBefore + 3);
    expect(await purgeIdempotencyKeys(gw.db.db, now)).toBe(0);
  });
});
