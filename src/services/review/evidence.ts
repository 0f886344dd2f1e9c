/**
 * What a case rests on, read from the screening and AML tables: the screening result of each
 * party (hits with their explanations) and the live AML decision with its reasons. The rows are
 * written by the screening step; here they are only read and given their wire shape.
 */
import type { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type {
  AmlReason as AmlReasonSchema,
  ListVersionRef,
  ScreeningHit as ScreeningHitSchema,
  ScreeningResult,
} from '../../../schemas/screening.ts';
import type { Executor } from '../../db/database.ts';
import { amlDecisions, screeningResults } from '../../db/schema.ts';
import type { CaseRow } from './cases.ts';

export type ListVersion = z.infer<typeof ListVersionRef>;
export type ScreeningHit = z.infer<typeof ScreeningHitSchema>;
export type AmlReason = z.infer<typeof AmlReasonSchema>;
type StoredListVersion = z.infer<typeof ScreeningResult>['listVersions'][number];

export type ScreeningRow = typeof screeningResults.$inferSelect;
export type AmlDecisionRow = typeof amlDecisions.$inferSelect;

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

export const hitsOf = (row: Pick<ScreeningRow, 'hits'>) => asArray<ScreeningHit>(row.hits);
export const reasonsOf = (row: Pick<AmlDecisionRow, 'reasons'>) => asArray<AmlReason>(row.reasons);
/** The versions a result or decision consulted; a required list that had none is `missing`. */
export const storedListVersions = (value: unknown) => asArray<StoredListVersion>(value);
/** Only the versions that exist (a missing list has no version to name). */
export const listVersionsOf = (value: unknown): ListVersion[] =>
  storedListVersions(value).filter(
    (version): version is ListVersion => typeof version.versionId === 'string',
  );

/** A stored screening result in its wire shape (`ScreeningResult`). */
export function screeningView(row: ScreeningRow): z.infer<typeof ScreeningResult> {
  return {
    id: row.id,
    partyRole: row.partyRole,
    partyType: row.partyType,
    partyKey: row.partyKey,
    outcome: row.outcome,
    topScore: Number(row.topScore),
    thresholds: row.thresholds as { review: number; block: number },
    listVersions: storedListVersions(row.listVersions),
    hits: hitsOf(row),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The screening results a case is about: its transfer's, or its alert's (run and person). */
export async function caseScreenings(
  db: Executor,
  row: Pick<CaseRow, 'transferId' | 'runId' | 'subjectId'>,
): Promise<ScreeningRow[]> {
  const where = row.transferId
    ? eq(screeningResults.transferId, row.transferId)
    : row.runId && row.subjectId
      ? and(eq(screeningResults.runId, row.runId), eq(screeningResults.partyKey, row.subjectId))
      : undefined;
  if (!where) return [];
  return db
    .select()
    .from(screeningResults)
    .where(where)
    .orderBy(asc(screeningResults.createdAt), asc(screeningResults.id));
}

/** For a page of cases: the highest screening score and the AML reason codes of each. */
export async function caseSignals(
  db: Executor,
  rows: Pick<CaseRow, 'id' | 'transferId' | 'runId' | 'subjectId'>[],
): Promise<Map<string, { topScore: number | null; reasonCodes: string[] }>> {
  const transferIds = rows.map((row) => row.transferId).filter((id): id is string => id !== null);
  const runIds = rows.map((row) => row.runId).filter((id): id is string => id !== null);
  const scores = new Map<string, number>();
  if (transferIds.length > 0) {
    const found = await db
      .select({ key: screeningResults.transferId, top: sql<string>`max(${screeningResults.topScore})` })
      .from(screeningResults)
      .where(inArray(screeningResults.transferId, transferIds))
      .groupBy(screeningResults.transferId);
    for (const item of found) if (item.key) scores.set(item.key, Number(item.top));
  }
  if (runIds.length > 0) {
    const found = await db
      .select({
        runId: screeningResults.runId,
        partyKey: screeningResults.partyKey,
        top: sql<string>`max(${screeningResults.topScore})`,
      })
      .from(screeningResults)
      .where(inArray(screeningResults.runId, runIds))
      .groupBy(screeningResults.runId, screeningResults.partyKey);
    for (const item of found) scores.set(`${item.runId} ${item.partyKey}`, Number(item.top));
  }
  const reasons = new Map<string, string[]>();
  if (transferIds.length > 0) {
    const found = await db
      .select({ transferId: amlDecisions.transferId, reasons: amlDecisions.reasons })
      .from(amlDecisions)
      .where(and(inArray(amlDecisions.transferId, transferIds), eq(amlDecisions.live, true)));
    for (const item of found)
      reasons.set(item.transferId, [...new Set(reasonsOf(item).map((reason) => reason.code))]);
  }
  return new Map(
    rows.map((row) => [
      row.id,
      {
        topScore: scores.get(row.transferId ?? `${row.runId} ${row.subjectId}`) ?? null,
        reasonCodes: row.transferId ? (reasons.get(row.transferId) ?? []) : [],
      },
    ]),
  );
}

/** The distinct list versions of screening results and a decision, by source then import time. */
export function distinctListVersions(...groups: unknown[]): ListVersion[] {
  const byId = new Map<string, ListVersion>();
  for (const group of groups)
    for (const version of listVersionsOf(group)) byId.set(version.versionId, version);
  return [...byId.values()].sort(
    (a, b) => a.source.localeCompare(b.source) || a.importedAt.localeCompare(b.importedAt),
  );
}
