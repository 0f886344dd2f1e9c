import { describe, expect, it } from 'vitest';
import {
  DAY,
  EUR_DEFAULTS,
  earlier,
  facts,
  HOUR,
  paying,
  withParameters,
} from '../../../test/helpers/aml-facts.ts';
import type { AmlReason } from './types.ts';
import { combine, decide } from './typology.ts';

const reason = (change: Partial<AmlReason>): AmlReason => ({
  code: 'ROUND_AMOUNT',
  rule: 'round_amount',
  score: 10,
  action: 'score',
  details: {},
  ...change,
});

describe('the typology', () => {
  it('clears without reasons, and with score-only reasons below the review score', () => {
    expect(combine([], 50)).toEqual({ decision: 'clear', score: 0 });
    expect(combine([reason({ score: 20 }), reason({ score: 29 })], 50)).toEqual({
      decision: 'clear',
      score: 49,
    });
  });

  it('holds from exactly the review score of summed score-only reasons', () => {
    expect(combine([reason({ score: 20 }), reason({ score: 30 })], 50)).toEqual({
      decision: 'review',
      score: 50,
    });
  });

  it('holds for any reason that demands review, whatever its score', () => {
    expect(combine([reason({ score: 0, action: 'review' })], 50)).toEqual({ decision: 'review', score: 0 });
  });

  it('rejects when a rule demands it, even beside reasons that hold', () => {
    const reasons = [
      reason({ action: 'review' }),
      reason({ code: 'PAYOUT_AFTER_DEATH', rule: 'benefits', action: 'reject' }),
    ];
    expect(combine(reasons, 50).decision).toBe('reject');
  });

  it('never rejects on a sanctions reason: a match freezes, it does not return the money', () => {
    const sanctions = reason({
      code: 'SANCTIONS_MATCH_BLOCK',
      rule: 'sanctions',
      score: 100,
      action: 'reject',
    });
    expect(combine([sanctions], 50).decision).toBe('review');
  });

  it('decides a whole set of facts: two weak signals together hold a transfer', () => {
    // The 3rd transfer in 24 h (velocity count, 20 points) that brings 30 days to 15,000.00
    // (cumulative, 30 points): 50, the default review score. Either alone clears.
    const person = { sameAccount: false };
    const recent = [earlier(HOUR, 10000n, person), earlier(2 * HOUR, 10000n, person)];
    const older = [earlier(10 * DAY, 700000n, person), earlier(20 * DAY, 700000n, person)];
    expect(decide(EUR_DEFAULTS, paying('800.00', { history: recent }))).toMatchObject({
      decision: 'clear',
      score: 20,
    });
    expect(decide(EUR_DEFAULTS, paying('1000.00', { history: older }))).toMatchObject({
      decision: 'clear',
      score: 30,
    });
    const both = decide(EUR_DEFAULTS, paying('800.00', { history: [...recent, ...older] }));
    expect(both.reasons.map((item) => item.code).sort()).toEqual([
      'CUMULATIVE_ABOVE_THRESHOLD',
      'VELOCITY_PERSON_COUNT',
    ]);
    expect(both).toMatchObject({ decision: 'review', score: 50 });
    const lenient = withParameters((p) => {
      p.typology.reviewScore = 60;
    });
    expect(decide(lenient, paying('800.00', { history: [...recent, ...older] })).decision).toBe('clear');
  });

  it('refuses facts of a version it does not know', () => {
    expect(() => decide(EUR_DEFAULTS, { ...facts(), version: 2 } as never)).toThrow(/version 2/);
  });
});
