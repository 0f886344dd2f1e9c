import { describe, expect, it } from 'vitest';
import {
  COMPLETE_PERSON,
  EUR_DEFAULTS,
  facts,
  INSTITUTION,
  withParameters,
} from '../../../../test/helpers/aml-facts.ts';
import { toEur } from '../eur-equivalent.ts';
import type { PartyFields } from '../facts.ts';
import { travelRuleReasons } from './travel-rule.ts';

const payer = (change: Partial<PartyFields>, eur: string | null) =>
  facts({
    eur: { amount: eur, rateSource: eur === null ? null : 'quote' },
    travelRule: { payer: { ...COMPLETE_PERSON, ...change }, beneficiary: INSTITUTION },
  });

const FATF = withParameters((p) => {
  p.travelRule.standard = 'fatf_r16';
});

describe('travel-rule completeness', () => {
  it('converts the EUR 1,000 line exactly from JPY, KRW and CNY at the ECB rates', () => {
    expect(toEur(172450n, 'JPY', '172.45')).toBe('1000.00');
    expect(toEur(172451n, 'JPY', '172.45')).toBe('1000.01');
    expect(toEur(1621800n, 'KRW', '1621.80')).toBe('1000.00');
    expect(toEur(1621809n, 'KRW', '1621.80')).toBe('1000.01');
    expect(toEur(821500n, 'CNY', '8.2150')).toBe('1000.00');
    expect(toEur(821501n, 'CNY', '8.2150')).toBe('1000.00');
    expect(toEur(821505n, 'CNY', '8.2150')).toBe('1000.01');
  });

  it('asks only for names and accounts at EUR 1,000.00 and below', () => {
    expect(travelRuleReasons(EUR_DEFAULTS, payer({ address: false }, '1000.00'))).toEqual([]);
    const [reason] = travelRuleReasons(EUR_DEFAULTS, payer({ account: false }, '1000.00'));
    expect(reason).toEqual({
      code: 'TRAVEL_RULE_INCOMPLETE',
      rule: 'travel_rule',
      score: 50,
      action: 'review',
      details: {
        missing: 'payer.account',
        band: 'at_or_below_threshold',
        eurEquivalent: '1000.00',
        thresholdEur: '1000.00',
        standard: 'eu_2023_1113',
      },
    });
  });

  it('above EUR 1,000 asks EU 2023/1113 Art. 4(1)(c): address, document and customer number', () => {
    expect(travelRuleReasons(EUR_DEFAULTS, payer({}, '1000.01'))).toEqual([]);
    const [reason] = travelRuleReasons(EUR_DEFAULTS, payer({ address: false }, '1000.01'));
    expect(reason?.details).toMatchObject({ missing: 'payer.identification', band: 'above_threshold' });
    // A birth date alone is not enough: the place of birth is not collected.
    expect(
      travelRuleReasons(EUR_DEFAULTS, payer({ address: false, nationalIdentifier: false }, '2000.00')),
    ).toHaveLength(1);
  });

  it('above EUR 1,000 under FATF R.16 any one identification is enough', () => {
    expect(travelRuleReasons(FATF, payer({ address: false, customerNumber: false }, '5000.00'))).toEqual([]);
    const none = { address: false, nationalIdentifier: false, customerNumber: false };
    expect(travelRuleReasons(FATF, payer(none, '5000.00'))[0]?.details.missing).toBe('payer.identification');
    expect(travelRuleReasons(FATF, payer(none, '999.00'))).toEqual([]);
  });

  it('treats an unknown EUR equivalent as above the line', () => {
    const [reason] = travelRuleReasons(EUR_DEFAULTS, payer({ address: false }, null));
    expect(reason?.details).toMatchObject({ band: 'above_threshold', eurEquivalent: 'unknown' });
  });

  it('checks the beneficiary of a benefit, and follows a lower threshold and a rejecting action', () => {
    const strict = withParameters((p) => {
      p.travelRule.thresholdEur = '0.00';
      p.travelRule.action = 'reject';
    });
    const benefit = facts({
      purpose: 'benefit',
      eur: { amount: '10.00', rateSource: 'quote' },
      travelRule: { payer: INSTITUTION, beneficiary: { ...COMPLETE_PERSON, name: false, account: false } },
    });
    const [reason] = travelRuleReasons(strict, benefit);
    expect(reason).toMatchObject({
      action: 'reject',
      details: { missing: 'beneficiary.name,beneficiary.account', band: 'above_threshold' },
    });
  });
});
