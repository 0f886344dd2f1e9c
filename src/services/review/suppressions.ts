/**
 * Suppressions: an officer marks one hit of a case as a false positive for that party and that
 * list entry. It applies while unrevoked, unexpired and while the active list version still holds
 * the entry with the same content (`entry_sha256`); screening asks `activeSuppressions`.
 */
import { and, desc, eq, gt, inArray, isNull, not, type SQL, sql } from 'drizzle-orm';
import type { Suppression } from '../../../schemas/compliance.ts';
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { sanctionsEntries, sanctionsListVersions, screeningSuppressions } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import type { TransitionContext } from '../transfers/transitions.ts';
import { findCase } from './cases.ts';
import { caseScreenings, hitsOf, listVersionsOf } from './evidence.ts';
import { checkSuppressionExpiry, splitEntityId, suppressionStatus } from './suppression-rules.ts';

type SuppressionRow = typeof screeningSuppressions.$inferSelect;

/** True while the active version of the entry's list holds it with the suppressed content. */
const entryUnchanged = sql<boolean>`exists (
  select 1 from ${sanctionsEntries}
  join ${sanctionsListVersions} on ${sanctionsListVersions.id} = ${sanctionsEntries.versionId}
  where ${sanctionsListVersions.active}
    and ${sanctionsListVersions.source} = split_part(${screeningSuppressions.entityId}, ':', 1)
    and ${sanctionsEntries.entryId} = substr(${screeningSuppressions.entityId}, strpos(${screeningSuppressions.entityId}, ':') + 1)
    and ${sanctionsEntries.contentSha256} = ${screeningSuppressions.entrySha256}
)`;

const applies = (now: Date): SQL =>
  and(
    isNull(screeningSuppressions.revokedAt),
    gt(screeningSuppressions.expiresAt, now),
    entryUnchanged,
  ) as SQL;

function toView(row: SuppressionRow, unchanged: boolean, now: Date): Suppression {
  return {
    id: row.id,
    object: 'suppression',
    partyKey: row.partyKey,
    entityId: row.entityId,
    entrySha256: row.entrySha256,
    reason: row.reason,
    caseId: row.caseId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    status: suppressionStatus(row, unchanged, now),
  };
}

function invalid(path: string, message: string): GatewayError {
  return new GatewayError('validation_failed', `body ${path}: ${message}.`, {
    details: { errors: [{ in: 'body', path, message, code: 'validation_failed' }] },
  });
}

/** The party and the hit of the case that `entityId` names (and `partyKey`, when several could). */
async function caseHit(tx: Transaction, caseId: string, entityId: string, partyKey: string | undefined) {
  const row = await findCase(tx, caseId, true);
  const matches = (await caseScreenings(tx, row)).flatMap((screening) =>
    hitsOf(screening)
      .filter((hit) => hit.entityId === entityId)
      .map((hit) => ({ screening, hit })),
  );
  const chosen =
    partyKey === undefined ? matches : matches.filter((match) => match.screening.partyKey === partyKey);
  if (matches.length === 0) throw invalid('entityId', 'is not a hit of this case');
  if (chosen.length === 0) throw invalid('partyKey', 'the entry is not a hit of this party');
  if (new Set(chosen.map((match) => match.screening.partyKey)).size > 1) {
    throw invalid('partyKey', 'the entry is a hit of several parties of this case; name one');
  }
  return { caseRow: row, ...(chosen[0] as (typeof chosen)[number]) };
}

