/**
 * The review queue: cases in the order officers should take them — high priority (possible
 * sanctions matches, funds frozen) first, then the oldest first, so that no hold waits behind newer
 * ones — each with the summary an officer triages by.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CaseSummary } from '../../../schemas/compliance.ts';
import { GatewayError } from '../../core/errors.ts';
import type { TransferState } from '../../core/transfer-states.ts';
import type { Executor } from '../../db/database.ts';
import { complianceCases, transfers } from '../../db/schema.ts';
import { conversionView } from '../quotes/conversion-view.ts';
import { type CasePriority, type CaseStatus, UNDECIDED_STATUSES } from './case-status.ts';
import { caseBase } from './cases.ts';
import { caseSignals } from './evidence.ts';

export interface CaseFilter {
  status: CaseStatus | 'undecided' | 'all';
  priority?: CasePriority | undefined;
  limit: number;
  startingAfter?: string | undefined;
}

const priorityRank = sql<number>`case when ${complianceCases.priority} = 'high' then 0 else 1 end`;

function statusCondition(status: CaseFilter['status']): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'undecided') return inArray(complianceCases.status, [...UNDECIDED_STATUSES]);
  return eq(complianceCases.status, status);
}

/** The cases after the cursor in queue order; `cursor_invalid` when the cursor is no case. */
async function afterCursor(db: Executor, startingAfter: string | undefined): Promise<SQL | undefined> {
  if (startingAfter === undefined) return undefined;
  const [cursor] = await db
    .select({ id: complianceCases.id, priority: complianceCases.priority })
    .from(complianceCases)
    .where(eq(complianceCases.id, startingAfter));
  if (!cursor)
    throw new GatewayError('cursor_invalid', '`starting_after` is not the id of a compliance case.');
  return sql`(${priorityRank}, ${complianceCases.id}) > (${cursor.priority === 'high' ? 0 : 1}, ${cursor.id})`;
}

/** One page of the queue (ids sort by opening time, so `id` orders within a priority). */
export async function listCases(
  db: Executor,
  filter: CaseFilter,
): Promise<{ data: CaseSummary[]; hasMore: boolean }> {
  const found = await db
    .select()
    .from(complianceCases)
    .where(
      and(
        statusCondition(filter.status),
        filter.priority ? eq(complianceCases.priority, filter.priority) : undefined,
        await afterCursor(db, filter.startingAfter),
      ),
    )
    .orderBy(asc(priorityRank), asc(complianceCases.id))
    .limit(filter.limit + 1);
  const page = found.slice(0, filter.limit);
  const transferIds = page.map((row) => row.transferId).filter((id): id is string => id !== null);
  const transferRows =
    transferIds.length === 0
      ? []
      : await db.select().from(transfers).where(inArray(transfers.id, transferIds));
  const byId = new Map(transferRows.map((row) => [row.id, row]));
  const signals = await caseSignals(db, page);
  const data = page.map((row): CaseSummary => {
    const transfer = row.transferId ? byId.get(row.transferId) : undefined;
    const signal = signals.get(row.id);
    return {
      ...caseBase(row),
      object: 'compliance_case_summary',
      transfer: transfer
        ? {
            id: transfer.id,
            state: transfer.state as TransferState,
            ...conversionView(transfer),
            createdAt: transfer.createdAt.toISOString(),
          }
        : null,
      topScore: signal?.topScore ?? null,
      reasonCodes: signal?.reasonCodes ?? [],
      releaseRequestedBy: row.releaseRequestedBy,
    };
  });
  return { data, hasMore: found.length > filter.limit };
}
