/**
 * Transfers: accept a quote and, in the caller's transaction, consume the quote, create the
 * transfer in its initial state (audited) and reserve its money in the ledger.
 */
import { and, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { Transfer } from '../../../schemas/transfers.ts';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import { formatMinorUnits } from '../../core/money.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { journalEntries, quotes, transfers } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { recordJournal } from '../ledger/ledger.ts';
import { conversionView } from '../quotes/conversion-view.ts';
import { reservePostings } from './reserve-postings.ts';
import { insertTransfer, type TransitionContext } from './transitions.ts';

type TransferRow = typeof transfers.$inferSelect;
type JournalSummary = { id: string; phase: 'pending' | 'posted' | 'voided' };

export interface CreateTransferInput {
  quoteId: string;
  reference?: string | undefined;
}

/** Who may see a transfer: staff see all, a partner agency only the transfers it created. */
export type TransferViewer = { partnerId?: string | undefined };

/** Marks the quote used, or explains why it cannot be: not found, used or expired. */
async function consumeQuote(tx: Transaction, quoteId: string, actor: string, now: Date) {
  const [quote] = await tx
    .update(quotes)
    .set({ usedAt: now })
    .where(
      and(
        eq(quotes.id, quoteId),
        eq(quotes.createdBy, actor),
        isNull(quotes.usedAt),
        gt(quotes.expiresAt, now),
      ),
    )
    .returning();
  if (quote) return quote;
  const [existing] = await tx.select().from(quotes).where(eq(quotes.id, quoteId));
  // A quote made by someone else is reported as missing: its existence is not the caller's business.
  if (!existing || existing.createdBy !== actor) {
    throw new GatewayError('quote_not_found', 'No quote with this id was issued to you.');
  }
  if (existing.usedAt)
    throw new GatewayError('quote_used', 'This quote has already been used for a transfer.');
  throw new GatewayError('quote_expired', `The quote expired at ${existing.expiresAt.toISOString()}.`, {
    details: { expiresAt: existing.expiresAt.toISOString() },
  });
}

export async function createTransfer(
  tx: Transaction,
  registry: AdapterRegistry,
  input: CreateTransferInput,
  context: TransitionContext & TransferViewer,
): Promise<Transfer> {
  const quote = await consumeQuote(tx, input.quoteId, context.actor, context.now);
  const transferId = newId('transfer', context.now.getTime());
  const row = await insertTransfer(
    tx,
    {
      id: transferId,
      quoteId: quote.id,
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
      reference: input.reference ?? null,
      partnerId: context.partnerId ?? null,
      createdBy: context.actor,
    },
    context,
  );
  const journal = await recordJournal(tx, {
    transferId,
    kind: 'reserve',
    phase: 'pending',
    description: `reserve ${quote.purpose} ${transferId}`,
    now: context.now,
    postings: reservePostings({
      purpose: quote.purpose,
      homeJurisdiction: registry.home.identity.code,
      partnerJurisdiction: quote.partnerJurisdiction,
      sourceCurrency: quote.sourceCurrency,
      targetCurrency: quote.targetCurrency,
      sourceAmountMinor: quote.sourceAmountMinor,
      targetAmountMinor: quote.targetAmountMinor,
      feeMinor: quote.feeMinor,
    }),
  });
  return toTransferView(row, { id: journal.id, phase: journal.phase });
}

export function toTransferView(row: TransferRow, journal: JournalSummary): Transfer {
  return {
    id: row.id,
    object: 'transfer',
    state: row.state as Transfer['state'],
    quoteId: row.quoteId,
    ...conversionView(row),
    totalFee: formatMinorUnits(row.feeMinor, row.sourceCurrency),
    appliedRate: row.appliedRate,
    reference: row.reference,
    ledger: { journalId: journal.id, phase: journal.phase },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function reserveJournals(db: Executor, transferIds: string[]): Promise<Map<string, JournalSummary>> {
  if (transferIds.length === 0) return new Map();
  const found = await db
    .select({ id: journalEntries.id, phase: journalEntries.phase, transferId: journalEntries.transferId })
    .from(journalEntries)
    .where(and(inArray(journalEntries.transferId, transferIds), eq(journalEntries.kind, 'reserve')));
  return new Map(found.map((row) => [row.transferId ?? '', { id: row.id, phase: row.phase }]));
}

function withJournal(row: TransferRow, journals: Map<string, JournalSummary>): Transfer {
  const journal = journals.get(row.id);
  if (!journal) throw new Error(`transfer ${row.id} has no reserve journal`);
  return toTransferView(row, journal);
}

export async function getTransfer(db: Executor, id: string, viewer: TransferViewer = {}): Promise<Transfer> {
  const [row] = isId('transfer', id) ? await db.select().from(transfers).where(eq(transfers.id, id)) : [];
  // Another partner's transfer is reported as missing: its existence is not the caller's business.
  if (!row || (viewer.partnerId !== undefined && row.partnerId !== viewer.partnerId)) {
    throw new GatewayError('not_found', 'No transfer with this id.');
  }
  return withJournal(row, await reserveJournals(db, [row.id]));
}

/** Newest first; `startingAfter` is the id of the last transfer of the previous page. */
export async function listTransfers(
  db: Executor,
  page: { limit: number; startingAfter?: string | undefined },
  viewer: TransferViewer = {},
): Promise<{ data: Transfer[]; hasMore: boolean }> {
  if (page.startingAfter !== undefined) {
    const [cursor] = isId('transfer', page.startingAfter)
      ? await db
          .select({ id: transfers.id })
          .from(transfers)
          .where(
            and(
              eq(transfers.id, page.startingAfter),
              viewer.partnerId !== undefined ? eq(transfers.partnerId, viewer.partnerId) : undefined,
            ),
          )
      : [];
    if (!cursor)
      throw new GatewayError('cursor_invalid', '`starting_after` is not the id of an existing transfer.');
  }
  const found = await db
    .select()
    .from(transfers)
    .where(
      and(
        page.startingAfter ? lt(transfers.id, page.startingAfter) : undefined,
        viewer.partnerId !== undefined ? eq(transfers.partnerId, viewer.partnerId) : undefined,
      ),
    )
    .orderBy(desc(transfers.id))
    .limit(page.limit + 1);
  const pageRows = found.slice(0, page.limit);
  const journals = await reserveJournals(
    db,
    pageRows.map((row) => row.id),
  );
  return { data: pageRows.map((row) => withJournal(row, journals)), hasMore: found.length > page.limit };
}
