/**
 * Runs a unit of work once per (caller, Idempotency-Key).
 *
 * The key row is inserted first, in the same transaction as the work, and the response is stored
 * before commit. A concurrent request with the same key blocks on the key's unique index until
 * the first commits, then finds the stored response and replays it. If the work fails, the
 * transaction rolls back with the key, so a retry runs the work again.
 */
import { and, eq, lt } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import type { Database, Transaction } from '../../db/database.ts';
import { idempotencyKeys } from '../../db/schema.ts';

export interface IdempotencyScope {
  principal: string;
  key: string;
  /** Fingerprint of the request (method, route and canonical body). */
  requestHash: string;
}

export interface StoredResponse {
  status: number;
  /** The serialised JSON body, replayed byte for byte. */
  body: string;
}

export interface IdempotentResult extends StoredResponse {
  replayed: boolean;
}

/** How long a key is remembered; older keys are purged and may be reused. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,255}$/;

export async function runIdempotent(
  db: Database,
  scope: IdempotencyScope,
  work: (tx: Transaction) => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(idempotencyKeys)
      .values({ principal: scope.principal, key: scope.key, requestHash: scope.requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });

    if (inserted.length === 0) {
      const [existing] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, scope.principal), eq(idempotencyKeys.key, scope.key)));
      if (!existing || existing.responseStatus === null || existing.responseBody === null) {
        // Only possible if the key was purged between the two statements: ask for a retry.
        throw new GatewayError(
          'service_unavailable',
          'The idempotency record changed concurrently; retry the request.',
        );
      }
      if (existing.requestHash !== scope.requestHash) {
        throw new GatewayError(
          'idempotency_conflict',
          'This Idempotency-Key was used for a different request. Use a new key for a new request.',
        );
      }
      return { status: existing.responseStatus, body: existing.responseBody, replayed: true };
    }

    const response = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: response.status, responseBody: response.body })
      .where(and(eq(idempotencyKeys.principal, scope.principal), eq(idempotencyKeys.key, scope.key)));
    return { ...response, replayed: false };
  });
}

/** Deletes keys older than the retention window; returns how many went. */
export async function purgeIdempotencyKeys(db: Database, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
