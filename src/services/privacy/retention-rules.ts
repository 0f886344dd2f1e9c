/**
 * How long each data category of a person is kept, after the end of the relationship: the
 * person's jurisdiction's declared years, never shorter than the AML retention for the categories
 * an AML record needs (EU AMLR 2024/1624 Art. 77: who was behind a transaction). The AML period is
 * the longer of the person's jurisdiction's and the home fund's. One rule, used by the purge, the
 * erasure answer, the access export and the records of processing.
 */
import type { DataCategory, JurisdictionAdapter } from '../../ports/index.ts';

/** Categories an AML record needs to say who was behind a transaction (CDD data). */
export const AML_RECORD_CATEGORIES: readonly DataCategory[] = [
  'national_identifier',
  'name',
  'birth_date',
  'address',
  'bank_account',
  'transaction',
];

export function amlRetentionYearsFor(adapter: JurisdictionAdapter, home: JurisdictionAdapter): number {
  return Math.max(adapter.privacy.amlRetentionYears, home.privacy.amlRetentionYears);
}

export function retentionYearsFor(
  adapter: JurisdictionAdapter,
  home: JurisdictionAdapter,
  category: DataCategory,
): number {
  const declared = adapter.privacy.retentionYears[category] ?? 0;
  return AML_RECORD_CATEGORIES.includes(category)
    ? Math.max(declared, amlRetentionYearsFor(adapter, home))
    : declared;
}

export function addYears(date: Date, years: number): Date {
  const next = new Date(date.getTime());
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}
