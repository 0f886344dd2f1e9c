/**
 * The only code that writes a transfer's state. Each change is checked against the state table
 * in `src/core/transfer-states.ts`, guarded against concurrent changes, and audited in the same
 * transaction.
 */
import { and, eq } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { assertTransition, INITIAL_TRANSFER_STATE, type TransferState } from '../../core/transfer-states.ts';
import type { Transaction } from '../../db/database.ts';
import { transfers } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { enqueueTransferEvent } from '../callbacks/outbox.ts';

export interface TransitionContext {
  actor: string;
  requestId?: string | undefined;
  now: Date;
  reason?: string;
  /**
   * False for a state nobody outside the transaction can observe (`screening`, entered and left
   * in the transaction that creates the transfer): the partner is not called back for it.
   */
  notify?: boolean;
}

type NewTransfer = Omit<typeof transfers.$inferInsert, 'state' | 'createdAt' | 'updatedAt'>;

/** Inserts a transfer in its initial state and audits its creation. */
export async function insertTransfer(tx: Transaction, values: NewTransfer, context: TransitionContext) {
  const [row] = await tx
    .insert(transfers)
    .values({ ...values, state: INITIAL_TRANSFER_STATE, createdAt: context.now, updatedAt: context.now })
    .returning();
  if (!row) throw new Error('insert into transfers returned no row');
  await recordAudit(tx, {
    actor: context.actor,
    action: `transfer.${INITIAL_TRANSFER_STATE}`,
    subjectType: 'transfer',
    subjectId: row.id,
    fromState: null,
    toState: INITIAL_TRANSFER_STATE,
    requestId: context.requestId,
    data: { quoteId: row.quoteId, purpose: row.purpose, partnerJurisdiction: row.partnerJurisdiction },
    now: context.now,
  });
  await notifyPartner(tx, row, null, context.now);
  return row;
}

/** Moves a transfer from `from` to `to`; fails if the table forbids it or the state moved meanwhile. */
export async function changeTransferState(
  tx: Transaction,
  transferId: string,
  from: TransferState,
  to: TransferState,
  context: TransitionContext,
) {
  assertTransition(from, to);
  const [row] = await tx
    .update(transfers)
    .set({ state: to, updatedAt: context.now })
    .where(and(eq(transfers.id, transferId), eq(transfers.state, from)))
    .returning();
  if (!row) {
    throw new GatewayError('invalid_state_transition', `The transfer is no longer ${from}.`, {
      details: { transferId, from, to },
    });
  }
  await recordAudit(tx, {
    actor: context.actor,
    action: `transfer.${to}`,
    subjectType: 'transfer',
    subjectId: transferId,
    fromState: from,
    toState: to,
    requestId: context.requestId,
    data: context.reason ? { reason: context.reason } : {},
    now: context.now,
  });
  if (context.notify !== false) await notifyPartner(tx, row, from, context.now);
  return row;
}

/** A transfer a partner created reports each of its states to that partner (a callback). */
async function notifyPartner(
  tx: Transaction,
  row: typeof transfers.$inferSelect,
  previousState: TransferState | null,
  now: Date,
) {
  if (!row.partnerId) return;
  await enqueueTransferEvent(
    tx,
    {
      transferId: row.id,
      partnerId: row.partnerId,
      state: row.state,
      previousState,
      quoteId: row.quoteId,
      reference: row.reference,
    },
    now,
  );
}
