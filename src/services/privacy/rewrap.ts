/**
 * KEK rotation without downtime: configure the new KEK first in `PONTIS_KEKS` (the old one after
 * it), restart, then re-wrap. Reads keep working throughout, because every wrapped key names its
 * KEK and the provider still holds the old one; once `remaining` is 0 the old KEK can be removed.
 * The data keys themselves, and so the encrypted fields, never change.
 */
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { base64UrlDecode, base64UrlEncode } from '../../../sdk/src/encoding.ts';
import type { Database } from '../../db/database.ts';
import { subjectKeys } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { PrivacyKeys } from './keys.ts';

export interface RewrapReport {
  object: 'rewrap';
  currentKeyId: string;
  rewrapped: number;
  remaining: number;
}

async function remainingCount(db: Database, current: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(subjectKeys).where(ne(subjectKeys.kekId, current));
  return Number(row?.n ?? 0);
}

/** Re-wraps up to `limit` data keys that are not under the current KEK, one short transaction each. */
export async function rewrapDataKeys(
  db: Database,
  keys: PrivacyKeys,
  run: { limit: number; actor: string; requestId?: string | undefined; now: Date },
): Promise<RewrapReport> {
  const current = keys.kek.currentKeyId();
  const candidates = await db
    .select({ subjectId: subjectKeys.subjectId })
    .from(subjectKeys)
    .where(ne(subjectKeys.kekId, current))
    .orderBy(asc(subjectKeys.subjectId))
    .limit(run.limit);
  let rewrapped = 0;
  for (const { subjectId } of candidates) {
    const done = await db.transaction(async (tx) => {
      // Locked and re-read: a concurrent run or a shred may have got there first.
      const [row] = await tx
        .select()
        .from(subjectKeys)
        .where(and(eq(subjectKeys.subjectId, subjectId), ne(subjectKeys.kekId, current)))
        .for('update');
      if (!row) return false;
      const dataKey = await keys.kek.unwrap({ kekId: row.kekId, wrapped: base64UrlDecode(row.wrappedKey) });
      const wrapped = await keys.kek.wrap(dataKey);
      dataKey.fill(0);
      await tx
        .update(subjectKeys)
        .set({ kekId: wrapped.kekId, wrappedKey: base64UrlEncode(wrapped.wrapped), rewrappedAt: run.now })
        .where(eq(subjectKeys.subjectId, subjectId));
      return true;
    });
    if (done) rewrapped += 1;
  }
  const remaining = await remainingCount(db, current);
  await db.transaction((tx) =>
    recordAudit(tx, {
      actor: run.actor,
      action: 'privacy.keys_rewrapped',
      subjectType: 'privacy',
      subjectId: current,
      requestId: run.requestId,
      data: { currentKeyId: current, rewrapped, remaining },
      now: run.now,
    }),
  );
  return { object: 'rewrap', currentKeyId: current, rewrapped, remaining };
}
