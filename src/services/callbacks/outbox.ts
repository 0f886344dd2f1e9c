/**
 * Callbacks to partner agencies as an outbox: an event row is written in the same transaction
 * as the state change it reports, so a callback is never lost nor sent for a change that rolled
 * back. The dispatcher (`dispatcher.ts`) sends it; operators list and replay them.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import type { Database, Executor, Transaction } from '../../db/database.ts';
import { callbackOutbox, partnerAgencies } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';

export type CallbackRow = typeof callbackOutbox.$inferSelect;

/** Delays before attempts 2, 3, …: about 24 hours in all, each varied by ±20 % (jitter). */
export const RETRY_DELAYS_SECONDS = [60, 300, 900, 1800, 3600, 7200, 14_400, 21_600, 36_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
export const JITTER = 0.2;

/** When the next attempt is due after `attempts` failed ones; undefined when none is left. */
export function nextAttemptAt(
  attempts: number,
  now: Date,
  random: () => number = Math.random,
): Date | undefined {
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  if (delay === undefined) return undefined;
  const factor = 1 - JITTER + 2 * JITTER * random();
  return new Date(now.getTime() + Math.round(delay * factor * 1000));
}

export interface TransferEvent {
  transferId: string;
  partnerId: string;
  state: string;
  previousState: string | null;
  quoteId: string;
  reference: string | null;
}

/**
 * Queues `transfer.<state>` for the partner that created the transfer, in the caller's
 * transaction; nothing is queued when the partner has no callback URL.
 */
export async function enqueueTransferEvent(
  tx: Transaction,
  event: TransferEvent,
  now: Date,
): Promise<string | undefined> {
  const [partner] = await tx
    .select({ callbackUrl: partnerAgencies.callbackUrl })
    .from(partnerAgencies)
    .where(eq(partnerAgencies.id, event.partnerId));
  if (!partner?.callbackUrl) return undefined;
  const id = newId('callback', now.getTime());
  const type = `transfer.${event.state}`;
  const body = JSON.stringify({
    id,
    type,
    createdAt: now.toISOString(),
    data: {
      transferId: event.transferId,
      state: event.state,
      previousState: event.previousState,
      quoteId: event.quoteId,
      reference: event.reference,
    },
  });
  await tx.insert(callbackOutbox).values({
    id,
    partnerId: event.partnerId,
    eventType: type,
    subjectId: event.transferId,
    body,
    nextAttemptAt: now,
    createdAt: now,
  });
  return id;
}

export interface CallbackView {
  id: string;
  object: 'callback';
  partnerId: string;
  type: string;
  subjectId: string;
  status: CallbackRow['status'];
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export function callbackView(row: CallbackRow): CallbackView {
  return {
    id: row.id,
    object: 'callback',
    partnerId: row.partnerId,
    type: row.eventType,
    subjectId: row.subjectId,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listCallbacks(
  db: Executor,
  filter: { status?: CallbackRow['status'] | undefined; limit: number; startingAfter?: string | undefined },
): Promise<{ data: CallbackView[]; hasMore: boolean }> {
  const conditions = [
    filter.status ? eq(callbackOutbox.status, filter.status) : undefined,
    filter.startingAfter ? lt(callbackOutbox.id, filter.startingAfter) : undefined,
  ].filter((condition) => condition !== undefined);
  const rows = await db
    .select()
    .from(callbackOutbox)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(callbackOutbox.id))
    .limit(filter.limit + 1);
  return { data: rows.slice(0, filter.limit).map(callbackView), hasMore: rows.length > filter.limit };
}

/**
 * Sends a callback again from the first attempt, with the same event id (partners deduplicate
 * on it) and a fresh signature. Allowed for dead and delivered callbacks.
 */
export async function replayCallback(
  db: Database,
  id: string,
  context: { actor: string; now: Date; requestId?: string | undefined },
): Promise<CallbackView> {
  return db.transaction(async (tx) => {
    const [row] = isId('callback', id)
      ? await tx.select().from(callbackOutbox).where(eq(callbackOutbox.id, id)).for('update')
      : [];
    if (!row) throw new GatewayError('callback_not_found', 'No callback with this event id.');
    if (row.status === 'pending') {
      throw new GatewayError(
        'invalid_state_transition',
        'The callback is still being delivered; wait for it to be delivered or dead.',
      );
    }
    const [updated] = await tx
      .update(callbackOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: context.now, lastError: null })
      .where(eq(callbackOutbox.id, id))
      .returning();
    if (!updated) throw new Error('update of callback_outbox returned no row');
    await recordAudit(tx, {
      actor: context.actor,
      action: 'callback.replayed',
      subjectType: 'callback',
      subjectId: id,
      fromState: row.status,
      toState: 'pending',
      requestId: context.requestId,
      data: { partnerId: row.partnerId, type: row.eventType, previousAttempts: row.attempts },
      now: context.now,
    });
    return callbackView(updated);
  });
}
