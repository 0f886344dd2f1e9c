/**
 * Amount thresholds: one transfer at or above the per-transfer threshold, and the transfers linked
 * to it (same person or same account) within the window, itself included, summing to the
 * cumulative threshold or more.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import { type AmlFacts, currentAmount, linked, SECONDS_PER_DAY, sumOf, within } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';
import { amountText, minorOf } from './money.ts';

export function amountReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const { currency } = facts.partner;
  const amount = currentAmount(facts);
  const reasons: AmlReason[] = [];
  const { perTransfer, cumulative } = parameters.amount;
  if (amount >= minorOf(perTransfer.threshold, currency)) {
    reasons.push(
      reason('AMOUNT_ABOVE_THRESHOLD', perTransfer, {
        amount: amountText(amount, currency),
        threshold: perTransfer.threshold,
        currency,
      }),
    );
  }
  // Cumulative means several: a single transfer is the per-transfer threshold's business.
  const earlier = within(linked(facts.history), cumulative.windowDays * SECONDS_PER_DAY);
  const sum = amount + sumOf(earlier);
  if (earlier.length > 0 && sum >= minorOf(cumulative.threshold, currency)) {
    reasons.push(
      reason('CUMULATIVE_ABOVE_THRESHOLD', cumulative, {
        sum: amountText(sum, currency),
        threshold: cumulative.threshold,
        currency,
        windowDays: cumulative.windowDays,
        transfers: earlier.length + 1,
      }),
    );
  }
  return reasons;
}
