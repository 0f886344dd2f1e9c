/**
 * Decision records: one rule set's decision over the facts, stored with the transfer (the live
 * one, unique per transfer, and any shadow ones with `live = false`), and the live one read back
 * for the review case view.
 */
import { and, eq } from 'drizzle-orm';
import { newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { amlDecisions } from '../../db/schema.ts';
import type { AmlFacts } from './facts.ts';
import type { ResolvedRuleSet } from './rule-sets.ts';
import type { AmlDecisionRecord, AmlReason, ScreeningSummary } from './types.ts';
import { decide } from './typology.ts';

export function decisionRecord(
  ruleSet: ResolvedRuleSet,
  facts: AmlFacts,
  listVersions: ScreeningSummary['listVersions'],
): AmlDecisionRecord {
  return {
    ...decide(ruleSet.parameters, facts),
    ruleSetId: ruleSet.id,
    ruleSetVersion: ruleSet.version,
    listVersions,
    facts,
  };
}

export async function recordAmlDecisions(
  tx: Transaction,
  transferId: string,
  decisions: { live: AmlDecisionRecord; shadow: AmlDecisionRecord | null },
  now: Date,
): Promise<void> {
  const rows = [
    { record: decisions.live, live: true },
    ...(decisions.shadow ? [{ record: decisions.shadow, live: false }] : []),
  ];
  await tx.insert(amlDecisions).values(
    rows.map(({ record, live }) => ({
      id: newId('amlDecision', now.getTime()),
      transferId,
      live,
      ruleSetId: record.ruleSetId,
      ruleSetVersion: record.ruleSetVersion,
      decision: record.decision,
      score: String(record.score),
      reasons: record.reasons,
      listVersions: record.listVersions,
      facts: record.facts ?? null,
      createdAt: now,
    })),
  );
}

export type StoredDecision = AmlDecisionRecord & { id: string; createdAt: string };

export function storedDecision(row: typeof amlDecisions.$inferSelect): StoredDecision {
  return {
    id: row.id,
    decision: row.decision,
    score: Number(row.score),
    reasons: row.reasons as AmlReason[],
    ruleSetId: row.ruleSetId,
    ruleSetVersion: row.ruleSetVersion,
    listVersions: row.listVersions as ScreeningSummary['listVersions'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The live decision of a transfer (what held, cleared or rejected it), without its facts. */
export async function liveDecision(db: Executor, transferId: string): Promise<StoredDecision | null> {
  const [row] = await db
    .select()
    .from(amlDecisions)
    .where(and(eq(amlDecisions.transferId, transferId), eq(amlDecisions.live, true)));
  return row ? storedDecision(row) : null;
}
