/**
 * Structuring: splitting to stay under the per-transfer threshold. This transfer and at least
 * `minCount − 1` linked ones of the window have amounts in the band from `marginPercent` below the
 * threshold (included) up to the threshold (excluded: that is the threshold's own reason).
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import { type AmlFacts, currentAmount, linked, SECONDS_PER_DAY, within } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';
import { amountText, minorOf } from './money.ts';

export function structuringReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const { currency } = facts.partner;
  const setting = parameters.structuring;
  const threshold = minorOf(parameters.amount.perTransfer.threshold, currency);
  // The lowest amount of the band, rounded up: the band never reaches below the margin.
  const product = threshold * BigInt(100 - setting.marginPercent);
  const bandFrom = product / 100n + (product % 100n === 0n ? 0n : 1n);
  const inBand = (amount: bigint) => amount >= bandFrom && amount < threshold;
  if (!inBand(currentAmount(facts))) return [];
  const earlier = within(linked(facts.history), setting.windowDays * SECONDS_PER_DAY).filter(
    (item) => item.amountMinor !== null && inBand(BigInt(item.amountMinor)),
  );
  const count = earlier.length + 1;
  if (count < setting.minCount) return [];
  return [
    reason('STRUCTURING_SUSPECTED', setting, {
      count,
      minCount: setting.minCount,
      windowDays: setting.windowDays,
      bandFrom: amountText(bandFrom, currency),
      threshold: parameters.amount.perTransfer.threshold,
      currency,
    }),
  ];
}
