/**
 * Delivers due callbacks. Rows are claimed with `FOR UPDATE SKIP LOCKED` and leased (their next
 * attempt pushed out) before any HTTP call, so several gateway processes, or Cron Triggers, never
 * send the same attempt twice at once. A 2xx answer delivers; anything else is retried on the
 * published schedule and dead-lettered after the last attempt.
 */
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Logger } from '../../core/logger.ts';
import type { Database } from '../../db/database.ts';
import { callbackOutbox, partnerAgencies } from '../../db/schema.ts';
import type { GatewayKeySet } from '../auth/gateway-keys.ts';
import { signCallback } from '../partners/sign-response.ts';
import { MAX_ATTEMPTS, nextAttemptAt } from './outbox.ts';

/** How long a claimed attempt is reserved for the process that claimed it. */
export const LEASE_SECONDS = 120;
export const CALLBACK_TIMEOUT_MS = 10_000;

export interface DispatchDeps {
  db: Database;
  keys: GatewayKeySet;
  fetch: typeof fetch;
  now: () => Date;
  logger: Logger;
  random?: () => number;
  timeoutMs?: number;
}

export interface DispatchResult {
  delivered: number;
  retrying: number;
  dead: number;
}

async function claim(db: Database, now: Date, limit: number) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ row: callbackOutbox, url: partnerAgencies.callbackUrl })
      .from(callbackOutbox)
      .innerJoin(partnerAgencies, eq(partnerAgencies.id, callbackOutbox.partnerId))
      .where(and(eq(callbackOutbox.status, 'pending'), lte(callbackOutbox.nextAttemptAt, now)))
      .orderBy(asc(callbackOutbox.nextAttemptAt))
      .limit(limit)
      .for('update', { of: callbackOutbox, skipLocked: true });
    for (const { row } of due) {
      await tx
        .update(callbackOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_SECONDS * 1000) })
        .where(eq(callbackOutbox.id, row.id));
    }
    return due;
  });
}

async function attempt(deps: DispatchDeps, url: string | null, id: string, body: string) {
  if (!url) return { ok: false, status: null, error: 'the partner has no callback URL' };
  const bytes = new TextEncoder().encode(body);
  try {
    const headers = await signCallback({ url, eventId: id, body: bytes, keys: deps.keys, now: deps.now() });
    const response = await deps.fetch(url, {
      method: 'POST',
      headers,
      body: bytes,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs ?? CALLBACK_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => {});
    return response.ok
      ? { ok: true, status: response.status, error: null }
      : { ok: false, status: response.status, error: `HTTP ${response.status}` };
  } catch (error) {
    const name = (error as Error).name === 'TimeoutError' ? 'timed out' : 'connection failed';
    return { ok: false, status: null, error: name };
  }
}

/** Sends up to `limit` due callbacks once each; returns what happened. */
export async function dispatchCallbacks(deps: DispatchDeps, limit = 20): Promise<DispatchResult> {
  const result: DispatchResult = { delivered: 0, retrying: 0, dead: 0 };
  const claimed = await claim(deps.db, deps.now(), limit);
  for (const { row, url } of claimed) {
    const outcome = await attempt(deps, url, row.id, row.body);
    const now = deps.now();
    const attempts = row.attempts + 1;
    const next = outcome.ok ? undefined : nextAttemptAt(attempts, now, deps.random);
    const status = outcome.ok ? 'delivered' : next && attempts < MAX_ATTEMPTS ? 'pending' : 'dead';
    await deps.db
      .update(callbackOutbox)
      .set({
        status,
        attempts,
        lastAttemptAt: now,
        lastStatus: outcome.status,
        lastError: outcome.error,
        ...(outcome.ok ? { deliveredAt: now } : {}),
        ...(status === 'pending' && next ? { nextAttemptAt: next } : {}),
      })
      .where(eq(callbackOutbox.id, row.id));
    if (status === 'delivered') result.delivered += 1;
    else if (status === 'pending') result.retrying += 1;
    else result.dead += 1;
    const log = status === 'dead' ? deps.logger.warn : deps.logger.info;
    log.call(deps.logger, `callback ${status}`, {
      eventId: row.id,
      partnerId: row.partnerId,
      type: row.eventType,
      attempt: attempts,
      httpStatus: outcome.status,
      ...(outcome.error ? { error: outcome.error } : {}),
    });
  }
  return result;
}
