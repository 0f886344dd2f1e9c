/**
 * Simulation: the live decisions of a jurisdiction's transfers of the last N days replayed through
 * a rule-set version — over the facts stored with each decision (the linked history, amounts,
 * countries and the screening results as they were) — reporting the decisions before and after
 * and every transfer whose decision would change, with the reason codes gained and lost.
 */
import { and, asc, eq, gt, lte, or } from 'drizzle-orm';
import type { Executor } from '../../db/database.ts';
import { amlDecisions, transfers } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import {
  compareDecisions,
  type DecisionChange,
  type DecisionCounts,
  emptyCounts,
  MAX_LISTED_CHANGES,
} from './compare.ts';
import { type AmlFacts, FACTS_VERSION } from './facts.ts';
import { parametersOf, type RuleSetRow } from './rule-sets.ts';
import type { AmlReason } from './types.ts';
import { decide } from './typology.ts';

export interface SimulationReport {
  ruleSetId: string;
  jurisdiction: string;
  version: number;
  days: number;
  from: string;
  to: string;
  /** Live decisions replayed, and those that could not be (decided before facts were stored). */
  replayed: number;
  skipped: number;
  before: DecisionCounts;
  after: DecisionCounts;
  changedCount: number;
  changed: DecisionChange[];
  /** More decisions than `MAX_REPLAYED` fell in the window: the oldest were left out. */
  truncated: boolean;
}

const BATCH = 500;
/** A bound on one simulation's work; a longer window is refused by the request's bounds first. */
export const MAX_REPLAYED = 50_000;

export async function simulateRuleSet(
  db: Executor,
  registry: AdapterRegistry,
  row: RuleSetRow,
  days: number,
  now: Date,
): Promise<SimulationReport> {
  const parameters = parametersOf(registry, row);
  const from = new Date(now.getTime() - days * 86_400_000);
  const before = emptyCounts();
  const after = emptyCounts();
  const changed: DecisionChange[] = [];
  let replayed = 0;
  let skipped = 0;
  let changedCount = 0;
  let cursor: { createdAt: Date; id: string } | undefined;
  for (;;) {
    const page = await db
      .select({
        id: amlDecisions.id,
        createdAt: amlDecisions.createdAt,
        transferId: amlDecisions.transferId,
        transferCreatedAt: transfers.createdAt,
        decision: amlDecisions.decision,
        score: amlDecisions.score,
        reasons: amlDecisions.reasons,
        facts: amlDecisions.facts,
      })
      .from(amlDecisions)
      .innerJoin(transfers, eq(transfers.id, amlDecisions.transferId))
      .where(
        and(
          eq(amlDecisions.live, true),
          eq(transfers.partnerJurisdiction, row.jurisdiction),
          gt(amlDecisions.createdAt, from),
          lte(amlDecisions.createdAt, now),
          cursor
            ? or(
                gt(amlDecisions.createdAt, cursor.createdAt),
                and(eq(amlDecisions.createdAt, cursor.createdAt), gt(amlDecisions.id, cursor.id)),
              )
            : undefined,
        ),
      )
      .orderBy(asc(amlDecisions.createdAt), asc(amlDecisions.id))
      .limit(BATCH);
    for (const decision of page) {
      const facts = decision.facts as AmlFacts | null;
      if (!facts || facts.version !== FACTS_VERSION) {
        skipped += 1;
        continue;
      }
      replayed += 1;
      const stored = {
        decision: decision.decision,
        score: Number(decision.score),
        reasons: decision.reasons as AmlReason[],
      };
      const replay = decide(parameters, facts);
      before[stored.decision] += 1;
      after[replay.decision] += 1;
      if (stored.decision !== replay.decision) {
        changedCount += 1;
        if (changed.length < MAX_LISTED_CHANGES) {
          changed.push(
            compareDecisions(
              { id: decision.transferId, createdAt: decision.transferCreatedAt },
              stored,
              replay,
            ),
          );
        }
      }
    }
    const last = page.at(-1);
    if (!last || page.length < BATCH || replayed + skipped >= MAX_REPLAYED) {
      return {
        ruleSetId: row.id,
        jurisdiction: row.jurisdiction,
        version: row.version,
        days,
        from: from.toISOString(),
        to: now.toISOString(),
        replayed,
        skipped,
        before,
        after,
        changedCount,
        changed,
        truncated: Boolean(last) && page.length === BATCH && replayed + skipped >= MAX_REPLAYED,
      };
    }
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}
