import { describe, expect, it } from 'vitest';
import { jpAdapter } from '../../../../adapters/jp/index.ts';
import { EUR_DEFAULTS, facts, paying } from '../../../../test/helpers/aml-facts.ts';
import { buildAdapter } from '../../../services/adapters/registry.ts';
import { roundAmountReasons } from './round-amount.ts';

describe('round amounts', () => {
  it('flags a multiple of 1,000.00 from 5,000.00 (the EUR defaults)', () => {
    expect(roundAmountReasons(EUR_DEFAULTS, paying('5000.00'))).toEqual([
      {
        code: 'ROUND_AMOUNT',
        rule: 'round_amount',
        score: 10,
        action: 'score',
        details: { amount: '5000.00', multiple: '1000.00', currency: 'EUR' },
      },
    ]);
    expect(roundAmountReasons(EUR_DEFAULTS, paying('4000.00'))).toEqual([]);
    expect(roundAmountReasons(EUR_DEFAULTS, paying('5000.01'))).toEqual([]);
    expect(roundAmountReasons(EUR_DEFAULTS, paying('6500.00'))).toEqual([]);
  });

  it('works in whole yen with the Japanese defaults (multiples of 100,000 from 1,000,000)', () => {
    const rules = buildAdapter(jpAdapter as never, undefined).adapter?.aml.rules;
    if (!rules) throw new Error('JP declares no rules');
    const yen = (amount: string) => facts({ partner: { currency: 'JPY', amountMinor: amount } });
    expect(roundAmountReasons(rules.defaults, yen('1000000'))[0]?.details).toEqual({
      amount: '1000000',
      multiple: '100000',
      currency: 'JPY',
    });
    expect(roundAmountReasons(rules.defaults, yen('1050000'))).toEqual([]);
    expect(roundAmountReasons(rules.defaults, yen('900000'))).toEqual([]);
  });
});
