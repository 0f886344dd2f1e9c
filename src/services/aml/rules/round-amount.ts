/** Round amounts: at or above `minAmount` and a whole multiple of `multiple` (in the partner currency). */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import { type AmlFacts, currentAmount } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';
import { amountText, minorOf } from './money.ts';

export function roundAmountReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const { currency } = facts.partner;
  const setting = parameters.roundAmount;
  const amount = currentAmount(facts);
  const multiple = minorOf(setting.multiple, currency);
  if (multiple <= 0n || amount < minorOf(setting.minAmount, currency) || amount % multiple !== 0n) return [];
  return [
    reason('ROUND_AMOUNT', setting, {
      amount: amountText(amount, currency),
      multiple: setting.multiple,
      currency,
    }),
  ];
}
