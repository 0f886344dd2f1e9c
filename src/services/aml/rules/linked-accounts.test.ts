import { describe, expect, it } from 'vitest';
import { DAY, EUR_DEFAULTS, earlier, facts } from '../../../../test/helpers/aml-facts.ts';
import { linkedAccountReasons } from './linked-accounts.ts';

const benefitTo = (persons: number[], ageSeconds = DAY) =>
  facts({
    purpose: 'benefit',
    history: persons.map((person) =>
      earlier(ageSeconds, 10000n, {
        purpose: 'benefit',
        samePerson: person === 0,
        sameAccount: true,
        person,
      }),
    ),
  });

describe('linked accounts', () => {
  it('gives ACCOUNT_SHARED_BY_PERSONS when one account receives benefits for 3 persons (defaults)', () => {
    expect(linkedAccountReasons(EUR_DEFAULTS, benefitTo([1]))).toEqual([]);
    expect(linkedAccountReasons(EUR_DEFAULTS, benefitTo([1, 2]))).toEqual([
      {
        code: 'ACCOUNT_SHARED_BY_PERSONS',
        rule: 'linked_accounts',
        score: 40,
        action: 'review',
        details: { persons: 3, minPersons: 3, windowDays: 90 },
      },
    ]);
  });

  it('counts each person once, and only within the window', () => {
    expect(linkedAccountReasons(EUR_DEFAULTS, benefitTo([1, 1, 0, 0]))).toEqual([]);
    expect(linkedAccountReasons(EUR_DEFAULTS, benefitTo([1, 2], 90 * DAY))).toEqual([]);
    expect(linkedAccountReasons(EUR_DEFAULTS, benefitTo([1, 2], 90 * DAY - 1))).toHaveLength(1);
  });

  it('gives PERSON_USES_MANY_ACCOUNTS when one person pays from 3 accounts', () => {
    const history = [1, 2].map((account) => earlier(DAY, 10000n, { sameAccount: false, account }));
    const [reason] = linkedAccountReasons(EUR_DEFAULTS, facts({ history }));
    expect(reason).toMatchObject({
      code: 'PERSON_USES_MANY_ACCOUNTS',
      action: 'score',
      details: { accounts: 3, minAccounts: 3, windowDays: 90 },
    });
    // Benefits received do not count as accounts paid from.
    const received = [1, 2].map((account) =>
      earlier(DAY, 10000n, { sameAccount: false, account, purpose: 'benefit' }),
    );
    expect(linkedAccountReasons(EUR_DEFAULTS, facts({ history: received }))).toEqual([]);
  });
});
