/**
 * Retention: each data category of a person is kept for its adapter's years after the end of the
 * relationship — never shorter than the AML retention for the categories AML records need — then
 * purged. When nothing is left to keep, the person's data key is destroyed (crypto-shredding).
 * Every run is recorded with what it purged, per jurisdiction and category: the purge report.
 */
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm';
import { newId } from '../../core/ids.ts';
import type { Database, Executor } from '../../db/database.ts';
import { dataSubjects, privacyPurgeRuns } from '../../db/schema.ts';
import type { DataCategory } from '../../ports/index.ts';
import { recordAudit } from '../audit/audit.ts';
import { addYears, amlRetentionYearsFor, retentionYearsFor as yearsFor } from './retention-rules.ts';
import { subjectAdapter } from './rights.ts';
import { dropCategories, type PrivacyDeps, type SubjectRow, shredSubject } from './subjects.ts';

/** Years a category of this person is kept after the end of the relationship. */
export function retentionYearsFor(deps: PrivacyDeps, row: SubjectRow, category: DataCategory): number {
  return yearsFor(subjectAdapter(deps, row), deps.registry.home, category);
}

/** The categories of `row` whose retention has ended at `now`. */
export function dueCategories(deps: PrivacyDeps, row: SubjectRow, now: Date): DataCategory[] {
  if (!row.relationshipEndedAt || row.erasedAt) return [];
  const ended = row.relationshipEndedAt;
  // The person asked for erasure and was restricted only because of the AML obligation: when it
  // ends, everything goes, whatever longer period the categories would otherwise have.
  const amlEnds = addYears(ended, amlRetentionYearsFor(subjectAdapter(deps, row), deps.registry.home));
  if (row.restrictedAt && amlEnds.getTime() <= now.getTime()) return [...(row.categories as DataCategory[])];
  return (row.categories as DataCategory[]).filter(
    (category) => addYears(ended, retentionYearsFor(deps, row, category)).getTime() <= now.getTime(),
  );
}

export interface PurgeRunView {
  id: string;
  object: 'purge_run';
  startedAt: string;
  finishedAt: string;
  trigger: 'schedule' | 'operator';
  subjectsExamined: number;
  subjectsShredded: number;
  purged: { jurisdiction: string; category: string; subjects: number }[];
}

type PurgeRunRow = typeof privacyPurgeRuns.$inferSelect;

function purgeRunView(row: PurgeRunRow): PurgeRunView {
  return {
    id: row.id,
    object: 'purge_run',
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt.toISOString(),
    trigger: row.trigger,
    subjectsExamined: row.subjectsExamined,
    subjectsShredded: row.subjectsShredded,
    purged: row.purged as PurgeRunView['purged'],
  };
}

const BATCH = 200;

/**
 * One purge run over every person whose relationship has ended. Each person is purged in their
 * own transaction (locked, re-read), so a crash leaves each person either purged or untouched;
 * the run's report is written last.
 */
export async function runRetentionPurge(
  db: Database,
  deps: PrivacyDeps,
  run: { trigger: 'schedule' | 'operator'; actor: string; requestId?: string | undefined; now: Date },
): Promise<PurgeRunView> {
  const startedAt = run.now;
  const counts = new Map<string, number>();
  let examined = 0;
  let shredded = 0;
  let after = '';
  for (;;) {
    const batch = await db
      .select({ id: dataSubjects.id })
      .from(dataSubjects)
      .where(
        and(
          isNull(dataSubjects.erasedAt),
          isNotNull(dataSubjects.relationshipEndedAt),
          after ? lt(dataSubjects.id, after) : undefined,
        ),
      )
      .orderBy(desc(dataSubjects.id))
      .limit(BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? '';
    for (const { id } of batch) {
      examined += 1;
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(dataSubjects).where(eq(dataSubjects.id, id)).for('update');
        if (!row || row.erasedAt) return;
        const due = dueCategories(deps, row, run.now);
        if (due.length === 0) return;
        for (const category of due) {
          const key = `${row.jurisdiction}\u0000${category}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const context = { actor: run.actor, requestId: run.requestId, now: run.now };
        if (due.length === (row.categories as string[]).length) {
          shredded += 1;
          await shredSubject(tx, row, {
            ...context,
            action: 'data_subject.retention_expired',
            data: { categories: [...due].sort(), erasureRequested: row.restrictedAt !== null },
          });
        } else {
          await dropCategories(tx, row, due, run.now);
          await recordAudit(tx, {
            ...context,
            action: 'data_subject.retention_purged',
            subjectType: 'data_subject',
            subjectId: row.id,
            data: { pseudonym: row.auditPseudonym, categories: [...due].sort() },
          });
        }
      });
    }
    if (batch.length < BATCH) break;
  }
  const purged = [...counts.entries()]
    .map(([key, subjects]) => {
      const [jurisdiction = '', category = ''] = key.split('\u0000');
      return { jurisdiction, category, subjects };
    })
    .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction) || a.category.localeCompare(b.category));
  const id = newId('purgeRun', startedAt.getTime());
  const [row] = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(privacyPurgeRuns)
      .values({
        id,
        startedAt,
        finishedAt: new Date(Math.max(Date.now(), startedAt.getTime())),
        trigger: run.trigger,
        actor: run.actor,
        subjectsExamined: examined,
        subjectsShredded: shredded,
        purged,
      })
      .returning();
    await recordAudit(tx, {
      actor: run.actor,
      action: 'privacy.purge_run',
      subjectType: 'privacy',
      subjectId: id,
      requestId: run.requestId,
      data: { trigger: run.trigger, examined, shredded, purged },
      now: run.now,
    });
    return inserted;
  });
  return purgeRunView(row as PurgeRunRow);
}

export async function listPurgeRuns(db: Executor, limit = 50): Promise<PurgeRunView[]> {
  const rows = await db.select().from(privacyPurgeRuns).orderBy(desc(privacyPurgeRuns.id)).limit(limit);
  return rows.map(purgeRunView);
}