/** Marks a hit of a case as a false positive for its party until `expiresAt`. Audited. */
export async function createSuppression(
  tx: Transaction,
  caseId: string,
  input: { entityId: string; partyKey?: string | undefined; reason: string; expiresAt: Date },
  context: TransitionContext,
): Promise<Suppression> {
  const { caseRow, screening, hit } = await caseHit(tx, caseId, input.entityId, input.partyKey);
  checkSuppressionExpiry(input.expiresAt, context.now);
  // The entry as it was in the list version the hit came from: a later change ends the suppression.
  const { entryId } = splitEntityId(hit.entityId);
  const version = listVersionsOf(screening.listVersions).find((item) => item.source === hit.source);
  const [entry] = version
    ? await tx
        .select({ sha256: sanctionsEntries.contentSha256 })
        .from(sanctionsEntries)
        .where(and(eq(sanctionsEntries.versionId, version.versionId), eq(sanctionsEntries.entryId, entryId)))
    : [];
  if (!entry) {
    throw new GatewayError(
      'case_state_conflict',
      'The list entry of this hit is not stored; it cannot be suppressed.',
      {
        details: { entityId: hit.entityId, versionId: version?.versionId ?? null },
      },
    );
  }
  const [existing] = await tx
    .select({ id: screeningSuppressions.id })
    .from(screeningSuppressions)
    .where(
      and(
        eq(screeningSuppressions.partyKey, screening.partyKey),
        eq(screeningSuppressions.entityId, hit.entityId),
        eq(screeningSuppressions.entrySha256, entry.sha256),
        isNull(screeningSuppressions.revokedAt),
        gt(screeningSuppressions.expiresAt, context.now),
      ),
    );
  if (existing) {
    throw new GatewayError('case_state_conflict', 'This hit is already suppressed for this party.', {
      details: { suppressionId: existing.id },
    });
  }
  const [row] = await tx
    .insert(screeningSuppressions)
    .values({
      id: newId('suppression', context.now.getTime()),
      partyKey: screening.partyKey,
      entityId: hit.entityId,
      entrySha256: entry.sha256,
      reason: input.reason,
      caseId: caseRow.id,
      createdBy: context.actor,
      createdAt: context.now,
      expiresAt: input.expiresAt,
    })
    .returning();
  if (!row) throw new Error('insert into screening_suppressions returned no row');
  await recordAudit(tx, {
    actor: context.actor,
    action: 'suppression.created',
    subjectType: 'suppression',
    subjectId: row.id,
    requestId: context.requestId,
    data: {
      caseId: caseRow.id,
      partyKey: row.partyKey,
      entityId: row.entityId,
      expiresAt: row.expiresAt.toISOString(),
    },
    now: context.now,
  });
  return toView(row, await isEntryUnchanged(tx, row.id), context.now);
}

async function isEntryUnchanged(db: Executor, id: string): Promise<boolean> {
  const [row] = await db
    .select({ unchanged: entryUnchanged })
    .from(screeningSuppressions)
    .where(eq(screeningSuppressions.id, id));
  return row?.unchanged === true;
}

/** Ends a suppression now. Audited; a revoked one cannot be revoked again. */
export async function revokeSuppression(
  tx: Transaction,
  id: string,
  context: TransitionContext,
): Promise<Suppression> {
  const [row] = await tx
    .select()
    .from(screeningSuppressions)
    .where(eq(screeningSuppressions.id, id))
    .for('update');
  if (!row) throw new GatewayError('suppression_not_found', 'No suppression with this id.');
  if (row.revokedAt) {
    throw new GatewayError('case_state_conflict', 'The suppression is already revoked.', {
      details: { suppressionId: row.id, revokedAt: row.revokedAt.toISOString() },
    });
  }
  const [updated] = await tx
    .update(screeningSuppressions)
    .set({ revokedAt: context.now, revokedBy: context.actor })
    .where(eq(screeningSuppressions.id, id))
    .returning();
  if (!updated) throw new Error(`suppression ${id} vanished while locked`);
  await recordAudit(tx, {
    actor: context.actor,
    action: 'suppression.revoked',
    subjectType: 'suppression',
    subjectId: id,
    requestId: context.requestId,
    data: { caseId: row.caseId, partyKey: row.partyKey, entityId: row.entityId },
    now: context.now,
  });
  return toView(updated, await isEntryUnchanged(tx, id), context.now);
}

/** Suppressions, newest first; `active` keeps only those that apply (`true`) or no longer do (`false`). */
export async function listSuppressions(
  db: Executor,
  filter: {
    partyKey?: string | undefined;
    active?: boolean | undefined;
    caseId?: string | undefined;
    limit: number;
  },
  now: Date,
): Promise<Suppression[]> {
  const rows = await db
    .select({ row: screeningSuppressions, unchanged: entryUnchanged })
    .from(screeningSuppressions)
    .where(
      and(
        filter.partyKey === undefined ? undefined : eq(screeningSuppressions.partyKey, filter.partyKey),
        filter.caseId === undefined ? undefined : eq(screeningSuppressions.caseId, filter.caseId),
        filter.active === undefined ? undefined : filter.active ? applies(now) : not(applies(now)),
      ),
    )
    .orderBy(desc(screeningSuppressions.id))
    .limit(filter.limit);
  return rows.map(({ row, unchanged }) => toView(row, unchanged === true, now));
}

/**
 * The suppressions that apply now to these parties: for screening, which leaves a hit of
 * (party, entity) out only when the entry still has `entrySha256` in the index it searched.
 */
export async function activeSuppressions(
  db: Executor,
  partyKeys: string[],
  now: Date,
): Promise<{ id: string; partyKey: string; entityId: string; entrySha256: string; expiresAt: Date }[]> {
  if (partyKeys.length === 0) return [];
  return db
    .select({
      id: screeningSuppressions.id,
      partyKey: screeningSuppressions.partyKey,
      entityId: screeningSuppressions.entityId,
      entrySha256: screeningSuppressions.entrySha256,
      expiresAt: screeningSuppressions.expiresAt,
    })
    .from(screeningSuppressions)
    .where(and(inArray(screeningSuppressions.partyKey, [...new Set(partyKeys)]), applies(now)));
}
