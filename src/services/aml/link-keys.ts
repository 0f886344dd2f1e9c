/**
 * The keyed HMACs (aml pseudonym domain) a transfer carries so that AML rules can link it without
 * any account number or benefit period in clear: the account (normalised IBAN, or BIC and domestic
 * number) and the person's benefit period (person, benefit type, month).
 */
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import type { PrivacyKeys } from '../privacy/keys.ts';

/** What identifies an account across transfers: the IBAN, else bank (BIC's first 8) and number. */
export function accountLinkInput(account: InsuredPerson['bankAccount'] | undefined): string | null {
  if (!account) return null;
  const compact = (text: string) => text.replace(/[\s-]+/g, '').toUpperCase();
  if (account.iban) return `iban:${compact(account.iban)}`;
  if (account.accountNumber)
    return `account:${account.bic ? compact(account.bic).slice(0, 8) : '-'}:${compact(account.accountNumber)}`;
  return null;
}

/**
 * The benefit period a transfer pays: the person, the benefit type (an old-age and a survivor's
 * pension of the same month are two benefits) and the month (`benefit.period`, else the month of
 * `now` in UTC).
 */
export function benefitPeriodInput(person: InsuredPerson, amlPseudonym: string, now: Date): string {
  const type = person.benefit?.type ?? 'unspecified';
  const period = person.benefit?.period ?? now.toISOString().slice(0, 7);
  return `benefit-period:${amlPseudonym}:${type}:${period}`;
}

export async function amlLinkKeys(
  privacyKeys: PrivacyKeys,
  input: { person: InsuredPerson; amlPseudonym: string; now: Date },
): Promise<{ accountPseudonym: string | null; benefitPeriodKey: string | null }> {
  const account = accountLinkInput(input.person.bankAccount);
  return {
    accountPseudonym: account ? await privacyKeys.pseudonyms.pseudonym('aml', account) : null,
    benefitPeriodKey: await privacyKeys.pseudonyms.pseudonym(
      'aml',
      benefitPeriodInput(input.person, input.amlPseudonym, input.now),
    ),
  };
}
