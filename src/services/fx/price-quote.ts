/**
 * Quote pricing as one pure function: from a reference rate, the source side's FX policy and an
 * amount on either side, compute the applied rate, the fees and both amounts in minor units.
 *
 * - applied rate = reference × (1 − spread), rounded half-even to 12 significant digits; amounts
 *   are computed from the rounded rate so that a receipt can be re-checked from its own numbers;
 * - fees are charged in the source currency: a fixed part plus a percentage of the source amount;
 * - a fixed source amount: target = (source − fees) × applied rate, rounded with the policy's rule;
 * - a fixed target amount: the target is exact, and the source = (target ÷ rate + fixed fee) ÷
 *   (1 − percentage), rounded with the policy's rule.
 */
import { GatewayError } from '../../core/errors.ts';
import {
  Decimal,
  formatMinorUnits,
  fromMinorUnits,
  type RoundingMode,
  toMinorUnits,
} from '../../core/money.ts';
import type { CorridorPolicy } from '../../ports/index.ts';
import { RATE_SIGNIFICANT_DIGITS } from './cross-rate.ts';

export interface PriceQuoteInput {
  sourceCurrency: string;
  targetCurrency: string;
  fixedSide: 'source' | 'target';
  /** The fixed amount, in minor units of its side's currency. */
  amountMinor: bigint;
  referenceRate: string;
  policy: Pick<CorridorPolicy, 'spreadBps' | 'fees' | 'limits'> & { rounding: RoundingMode };
}

export interface FeeLine {
  type: 'fixed' | 'percentage';
  amountMinor: bigint;
  bps?: number;
}

export interface PricedQuote {
  sourceAmountMinor: bigint;
  targetAmountMinor: bigint;
  appliedRate: string;
  fees: FeeLine[];
  totalFeeMinor: bigint;
}

const BPS = new Decimal(10_000);

export function appliedRate(referenceRate: string, spreadBps: number): Decimal {
  return new Decimal(referenceRate)
    .times(BPS.minus(spreadBps).dividedBy(BPS))
    .toSignificantDigits(RATE_SIGNIFICANT_DIGITS, Decimal.ROUND_HALF_EVEN);
}

function feeLines(sourceMinor: bigint, input: PriceQuoteInput, rounding: RoundingMode): FeeLine[] {
  const { sourceCurrency, policy } = input;
  const lines: FeeLine[] = [
    { type: 'fixed', amountMinor: toMinorUnits(new Decimal(policy.fees.fixed), sourceCurrency, rounding) },
  ];
  if (policy.fees.percentBps > 0) {
    const percentage = fromMinorUnits(sourceMinor, sourceCurrency)
      .times(policy.fees.percentBps)
      .dividedBy(BPS);
    lines.push({
      type: 'percentage',
      bps: policy.fees.percentBps,
      amountMinor: toMinorUnits(percentage, sourceCurrency, rounding),
    });
  }
  return lines;
}

function checkLimits(sourceMinor: bigint, input: PriceQuoteInput): void {
  const { sourceCurrency, policy } = input;
  const min = toMinorUnits(new Decimal(policy.limits.min), sourceCurrency, 'half_up');
  const max = toMinorUnits(new Decimal(policy.limits.max), sourceCurrency, 'half_up');
  if (sourceMinor < min || sourceMinor > max) {
    throw new GatewayError(
      'amount_out_of_range',
      `The source amount must be between ${policy.limits.min} and ${policy.limits.max} ${sourceCurrency}.`,
      {
        details: {
          currency: sourceCurrency,
          min: policy.limits.min,
          max: policy.limits.max,
          sourceAmount: formatMinorUnits(sourceMinor, sourceCurrency),
        },
      },
    );
  }
}

export function priceQuote(input: PriceQuoteInput): PricedQuote {
  const { sourceCurrency, targetCurrency, policy } = input;
  const rate = appliedRate(input.referenceRate, policy.spreadBps);
  if (!rate.gt(0)) throw new GatewayError('fx_rate_unavailable', 'The applied rate is not positive.');
  const rounding = policy.rounding;

  let sourceMinor: bigint;
  let targetMinor: bigint;
  if (input.fixedSide === 'source') {
    sourceMinor = input.amountMinor;
    checkLimits(sourceMinor, input);
    const fees = feeLines(sourceMinor, input, rounding);
    const totalFee = fees.reduce((sum, line) => sum + line.amountMinor, 0n);
    const net = fromMinorUnits(sourceMinor - totalFee, sourceCurrency);
    targetMinor = toMinorUnits(net.times(rate), targetCurrency, rounding);
  } else {
    targetMinor = input.amountMinor;
    const net = fromMinorUnits(targetMinor, targetCurrency).dividedBy(rate);
    const gross = net.plus(policy.fees.fixed).dividedBy(BPS.minus(policy.fees.percentBps).dividedBy(BPS));
    sourceMinor = toMinorUnits(gross, sourceCurrency, rounding);
    checkLimits(sourceMinor, input);
  }

  const fees = feeLines(sourceMinor, input, rounding);
  const totalFeeMinor = fees.reduce((sum, line) => sum + line.amountMinor, 0n);
  if (totalFeeMinor >= sourceMinor || targetMinor <= 0n) {
    throw new GatewayError('amount_out_of_range', 'The amount does not cover the fees.', {
      details: { currency: sourceCurrency, totalFee: formatMinorUnits(totalFeeMinor, sourceCurrency) },
    });
  }
  return {
    sourceAmountMinor: sourceMinor,
    targetAmountMinor: targetMinor,
    appliedRate: rate.toFixed(),
    fees,
    totalFeeMinor,
  };
}
