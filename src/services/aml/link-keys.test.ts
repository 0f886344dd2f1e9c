import { describe, expect, it } from 'vitest';
import { germanPerson } from '../../../test/helpers/persons.ts';
import { generatePrivacyKeys } from '../privacy/keys.ts';
import { accountLinkInput, amlLinkKeys, benefitPeriodInput } from './link-keys.ts';

describe('AML link keys', () => {
  it('link one account however it is written, and nothing else', async () => {
    const keys = await generatePrivacyKeys();
    const now = new Date('2026-11-23T10:00:00Z');
    const spaced = await amlLinkKeys(keys, { person: germanPerson(), amlPseudonym: 'p1', now });
    const compact = await amlLinkKeys(keys, {
      person: germanPerson({ bankAccount: { iban: 'de89370400440532013000' } }),
      amlPseudonym: 'p2',
      now,
    });
    expect(spaced.accountPseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(compact.accountPseudonym).toBe(spaced.accountPseudonym);
    const other = await amlLinkKeys(keys, {
      person: germanPerson({ bankAccount: { iban: 'DE44 5001 0517 5407 3249 31' } }),
      amlPseudonym: 'p1',
      now,
    });
    expect(other.accountPseudonym).not.toBe(spaced.accountPseudonym);
    // Another key gives other pseudonyms: nothing is derivable without the gateway's key.
    const foreign = await amlLinkKeys(await generatePrivacyKeys(), {
      person: germanPerson(),
      amlPseudonym: 'p1',
      now,
    });
    expect(foreign.accountPseudonym).not.toBe(spaced.accountPseudonym);
  });

  it('key a benefit period by person, benefit type and month', async () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(benefitPeriodInput(germanPerson(), 'p1', now)).toBe('benefit-period:p1:old_age_pension:2026-11');
    expect(benefitPeriodInput(germanPerson({ benefit: { type: 'survivors_pension' } }), 'p1', now)).toBe(
      'benefit-period:p1:survivors_pension:2026-11',
    );
    const { benefit: _none, ...withoutBenefit } = germanPerson();
    expect(benefitPeriodInput(withoutBenefit, 'p1', new Date('2027-01-31T23:00:00Z'))).toBe(
      'benefit-period:p1:unspecified:2027-01',
    );
    const keys = await generatePrivacyKeys();
    const a = await amlLinkKeys(keys, { person: germanPerson(), amlPseudonym: 'p1', now });
    const b = await amlLinkKeys(keys, { person: germanPerson(), amlPseudonym: 'p2', now });
    expect(a.benefitPeriodKey).not.toBe(b.benefitPeriodKey);
    expect(a.benefitPeriodKey).not.toContain('2026');
  });

  it('identify a domestic account by bank and number, and no account without one', () => {
    expect(accountLinkInput({ accountNumber: '1234-5678 90', bic: 'BOTKJPJTXXX' })).toBe(
      'account:BOTKJPJT:1234567890',
    );
    expect(accountLinkInput({ accountNumber: '1234567890' })).toBe('account:-:1234567890');
    expect(accountLinkInput(undefined)).toBeNull();
  });
});
