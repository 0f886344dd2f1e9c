/**
 * Opening and loading compliance cases: the integrator's pipeline opens one for every held
 * transfer, continuous screening one per alert; every change of a case is audited with ids only.
 */
import { and, eq } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { complianceCases, transfers } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { TransitionContext } from '../transfers/transitions.ts';
import type { CasePriority, CaseStatus } from './case-status.ts';

export type CaseRow = typeof complianceCases.$inferSelect;

/** One officer decision as kept in `compliance_cases.decisions`. */
export interface CaseDecision {
  action: 'release_requested' | 'release_approved' | 'release_declined' | 'release_withdrawn' | 'rejected';
  actor: string;
  at: string;
  reason: string | null;
}

/** Audits a change of a case: who, which case, which transfer; never names or the officers' words. */
export async function auditCase(
  tx: Transaction,
  row: Pick<CaseRow, 'id' | 'kind' | 'transferId' | 'priority'>,
  change: { action: string; from: CaseStatus | null; to: CaseStatus | null; data?: Record<string, unknown> },
  context: TransitionContext,
): Promise<void> {
  await recordAudit(tx, {
    actor: context.actor,
    action: `compliance_case.${change.action}`,
    subjectType: 'compliance_case',
    subjectId: row.id,
    fromState: change.from,
    toState: change.to,
    requestId: context.requestId,
    data: { kind: row.kind, transferId: row.transferId, priority: row.priority, ...(change.data ?? {}) },
    now: context.now,
  });
}

/**
 * Opens the case of a transfer the screening step has just moved to `held` (in the same
 * transaction). `holdExpiresAt` comes from the partner adapter's `aml.holdPolicy`; null means the
 * hold never times out.
 */
export async function openTransferCase(
  tx: Transaction,
  input: { transferId: string; subjectId: string | null; priority: CasePriority; holdExpiresAt: Date | null },
  context: TransitionContext,
): Promise<string> {
  const [transfer] = await tx
    .select({ state: transfers.state })
    .from(transfers)
    .where(eq(transfers.id, input.transferId));
  // A case mirrors a hold: opening one for a transfer that is not held would let the queue lie.
  if (transfer?.state !== 'held') {
    throw new Error(
      `openTransferCase: transfer ${input.transferId} is ${transfer?.state ?? 'missing'}, not held`,
    );
  }
  return insertCase(
    tx,
    {
      kind: 'transfer_hold',
      transferId: input.transferId,
      subjectId: input.subjectId,
      priority: input.priority,
      holdExpiresAt: input.holdExpiresAt,
    },
    { holdExpiresAt: input.holdExpiresAt?.toISOString() ?? null },
    context,
  );
}

/** Inserts an open case and audits its opening; returns its id. */
async function insertCase(
  tx: Transaction,
  values: Omit<typeof complianceCases.$inferInsert, 'id' | 'status' | 'openedAt' | 'updatedAt'>,
  auditData: Record<string, unknown>,
  context: TransitionContext,
): Promise<string> {
  const [row] = await tx
    .insert(complianceCases)
    .values({
      ...values,
      id: newId('complianceCase', context.now.getTime()),
      status: 'open',
      openedAt: context.now,
      updatedAt: context.now,
    })
    .returning();
  if (!row) throw new Error('insert into compliance_cases returned no row');
  await auditCase(tx, row, { action: 'opened', from: null, to: 'open', data: auditData }, context);
  return row.id;
}

/**
 * Opens the case of a continuous-screening alert: an active beneficiary matched a new or changed
 * list entry. No money is held; the same alert (subject and run) is opened once.
 */
export async function openScreeningAlert(
  tx: Transaction,
  input: { subjectId: string; runId: string; priority: CasePriority },
  context: TransitionContext,
): Promise<string> {
  const [existing] = await tx
    .select({ id: complianceCases.id })
    .from(complianceCases)
    .where(and(eq(complianceCases.subjectId, input.subjectId), eq(complianceCases.runId, input.runId)));
  if (existing) return existing.id;
  return insertCase(
    tx,
    {
      kind: 'continuous_screening',
      subjectId: input.subjectId,
      runId: input.runId,
      priority: input.priority,
    },
    { subjectId: input.subjectId, runId: input.runId },
    context,
  );
}

/** The case, locked for the rest of the transaction when `forUpdate`; `case_not_found` otherwise. */
export async function findCase(db: Executor, id: string, forUpdate = false): Promise<CaseRow> {
  const query = db.select().from(complianceCases).where(eq(complianceCases.id, id));
  const [row] = await (forUpdate ? query.for('update') : query);
  if (!row) throw new GatewayError('case_not_found', 'No compliance case with this id.');
  return row;
}

/** The decisions of a case as stored, oldest first. */
export function caseDecisions(row: Pick<CaseRow, 'decisions'>): CaseDecision[] {
  return Array.isArray(row.decisions) ? (row.decisions as CaseDecision[]) : [];
}

/** The fields every wire shape of a case shares (summary, view, report). */
export function caseBase(row: CaseRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    priority: row.priority,
    openedAt: row.openedAt.toISOString(),
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
    escalatedAt: row.escalatedAt?.toISOString() ?? null,
    subjectId: row.subjectId,
  };
}
