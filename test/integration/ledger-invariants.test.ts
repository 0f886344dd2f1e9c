/**
 * The database itself refuses to break the ledger, whatever code writes to it: balanced journals
 * at commit, append-only postings and audit events, a posting's currency is its account's, and a
 * journal's phase moves once. On top of that, the services: two-phase journals, the balance check,
 * crash safety of transfer creation and the transfer state machine.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/core/errors.ts';
import { newId } from '../../src/core/ids.ts';
import { rows } from '../../src/db/migrations-journal.ts';
import {
  auditEvents,
  idempotencyKeys,
  journalEntries,
  ledgerAccounts,
  postings,
  quotes,
  transfers,
} from '../../src/db/schema.ts';
import type { JurisdictionAdapter } from '../../src/ports/index.ts';
import type { AdapterRegistry } from '../../src/services/adapters/registry.ts';
import { demoUserFor } from '../../src/services/demo/seed.ts';
import { runIdempotent } from '../../src/services/idempotency/idempotency.ts';
import {
  balances,
  checkLedger,
  type PostingInput,
  postJournal,
  recordJournal,
  voidJournal,
} from '../../src/services/ledger/ledger.ts';
import { createTransfer } from '../../src/services/transfers/transfers.ts';
import { changeTransferState, insertTransfer } from '../../src/services/transfers/transitions.ts';
import { CONTRIBUTION_QUOTE, createTestGateway, json, type TestGateway } from '../helpers/gateway.ts';

const OPERATOR = demoUserFor('operator');

let gw: TestGateway;
/** A transfer made through the API, so that postings and audit events exist. */
let seeded: { id: string; journalId: string };

beforeAll(async () => {
  gw = await createTestGateway();
  seeded = await apiTransfer(CONTRIBUTION_QUOTE);
});
afterAll(async () => {
  await gw.close();
});

async function apiTransfer(quoteBody: object): Promise<{ id: string; journalId: string }> {
  const quoteResponse = await gw.request('POST', '/v1/quotes', { role: 'operator', body: quoteBody });
  const quote = await json(quoteResponse);
  expect(quoteResponse.status, JSON.stringify(quote)).toBe(201);
  const response = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id },
    headers: { 'idempotency-key': `ledger-${quote.id}` },
  });
  const transfer = await json<{ id: string; ledger: { journalId: string } }>(response);
  expect(response.status, JSON.stringify(transfer)).toBe(201);
  return { id: transfer.id, journalId: transfer.ledger.journalId };
}

async function apiQuote(body: object = CONTRIBUTION_QUOTE): Promise<string> {
  const response = await gw.request('POST', '/v1/quotes', { role: 'operator', body });
  expect(response.status).toBe(201);
  return (await json(response)).id as string;
}

interface DbFailure {
  /** Every message in the cause chain (drizzle wraps the driver's error). */
  message: string;
  /** SQLSTATE of the driver error. */
  sqlstate: string | undefined;
  constraint: string | undefined;
}

/** Runs `work`, which must fail in the database, and describes the failure. */
async function refused(work: () => Promise<unknown>): Promise<DbFailure> {
  try {
    await work();
  } catch (error) {
    const messages: string[] = [];
    let sqlstate: string | undefined;
    let constraint: string | undefined;
    let current: unknown = error;
    for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth += 1) {
      const item = current as {
        message?: unknown;
        code?: unknown;
        constraint?: unknown;
        constraint_name?: unknown;
      };
      messages.push(String(item.message));
      if (sqlstate === undefined && typeof item.code === 'string' && /^[0-9A-Z]{5}$/.test(item.code))
        sqlstate = item.code;
      const named = item.constraint_name ?? item.constraint;
      if (constraint === undefined && typeof named === 'string') constraint = named;
      current = (current as { cause?: unknown }).cause;
    }
    expect(error, 'a database error, not a GatewayError').not.toBeInstanceOf(GatewayError);
    return { message: messages.join(' <- '), sqlstate, constraint };
  }
  throw new Error('expected the database to refuse this');
}

