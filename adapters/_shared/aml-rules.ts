/**
 * The AML rule declaration every partner adapter builds: the bounds within which compliance
 * officers may set each rule parameter, and the defaults in force until they activate a version.
 * Counts, windows, percentages, scores and screening thresholds are the same everywhere; an adapter
 * gives its amounts, in its own currency, and the travel-rule standards its law allows.
 */
import {
  type AmlRuleBounds,
  type AmlRuleParameters,
  type AmlRulesDeclaration,
  DEFAULT_SCREENING_THRESHOLDS,
  type HoldPolicy,
  RULE_ACTIONS,
  type TravelRuleStandard,
} from '../../src/ports/index.ts';

/** `[min, default, max]` of an amount parameter, as decimal strings in the adapter's currency. */
export type AmountRange = readonly [min: string, fallback: string, max: string];

export interface AmlAmounts {
  readonly currency: string;
  /** The per-transfer threshold; structuring looks just below it. */
  readonly perTransfer: AmountRange;
  /** The cumulative threshold over the linked transfers of a window. */
  readonly cumulative: AmountRange;
  /** Velocity sums per person and per account, per window. */
  readonly velocitySum: { readonly h24: AmountRange; readonly d7: AmountRange; readonly d30: AmountRange };
  readonly roundMultiple: AmountRange;
  readonly roundMinAmount: AmountRange;
}

/** Amounts for EUR partners (and the EUR reference adapter). */
export const EUR_AMOUNTS: AmlAmounts = {
  currency: 'EUR',
  // EU AMLR 2024/1624 treats EUR 10,000 as the line for occasional transactions and cash.
  perTransfer: ['1000.00', '10000.00', '100000.00'],
  cumulative: ['1000.00', '15000.00', '250000.00'],
  velocitySum: {
    h24: ['100.00', '5000.00', '250000.00'],
    d7: ['100.00', '10000.00', '250000.00'],
    d30: ['100.00', '20000.00', '500000.00'],
  },
  roundMultiple: ['100.00', '1000.00', '10000.00'],
  roundMinAmount: ['500.00', '5000.00', '100000.00'],
};

/** EU partners: Regulation (EU) 2023/1113 applies; its Art. 4(1)(c) is the only standard they may use. */
export const EU_TRAVEL_RULE: readonly TravelRuleStandard[] = ['eu_2023_1113'];

/**
 * Partners outside the EU: FATF R.16 by default; officers may choose the stricter EU set (it asks
 * for all of address, document number and customer number instead of one of them).
 */
export const FATF_TRAVEL_RULE: readonly TravelRuleStandard[] = ['fatf_r16', 'eu_2023_1113'];

/**
 * How long a hold waits before escalation, for every real partner. A hold is a suspicion that may
 * have to be reported to the financial intelligence unit; moving the money on its own — released,
 * or returned to the payer by `expire`/`reject` — would either carry out a suspicious transaction
 * or tip the customer off (FATF R.20 and R.21; in the EU Directive 2015/849 Art. 35 and 39, in
 * Germany GwG §46–47, which also waits three working days after a report). So a hold never ends by
 * itself: after 72 hours the case is escalated to a senior officer and stays held.
 */
export const ESCALATE_AFTER_72_HOURS: HoldPolicy = { timeoutHours: 72, onTimeout: 'escalate' };

const SCORE = { min: 0, max: 100 } as const;
const ANY_ACTION = { values: RULE_ACTIONS } as const;
/** Reasons that must never pass on their score alone: a person must look, or the transfer is refused. */
const HOLD_OR_REJECT = { values: ['review', 'reject'] } as const;
const scored = (action: { values: readonly ('score' | 'review' | 'reject')[] } = ANY_ACTION) =>
  ({ score: SCORE, action }) as const;
const range = ([min, , max]: AmountRange) => ({ min, max });
const fallback = (amount: AmountRange) => amount[1];

