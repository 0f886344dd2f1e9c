/** How two decisions of one transfer differ: the decision, the score, the reason codes gained and lost. */
import type { AmlDecisionRecord, AmlReason } from './types.ts';

export type Decision = AmlDecisionRecord['decision'];
export type DecisionCounts = Record<Decision, number>;

export interface DecisionChange {
  transferId: string;
  createdAt: string;
  before: Decision;
  after: Decision;
  scoreBefore: number;
  scoreAfter: number;
  reasonsGained: string[];
  reasonsLost: string[];
}

export function emptyCounts(): DecisionCounts {
  return { clear: 0, review: 0, reject: 0 };
}

function codes(reasons: readonly AmlReason[]): Set<string> {
  return new Set(reasons.map((item) => item.code));
}

export function compareDecisions(
  transfer: { id: string; createdAt: Date },
  before: { decision: Decision; score: number; reasons: readonly AmlReason[] },
  after: { decision: Decision; score: number; reasons: readonly AmlReason[] },
): DecisionChange {
  const was = codes(before.reasons);
  const is = codes(after.reasons);
  return {
    transferId: transfer.id,
    createdAt: transfer.createdAt.toISOString(),
    before: before.decision,
    after: after.decision,
    scoreBefore: before.score,
    scoreAfter: after.score,
    reasonsGained: [...is].filter((code) => !was.has(code)).sort(),
    reasonsLost: [...was].filter((code) => !is.has(code)).sort(),
  };
}

/** At most this many changed transfers are listed in a report (`changedCount` gives them all). */
export const MAX_LISTED_CHANGES = 500;