async function countOf(
  table: typeof transfers | typeof journalEntries | typeof auditEvents | typeof postings,
) {
  const [row] = await gw.db.db.select({ n: count() }).from(table);
  return row?.n ?? -1;
}

async function snapshot() {
  return {
    transfers: await countOf(transfers),
    journals: await countOf(journalEntries),
    postings: await countOf(postings),
    audits: await countOf(auditEvents),
  };
}

async function journalPhase(id: string) {
  const [row] = await gw.db.db
    .select({ phase: journalEntries.phase })
    .from(journalEntries)
    .where(eq(journalEntries.id, id));
  return row?.phase;
}

/** A balanced two-line journal between two accounts of `currency` that no transfer uses. */
function adjustment(currency: string, amountMinor: bigint): PostingInput[] {
  return [
    { account: { kind: 'in_transit', currency }, amountMinor },
    { account: { kind: 'fees', currency }, amountMinor: -amountMinor },
  ];
}

async function pendingJournal(currency: string, amountMinor: bigint): Promise<string> {
  const journal = await gw.db.db.transaction((tx) =>
    recordJournal(tx, {
      kind: 'adjustment',
      phase: 'pending',
      description: `test adjustment ${currency}`,
      postings: adjustment(currency, amountMinor),
      now: gw.clock.now,
    }),
  );
  return journal.id;
}

