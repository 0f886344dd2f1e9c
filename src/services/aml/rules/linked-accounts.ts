/**
 * Linked accounts: one account receiving benefits for several persons, and one person paying
 * contributions from several accounts, within a window (this transfer included). Persons and
 * accounts are counted through the stand-in numbers of the facts, never by who or which.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import { type AmlFacts, SECONDS_PER_DAY, within } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';

export function linkedAccountReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const reasons: AmlReason[] = [];
  const shared = parameters.linkedAccounts.personsPerAccount;
  if (facts.purpose === 'benefit' && facts.hasAccount) {
    const persons = new Set<number>(facts.hasPerson ? [0] : []);
    for (const item of within(facts.history, shared.windowDays * SECONDS_PER_DAY)) {
      if (item.sameAccount && item.purpose === 'benefit' && item.person !== null) persons.add(item.person);
    }
    if (persons.size >= shared.minPersons) {
      reasons.push(
        reason('ACCOUNT_SHARED_BY_PERSONS', shared, {
          persons: persons.size,
          minPersons: shared.minPersons,
          windowDays: shared.windowDays,
        }),
      );
    }
  }
  const many = parameters.linkedAccounts.accountsPerPerson;
  if (facts.purpose === 'contribution' && facts.hasPerson) {
    const accounts = new Set<number>(facts.hasAccount ? [0] : []);
    for (const item of within(facts.history, many.windowDays * SECONDS_PER_DAY)) {
      if (item.samePerson && item.purpose === 'contribution' && item.account !== null)
        accounts.add(item.account);
    }
    if (accounts.size >= many.minAccounts) {
      reasons.push(
        reason('PERSON_USES_MANY_ACCOUNTS', many, {
          accounts: accounts.size,
          minAccounts: many.minAccounts,
          windowDays: many.windowDays,
        }),
      );
    }
  }
  return reasons;
}
