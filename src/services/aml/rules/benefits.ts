/**
 * Benefit rules, for a benefit naming a person: no life certificate valid on the day (or one
 * expired longer than the grace days), a reported death on or before the day, and another
 * transfer of the same person, benefit type and period.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import type { AmlFacts } from '../facts.ts';
import { type AmlReason, reason } from '../types.ts';

export function benefitReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const benefit = facts.benefit;
  if (facts.purpose !== 'benefit' || !benefit) return [];
  const settings = parameters.benefits;
  const reasons: AmlReason[] = [];
  const certificate = benefit.lifeCertificate;
  if (certificate.status === 'missing') {
    reasons.push(reason('LIFE_CERTIFICATE_MISSING', settings.lifeCertificate, { status: 'missing' }));
  } else if (
    certificate.status === 'expired' &&
    (certificate.daysExpired ?? 0) > settings.lifeCertificate.graceDays
  ) {
    reasons.push(
      reason('LIFE_CERTIFICATE_MISSING', settings.lifeCertificate, {
        status: 'expired',
        daysExpired: certificate.daysExpired ?? 0,
        graceDays: settings.lifeCertificate.graceDays,
      }),
    );
  }
  if (benefit.death.reported && benefit.death.payoutOnOrAfter) {
    reasons.push(reason('PAYOUT_AFTER_DEATH', settings.payoutAfterDeath, { deathReported: true }));
  }
  if (benefit.samePeriodTransfers > 0) {
    reasons.push(
      reason('DUPLICATE_BENEFIT_PERIOD', settings.duplicatePeriod, {
        otherTransfers: benefit.samePeriodTransfers,
      }),
    );
  }
  return reasons;
}
