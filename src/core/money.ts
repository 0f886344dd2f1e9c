/**
 * Money without floating point.
 *
 * Decimal strings on the wire ("1234.50"), `Decimal` (decimal.js) for arithmetic, and bigint minor
 * units in the ledger, with the exponent taken from ISO 4217 (currency-codes): EUR 2, JPY 0, KWD 3.
 * Rounding happens once, explicitly, with a named rounding mode.
 */
import currencyCodes from 'currency-codes';
import DecimalBase from 'decimal.js';
import { GatewayError } from './errors.ts';

/** A Decimal constructor of its own, so that no other module's configuration can change ours. */
export const Decimal = DecimalBase.clone({
  precision: 60,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ROUNDING_MODES = [
  'half_up',
  'half_even',
  'half_down',
  'up',
  'down',
  'ceiling',
  'floor',
] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

const DECIMAL_ROUNDING: Record<RoundingMode, DecimalBase.Rounding> = {
  half_up: DecimalBase.ROUND_HALF_UP,
  half_even: DecimalBase.ROUND_HALF_EVEN,
  half_down: DecimalBase.ROUND_HALF_DOWN,
  up: DecimalBase.ROUND_UP,
  down: DecimalBase.ROUND_DOWN,
  ceiling: DecimalBase.ROUND_CEIL,
  floor: DecimalBase.ROUND_FLOOR,
};

/** The largest number of integer digits accepted in an amount: far above any real payment. */
export const MAX_INTEGER_DIGITS = 15;

export interface CurrencyInfo {
  readonly code: string;
  readonly exponent: number;
  readonly name: string;
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** ISO 4217 units of account and fund codes: listed by ISO, but nobody is paid in them. */
const NOT_PAYABLE = new Set([
  'XDR',
  'XSU',
  'XUA',
  'BOV',
  'CHE',
  'CHW',
  'CLF',
  'COU',
  'MXV',
  'USN',
  'UYI',
  'UYW',
]);

function lookupCurrency(code: string): CurrencyInfo | undefined {
  // currency-codes matches case-insensitively; the wire format is upper case only.
  if (!CURRENCY_CODE.test(code)) return undefined;
  const entry = currencyCodes.code(code);
  if (!entry || NOT_PAYABLE.has(entry.code)) return undefined;
  // Precious metals, fund codes, the SDR and test codes ("Zz…" pseudo-countries) are not
  // currencies anyone is paid in.
  if (entry.countries.every((country) => country.startsWith('Zz'))) return undefined;
  return { code: entry.code, exponent: entry.digits, name: entry.currency };
}

export function isCurrencyCode(code: string): boolean {
  return lookupCurrency(code) !== undefined;
}

/** The currency with its ISO 4217 exponent; throws `currency_unknown`. */
export function currency(code: string): CurrencyInfo {
  const info = lookupCurrency(code);
  if (!info) {
    throw new GatewayError(
      'currency_unknown',
      'The currency code is not an active ISO 4217 currency in upper case.',
    );
  }
  return info;
}

const DECIMAL_TEXT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Parses a non-negative decimal string of the wire grammar: digits, an optional fraction, no
 * sign, exponent, spaces or leading zeros. Throws `amount_invalid` / `amount_not_positive`.
 */
export function parseDecimal(text: string): Decimal {
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
    if (typeof text === 'string' && /^-\s*[0-9]/.test(text)) {
      throw new GatewayError('amount_not_positive', 'The amount is negative.');
    }
    throw new GatewayError('amount_invalid', 'The amount is not a decimal string such as "1234.50".');
  }
  return new Decimal(text);
}

/** Number of digits after the decimal point in a decimal string. */
export function fractionDigits(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * Parses a positive amount in a currency into minor units. Rejects more decimals than the
 * currency has (`amount_too_precise`), zero (`amount_not_positive`) and absurd sizes
 * (`amount_out_of_range`).
 */
export function parseAmount(text: string, currencyCode: string): bigint {
  const info = currency(currencyCode);
  const value = parseDecimal(text);
  if (fractionDigits(text) > info.exponent) {
    throw new GatewayError(
      'amount_too_precise',
      `${info.code} has ${info.exponent} decimal place${info.exponent === 1 ? '' : 's'}.`,
      { details: { currency: info.code, maxDecimals: info.exponent } },
    );
  }
  if (value.isZero()) throw new GatewayError('amount_not_positive', 'The amount is zero.');
  const integerDigits = text.split('.')[0]?.length ?? 0;
  if (integerDigits > MAX_INTEGER_DIGITS) {
    throw new GatewayError('amount_out_of_range', `The amount has more than ${MAX_INTEGER_DIGITS} digits.`, {
      details: { maxIntegerDigits: MAX_INTEGER_DIGITS },
    });
  }
  return toMinorUnits(value, info.code, 'half_up');
}

/** Rounds a value to the currency's exponent with the given mode. */
export function roundToCurrency(value: Decimal, currencyCode: string, mode: RoundingMode): Decimal {
  const { exponent } = currency(currencyCode);
  return value.toDecimalPlaces(exponent, DECIMAL_ROUNDING[mode]);
}

/** Converts a decimal value to integer minor units, rounding once with the given mode. */
export function toMinorUnits(value: Decimal, currencyCode: string, mode: RoundingMode): bigint {
  const { exponent } = currency(currencyCode);
  const scaled = value.times(new Decimal(10).pow(exponent));
  return BigInt(scaled.toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toFixed(0));
}

/** Converts integer minor units back to an exact decimal value. */
export function fromMinorUnits(minor: bigint, currencyCode: string): Decimal {
  const { exponent } = currency(currencyCode);
  return new Decimal(minor.toString()).dividedBy(new Decimal(10).pow(exponent));
}

/** Formats minor units as the wire decimal string with exactly the currency's decimals. */
export function formatMinorUnits(minor: bigint, currencyCode: string): string {
  const { exponent } = currency(currencyCode);
  return fromMinorUnits(minor, currencyCode).toFixed(exponent);
}

/** Formats a decimal with a fixed number of places, without exponent notation. */
export function formatDecimal(value: Decimal, places?: number): string {
  return places === undefined ? value.toFixed() : value.toFixed(places);
}

export function roundDecimal(value: Decimal, places: number, mode: RoundingMode): Decimal {
  return value.toDecimalPlaces(places, DECIMAL_ROUNDING[mode]);
}
