/** The public description of an enabled adapter: identity, corridors and capabilities. */
import type { Jurisdiction } from '../../../schemas/jurisdictions.ts';
import type { JurisdictionAdapter } from '../../ports/index.ts';
import { describeCutOff } from '../calendar/value-date.ts';
import { type Corridor, listCorridors } from '../fx/corridors.ts';
import type { AdapterRegistry } from './registry.ts';

export function corridorView(corridor: Corridor): Jurisdiction['corridors'][number] {
  const { policy } = corridor;
  const sourceCurrency = corridor.source.identity.currency;
  return {
    id: corridor.id,
    pair: corridor.pair,
    purpose: corridor.purpose,
    sourceJurisdiction: corridor.source.identity.code,
    targetJurisdiction: corridor.target.identity.code,
    sourceCurrency,
    targetCurrency: corridor.target.identity.currency,
    spreadBps: policy.spreadBps,
    fees: { fixed: policy.fees.fixed, percentBps: policy.fees.percentBps, currency: sourceCurrency },
    limits: { ...policy.limits, currency: sourceCurrency },
    rounding: policy.rounding,
    quoteTtlSeconds: policy.quoteTtlSeconds,
    chargeBearer: policy.chargeBearer,
    rateSource: 'ecb',
    maxRateAgeTargetDays: corridor.maxRateAgeTargetDays,
    manualRates: corridor.manualRates,
  };
}

export function jurisdictionView(registry: AdapterRegistry, adapter: JurisdictionAdapter): Jurisdiction {
  const corridors = listCorridors(registry, adapter);
  const { settlement } = adapter;
  return {
    code: adapter.identity.code,
    object: 'jurisdiction',
    name: adapter.identity.name,
    kind: adapter.identity.kind,
    currency: adapter.identity.currency,
    version: adapter.identity.version,
    timeZone: adapter.identity.timeZone,
    languages: [...adapter.identity.languages],
    corridors: corridors.map(corridorView),
    capabilities: {
      purposes: [...new Set(corridors.map((corridor) => corridor.purpose))],
      identifiers: adapter.identifiers.map((scheme) => ({
        id: scheme.id,
        name: scheme.name,
        kind: scheme.kind,
        personal: scheme.personal,
      })),
      settlement: {
        rail: settlement.rail,
        message: settlement.message,
        cutOff: describeCutOff(settlement.cutOff),
        settlementDays: settlement.settlementDays,
        calendar: {
          id: settlement.calendar.id,
          name: settlement.calendar.name,
          coveredYears: settlement.calendar.coveredYears,
          source: settlement.calendar.source,
        },
      },
      privacy: { regime: adapter.privacy.regime, outboundTransfer: adapter.privacy.outboundTransfer },
      signing: { schemes: [...adapter.signing.schemes], algorithms: [...adapter.signing.algorithms] },
      fx: {
        referenceSource: adapter.fx.referenceSource,
        maxRateAgeTargetDays: adapter.fx.maxRateAgeTargetDays,
        manualRatesAllowed: adapter.fx.manualRates.allowed,
      },
    },
  };
}
