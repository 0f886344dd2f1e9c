/**
 * The officers' decisions on a case: ask to release, approve a release (a different officer: four
 * eyes), send a release request back, or reject. Each locks the case, checks its status, moves the
 * transfer through the state table (held → released → approved, released → held, held →
 * rejected) and records the decision with its reason on the case, in one transaction.
 */
import { eq } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import type { Transaction } from '../../db/database.ts';
import { complianceCases } from '../../db/schema.ts';
import { closeTransfer } from '../transfers/close-transfer.ts';
import { changeTransferState, type TransitionContext } from '../transfers/transitions.ts';
import { assertCaseAllows, type CaseStatus } from './case-status.ts';
import { auditCase, type CaseDecision, type CaseRow, caseDecisions, findCase } from './cases.ts';

/** The transfer's audit event names the case, never the officer's words. */
const transferContext = (context: TransitionContext, row: CaseRow, what: string): TransitionContext => ({
  actor: context.actor,
  requestId: context.requestId,
  now: context.now,
  reason: `${what} in compliance case ${row.id}`,
});

async function saveDecision(
  tx: Transaction,
  row: CaseRow,
  to: CaseStatus,
  decision: CaseDecision,
  columns: Partial<typeof complianceCases.$inferInsert>,
  context: TransitionContext,
): Promise<CaseRow> {
  const [updated] = await tx
    .update(complianceCases)
    .set({ ...columns, status: to, decisions: [...caseDecisions(row), decision], updatedAt: context.now })
    .where(eq(complianceCases.id, row.id))
    .returning();
  if (!updated) throw new Error(`compliance case ${row.id} vanished while locked`);
  await auditCase(tx, row, { action: decision.action, from: row.status, to }, context);
  return updated;
}

/** First officer: the transfer goes `held → released` and waits for a second officer. */
export async function requestRelease(
  tx: Transaction,
  caseId: string,
  input: { reason: string },
  context: TransitionContext,
): Promise<CaseRow> {
  const row = await findCase(tx, caseId, true);
  assertCaseAllows(row.status, 'release');
  if (row.transferId) {
    await changeTransferState(
      tx,
      row.transferId,
      'held',
      'released',
      transferContext(context, row, 'release requested'),
    );
  }
  return saveDecision(
    tx,
    row,
    'release_requested',
    {
      action: 'release_requested',
      actor: context.actor,
      at: context.now.toISOString(),
      reason: input.reason,
    },
    { releaseRequestedBy: context.actor, releaseRequestedAt: context.now, releaseReason: input.reason },
    context,
  );
}

/**
 * Second officer: the transfer goes `released → approved` (ready for settlement). The officer who
 * asked for the release may not approve it (`four_eyes_required`).
 */
export async function approveRelease(
  tx: Transaction,
  caseId: string,
  input: { note?: string | undefined },
  context: TransitionContext,
): Promise<CaseRow> {
  const row = await findCase(tx, caseId, true);
  assertCaseAllows(row.status, 'approve_release');
  if (row.releaseRequestedBy === context.actor) {
    throw new GatewayError(
      'four_eyes_required',
      'You asked for this release; another officer must approve it.',
      {
        details: { caseId: row.id },
      },
    );
  }
  if (row.transferId) {
    await changeTransferState(
      tx,
      row.transferId,
      'released',
      'approved',
      transferContext(context, row, 'release approved'),
    );
  }
  return saveDecision(
    tx,
    row,
    row.transferId ? 'released' : 'closed',
    {
      action: 'release_approved',
      actor: context.actor,
      at: context.now.toISOString(),
      reason: input.note ?? null,
    },
    { decidedBy: context.actor, decidedAt: context.now, decisionReason: input.note ?? null },
    context,
  );
}

/**
 * Sends a release request back: the transfer returns `released → held` and the case is open again.
 * The requesting officer may withdraw their own request (nothing is released by it).
 */
export async function declineRelease(
  tx: Transaction,
  caseId: string,
  input: { reason: string },
  context: TransitionContext,
): Promise<CaseRow> {
  const row = await findCase(tx, caseId, true);
  assertCaseAllows(row.status, 'decline_release');
  const action = row.releaseRequestedBy === context.actor ? 'release_withdrawn' : 'release_declined';
  if (row.transferId) {
    await changeTransferState(
      tx,
      row.transferId,
      'released',
      'held',
      transferContext(context, row, action.replace('_', ' ')),
    );
  }
  return saveDecision(
    tx,
    row,
    'open',
    { action, actor: context.actor, at: context.now.toISOString(), reason: input.reason },
    { releaseRequestedBy: null, releaseRequestedAt: null, releaseReason: null },
    context,
  );
}

/**
 * Rejects: the transfer goes `held → rejected` and its reservation is voided (the money is not
 * moved). A `high` case — a hit at the block threshold — is never rejected: returning the money
 * would breach the asset freeze, so it stays held until released by two officers. Rejecting an
 * alert confirms the match; no money moves.
 */
export async function rejectCase(
  tx: Transaction,
  caseId: string,
  input: { reason: string },
  context: TransitionContext,
): Promise<CaseRow> {
  const row = await findCase(tx, caseId, true);
  assertCaseAllows(row.status, 'reject');
  if (row.transferId) {
    if (row.priority === 'high') {
      throw new GatewayError(
        'case_state_conflict',
        'A high-priority case is a possible sanctions match: its funds stay frozen (held) and are not returned by a rejection.',
        {
          details: { caseStatus: row.status, action: 'reject', priority: row.priority, rule: 'asset_freeze' },
        },
      );
    }
    await closeTransfer(tx, row.transferId, 'held', 'rejected', transferContext(context, row, 'rejected'));
  }
  return saveDecision(
    tx,
    row,
    'rejected',
    { action: 'rejected', actor: context.actor, at: context.now.toISOString(), reason: input.reason },
    { decidedBy: context.actor, decidedAt: context.now, decisionReason: input.reason },
    context,
  );
}
