/**
 * Continuous screening: after a list version is imported, its new and changed entries are screened
 * against every active beneficiary (a person paid a benefit in the last 13 months), so that a
 * pensioner listed today is found before the next payment, not at it. A hit opens an alert case.
 */
import { and, desc, eq, gte, isNull, ne } from 'drizzle-orm';
import { newId } from '../../core/ids.ts';
import type { Database } from '../../db/database.ts';
import {
  dataSubjects,
  sanctionsListVersions,
  screeningResults,
  screeningRuns,
  transfers,
} from '../../db/schema.ts';
import { personQuery } from '../../pipeline/parties.ts';
import { entityId } from '../../ports/sanctions.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { resolveRuleSet } from '../aml/evaluate.ts';
import type { PrivacyKeys } from '../privacy/keys.ts';
import { readPerson } from '../privacy/subjects.ts';
import { openScreeningAlert } from '../review/cases.ts';
import { entriesOfVersionDelta, type ListVersionSummary, loadActiveEntries } from '../sanctions/import.ts';
import { buildSanctionsIndex, type SanctionsIndex } from './matching/index.ts';
import { screenParty } from './screen.ts';

/** Benefits are paid monthly or yearly: a person paid within this window is an active beneficiary. */
export const ACTIVE_BENEFICIARY_DAYS = 400;

export interface ContinuousRun {
  runId: string;
  versionId: string;
  entriesScreened: number;
  partiesScreened: number;
  alerts: number;
}

/** Each active beneficiary once, with the jurisdiction of their latest benefit. */
async function activeBeneficiaries(db: Database, now: Date) {
  const since = new Date(now.getTime() - ACTIVE_BENEFICIARY_DAYS * 86_400_000);
  const rows = await db
    .select({ subject: dataSubjects, jurisdiction: transfers.partnerJurisdiction })
    .from(transfers)
    .innerJoin(dataSubjects, eq(dataSubjects.id, transfers.dataSubjectId))
    .where(
      and(
        eq(transfers.purpose, 'benefit'),
        gte(transfers.createdAt, since),
        ne(transfers.state, 'rejected'),
        isNull(dataSubjects.erasedAt),
      ),
    )
    .orderBy(desc(transfers.createdAt));
  const seen = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!seen.has(row.subject.id)) seen.set(row.subject.id, row);
  return [...seen.values()];
}

export async function screenListAdditions(
  db: Database,
  deps: { registry: AdapterRegistry; privacyKeys: PrivacyKeys },
  versionId: string,
  context: { actor: string; now: Date },
): Promise<ContinuousRun> {
  const startedAt = context.now;
  const [version] = await db
    .select()
    .from(sanctionsListVersions)
    .where(eq(sanctionsListVersions.id, versionId));
  if (!version) throw new Error(`screenListAdditions: no list version ${versionId}`);
  const entries = await entriesOfVersionDelta(db, versionId);
  const summary: ListVersionSummary = {
    source: version.source,
    versionId: version.id,
    sha256: version.sha256,
    importedAt: version.importedAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    entryCount: version.entryCount,
  };
  // The additions are looked up in the index of every active list (its token statistics are those
  // of the whole lists, as in the pipeline), and only hits on the additions count.
  const added = new Set(entries.map((entry) => entityId(entry)));
  const full = buildSanctionsIndex(entries.length > 0 ? await loadActiveEntries(db) : []);
  const index: SanctionsIndex = {
    stats: full.stats,
    search: (query, options) =>
      full
        .search(query, { ...options, limit: Math.max(options?.limit ?? 10, 1) * 20 })
        .filter((hit) => added.has(hit.entityId))
        .slice(0, options?.limit ?? 10),
  };
  const active = { index, versions: [summary] };
  const runId = newId('screeningRun', startedAt.getTime());
  let partiesScreened = 0;
  let alerts = 0;
  const beneficiaries = entries.length > 0 ? await activeBeneficiaries(db, context.now) : [];
  const thresholds = new Map<string, { review: number; block: number }>();
  await db.transaction(async (tx) => {
    for (const { subject, jurisdiction } of beneficiaries) {
      const person = await readPerson(tx, deps.privacyKeys, subject);
      if (!person?.name) continue;
      if (!thresholds.has(jurisdiction)) {
        thresholds.set(
          jurisdiction,
          (await resolveRuleSet(tx, deps.registry, jurisdiction)).parameters.screening,
        );
      }
      partiesScreened += 1;
      const result = await screenParty(
        tx,
        active,
        { role: 'beneficiary', type: 'person', partyKey: subject.id, query: personQuery(person) },
        {
          // Only the additions are in this index: whether other lists are active is not this run's question.
          sources: [],
          thresholds: thresholds.get(jurisdiction) ?? { review: 1, block: 1 },
          runId,
          now: context.now,
        },
      );
      if (result.outcome !== 'review' && result.outcome !== 'block') continue;
      alerts += 1;
      await tx.insert(screeningResults).values(result);
      await openScreeningAlert(
        tx,
        { subjectId: subject.id, runId, priority: result.outcome === 'block' ? 'high' : 'normal' },
        { actor: context.actor, now: context.now },
      );
    }
    await tx.insert(screeningRuns).values({
      id: runId,
      versionId,
      entriesScreened: entries.length,
      partiesScreened,
      alerts,
      startedAt,
      finishedAt: context.now,
    });
  });
  return { runId, versionId, entriesScreened: entries.length, partiesScreened, alerts };
}

/** The latest runs, newest first. */
export async function listScreeningRuns(db: Database, limit = 20) {
  return db.select().from(screeningRuns).orderBy(desc(screeningRuns.startedAt)).limit(limit);
}

/** Continuous screening of every version an import or refresh just loaded, one run per version. */
export async function screenLoadedVersions(
  db: Database,
  deps: { registry: AdapterRegistry; privacyKeys: PrivacyKeys },
  versionIds: readonly string[],
  context: { actor: string; now: Date },
): Promise<ContinuousRun[]> {
  const runs: ContinuousRun[] = [];
  for (const versionId of versionIds) runs.push(await screenListAdditions(db, deps, versionId, context));
  return runs;
}

/** One line per run, for terminals and logs (counts only). */
export function describeRun(run: ContinuousRun): string {
  return `continuous screening ${run.runId}: ${run.entriesScreened} new or changed entries against ${run.partiesScreened} active beneficiaries, ${run.alerts} alert${run.alerts === 1 ? '' : 's'}`;
}
