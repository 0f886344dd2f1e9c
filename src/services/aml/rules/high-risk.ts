/**
 * High-risk jurisdictions: a country of the person (address, IBAN, identifier scheme) on a FATF
 * list on the transfer's day. One reason per list, naming the countries (codes) and where they
 * came from.
 */
import type { AmlRuleParameters } from '../../../ports/index.ts';
import type { AmlFacts } from '../facts.ts';
import { type FatfList, fatfListingOn } from '../fatf.ts';
import { type AmlReason, type ReasonCode, reason } from '../types.ts';

const CODES: Record<FatfList, ReasonCode> = {
  call_for_action: 'HIGH_RISK_CALL_FOR_ACTION',
  increased_monitoring: 'HIGH_RISK_INCREASED_MONITORING',
};

export function highRiskReasons(parameters: AmlRuleParameters, facts: AmlFacts): AmlReason[] {
  const found = new Map<FatfList, { codes: Set<string>; sources: Set<string>; since: string }>();
  for (const country of facts.countries) {
    const listing = fatfListingOn(country.code, facts.date);
    if (!listing) continue;
    const entry = found.get(listing.list) ?? { codes: new Set(), sources: new Set(), since: listing.from };
    entry.codes.add(country.code);
    entry.sources.add(country.source);
    if (listing.from < entry.since) entry.since = listing.from;
    found.set(listing.list, entry);
  }
  const settings = {
    call_for_action: parameters.highRisk.callForAction,
    increased_monitoring: parameters.highRisk.increasedMonitoring,
  };
  return (['call_for_action', 'increased_monitoring'] as const).flatMap((list) => {
    const entry = found.get(list);
    if (!entry) return [];
    return [
      reason(CODES[list], settings[list], {
        countries: [...entry.codes].sort().join(','),
        sources: [...entry.sources].sort().join(','),
        list,
        listedSince: entry.since,
      }),
    ];
  });
}
