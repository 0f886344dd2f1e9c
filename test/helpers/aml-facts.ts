/**
 * Facts and parameters for AML rule unit tests: a plain contribution in EUR by a person with an
 * account, no history, complete travel-rule fields, clear screening — each test changes what it
 * is about. Parameters are the EUR partners' defaults.
 */
import { amlRules, EU_TRAVEL_RULE, EUR_AMOUNTS } from '../../adapters/_shared/aml-rules.ts';
import type { AmlRuleParameters } from '../../src/ports/index.ts';
import type { AmlFacts, HistoryItem, PartyFields } from '../../src/services/aml/facts.ts';

export const EUR_DEFAULTS: AmlRuleParameters = amlRules(EUR_AMOUNTS, EU_TRAVEL_RULE).defaults;

/** Parameters with some groups replaced (a deep copy: tests never change the shared defaults). */
export function withParameters(change: (parameters: AmlRuleParameters) => void): AmlRuleParameters {
  const copy = structuredClone(EUR_DEFAULTS);
  change(copy);
  return copy;
}

export const COMPLETE_PERSON: PartyFields = {
  kind: 'person',
  name: true,
  account: true,
  address: true,
  nationalIdentifier: true,
  customerNumber: true,
  birthDate: true,
  birthPlace: false,
};

export const INSTITUTION: PartyFields = {
  kind: 'institution',
  name: true,
  account: true,
  address: true,
  nationalIdentifier: true,
  customerNumber: true,
  birthDate: true,
  birthPlace: true,
};

export const HOUR = 3_600;
export const DAY = 86_400;

/** An earlier transfer of the same person and account, paid in the partner currency. */
export function earlier(
  ageSeconds: number,
  amountMinor: bigint | null,
  change: Partial<HistoryItem> = {},
): HistoryItem {
  return {
    ageSeconds,
    amountMinor: amountMinor === null ? null : amountMinor.toString(),
    purpose: 'contribution',
    samePerson: true,
    sameAccount: true,
    person: 0,
    account: 0,
    ...change,
  };
}

export function facts(change: Partial<AmlFacts> = {}): AmlFacts {
  return {
    version: 1,
    purpose: 'contribution',
    date: '2026-11-23',
    partner: { currency: 'EUR', amountMinor: '25000' },
    eur: { amount: '250.00', rateSource: 'same_currency' },
    hasPerson: true,
    hasAccount: true,
    history: [],
    historyTruncated: false,
    countries: [{ code: 'DE', source: 'address' }],
    travelRule: { payer: COMPLETE_PERSON, beneficiary: INSTITUTION },
    benefit: null,
    screening: [],
    ...change,
  };
}

/** Facts of a contribution of `amount` (decimal string) in EUR. */
export function paying(amount: string, change: Partial<AmlFacts> = {}): AmlFacts {
  const minor = BigInt(amount.replace('.', ''));
  return facts({
    partner: { currency: 'EUR', amountMinor: minor.toString() },
    eur: { amount, rateSource: 'same_currency' },
    ...change,
  });
}

export function codes(reasons: readonly { code: string }[]): string[] {
  return reasons.map((reason) => reason.code);
}
