/** Rule amounts: parameter text to minor units of the partner currency, and back for details. */
import { Decimal, formatMinorUnits, toMinorUnits } from '../../../core/money.ts';

/** A parameter amount (already checked against the currency's decimals) in minor units. */
export function minorOf(text: string, currencyCode: string): bigint {
  return toMinorUnits(new Decimal(text), currencyCode, 'half_up');
}

export function amountText(minor: bigint, currencyCode: string): string {
  return formatMinorUnits(minor, currencyCode);
}
