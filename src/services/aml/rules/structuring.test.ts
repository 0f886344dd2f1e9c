import { describe, expect, it } from 'vitest';
import { DAY, EUR_DEFAULTS, earlier, paying, withParameters } from '../../../../test/helpers/aml-facts.ts';
import { structuringReasons } from './structuring.ts';

// Defaults: threshold 10,000.00 EUR, band 10% below it (9,000.00 included, 10,000.00 not), two in 7 days.
describe('structuring', () => {
  it('sees two amounts just under the threshold within the window', () => {
    const [reason] = structuringReasons(
      EUR_DEFAULTS,
      paying('9500.00', { history: [earlier(3 * DAY, 900000n)] }),
    );
    expect(reason).toEqual({
      code: 'STRUCTURING_SUSPECTED',
      rule: 'structuring',
      score: 40,
      action: 'review',
      details: {
        count: 2,
        minCount: 2,
        windowDays: 7,
        bandFrom: '9000.00',
        threshold: '10000.00',
        currency: 'EUR',
      },
    });
  });

  it('takes the band from its lower edge included to the threshold excluded', () => {
    const history = [earlier(DAY, 950000n)];
    expect(structuringReasons(EUR_DEFAULTS, paying('9000.00', { history }))).toHaveLength(1);
    expect(structuringReasons(EUR_DEFAULTS, paying('8999.99', { history }))).toEqual([]);
    expect(structuringReasons(EUR_DEFAULTS, paying('10000.00', { history }))).toEqual([]);
    expect(structuringReasons(EUR_DEFAULTS, paying('9500.00', { history: [earlier(DAY, 899999n)] }))).toEqual(
      [],
    );
    expect(
      structuringReasons(EUR_DEFAULTS, paying('9500.00', { history: [earlier(DAY, 1000000n)] })),
    ).toEqual([]);
  });

  it('ignores earlier amounts outside the window, and needs this transfer in the band', () => {
    expect(
      structuringReasons(EUR_DEFAULTS, paying('9500.00', { history: [earlier(7 * DAY, 950000n)] })),
    ).toEqual([]);
    expect(
      structuringReasons(
        EUR_DEFAULTS,
        paying('500.00', { history: [earlier(DAY, 950000n), earlier(2 * DAY, 950000n)] }),
      ),
    ).toEqual([]);
  });

  it('follows the margin, count and threshold the officers set', () => {
    const parameters = withParameters((p) => {
      p.structuring.marginPercent = 5;
      p.structuring.minCount = 3;
      p.amount.perTransfer.threshold = '5000.00';
    });
    const history = [earlier(DAY, 480000n), earlier(2 * DAY, 490000n)];
    expect(structuringReasons(parameters, paying('4750.00', { history }))[0]?.details).toMatchObject({
      count: 3,
      bandFrom: '4750.00',
      threshold: '5000.00',
    });
    expect(structuringReasons(parameters, paying('4749.99', { history }))).toEqual([]);
  });
});
