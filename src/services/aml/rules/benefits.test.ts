import { describe, expect, it } from 'vitest';
import { EUR_DEFAULTS, facts, withParameters } from '../../../../test/helpers/aml-facts.ts';
import type { AmlFacts } from '../facts.ts';
import { benefitReasons } from './benefits.ts';

const VALID: NonNullable<AmlFacts['benefit']> = {
  lifeCertificate: { status: 'valid', daysExpired: null },
  death: { reported: false, payoutOnOrAfter: false },
  samePeriodTransfers: 0,
};
const benefit = (change: Partial<NonNullable<AmlFacts['benefit']>>) =>
  facts({ purpose: 'benefit', benefit: { ...VALID, ...change } });

describe('benefit rules', () => {
  it('passes a benefit with a valid certificate, no death and no other payment of the period', () => {
    expect(benefitReasons(EUR_DEFAULTS, benefit({}))).toEqual([]);
  });

  it('gives LIFE_CERTIFICATE_MISSING without a certificate, and after the grace days of an expired one', () => {
    expect(
      benefitReasons(EUR_DEFAULTS, benefit({ lifeCertificate: { status: 'missing', daysExpired: null } })),
    ).toEqual([
      {
        code: 'LIFE_CERTIFICATE_MISSING',
        rule: 'benefits',
        score: 60,
        action: 'review',
        details: { status: 'missing' },
      },
    ]);
    const graceful = withParameters((p) => {
      p.benefits.lifeCertificate.graceDays = 30;
    });
    const expired = (days: number) => benefit({ lifeCertificate: { status: 'expired', daysExpired: days } });
    expect(benefitReasons(graceful, expired(30))).toEqual([]);
    expect(benefitReasons(graceful, expired(31))[0]?.details).toEqual({
      status: 'expired',
      daysExpired: 31,
      graceDays: 30,
    });
    expect(benefitReasons(EUR_DEFAULTS, expired(1))).toHaveLength(1);
  });

  it('rejects a payout on or after a reported death by default', () => {
    const [reason] = benefitReasons(
      EUR_DEFAULTS,
      benefit({ death: { reported: true, payoutOnOrAfter: true } }),
    );
    expect(reason).toMatchObject({ code: 'PAYOUT_AFTER_DEATH', action: 'reject', score: 100 });
    expect(
      benefitReasons(EUR_DEFAULTS, benefit({ death: { reported: true, payoutOnOrAfter: false } })),
    ).toEqual([]);
  });

  it('gives DUPLICATE_BENEFIT_PERIOD when the person was paid for the period already', () => {
    expect(benefitReasons(EUR_DEFAULTS, benefit({ samePeriodTransfers: 1 }))[0]).toMatchObject({
      code: 'DUPLICATE_BENEFIT_PERIOD',
      details: { otherTransfers: 1 },
    });
  });

  it('does not apply to contributions or to benefits naming nobody', () => {
    expect(benefitReasons(EUR_DEFAULTS, facts({ benefit: { ...VALID, samePeriodTransfers: 2 } }))).toEqual(
      [],
    );
    expect(benefitReasons(EUR_DEFAULTS, facts({ purpose: 'benefit', benefit: null }))).toEqual([]);
  });
});
