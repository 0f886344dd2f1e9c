/**
 * Ends a transfer that will not move money (rejected, or expired while held): the state change
 * and the release of its pending reservation happen in the caller's transaction, so the ledger
 * never keeps money reserved for a transfer that is over.
 */
import { and, eq } from 'drizzle-orm';
import type { TransferState } from '../../core/transfer-states.ts';
import type { Transaction } from '../../db/database.ts';
import { journalEntries } from '../../db/schema.ts';
import { voidJournal } from '../ledger/ledger.ts';
import { changeTransferState, type TransitionContext } from './transitions.ts';

export async function closeTransfer(
  tx: Transaction,
  transferId: string,
  from: TransferState,
  to: 'rejected' | 'expired',
  context: TransitionContext,
) {
  const row = await changeTransferState(tx, transferId, from, to, context);
  const pending = await tx
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(and(eq(journalEntries.transferId, transferId), eq(journalEntries.phase, 'pending')));
  for (const journal of pending) await voidJournal(tx, journal.id, context.now);
  return row;
}
