/**
 * The shapes AML decisions are made of: the screening summary the pipeline hands in, a reason
 * (code, rule, score, action, details), and the decision record stored with a transfer. Reason
 * details carry amounts, counts, windows and codes only — never a name, identifier, account or
 * date of a person.
 */
import type { RuleAction } from '../../ports/index.ts';
import type { AmlFacts } from './facts.ts';

export interface ScreeningSummary {
  /**
   * One entry per screened party. `topScore` is the highest score of the hits that count
   * (suppressed false positives excluded), 0 without hits; `outcome` is `unavailable` when a
   * required list had no active version.
   */
  parties: {
    role: 'payer' | 'beneficiary';
    type: 'person' | 'organization';
    outcome: 'clear' | 'review' | 'block' | 'unavailable';
    topScore: number;
    resultId: string;
  }[];
  listVersions: { source: string; versionId: string; sha256: string; importedAt: string }[];
}

/** Each reason code and the rule that gives it (docs/design/0005-screening-aml.md). */
export const REASON_RULES = {
  AMOUNT_ABOVE_THRESHOLD: 'amount_threshold',
  CUMULATIVE_ABOVE_THRESHOLD: 'amount_threshold',
  VELOCITY_PERSON_COUNT: 'velocity',
  VELOCITY_PERSON_SUM: 'velocity',
  VELOCITY_ACCOUNT_COUNT: 'velocity',
  VELOCITY_ACCOUNT_SUM: 'velocity',
  STRUCTURING_SUSPECTED: 'structuring',
  ROUND_AMOUNT: 'round_amount',
  HIGH_RISK_CALL_FOR_ACTION: 'high_risk_jurisdiction',
  HIGH_RISK_INCREASED_MONITORING: 'high_risk_jurisdiction',
  TRAVEL_RULE_INCOMPLETE: 'travel_rule',
  ACCOUNT_SHARED_BY_PERSONS: 'linked_accounts',
  PERSON_USES_MANY_ACCOUNTS: 'linked_accounts',
  LIFE_CERTIFICATE_MISSING: 'benefits',
  PAYOUT_AFTER_DEATH: 'benefits',
  DUPLICATE_BENEFIT_PERIOD: 'benefits',
  SANCTIONS_MATCH_REVIEW: 'sanctions',
  SANCTIONS_MATCH_BLOCK: 'sanctions',
  SANCTIONS_LIST_UNAVAILABLE: 'sanctions',
} as const;
export type ReasonCode = keyof typeof REASON_RULES;
export const REASON_CODES = Object.keys(REASON_RULES) as ReasonCode[];

export interface AmlReason {
  code: string;
  rule: string;
  score: number;
  /** `score`: counts toward the summed score only; `review`: holds; `reject`: refuses. */
  action: RuleAction;
  details: Record<string, string | number | boolean>;
}

export interface AmlDecisionRecord {
  decision: 'clear' | 'review' | 'reject';
  score: number;
  reasons: AmlReason[];
  /** Null when the adapter's defaults applied (version 0). */
  ruleSetId: string | null;
  ruleSetVersion: number;
  listVersions: ScreeningSummary['listVersions'];
  /** What the rules saw, stored with the decision so that simulations can replay it. */
  facts?: AmlFacts | undefined;
}

/** A reason with its code's rule. */
export function reason(
  code: ReasonCode,
  setting: { score: number; action: RuleAction },
  details: AmlReason['details'],
): AmlReason {
  return { code, rule: REASON_RULES[code], score: setting.score, action: setting.action, details };
}
