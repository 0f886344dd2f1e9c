/**
 * A small demo table of reference rates, for a gateway started without the ECB history (and
 * without internet). It is loaded into the rate store as the source `demo-table`, dated the
 * latest TARGET business day, so every quote that uses it says `"source": "demo-table"`.
 */
import { sha256Hex } from '../../core/canonical-json.ts';
import type { Executor } from '../../db/database.ts';
import type { EcbRateSet } from './ecb/ecb-rates.ts';
import { type ImportResult, importRateSet } from './rate-store.ts';

/** Units of currency per 1 EUR. Rounded illustrative values close to the ECB's of April 2026, not an official fixing. */
export const DEMO_EUR_RATES: Readonly<Record<string, string>> = {
  CAD: '1.6180',
  CHF: '0.9240',
  CNY: '7.9830',
  GBP: '0.8706',
  JPY: '186.75',
  KRW: '1740.90',
  USD: '1.1684',
};

/** The demo table as a rate set for one business day. */
export function demoRateSet(
  date: string,
  rates: Readonly<Record<string, string>> = DEMO_EUR_RATES,
): EcbRateSet {
  const currencies = Object.keys(rates).sort();
  return {
    format: 'csv',
    days: [{ date, rates: { ...rates } }],
    currencies,
    firstDate: date,
    lastDate: date,
    rateCount: currencies.length,
  };
}

/** Loads a one-day table as the source `demo-table`; the same table loaded again changes nothing. */
export async function loadDemoRates(
  db: Executor,
  options: { date: string; rates?: Readonly<Record<string, string>>; origin: string; now: Date },
): Promise<ImportResult> {
  const set = demoRateSet(options.date, options.rates);
  return importRateSet(db, set, {
    source: 'demo-table',
    trigger: 'demo',
    origin: options.origin,
    sha256: await sha256Hex(JSON.stringify(set)),
    now: options.now,
  });
}
