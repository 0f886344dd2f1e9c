import { describe, expect, it } from 'vitest';
import {
  codes,
  DAY,
  EUR_DEFAULTS,
  earlier,
  paying,
  withParameters,
} from '../../../../test/helpers/aml-facts.ts';
import { amountReasons } from './amount.ts';

describe('amount thresholds', () => {
  it('gives AMOUNT_ABOVE_THRESHOLD from exactly the threshold, not a cent below', () => {
    expect(codes(amountReasons(EUR_DEFAULTS, paying('9999.99')))).toEqual([]);
    const [reason] = amountReasons(EUR_DEFAULTS, paying('10000.00'));
    expect(reason).toEqual({
      code: 'AMOUNT_ABOVE_THRESHOLD',
      rule: 'amount_threshold',
      score: 40,
      action: 'review',
      details: { amount: '10000.00', threshold: '10000.00', currency: 'EUR' },
    });
  });

  it('sums the linked transfers of the window with this one for CUMULATIVE_ABOVE_THRESHOLD', () => {
    // 15,000.00 in 30 days by default: 9,000 + 6,000 reaches it exactly.
    const reasons = amountReasons(EUR_DEFAULTS, paying('6000.00', { history: [earlier(10 * DAY, 900000n)] }));
    expect(reasons.find((item) => item.code === 'CUMULATIVE_ABOVE_THRESHOLD')?.details).toEqual({
      sum: '15000.00',
      threshold: '15000.00',
      currency: 'EUR',
      windowDays: 30,
      transfers: 2,
    });
    expect(
      codes(amountReasons(EUR_DEFAULTS, paying('5999.99', { history: [earlier(10 * DAY, 900000n)] }))),
    ).toEqual([]);
  });

  it('counts a transfer one second inside the window and not one exactly at its start', () => {
    const inside = paying('6000.00', { history: [earlier(30 * DAY - 1, 900000n)] });
    const atStart = paying('6000.00', { history: [earlier(30 * DAY, 900000n)] });
    expect(codes(amountReasons(EUR_DEFAULTS, inside))).toContain('CUMULATIVE_ABOVE_THRESHOLD');
    expect(codes(amountReasons(EUR_DEFAULTS, atStart))).not.toContain('CUMULATIVE_ABOVE_THRESHOLD');
  });

  it('needs another linked transfer: one large transfer alone is the per-transfer rule only', () => {
    expect(codes(amountReasons(EUR_DEFAULTS, paying('20000.00')))).toEqual(['AMOUNT_ABOVE_THRESHOLD']);
  });

  it('does not add amounts paid in another currency, nor unlinked transfers', () => {
    const history = [earlier(DAY, null), earlier(DAY, 900000n, { samePerson: false, sameAccount: false })];
    expect(codes(amountReasons(EUR_DEFAULTS, paying('6000.00', { history })))).toEqual([]);
  });

  it('follows the parameters: a shorter window and another action', () => {
    const parameters = withParameters((p) => {
      p.amount.cumulative.windowDays = 7;
      p.amount.cumulative.action = 'review';
    });
    const reasons = amountReasons(parameters, paying('6000.00', { history: [earlier(8 * DAY, 900000n)] }));
    expect(reasons).toEqual([]);
    const [reason] = amountReasons(parameters, paying('6000.00', { history: [earlier(6 * DAY, 900000n)] }));
    expect(reason?.action).toBe('review');
  });
});
