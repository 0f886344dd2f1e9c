import { describe, expect, it } from 'vitest';
import {
  DAY,
  EUR_DEFAULTS,
  earlier,
  HOUR,
  paying,
  withParameters,
} from '../../../../test/helpers/aml-facts.ts';
import { velocityReasons } from './velocity.ts';

describe('velocity', () => {
  it('counts this transfer: the third of a person in 24 h reaches the default limit of 3', () => {
    const two = paying('100.00', { history: [earlier(2 * HOUR, 10000n, { sameAccount: false })] });
    expect(velocityReasons(EUR_DEFAULTS, two)).toEqual([]);
    const three = paying('100.00', {
      history: [
        earlier(2 * HOUR, 10000n, { sameAccount: false }),
        earlier(20 * HOUR, 10000n, { sameAccount: false }),
      ],
    });
    expect(velocityReasons(EUR_DEFAULTS, three)).toEqual([
      {
        code: 'VELOCITY_PERSON_COUNT',
        rule: 'velocity',
        score: 20,
        action: 'score',
        details: { window: '24h', count: 3, limit: 3, windows: '24h' },
      },
    ]);
  });

  it('leaves out a transfer exactly 24 hours old from the 24-hour window, keeps it in 7 days', () => {
    const history = [
      earlier(2 * HOUR, 10000n, { sameAccount: false }),
      earlier(DAY, 10000n, { sameAccount: false }),
      earlier(3 * DAY, 10000n, { sameAccount: false }),
      earlier(6 * DAY, 10000n, { sameAccount: false }),
    ];
    const [reason] = velocityReasons(EUR_DEFAULTS, paying('100.00', { history }));
    // 24 h: this one and the 2-hour-old one (2 < 3); 7 d: all five (5 = 5).
    expect(reason?.details).toEqual({ window: '7d', count: 5, limit: 5, windows: '7d' });
  });

  it('sums per window and names every window that reached its limit', () => {
    // Defaults: 5,000 / 10,000 / 20,000 EUR in 24 h / 7 d / 30 d.
    const history = [
      earlier(HOUR, 400000n, { sameAccount: false }),
      earlier(5 * DAY, 500000n, { sameAccount: false }),
    ];
    const reasons = velocityReasons(EUR_DEFAULTS, paying('1000.00', { history }));
    expect(reasons.map((item) => [item.code, item.details])).toEqual([
      [
        'VELOCITY_PERSON_SUM',
        { window: '24h', sum: '5000.00', limit: '5000.00', currency: 'EUR', windows: '24h,7d' },
      ],
    ]);
  });

  it('counts per account separately, with the account limits', () => {
    const history = Array.from({ length: 4 }, (_, index) =>
      earlier((index + 1) * HOUR, 1000n, { samePerson: false, person: index + 1 }),
    );
    const reasons = velocityReasons(EUR_DEFAULTS, paying('10.00', { history }));
    expect(reasons.map((item) => item.code)).toEqual(['VELOCITY_ACCOUNT_COUNT']);
    expect(reasons[0]?.details).toMatchObject({ window: '24h', count: 5, limit: 5 });
  });

  it('has nothing to count without a person or an account', () => {
    const history = [earlier(HOUR, 1000n), earlier(2 * HOUR, 1000n)];
    expect(
      velocityReasons(EUR_DEFAULTS, paying('10.00', { history, hasPerson: false, hasAccount: false })),
    ).toEqual([]);
  });

  it('uses the officers’ limits', () => {
    const parameters = withParameters((p) => {
      p.velocity.person.count.h24 = 2;
      p.velocity.person.count.action = 'review';
    });
    const [reason] = velocityReasons(
      parameters,
      paying('10.00', { history: [earlier(HOUR, 1000n, { sameAccount: false })] }),
    );
    expect(reason).toMatchObject({
      code: 'VELOCITY_PERSON_COUNT',
      action: 'review',
      details: { count: 2, limit: 2 },
    });
  });
});