function bounds(amounts: AmlAmounts, travelRule: readonly TravelRuleStandard[]): AmlRuleBounds {
  const velocity = {
    count: { h24: { min: 2, max: 100 }, d7: { min: 2, max: 200 }, d30: { min: 2, max: 500 }, ...scored() },
    sum: {
      h24: range(amounts.velocitySum.h24),
      d7: range(amounts.velocitySum.d7),
      d30: range(amounts.velocitySum.d30),
      ...scored(),
    },
  };
  return {
    amount: {
      perTransfer: { threshold: range(amounts.perTransfer), ...scored() },
      cumulative: { threshold: range(amounts.cumulative), windowDays: { min: 1, max: 90 }, ...scored() },
    },
    velocity: { person: velocity, account: velocity },
    structuring: {
      marginPercent: { min: 1, max: 25 },
      minCount: { min: 2, max: 10 },
      windowDays: { min: 1, max: 30 },
      ...scored(),
    },
    roundAmount: {
      multiple: range(amounts.roundMultiple),
      minAmount: range(amounts.roundMinAmount),
      ...scored(),
    },
    // FATF asks for enhanced due diligence (and counter-measures) on call-for-action countries.
    highRisk: { callForAction: scored(HOLD_OR_REJECT), increasedMonitoring: scored() },
    // EUR 1,000 is the ceiling FATF R.16 and EU 2023/1113 Art. 5–7 allow; lower is stricter.
    travelRule: {
      thresholdEur: { min: '0.00', max: '1000.00' },
      standard: { values: travelRule },
      ...scored(HOLD_OR_REJECT),
    },
    linkedAccounts: {
      personsPerAccount: { minPersons: { min: 2, max: 20 }, windowDays: { min: 1, max: 90 }, ...scored() },
      accountsPerPerson: { minAccounts: { min: 2, max: 20 }, windowDays: { min: 1, max: 90 }, ...scored() },
    },
    benefits: {
      lifeCertificate: { graceDays: { min: 0, max: 90 }, ...scored(HOLD_OR_REJECT) },
      payoutAfterDeath: scored(HOLD_OR_REJECT),
      duplicatePeriod: scored(HOLD_OR_REJECT),
    },
    // Below 0.70 nearly every common name would be held; a block below 0.80 would freeze on weak matches.
    screening: { review: { min: 0.7, max: 0.95 }, block: { min: 0.8, max: 1 } },
    sanctions: { reviewScore: SCORE, blockScore: SCORE, unavailableScore: SCORE },
    typology: { reviewScore: { min: 10, max: 300 } },
  };
}

function defaults(amounts: AmlAmounts, travelRule: readonly TravelRuleStandard[]): AmlRuleParameters {
  const sums = amounts.velocitySum;
  const velocity = {
    count: { h24: 3, d7: 5, d30: 10, score: 20, action: 'score' as const },
    sum: {
      h24: fallback(sums.h24),
      d7: fallback(sums.d7),
      d30: fallback(sums.d30),
      score: 20,
      action: 'score' as const,
    },
  };
  const standard = travelRule[0];
  if (!standard) throw new Error('amlRules: name at least one travel-rule standard');
  return {
    amount: {
      perTransfer: { threshold: fallback(amounts.perTransfer), score: 40, action: 'review' },
      cumulative: { threshold: fallback(amounts.cumulative), windowDays: 30, score: 30, action: 'score' },
    },
    velocity: {
      person: velocity,
      account: { ...velocity, count: { ...velocity.count, h24: 5, d7: 10, d30: 20 } },
    },
    structuring: { marginPercent: 10, minCount: 2, windowDays: 7, score: 40, action: 'review' },
    roundAmount: {
      multiple: fallback(amounts.roundMultiple),
      minAmount: fallback(amounts.roundMinAmount),
      score: 10,
      action: 'score',
    },
    highRisk: {
      callForAction: { score: 100, action: 'review' },
      increasedMonitoring: { score: 30, action: 'score' },
    },
    travelRule: { thresholdEur: '1000.00', standard, score: 50, action: 'review' },
    linkedAccounts: {
      personsPerAccount: { minPersons: 3, windowDays: 90, score: 40, action: 'review' },
      accountsPerPerson: { minAccounts: 3, windowDays: 90, score: 30, action: 'score' },
    },
    benefits: {
      lifeCertificate: { graceDays: 0, score: 60, action: 'review' },
      // Entitlement ends with death: the fund stops paying, as agencies do on a death notice.
      payoutAfterDeath: { score: 100, action: 'reject' },
      duplicatePeriod: { score: 60, action: 'review' },
    },
    screening: { ...DEFAULT_SCREENING_THRESHOLDS },
    sanctions: { reviewScore: 50, blockScore: 100, unavailableScore: 50 },
    // Two weak signals hold a transfer (say a velocity and a cumulative sum: 20 + 30); one does not.
    typology: { reviewScore: 50 },
  };
}

/** The rule declaration of a partner: shared bounds and defaults with the adapter's amounts. */
export function amlRules(
  amounts: AmlAmounts,
  travelRule: readonly TravelRuleStandard[],
): AmlRulesDeclaration {
  return {
    currency: amounts.currency,
    bounds: bounds(amounts, travelRule),
    defaults: defaults(amounts, travelRule),
  };
}
