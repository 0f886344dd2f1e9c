/**
 * A demo table of reference rates, labelled as such in every quote that uses it. It stands in
 * until real ECB reference rates are imported; rates are per 1 EUR, and cross rates go through
 * EUR with decimal arithmetic.
 */
import type { RateSource, ReferenceRate } from '../../ports/index.ts';
import { crossRate } from './cross-rate.ts';

export const DEMO_RATES_AS_OF = '2026-01-02';

/** Units of currency per 1 EUR. Rounded illustrative values, not an official fixing. */
export const DEMO_EUR_RATES: Readonly<Record<string, string>> = {
  EUR: '1',
  CNY: '8.2150',
  JPY: '172.45',
  KRW: '1621.80',
  CHF: '0.9312',
  CAD: '1.6125',
  USD: '1.1710',
  GBP: '0.8695',
};

export function createDemoRateTable(rates: Readonly<Record<string, string>> = DEMO_EUR_RATES): RateSource {
  return {
    name: 'demo-table',
    async getReferenceRate(base, quote): Promise<ReferenceRate | undefined> {
      const perEurBase = rates[base];
      const perEurQuote = rates[quote];
      if (perEurBase === undefined || perEurQuote === undefined) return undefined;
      return {
        base,
        quote,
        rate: crossRate(perEurBase, perEurQuote),
        source: 'demo-table',
        asOf: DEMO_RATES_AS_OF,
      };
    },
  };
}
