/**
 * Velocity: how many transfers, and how much, per pseudonymous person and per beneficiary account
 * over rolling 24 hours, 7 days and 30 days (this transfer included). One reason per code, naming
 * the shortest window that reached its limit and listing every window that did.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import { type AmlFacts, currentAmount, type HistoryItem, SECONDS_PER_DAY, sumOf, within } from '../facts.ts';
import { type AmlReason, type ReasonCode, reason } from '../types.ts';
import { amountText, minorOf } from './money.ts';

const WINDOWS = [
  { key: 'h24', label: '24h', seconds: SECONDS_PER_DAY },
  { key: 'd7', label: '7d', seconds: 7 * SECONDS_PER_DAY },
  { key: 'd30', label: '30d', seconds: 30 * SECONDS_PER_DAY },
] as const;

type Side = 'person' | 'account';
const CODES: Record<Side, { count: ReasonCode; sum: ReasonCode }> = {
  person: { count: 'VELOCITY_PERSON_COUNT', sum: 'VELOCITY_PERSON_SUM' },
  account: { count: 'VELOCITY_ACCOUNT_COUNT', sum: 'VELOCITY_ACCOUNT_SUM' },
};

function sideReasons(side: Side, parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const items: HistoryItem[] = facts.history.filter((item) =>
    side === 'person' ? item.samePerson : item.sameAccount,
  );
  const limits = parameters.velocity[side];
  const { currency } = facts.partner;
  const counts = WINDOWS.map((window) => ({ window, value: within(items, window.seconds).length + 1 }));
  const sums = WINDOWS.map((window) => ({
    window,
    value: currentAmount(facts) + sumOf(within(items, window.seconds)),
  }));
  const reasons: AmlReason[] = [];
  const countHits = counts.filter(({ window, value }) => value >= limits.count[window.key]);
  const [firstCount] = countHits;
  if (firstCount) {
    reasons.push(
      reason(CODES[side].count, limits.count, {
        window: firstCount.window.label,
        count: firstCount.value,
        limit: limits.count[firstCount.window.key],
        windows: countHits.map(({ window }) => window.label).join(','),
      }),
    );
  }
  const sumHits = sums.filter(({ window, value }) => value >= minorOf(limits.sum[window.key], currency));
  const [firstSum] = sumHits;
  if (firstSum) {
    reasons.push(
      reason(CODES[side].sum, limits.sum, {
        window: firstSum.window.label,
        sum: amountText(firstSum.value, currency),
        limit: limits.sum[firstSum.window.key],
        currency,
        windows: sumHits.map(({ window }) => window.label).join(','),
      }),
    );
  }
  return reasons;
}

export function velocityReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  return [
    ...(facts.hasPerson ? sideReasons('person', parameters, facts) : []),
    ...(facts.hasAccount ? sideReasons('account', parameters, facts) : []),
  ];
}
