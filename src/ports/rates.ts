/** Reference exchange rates: the port every rate source (demo table, ECB, manual) implements. */

export interface ReferenceRate {
  readonly base: string;
  readonly quote: string;
  /** Units of `quote` per one unit of `base`, as a decimal string. */
  readonly rate: string;
  /** Where the rate comes from, e.g. `demo-table` or `ecb`. */
  readonly source: string;
  /** The business day the rate is for (ISO date). */
  readonly asOf: string;
}

export interface RateSource {
  readonly name: string;
  /** The reference rate for the pair on or before `at`, or `undefined` when there is none. */
  getReferenceRate(base: string, quote: string, at: Date): Promise<ReferenceRate | undefined>;
}