describe('database invariants', () => {
  it('refuses an unbalanced journal at commit (postings_journal_balanced) and keeps nothing', async () => {
    const before = await snapshot();
    const journalId = newId('journal');
    let statementsSucceeded = false;
    const failure = await refused(() =>
      gw.db.db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into ledger_accounts (id, kind, currency)
          values ('in_transit:CHF', 'in_transit', 'CHF'), ('fees:CHF', 'fees', 'CHF')`);
        await tx.execute(sql`
          insert into journal_entries (id, kind, phase, description)
          values (${journalId}, 'adjustment', 'posted', 'unbalanced on purpose')`);
        await tx.execute(sql`
          insert into postings (journal_id, account_id, currency, amount_minor)
          values (${journalId}, 'in_transit:CHF', 'CHF', 100), (${journalId}, 'fees:CHF', 'CHF', -99)`);
        // The check is deferred: every statement succeeded, the commit is what fails.
        statementsSucceeded = true;
      }),
    );
    expect(statementsSucceeded).toBe(true);
    expect(failure.constraint).toBe('postings_journal_balanced');
    expect(failure.sqlstate).toBe('23514');
    expect(failure.message).toMatch(/does not balance in CHF/);

    expect(await snapshot()).toEqual(before);
    expect(await journalPhase(journalId)).toBeUndefined();
    const accounts = await gw.db.db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, 'fees:CHF'));
    expect(accounts).toEqual([]);
  });

  it('checks each currency on its own: a sum of zero across currencies is not balanced', async () => {
    const before = await snapshot();
    const journalId = newId('journal');
    const failure = await refused(() =>
      gw.db.db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into ledger_accounts (id, kind, currency)
          values ('in_transit:CHF', 'in_transit', 'CHF'), ('in_transit:GBP', 'in_transit', 'GBP')`);
        await tx.execute(sql`
          insert into journal_entries (id, kind, phase, description)
          values (${journalId}, 'adjustment', 'pending', 'two currencies')`);
        await tx.execute(sql`
          insert into postings (journal_id, account_id, currency, amount_minor)
          values (${journalId}, 'in_transit:CHF', 'CHF', 500), (${journalId}, 'in_transit:GBP', 'GBP', -500)`);
      }),
    );
    expect(failure.constraint).toBe('postings_journal_balanced');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts postings inserted one by one when the journal balances by commit', async () => {
    const journalId = newId('journal');
    await gw.db.db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into ledger_accounts (id, kind, currency)
        values ('in_transit:CAD', 'in_transit', 'CAD'), ('fees:CAD', 'fees', 'CAD')`);
      await tx.execute(sql`
        insert into journal_entries (id, kind, phase, description)
        values (${journalId}, 'adjustment', 'posted', 'balanced by commit')`);
      await tx.execute(sql`
        insert into postings (journal_id, account_id, currency, amount_minor)
        values (${journalId}, 'in_transit:CAD', 'CAD', 700)`);
      await tx.execute(sql`
        insert into postings (journal_id, account_id, currency, amount_minor)
        values (${journalId}, 'fees:CAD', 'CAD', -700)`);
    });
    const [row] = await gw.db.db
      .select({ n: count() })
      .from(postings)
      .where(eq(postings.journalId, journalId));
    expect(row?.n).toBe(2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on postings', async () => {
    const before = await gw.db.db.select().from(postings).where(eq(postings.journalId, seeded.journalId));
    expect(before.length).toBeGreaterThan(0);
    const attempts = [
      sql`update postings set amount_minor = amount_minor * 2 where journal_id = ${seeded.journalId}`,
      sql`update postings set currency = currency where journal_id = ${seeded.journalId}`,
      sql`delete from postings where journal_id = ${seeded.journalId}`,
      sql`truncate postings cascade`,
    ];
    for (const statement of attempts) {
      const failure = await refused(() => gw.db.db.execute(statement));
      expect(failure.message).toMatch(/postings is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
      expect(failure.sqlstate).toBe('42501');
    }
    expect(await gw.db.db.select().from(postings).where(eq(postings.journalId, seeded.journalId))).toEqual(
      before,
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit events', async () => {
    const before = await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, seeded.id));
    // received → screening → approved
    expect(before).toHaveLength(3);
    const attempts = [
      sql`update audit_events set actor = 'someone-else' where subject_id = ${seeded.id}`,
      sql`delete from audit_events where subject_id = ${seeded.id}`,
      sql`truncate audit_events`,
    ];
    for (const statement of attempts) {
      const failure = await refused(() => gw.db.db.execute(statement));
      expect(failure.message).toMatch(/audit_events is append-only: (UPDATE|DELETE|TRUNCATE) refused/);
    }
    expect(await gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, seeded.id))).toEqual(
      before,
    );
  });

  it("refuses a posting whose currency is not its account's (composite foreign key)", async () => {
    const before = await snapshot();
    const journalId = newId('journal');
    const failure = await refused(() =>
      gw.db.db.transaction(async (tx) => {
        await tx.execute(sql`
          insert into journal_entries (id, kind, phase, description)
          values (${journalId}, 'adjustment', 'posted', 'wrong currency')`);
        // fees:EUR and fx_position:EUR exist (the seeded transfer); the lines balance in CNY.
        await tx.execute(sql`
          insert into postings (journal_id, account_id, currency, amount_minor)
          values (${journalId}, 'fees:EUR', 'CNY', 100), (${journalId}, 'fx_position:EUR', 'CNY', -100)`);
      }),
    );
    expect(failure.constraint).toBe('postings_account_currency_fk');
    expect(failure.sqlstate).toBe('23503');
    expect(await snapshot()).toEqual(before);
  });

  it('moves a journal pending → posted | voided once, never back, and never deletes one', async () => {
    const voided = await pendingJournal('KRW', 1_000n);
    const posted = await pendingJournal('KRW', 2_000n);
    await gw.db.db.transaction((tx) => voidJournal(tx, voided, gw.clock.now));
    await gw.db.db.transaction((tx) => postJournal(tx, posted, gw.clock.now));

    const refusals = [
      sql`update journal_entries set phase = 'posted' where id = ${voided}`,
      sql`update journal_entries set phase = 'pending' where id = ${voided}`,
      sql`update journal_entries set phase = 'voided' where id = ${posted}`,
      sql`update journal_entries set phase = 'pending' where id = ${posted}`,
    ];
    for (const statement of refusals) {
      const failure = await refused(() => gw.db.db.execute(statement));
      expect(failure.message).toMatch(/cannot move from (voided|posted) to/);
      expect(failure.sqlstate).toBe('23514');
    }
    for (const id of [voided, posted, seeded.journalId]) {
      const failure = await refused(() =>
        gw.db.db.execute(sql`delete from journal_entries where id = ${id}`),
      );
      expect(failure.message).toMatch(/journal entries are never deleted/);
    }
    const created = await refused(() =>
      gw.db.db.execute(sql`
        insert into journal_entries (id, kind, phase, description)
        values (${newId('journal')}, 'adjustment', 'voided', 'born voided')`),
    );
    expect(created.message).toMatch(/cannot be created voided/);
    // A pending journal cannot be rewritten either: only its phase may move.
    const rewritten = await refused(() =>
      gw.db.db.execute(sql`update journal_entries set kind = 'settlement' where id = ${seeded.journalId}`),
    );
    expect(rewritten.message).toMatch(/cannot move from pending to pending/);

    expect(await journalPhase(voided)).toBe('voided');
    expect(await journalPhase(posted)).toBe('posted');
    expect(await journalPhase(seeded.journalId)).toBe('pending');
  });
});

describe('two-phase journals', () => {
  function balanceOf(rowsFound: Awaited<ReturnType<typeof balances>>, account: string) {
    const row = rowsFound.find((item) => item.account === account);
    return row && { posted: row.postedMinor, pending: row.pendingMinor };
  }

  it('postJournal moves the balance from pending to posted, once', async () => {
    const id = await pendingJournal('JPY', 12_345n);
    expect(balanceOf(await balances(gw.db.db, { currency: 'JPY' }), 'in_transit:JPY')).toEqual({
      posted: 0n,
      pending: 12_345n,
    });

    await gw.db.db.transaction((tx) => postJournal(tx, id, gw.clock.now));
    const after = await balances(gw.db.db, { currency: 'JPY' });
    expect(balanceOf(after, 'in_transit:JPY')).toEqual({ posted: 12_345n, pending: 0n });
    expect(balanceOf(after, 'fees:JPY')).toEqual({ posted: -12_345n, pending: 0n });
    const [row] = await gw.db.db.select().from(journalEntries).where(eq(journalEntries.id, id));
    expect(row?.resolvedAt?.toISOString()).toBe(gw.clock.now.toISOString());

    for (const second of [postJournal, voidJournal]) {
      await expect(gw.db.db.transaction((tx) => second(tx, id, gw.clock.now))).rejects.toMatchObject({
        name: 'GatewayError',
        code: 'invalid_state_transition',
        details: { journalId: id },
      });
    }
    expect(await journalPhase(id)).toBe('posted');
    expect(balanceOf(await balances(gw.db.db, { currency: 'JPY' }), 'in_transit:JPY')).toEqual({
      posted: 12_345n,
      pending: 0n,
    });
  });

  it('voidJournal makes the reservation disappear from the balances, once', async () => {
    const id = await pendingJournal('GBP', 4_200n);
    expect(balanceOf(await balances(gw.db.db, { currency: 'GBP' }), 'fees:GBP')).toEqual({
      posted: 0n,
      pending: -4_200n,
    });

    await gw.db.db.transaction((tx) => voidJournal(tx, id, gw.clock.now));
    const after = await balances(gw.db.db, { currency: 'GBP' });
    expect(balanceOf(after, 'in_transit:GBP')).toEqual({ posted: 0n, pending: 0n });
    expect(balanceOf(after, 'fees:GBP')).toEqual({ posted: 0n, pending: 0n });
    // The postings themselves stay: the ledger is append-only.
    const [kept] = await gw.db.db.select({ n: count() }).from(postings).where(eq(postings.journalId, id));
    expect(kept?.n).toBe(2);

    for (const second of [voidJournal, postJournal]) {
      await expect(gw.db.db.transaction((tx) => second(tx, id, gw.clock.now))).rejects.toMatchObject({
        code: 'invalid_state_transition',
      });
    }
    expect(await journalPhase(id)).toBe('voided');
  });

  it('postJournal on an unknown journal is an invalid transition', async () => {
    await expect(
      gw.db.db.transaction((tx) => postJournal(tx, newId('journal'), gw.clock.now)),
    ).rejects.toMatchObject({ code: 'invalid_state_transition' });
  });

  it('recordJournal rejects unbalanced input with ledger_unbalanced before touching the database', async () => {
    const touched: PropertyKey[] = [];
    const untouchable = new Proxy(
      {},
      {
        get(_target, property) {
          touched.push(property);
          throw new Error(`the database was touched (${String(property)})`);
        },
      },
    ) as Parameters<typeof recordJournal>[0];
    const cases: PostingInput[][] = [
      [
        { account: { kind: 'in_transit', currency: 'EUR' }, amountMinor: 100n },
        { account: { kind: 'fees', currency: 'EUR' }, amountMinor: -99n },
      ],
      // Zero overall, but not per currency.
      [
        { account: { kind: 'in_transit', currency: 'EUR' }, amountMinor: 100n },
        { account: { kind: 'in_transit', currency: 'CNY' }, amountMinor: -100n },
      ],
      // Nothing left after merging: an empty journal.
      [
        { account: { kind: 'fees', currency: 'EUR' }, amountMinor: 100n },
        { account: { kind: 'fees', currency: 'EUR' }, amountMinor: -100n },
      ],
      [],
    ];
    for (const lines of cases) {
      const attempt = recordJournal(untouchable, {
        kind: 'adjustment',
        phase: 'posted',
        description: 'unbalanced',
        postings: lines,
        now: gw.clock.now,
      });
      await expect(attempt).rejects.toBeInstanceOf(GatewayError);
      await expect(attempt).rejects.toMatchObject({ code: 'ledger_unbalanced' });
    }
    expect(touched).toEqual([]);

    // And on a real transaction, nothing is written.
    const before = await snapshot();
    await expect(
      gw.db.db.transaction((tx) =>
        recordJournal(tx, {
          kind: 'adjustment',
          phase: 'posted',
          description: 'unbalanced',
          postings: cases[0] ?? [],
          now: gw.clock.now,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'ledger_unbalanced',
      details: { unbalanced: [{ currency: 'EUR', sumMinor: '1' }] },
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe('the whole ledger', () => {
  it('balances after a mix of contributions, benefits and a fixed-target quote', async () => {
    const made = [
      await apiTransfer(CONTRIBUTION_QUOTE),
      await apiTransfer({ ...CONTRIBUTION_QUOTE, sourceAmount: '99999.99' }),
      await apiTransfer({
        purpose: 'contribution',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        targetAmount: '1234.56',
      }),
      await apiTransfer({
        purpose: 'benefit',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'CNY',
        targetCurrency: 'EUR',
        sourceAmount: '5000.00',
      }),
      await apiTransfer({
        purpose: 'benefit',
        partnerJurisdiction: 'DE',
        sourceCurrency: 'CNY',
        targetCurrency: 'EUR',
        targetAmount: '321.09',
      }),
      await apiTransfer({
        purpose: 'contribution',
        partnerJurisdiction: 'XR',
        sourceCurrency: 'EUR',
        targetCurrency: 'CNY',
        sourceAmount: '777.77',
      }),
    ];
    // Resolve some reservations both ways.
    const [first, second] = made;
    if (!first || !second) throw new Error('transfers missing');
    await gw.db.db.transaction((tx) => postJournal(tx, first.journalId, gw.clock.now));
    await gw.db.db.transaction((tx) => voidJournal(tx, second.journalId, gw.clock.now));

    const check = await checkLedger(gw.db.db);
    const [journals] = await gw.db.db.select({ n: count() }).from(journalEntries);
    expect(check).toMatchObject({ balanced: true, unbalanced: [], journalsChecked: journals?.n });
    expect(check.totals.map((total) => total.currency).sort()).toEqual(
      expect.arrayContaining(['CNY', 'EUR']),
    );
    for (const total of check.totals) expect(total.sum, total.currency).toMatch(/^-?0(\.0+)?$/);

    // Independently: every account's posted and pending amounts sum to zero per currency.
    const sums = new Map<string, bigint>();
    for (const row of await balances(gw.db.db)) {
      sums.set(row.currency, (sums.get(row.currency) ?? 0n) + row.postedMinor + row.pendingMinor);
    }
    expect([...sums.values()].every((sum) => sum === 0n)).toBe(true);
    // The posted contribution shows as posted, the voided one nowhere.
    const reserve = rows<{ phase: string; n: string | number }>(
      await gw.db.db.execute(sql`
        select phase, count(*)::int as n from journal_entries where kind = 'reserve' group by phase`),
    );
    expect(Object.fromEntries(reserve.map((row) => [row.phase, Number(row.n)]))).toMatchObject({
      posted: 1,
      voided: 1,
    });

    const overHttp = await json(await gw.request('GET', '/v1/ledger/check', { role: 'auditor' }));
    expect(overHttp).toMatchObject({ balanced: true, unbalanced: [] });
  });
});

describe('crash safety of transfer creation', () => {
  /** The real registry, except that reading the home jurisdiction crashes. */
  function crashingRegistry(): AdapterRegistry {
    const real = gw.deps.registry;
    return {
      get home(): JurisdictionAdapter {
        throw new Error('simulated crash between the transfer and its journal');
      },
      list: () => real.list(),
      get: (code) => real.get(code),
      require: (code) => real.require(code),
    };
  }

  it('a crash after the transfer insert and before the journal leaves nothing behind', async () => {
    const quoteId = await apiQuote();
    const before = await snapshot();
    let insideTransaction: { transfers: number; audits: number; journals: number } | undefined;
    // Outside the transaction: PGlite has one connection, which the transaction holds.
    const screening = await gw.deps.screening.current(gw.db.db);

    await expect(
      gw.db.db.transaction(async (tx) => {
        try {
          await createTransfer(
            tx,
            crashingRegistry(),
            { quoteId },
            {
              actor: OPERATOR,
              requestId: 'req-crash',
              now: gw.clock.now,
              screening,
            },
          );
        } catch (error) {
          // Inside the transaction the partial work is there: the crash really was mid-way.
          const [t] = await tx.select().from(transfers).where(eq(transfers.quoteId, quoteId));
          const a = t ? await tx.select().from(auditEvents).where(eq(auditEvents.subjectId, t.id)) : [];
          const j = t
            ? await tx.select().from(journalEntries).where(eq(journalEntries.transferId, t.id))
            : [];
          insideTransaction = { transfers: t ? 1 : 0, audits: a.length, journals: j.length };
          throw error;
        }
      }),
    ).rejects.toThrow('simulated crash');

    expect(insideTransaction).toEqual({ transfers: 1, audits: 1, journals: 0 });
    expect(await snapshot()).toEqual(before);
    const [quote] = await gw.db.db.select().from(quotes).where(eq(quotes.id, quoteId));
    expect(quote?.usedAt).toBeNull();
    const [audit] = await gw.db.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.requestId, 'req-crash'));
    expect(audit?.n).toBe(0);

    // The quote was not consumed: it still makes a transfer.
    const retry = await gw.request('POST', '/v1/transfers', {
      role: 'operator',
      body: { quoteId },
      headers: { 'idempotency-key': 'after-crash' },
    });
    expect(retry.status).toBe(201);
  });

  it('a crash after the journal, before the response is stored, also rolls back the idempotency key', async () => {
    const quoteId = await apiQuote();
    const before = await snapshot();
    const screening = await gw.deps.screening.current(gw.db.db);
    await expect(
      runIdempotent(gw.db.db, { principal: OPERATOR, key: 'crash-late', requestHash: 'h' }, async (tx) => {
        await createTransfer(
          tx,
          gw.deps.registry,
          { quoteId },
          { actor: OPERATOR, now: gw.clock.now, screening },
        );
        throw new Error('simulated crash before the response is stored');
      }),
    ).rejects.toThrow('simulated crash');
    expect(await snapshot()).toEqual(before);
    const [quote] = await gw.db.db.select().from(quotes).where(eq(quotes.id, quoteId));
    expect(quote?.usedAt).toBeNull();
    const keys = await gw.db.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.principal, OPERATOR), eq(idempotencyKeys.key, 'crash-late')));
    expect(keys).toEqual([]);
  });
});

describe('transfer state machine in the database', () => {
  const context = (requestId: string) => ({ actor: 'demo-compliance', requestId, now: gw.clock.now });

  async function stateOf(id: string) {
    const [row] = await gw.db.db.select().from(transfers).where(eq(transfers.id, id));
    return row;
  }

  async function auditsOf(id: string) {
    return gw.db.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
  }

  /** A transfer as it is before the pipeline's compliance step moves it on: `received`. */
  async function receivedTransfer(): Promise<{ id: string }> {
    const quoteId = await apiQuote();
    const [quote] = await gw.db.db.select().from(quotes).where(eq(quotes.id, quoteId));
    if (!quote) throw new Error('quote missing');
    const id = newId('transfer', gw.clock.now.getTime());
    await gw.db.db.transaction((tx) =>
      insertTransfer(
        tx,
        {
          id,
          quoteId,
          purpose: quote.purpose,
          partnerJurisdiction: quote.partnerJurisdiction,
          sourceJurisdiction: quote.sourceJurisdiction,
          targetJurisdiction: quote.targetJurisdiction,
          sourceCurrency: quote.sourceCurrency,
          targetCurrency: quote.targetCurrency,
          sourceAmountMinor: quote.sourceAmountMinor,
          targetAmountMinor: quote.targetAmountMinor,
          feeMinor: quote.feeMinor,
          appliedRate: quote.appliedRate,
          createdBy: OPERATOR,
        },
        context('req-received'),
      ),
    );
    return { id };
  }

  it('moves received → screening and audits it in the same transaction', async () => {
    const { id } = await receivedTransfer();
    gw.clock.advance(5);
    const seenInside = await gw.db.db.transaction(async (tx) => {
      const row = await changeTransferState(tx, id, 'received', 'screening', {
        ...context('req-screen'),
        reason: 'automatic screening',
      });
      expect(row.state).toBe('screening');
      return tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'transfer.screening')));
    });
    expect(seenInside).toHaveLength(1);
    expect(seenInside[0]).toMatchObject({
      actor: 'demo-compliance',
      subjectType: 'transfer',
      fromState: 'received',
      toState: 'screening',
      requestId: 'req-screen',
      data: { reason: 'automatic screening' },
    });
    const after = await stateOf(id);
    expect(after?.state).toBe('screening');
    expect(after?.updatedAt.toISOString()).toBe(gw.clock.now.toISOString());
    expect((await auditsOf(id)).map((event) => [event.fromState, event.toState])).toEqual([
      [null, 'received'],
      ['received', 'screening'],
    ]);

    // Rolled back together: a change whose transaction fails leaves neither state nor audit.
    await expect(
      gw.db.db.transaction(async (tx) => {
        await changeTransferState(tx, id, 'screening', 'held', context('req-held'));
        throw new Error('abort after the change');
      }),
    ).rejects.toThrow('abort after the change');
    expect((await stateOf(id))?.state).toBe('screening');
    expect(await auditsOf(id)).toHaveLength(2);

    // A stale `from`: the transfer is no longer received.
    const before = await snapshot();
    await expect(
      gw.db.db.transaction((tx) =>
        changeTransferState(tx, id, 'received', 'screening', context('req-stale')),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_state_transition',
      details: { transferId: id, from: 'received', to: 'screening' },
    });
    expect(await snapshot()).toEqual(before);
    expect((await stateOf(id))?.state).toBe('screening');
  });

  it('refuses an illegal move (received → settled) and writes nothing', async () => {
    const { id } = await receivedTransfer();
    const row = await stateOf(id);
    const before = await snapshot();
    await expect(
      gw.db.db.transaction((tx) =>
        changeTransferState(tx, id, 'received', 'settled', context('req-illegal')),
      ),
    ).rejects.toMatchObject({
      name: 'GatewayError',
      code: 'invalid_state_transition',
      details: { from: 'received', to: 'settled' },
    });
    expect(await snapshot()).toEqual(before);
    expect(await stateOf(id)).toEqual(row);
    expect(await auditsOf(id)).toHaveLength(1);
  });
});
