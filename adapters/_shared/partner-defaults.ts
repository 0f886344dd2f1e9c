/**
 * Declarations most adapters share word for word: what may leave for which purpose, the
 * travel-rule fields, and retention. An adapter spreads these and overrides what differs, so that
 * what is particular about a country stays visible in its own folder.
 */
import type { AmlPolicy, PrivacyPolicy } from '../../src/ports/index.ts';

/** Minimisation per purpose: only what the purpose needs may cross the border. */
export const STANDARD_ALLOWED_CATEGORIES: PrivacyPolicy['allowedCategories'] = {
  contribution_collection: ['national_identifier', 'name', 'transaction'],
  benefit_payment: ['national_identifier', 'name', 'bank_account', 'transaction'],
  aml_screening: ['name', 'birth_date'],
  life_certificate: ['national_identifier', 'name', 'birth_date'],
  statistics: [],
};

/** Retention in years after the end of the relationship (AML records: EU AMLR 2024/1624 Art. 77, five years). */
export function retentionYears(
  overrides: Partial<PrivacyPolicy['retentionYears']> = {},
): PrivacyPolicy['retentionYears'] {
  return {
    transaction: 10,
    national_identifier: 5,
    name: 5,
    birth_date: 5,
    address: 5,
    contact: 5,
    bank_account: 5,
    benefit_information: 5,
    health_information: 5,
    ...overrides,
  };
}

/** FATF Recommendation 16 (travel rule) originator and beneficiary information. */
export const TRAVEL_RULE_FIELDS: AmlPolicy['travelRuleFields'] = [
  'payer.name',
  'payer.account',
  'beneficiary.name',
  'beneficiary.account',
];

/** FATF "call for action" jurisdictions (black list), treated as high risk everywhere. */
export const FATF_HIGH_RISK = ['KP', 'IR', 'MM'];
