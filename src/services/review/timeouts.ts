/**
 * Hold timeouts: a case nobody decided before `holdExpiresAt` follows the partner adapter's
 * `aml.holdPolicy` — `expire` (the transfer expires, its reserve is voided), `reject` (rejected,
 * reserve voided) or `escalate` (stays held, the case is marked escalated). A `high` case — a
 * possible sanctions match — is always escalated: returning frozen funds would breach the freeze.
 * A case waiting for its second officer is escalated too: the release is theirs to decide.
 *
 * Due cases are claimed one at a time with `FOR UPDATE SKIP LOCKED`, each in its own transaction,
 * so any number of gateway processes (Node timers, Workers cron) can run this at once.
 */
import { and, asc, eq, inArray, isNull, lte, notInArray } from 'drizzle-orm';
import type { Logger } from '../../core/logger.ts';
import type { Database, Transaction } from '../../db/database.ts';
import { complianceCases, transfers } from '../../db/schema.ts';
import type { HoldPolicy } from '../../ports/aml.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { closeTransfer } from '../transfers/close-transfer.ts';
import type { TransitionContext } from '../transfers/transitions.ts';
import { UNDECIDED_STATUSES } from './case-status.ts';
import { auditCase, type CaseRow } from './cases.ts';

export type TimeoutOutcome = HoldPolicy['onTimeout'];

export interface ExpireHoldsResult {
  expired: number;
  rejected: number;
  escalated: number;
  /** Cases that could not be handled in this run (logged; retried next run). */
  failed: number;
}

/** What a timed-out case becomes; pure, so that every rule of it is tested on its own. */
export function timeoutOutcome(
  row: Pick<CaseRow, 'priority' | 'status' | 'transferId'>,
  policy: HoldPolicy | undefined,
): TimeoutOutcome {
  if (row.priority === 'high' || row.status !== 'open' || !row.transferId) return 'escalate';
  return policy?.onTimeout ?? 'escalate';
}

/** Claims the next due case no other process holds, skipping those this run already failed on. */
async function claimDue(tx: Transaction, now: Date, skip: string[]): Promise<CaseRow | undefined> {
  const [row] = await tx
    .select()
    .from(complianceCases)
    .where(
      and(
        inArray(complianceCases.status, [...UNDECIDED_STATUSES]),
        isNull(complianceCases.escalatedAt),
        lte(complianceCases.holdExpiresAt, now),
        skip.length > 0 ? notInArray(complianceCases.id, skip) : undefined,
      ),
    )
    .orderBy(asc(complianceCases.holdExpiresAt))
    .limit(1)
    .for('update', { skipLocked: true });
  return row;
}

async function applyTimeout(
  tx: Transaction,
  registry: AdapterRegistry,
  row: CaseRow,
  context: TransitionContext,
) {
  const [transfer] = row.transferId
    ? await tx
        .select({ jurisdiction: transfers.partnerJurisdiction })
        .from(transfers)
        .where(eq(transfers.id, row.transferId))
    : [];
  // A jurisdiction no longer enabled has no policy here: its cases escalate (the safe side).
  const policy = transfer ? registry.get(transfer.jurisdiction)?.aml.holdPolicy : undefined;
  const outcome = timeoutOutcome(row, policy);
  const data = {
    trigger: 'hold_timeout',
    policy: policy?.onTimeout ?? null,
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
  };
  if (outcome === 'escalate' || !row.transferId) {
    await tx
      .update(complianceCases)
      .set({ escalatedAt: context.now, updatedAt: context.now })
      .where(eq(complianceCases.id, row.id));
    await auditCase(tx, row, { action: 'escalated', from: row.status, to: row.status, data }, context);
    return 'escalate' as const;
  }
  const to = outcome === 'expire' ? 'expired' : 'rejected';
  await closeTransfer(tx, row.transferId, 'held', to, {
    ...context,
    reason: `hold timed out in compliance case ${row.id}`,
  });
  await tx
    .update(complianceCases)
    .set({
      status: to,
      decidedBy: context.actor,
      decidedAt: context.now,
      decisionReason: `The hold timed out; the jurisdiction's policy is to ${outcome} the transfer.`,
      updatedAt: context.now,
    })
    .where(eq(complianceCases.id, row.id));
  await auditCase(tx, row, { action: to, from: row.status, to, data }, context);
  return outcome;
}

/** Handles every case whose hold has timed out at `now`, up to `limit`; returns the counts. */
export async function expireHolds(
  db: Database,
  registry: AdapterRegistry,
  now: Date,
  actor: string,
  options: { limit?: number; logger?: Logger } = {},
): Promise<ExpireHoldsResult> {
  const result: ExpireHoldsResult = { expired: 0, rejected: 0, escalated: 0, failed: 0 };
  const failedIds: string[] = [];
  const limit = options.limit ?? 500;
  for (let handled = 0; handled < limit; handled += 1) {
    let claimedId: string | undefined;
    try {
      const outcome = await db.transaction(async (tx) => {
        const row = await claimDue(tx, now, failedIds);
        if (!row) return undefined;
        claimedId = row.id;
        return applyTimeout(tx, registry, row, { actor, now });
      });
      if (outcome === undefined) break;
      if (outcome === 'expire') result.expired += 1;
      else if (outcome === 'reject') result.rejected += 1;
      else result.escalated += 1;
    } catch (error) {
      if (claimedId === undefined) throw error;
      // One broken case must not stop the others; it is retried on the next run.
      failedIds.push(claimedId);
      result.failed += 1;
      options.logger?.warn('hold timeout failed', { caseId: claimedId, error: (error as Error).name });
    }
  }
  return result;
}
