/**
 * Declarations most adapters share word for word: what may leave for which purpose, retention,
 * the AML declaration's fixed parts and the SEPA rail. An adapter uses these and states what
 * differs, so that what is particular about a country stays visible in its own folder.
 */
import type {
  AmlPolicy,
  AmlRulesDeclaration,
  HoldPolicy,
  PrivacyPolicy,
  SettlementPolicy,
  SigningPolicy,
} from '../../src/ports/index.ts';
import { ESCALATE_AFTER_72_HOURS } from './aml-rules.ts';
import { target2Calendar } from './target2-calendar.ts';

/**
 * Minimisation per purpose and recipient: only what the purpose needs may cross the border. The
 * partner agency identifies the person; the bank rail gets what the travel rule needs (name and
 * account, FATF R.16 / EU 2023/1113) and nothing else; statistics leave as counts only.
 */
export const STANDARD_DISCLOSURES: PrivacyPolicy['disclosures'] = {
  contribution_collection: {
    partner_agency: ['national_identifier', 'name', 'transaction'],
    settlement_rail: ['name', 'bank_account', 'transaction'],
  },
  benefit_payment: {
    partner_agency: ['national_identifier', 'name', 'bank_account', 'benefit_information', 'transaction'],
    settlement_rail: ['name', 'bank_account', 'transaction'],
  },
  aml_screening: { partner_agency: ['name', 'birth_date'], settlement_rail: [] },
  life_certificate: {
    partner_agency: ['national_identifier', 'name', 'birth_date', 'address'],
    settlement_rail: [],
  },
  statistics: { partner_agency: [], settlement_rail: [] },
};

/** EU AMLR 2024/1624 Art. 77: AML records are kept five years after the end of the relationship. */
export const AML_RETENTION_YEARS = 5;

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

/**
 * An adapter's AML declaration: the sanctions lists it screens against, its rule declaration
 * (`aml-rules.ts`; none for the home jurisdiction, whose corridors run on their partner's rules)
 * and what a hold nobody decided becomes (by default: escalated, never released or returned).
 */
export function amlPolicy(
  sanctionsLists: AmlPolicy['sanctionsLists'],
  rules?: AmlRulesDeclaration,
  holdPolicy: HoldPolicy = ESCALATE_AFTER_72_HOURS,
): AmlPolicy {
  return { sanctionsLists, holdPolicy, ...(rules ? { rules } : {}) };
}

/** The FAPI 2.0 Message Signing window: a signature's `created` is at most 60 seconds old. */
export const FAPI_MAX_SIGNATURE_AGE_SECONDS = 60;

/** How an agency signs: the schemes and algorithms it agreed, in the FAPI 2.0 window. */
export function agencySigning(
  schemes: SigningPolicy['schemes'],
  algorithms: SigningPolicy['algorithms'],
): SigningPolicy {
  return { schemes, algorithms, maxSignatureAgeSeconds: FAPI_MAX_SIGNATURE_AGE_SECONDS };
}

/** SEPA credit transfer (pain.001) on the TARGET calendar: cut-off 15:00 local time, D+1. */
export function sepaCreditTransfer(timeZone: string): SettlementPolicy {
  return {
    rail: 'sepa-credit-transfer',
    message: 'pain.001.001.10',
    cutOff: { time: '15:00', timeZone },
    settlementDays: 1,
    calendar: target2Calendar,
  };
}
