/**
 * The typology: reasons (rules and screening) into one decision and score. Reject when a rule's
 * reason demands it — never a sanctions reason, which holds and freezes instead; review when any
 * reason demands review or the summed score reaches the rule set's review score; clear otherwise.
 */
import type { AmlRuleParameters } from '../../ports/index.ts';
import { type AmlFacts, FACTS_VERSION } from './facts.ts';
import { evaluateRules } from './rules/index.ts';
import type { AmlDecisionRecord, AmlReason } from './types.ts';

export function combine(
  reasons: readonly AmlReason[],
  reviewScore: number,
): Pick<AmlDecisionRecord, 'decision' | 'score'> {
  const score = reasons.reduce((sum, item) => sum + item.score, 0);
  if (reasons.some((item) => item.action === 'reject' && item.rule !== 'sanctions')) {
    return { decision: 'reject', score };
  }
  if (reasons.some((item) => item.action !== 'score') || score >= reviewScore) {
    return { decision: 'review', score };
  }
  return { decision: 'clear', score };
}

/** The reasons and decision of one rule set's parameters over the facts. */
export function decide(
  parameters: AmlRuleParameters,
  facts: AmlFacts,
): Pick<AmlDecisionRecord, 'decision' | 'score' | 'reasons'> {
  if (facts.version !== FACTS_VERSION) throw new Error(`AML facts of version ${facts.version} are not known`);
  const reasons = evaluateRules(parameters, facts);
  return { ...combine(reasons, parameters.typology.reviewScore), reasons };
}
