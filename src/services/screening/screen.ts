/**
 * Screens one party (a payer or a beneficiary) against the lists its jurisdictions require: the
 * index search, the thresholds in force, the party's false-positive suppressions, and the result
 * row that records exactly what was consulted. Nothing in the row repeats the screened name.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { newId } from '../../core/ids.ts';
import type { Executor } from '../../db/database.ts';
import { sanctionsEntries, type screeningResults } from '../../db/schema.ts';
import type { SanctionsSource } from '../../ports/sanctions.ts';
import { activeSuppressions } from '../review/suppressions.ts';
import type { ListVersionSummary } from '../sanctions/import.ts';
import type { ActiveIndex } from './index-cache.ts';
import type { ScreeningHit, ScreeningQuery } from './matching/index.ts';

export type ScreeningOutcome = 'clear' | 'review' | 'block' | 'unavailable';

export interface Thresholds {
  review: number;
  block: number;
}

export interface ScreeningParty {
  role: 'payer' | 'beneficiary';
  type: 'person' | 'organization';
  /** `ds_…` for an insured person, `partner:<id>` for an agency: what suppressions are tied to. */
  partyKey: string;
  query: ScreeningQuery;
}

export interface ListVersionRef {
  source: SanctionsSource;
  versionId: string;
  sha256: string;
  importedAt: string;
}

export interface StoredHit extends ScreeningHit {
  /** Set when a suppression of this party and entry (with the entry unchanged) covers the hit. */
  suppressionId?: string;
}

export type ScreeningResultRow = typeof screeningResults.$inferInsert & {
  id: string;
  outcome: ScreeningOutcome;
  hits: StoredHit[];
};

/** How many hits a result keeps: enough for the reviewer, bounded for the row. */
const MAX_STORED_HITS = 20;

export function listVersionRefs(versions: readonly ListVersionSummary[]): ListVersionRef[] {
  return versions.map((version) => ({
    source: version.source,
    versionId: version.versionId,
    sha256: version.sha256,
    importedAt: new Date(version.importedAt).toISOString(),
  }));
}

export function outcomeOf(score: number, thresholds: Thresholds): Exclude<ScreeningOutcome, 'unavailable'> {
  if (score >= thresholds.block) return 'block';
  if (score >= thresholds.review) return 'review';
  return 'clear';
}

/** Marks the hits a live suppression covers, when the entry is still the one that was suppressed. */
async function applySuppressions(
  db: Executor,
  partyKey: string,
  hits: ScreeningHit[],
  versions: readonly ListVersionSummary[],
  now: Date,
): Promise<StoredHit[]> {
  if (hits.length === 0) return hits;
  const suppressions = await activeSuppressions(db, [partyKey], now);
  const relevant = suppressions.filter((s) => hits.some((hit) => hit.entityId === s.entityId));
  if (relevant.length === 0) return hits;
  const versionOf = new Map(versions.map((version) => [version.source, version.versionId]));
  const entrySha = new Map<string, string>();
  for (const hit of hits.filter((h) => relevant.some((s) => s.entityId === h.entityId))) {
    const versionId = versionOf.get(hit.source);
    if (!versionId) continue;
    const [entry] = await db
      .select({ sha: sanctionsEntries.contentSha256 })
      .from(sanctionsEntries)
      .where(
        and(eq(sanctionsEntries.versionId, versionId), inArray(sanctionsEntries.entryId, [hit.entryId])),
      );
    if (entry) entrySha.set(hit.entityId, entry.sha);
  }
  return hits.map((hit) => {
    const suppression = relevant.find(
      (s) => s.entityId === hit.entityId && entrySha.get(hit.entityId) === s.entrySha256,
    );
    return suppression ? { ...hit, suppressionId: suppression.id } : hit;
  });
}

/**
 * Screens a party against every active list, as a compliance officer's search does: a hit on a
 * list the jurisdictions do not require is still a reason to look (risk-based, as banks screen
 * OFAC worldwide). A required list with no active version makes the outcome `unavailable`: the
 * transfer is held, never passed unscreened.
 */
export async function screenParty(
  db: Executor,
  active: ActiveIndex,
  party: ScreeningParty,
  options: {
    /** The lists that must be active (the jurisdictions require them). */
    sources: readonly SanctionsSource[];
    thresholds: Thresholds;
    transferId?: string;
    runId?: string;
    now: Date;
  },
): Promise<ScreeningResultRow> {
  const { versions } = active;
  const missing = options.sources.filter((source) => !versions.some((v) => v.source === source));
  const found = active.index.search(party.query, {
    limit: MAX_STORED_HITS,
    minScore: options.thresholds.review,
  });
  const hits = await applySuppressions(db, party.partyKey, found, versions, options.now);
  const topScore = hits.filter((hit) => !hit.suppressionId).reduce((top, hit) => Math.max(top, hit.score), 0);
  const outcome: ScreeningOutcome =
    missing.length > 0 && outcomeOf(topScore, options.thresholds) !== 'block'
      ? 'unavailable'
      : outcomeOf(topScore, options.thresholds);
  return {
    id: newId('screeningResult', options.now.getTime()),
    transferId: options.transferId ?? null,
    runId: options.runId ?? null,
    partyKey: party.partyKey,
    partyRole: party.role,
    partyType: party.type,
    outcome,
    topScore: topScore.toFixed(3),
    listVersions: [
      ...listVersionRefs(versions),
      ...missing.map((source) => ({ source, versionId: null, missing: true })),
    ],
    thresholds: options.thresholds,
    hits,
    createdAt: options.now,
  };
}
