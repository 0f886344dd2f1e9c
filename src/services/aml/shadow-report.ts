/**
 * The shadow report of a rule-set version: for every transfer decided while it ran in shadow, its
 * decision beside the live one — counts of both, and the transfers where they differ.
 */
import { aliasedTable, and, asc, eq, gte, ne, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import type { Executor } from '../../db/database.ts';
import { amlDecisions, transfers } from '../../db/schema.ts';
import {
  compareDecisions,
  type DecisionChange,
  type DecisionCounts,
  emptyCounts,
  MAX_LISTED_CHANGES,
} from './compare.ts';
import type { RuleSetRow } from './rule-sets.ts';
import type { AmlReason } from './types.ts';

export interface ShadowReport {
  ruleSetId: string;
  jurisdiction: string;
  version: number;
  status: RuleSetRow['status'];
  since: string;
  compared: number;
  live: DecisionCounts;
  shadow: DecisionCounts;
  differingCount: number;
  differing: DecisionChange[];
}

export async function shadowReport(db: Executor, row: RuleSetRow): Promise<ShadowReport> {
  if (!row.shadowFrom) {
    throw new GatewayError(
      'rule_set_state_conflict',
      `${row.jurisdiction} v${row.version} has never run in shadow: start it with POST /v1/aml/rule-sets/${row.id}/shadow.`,
      { details: { ruleSetId: row.id, ruleSetStatus: row.status } },
    );
  }
  const liveDecision = aliasedTable(amlDecisions, 'live_decision');
  const pairs = and(
    eq(amlDecisions.ruleSetId, row.id),
    eq(amlDecisions.live, false),
    gte(amlDecisions.createdAt, row.shadowFrom),
  );
  const joinLive = and(eq(liveDecision.transferId, amlDecisions.transferId), eq(liveDecision.live, true));
  // Counts in the database, whatever the number of transfers; only differing ones are read out.
  const tallies = await db
    .select({ live: liveDecision.decision, shadow: amlDecisions.decision, count: sql<number>`count(*)::int` })
    .from(amlDecisions)
    .innerJoin(liveDecision, joinLive)
    .where(pairs)
    .groupBy(liveDecision.decision, amlDecisions.decision);
  const live = emptyCounts();
  const shadow = emptyCounts();
  let compared = 0;
  let differingCount = 0;
  for (const tally of tallies) {
    const count = Number(tally.count);
    live[tally.live] += count;
    shadow[tally.shadow] += count;
    compared += count;
    if (tally.live !== tally.shadow) differingCount += count;
  }
  const rows = await db
    .select({
      transferId: amlDecisions.transferId,
      transferCreatedAt: transfers.createdAt,
      shadowDecision: amlDecisions.decision,
      shadowScore: amlDecisions.score,
      shadowReasons: amlDecisions.reasons,
      liveDecision: liveDecision.decision,
      liveScore: liveDecision.score,
      liveReasons: liveDecision.reasons,
    })
    .from(amlDecisions)
    .innerJoin(liveDecision, joinLive)
    .innerJoin(transfers, eq(transfers.id, amlDecisions.transferId))
    .where(and(pairs, ne(liveDecision.decision, amlDecisions.decision)))
    .orderBy(asc(amlDecisions.createdAt), asc(amlDecisions.id))
    .limit(MAX_LISTED_CHANGES);
  const differing: DecisionChange[] = rows.map((item) =>
    compareDecisions(
      { id: item.transferId, createdAt: item.transferCreatedAt },
      {
        decision: item.liveDecision,
        score: Number(item.liveScore),
        reasons: item.liveReasons as AmlReason[],
      },
      {
        decision: item.shadowDecision,
        score: Number(item.shadowScore),
        reasons: item.shadowReasons as AmlReason[],
      },
    ),
  );
  return {
    ruleSetId: row.id,
    jurisdiction: row.jurisdiction,
    version: row.version,
    status: row.status,
    since: row.shadowFrom.toISOString(),
    compared,
    live,
    shadow,
    differingCount,
    differing,
  };
}
