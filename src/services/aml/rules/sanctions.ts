/**
 * Sanctions reasons from the screening of each party: a required list without an active version,
 * and the top match score against the rule set's review and block thresholds. They always hold
 * (action `review`): a sanctions match freezes the money, it is never returned by a rejection.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import type { AmlFacts } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';

export function sanctionsReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const { screening, sanctions } = parameters;
  const reasons: AmlReason[] = [];
  for (const party of facts.screening) {
    const base = { party: party.role, partyType: party.type, resultId: party.resultId };
    if (party.outcome === 'unavailable') {
      reasons.push(
        reason('SANCTIONS_LIST_UNAVAILABLE', { score: sanctions.unavailableScore, action: 'review' }, base),
      );
    }
    if (party.topScore >= screening.block) {
      reasons.push(
        reason(
          'SANCTIONS_MATCH_BLOCK',
          { score: sanctions.blockScore, action: 'review' },
          { ...base, topScore: party.topScore, threshold: screening.block },
        ),
      );
    } else if (party.topScore >= screening.review) {
      reasons.push(
        reason(
          'SANCTIONS_MATCH_REVIEW',
          { score: sanctions.reviewScore, action: 'review' },
          { ...base, topScore: party.topScore, threshold: screening.review },
        ),
      );
    }
  }
  return reasons;
}
