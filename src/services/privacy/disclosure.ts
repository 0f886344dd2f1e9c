/**
 * Minimisation: the one projection every outbound path uses. A person is reduced to the data
 * categories a reader may see — a partner agency or bank rail what its adapter allows for the
 * purpose, a staff member what their role needs — and everything else is left out.
 */
import type { InsuredPerson, InsuredPersonView } from '../../../schemas/privacy.ts';
import {
  DATA_CATEGORIES,
  type DataCategory,
  type JurisdictionAdapter,
  type ProcessingPurpose,
  type Recipient,
} from '../../ports/index.ts';
import type { Role } from '../auth/roles.ts';
import { INSURED_PERSON_CATEGORIES } from './classification.ts';

/** The processing purpose of a transfer purpose. */
export function processingPurposeOf(purpose: string): ProcessingPurpose {
  return purpose === 'benefit' ? 'benefit_payment' : 'contribution_collection';
}

/** What screening and review need: identity, address, account and benefit. */
const REVIEW: readonly DataCategory[] = [
  'national_identifier',
  'name',
  'birth_date',
  'address',
  'bank_account',
  'benefit_information',
];

/**
 * What each staff role needs to see of a person. Operators answer enquiries and returned
 * payments; compliance officers and approvers screen and review; the privacy officer answers
 * data-subject requests; auditors work from pseudonymous ids only.
 */
export const ROLE_VISIBILITY: Readonly<Record<Role, readonly DataCategory[]>> = {
  operator: ['name', 'bank_account'],
  compliance_officer: REVIEW,
  compliance_approver: REVIEW,
  // Every category a person has; `transaction` is the transfer itself, not a person field.
  privacy_officer: DATA_CATEGORIES.filter((category) => category !== 'transaction'),
  auditor: [],
};

export function categoriesForRoles(roles: readonly Role[]): DataCategory[] {
  const allowed = new Set<DataCategory>();
  for (const role of roles) for (const category of ROLE_VISIBILITY[role] ?? []) allowed.add(category);
  return [...allowed];
}

/** The categories `adapter` lets leave for `purpose` to `recipient`. */
export function categoriesForRecipient(
  adapter: JurisdictionAdapter,
  purpose: ProcessingPurpose,
  recipient: Recipient,
): DataCategory[] {
  return [...(adapter.privacy.disclosures[purpose]?.[recipient] ?? [])];
}

/** The person reduced to `categories`; fields of other categories are not copied at all. */
export function disclose(
  dataSubjectId: string,
  person: InsuredPerson | null,
  categories: readonly DataCategory[],
): InsuredPersonView {
  const allowed = new Set(categories);
  const view: Record<string, unknown> = { dataSubjectId, disclosedCategories: [] };
  const disclosed = new Set<DataCategory>();
  if (person) {
    for (const [key, category] of Object.entries(INSURED_PERSON_CATEGORIES) as [
      keyof InsuredPerson,
      DataCategory,
    ][]) {
      if (!allowed.has(category) || person[key] === undefined) continue;
      view[key] = structuredClone(person[key]);
      disclosed.add(category);
    }
  }
  view.disclosedCategories = [...disclosed].sort();
  return view as InsuredPersonView;
}
