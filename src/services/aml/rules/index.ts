/** Every rule over one set of facts: the reasons a transfer gives under a rule set's parameters. */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import type { AmlFacts } from '../facts.ts';
import type { AmlReason } from '../types.ts';
import { amountReasons } from './amount.ts';
import { benefitReasons } from './benefits.ts';
import { highRiskReasons } from './high-risk.ts';
import { linkedAccountReasons } from './linked-accounts.ts';
import { roundAmountReasons } from './round-amount.ts';
import { sanctionsReasons } from './sanctions.ts';
import { structuringReasons } from './structuring.ts';
import { travelRuleReasons } from './travel-rule.ts';
import { velocityReasons } from './velocity.ts';

const RULES = [
  sanctionsReasons,
  amountReasons,
  velocityReasons,
  structuringReasons,
  roundAmountReasons,
  highRiskReasons,
  travelRuleReasons,
  linkedAccountReasons,
  benefitReasons,
] as const;

export function evaluateRules(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  return RULES.flatMap((rule) => rule(parameters, facts));
}
