/**
 * The double-entry ledger. A journal is a set of postings (signed minor units, debit positive)
 * that sums to zero per currency; it is written pending (a reservation) or posted, and a pending
 * journal is later posted or voided. Postings are append-only: no balance row is ever updated,
 * so a hot account (one collection account for a whole country) never serialises writers, and
 * every balance is a query over the postings.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { formatMinorUnits } from '../../core/money.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { rows } from '../../db/migrations-journal.ts';
import { journalEntries, ledgerAccounts, postings } from '../../db/schema.ts';
import { type AccountKind, type AccountRef, accountId } from './accounts.ts';

export interface PostingInput {
  readonly account: AccountRef;
  readonly amountMinor: bigint;
}

export type JournalKind = 'reserve' | 'settlement' | 'return' | 'adjustment';
export type JournalPhase = 'pending' | 'posted' | 'voided';

export interface JournalInput {
  readonly transferId?: string;
  readonly kind: JournalKind;
  readonly phase: 'pending' | 'posted';
  readonly description: string;
  readonly postings: readonly PostingInput[];
  readonly now: Date;
}

export interface JournalRecord {
  readonly id: string;
  readonly phase: JournalPhase;
  readonly postings: readonly { accountId: string; currency: string; amountMinor: bigint }[];
}

/** Merges postings to the same account, drops zeros, and proves the result balances per currency. */
export function normalisePostings(
  input: readonly PostingInput[],
): { account: AccountRef; amountMinor: bigint }[] {
  const merged = new Map<string, { account: AccountRef; amountMinor: bigint }>();
  for (const posting of input) {
    const id = accountId(posting.account);
    const existing = merged.get(id);
    if (existing) existing.amountMinor += posting.amountMinor;
    else merged.set(id, { account: posting.account, amountMinor: posting.amountMinor });
  }
  const result = [...merged.values()].filter((posting) => posting.amountMinor !== 0n);
  const sums = new Map<string, bigint>();
  for (const posting of result) {
    sums.set(posting.account.currency, (sums.get(posting.account.currency) ?? 0n) + posting.amountMinor);
  }
  const unbalanced = [...sums.entries()].filter(([, sum]) => sum !== 0n);
  if (result.length === 0 || unbalanced.length > 0) {
    throw new GatewayError(
      'ledger_unbalanced',
      'A journal must have postings that sum to zero per currency.',
      {
        details: {
          unbalanced: unbalanced.map(([currency, sum]) => ({ currency, sumMinor: sum.toString() })),
        },
      },
    );
  }
  return result;
}

/** Writes a balanced journal inside the caller's transaction. */
export async function recordJournal(tx: Transaction, input: JournalInput): Promise<JournalRecord> {
  const lines = normalisePostings(input.postings);
  const accounts = new Map(lines.map((line) => [accountId(line.account), line.account]));
  await tx
    .insert(ledgerAccounts)
    .values(
      [...accounts.entries()].map(([id, ref]) => ({
        id,
        kind: ref.kind,
        jurisdiction: ref.jurisdiction ?? null,
        currency: ref.currency,
      })),
    )
    .onConflictDoNothing();
  const id = newId('journal', input.now.getTime());
  await tx.insert(journalEntries).values({
    id,
    transferId: input.transferId ?? null,
    kind: input.kind,
    phase: input.phase,
    description: input.description,
    createdAt: input.now,
    resolvedAt: input.phase === 'posted' ? input.now : null,
  });
  const values = lines.map((line) => ({
    journalId: id,
    accountId: accountId(line.account),
    currency: line.account.currency,
    amountMinor: line.amountMinor,
    createdAt: input.now,
  }));
  await tx.insert(postings).values(values);
  return { id, phase: input.phase, postings: values };
}

async function resolveJournal(tx: Transaction, journalId: string, phase: 'posted' | 'voided', now: Date) {
  const updated = await tx
    .update(journalEntries)
    .set({ phase, resolvedAt: now })
    .where(and(eq(journalEntries.id, journalId), eq(journalEntries.phase, 'pending')))
    .returning({ id: journalEntries.id });
  if (updated.length === 0) {
    throw new GatewayError('invalid_state_transition', `Only a pending journal can be ${phase}.`, {
      details: { journalId, to: phase },
    });
  }
}

/** Second phase: the reservation becomes final. */
export function postJournal(tx: Transaction, journalId: string, now: Date): Promise<void> {
  return resolveJournal(tx, journalId, 'posted', now);
}

/** Second phase: the reservation is released; its postings no longer count. */
export function voidJournal(tx: Transaction, journalId: string, now: Date): Promise<void> {
  return resolveJournal(tx, journalId, 'voided', now);
}

export interface BalanceRow {
  account: string;
  kind: AccountKind;
  jurisdiction: string | null;
  currency: string;
  postedMinor: bigint;
  pendingMinor: bigint;
}

export async function balances(db: Executor, filter: { currency?: string } = {}): Promise<BalanceRow[]> {
  const result = await db
    .select({
      account: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      jurisdiction: ledgerAccounts.jurisdiction,
      currency: ledgerAccounts.currency,
      posted: sql<string>`coalesce(sum(${postings.amountMinor}) filter (where ${journalEntries.phase} = 'posted'), 0)::text`,
      pending: sql<string>`coalesce(sum(${postings.amountMinor}) filter (where ${journalEntries.phase} = 'pending'), 0)::text`,
    })
    .from(ledgerAccounts)
    .leftJoin(postings, eq(postings.accountId, ledgerAccounts.id))
    .leftJoin(journalEntries, eq(journalEntries.id, postings.journalId))
    .where(filter.currency ? eq(ledgerAccounts.currency, filter.currency) : undefined)
    .groupBy(ledgerAccounts.id)
    .orderBy(asc(ledgerAccounts.id));
  return result.map((row) => ({
    account: row.account,
    kind: row.kind,
    jurisdiction: row.jurisdiction,
    currency: row.currency,
    postedMinor: BigInt(row.posted),
    pendingMinor: BigInt(row.pending),
  }));
}

export interface LedgerCheckResult {
  balanced: boolean;
  journalsChecked: number;
  unbalanced: { journalId: string; currency: string; sum: string }[];
  totals: { currency: string; sum: string }[];
}

/** Proves that every journal, and so the whole ledger, sums to zero per currency. */
export async function checkLedger(db: Executor): Promise<LedgerCheckResult> {
  const unbalanced = rows<{ journal_id: string; currency: string; total: string }>(
    await db.execute(sql`
      select journal_id, currency, sum(amount_minor)::text as total
      from postings group by journal_id, currency having sum(amount_minor) <> 0
      order by journal_id, currency`),
  );
  const totals = rows<{ currency: string; total: string }>(
    await db.execute(sql`
      select p.currency, sum(p.amount_minor)::text as total
      from postings p join journal_entries j on j.id = p.journal_id
      where j.phase <> 'voided' group by p.currency order by p.currency`),
  );
  const counted = rows<{ journals: string | number }>(
    await db.execute(sql`select count(*)::text as journals from journal_entries`),
  );
  const currencyTotals = totals.map((row) => ({
    currency: row.currency,
    sum: formatMinorUnits(BigInt(row.total), row.currency),
  }));
  return {
    balanced: unbalanced.length === 0 && totals.every((row) => BigInt(row.total) === 0n),
    journalsChecked: Number(counted[0]?.journals ?? 0),
    unbalanced: unbalanced.map((row) => ({
      journalId: row.journal_id,
      currency: row.currency,
      sum: formatMinorUnits(BigInt(row.total), row.currency),
    })),
    totals: currencyTotals,
  };
}
