import { Decimal } from '../../core/money.ts';

/** Significant digits kept in a stored rate: enough for any amount the gateway accepts. */
export const RATE_SIGNIFICANT_DIGITS = 12;

/**
 * Cross rate through EUR: units of `quote` per unit of `base` = (quote per EUR) ÷ (base per EUR),
 * in decimal arithmetic, rounded half-even to 12 significant digits.
 */
export function crossRate(basePerEur: string, quotePerEur: string): string {
  const rate = new Decimal(quotePerEur).dividedBy(basePerEur);
  return rate.toSignificantDigits(RATE_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_EVEN).toFixed();
}
