/**
 * Corridors: one direction between the home jurisdiction and a partner. Contributions flow from
 * the partner home, benefits from home to the partner; the partner adapter prices both. A
 * corridor's rate-age limit and manual-rate bounds are the stricter of its two adapters'.
 */
import { GatewayError } from '../../core/errors.ts';
import type { CorridorPolicy, CorridorPurpose, FxPolicy, JurisdictionAdapter } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';

export interface Corridor {
  /** `<source>-<target>`, e.g. `DE-CN` for contributions from Germany. */
  id: string;
  /** `<home>-<partner>`: the pair both directions share (manual rates are set for it). */
  pair: string;
  purpose: CorridorPurpose;
  home: JurisdictionAdapter;
  partner: JurisdictionAdapter;
  source: JurisdictionAdapter;
  target: JurisdictionAdapter;
  policy: CorridorPolicy;
  maxRateAgeTargetDays: number;
  manualRates: FxPolicy['manualRates'];
}

function combineManual(a: FxPolicy['manualRates'], b: FxPolicy['manualRates']): FxPolicy['manualRates'] {
  return {
    allowed: a.allowed && b.allowed,
    maxDeviationBps: Math.min(a.maxDeviationBps, b.maxDeviationBps),
    maxValidityHours: Math.min(a.maxValidityHours, b.maxValidityHours),
  };
}

function corridorFor(
  home: JurisdictionAdapter,
  partner: JurisdictionAdapter,
  purpose: CorridorPurpose,
): Corridor | undefined {
  const policy = partner.fx.corridors[purpose];
  if (!policy) return undefined;
  const [source, target] = purpose === 'contribution' ? [partner, home] : [home, partner];
  return {
    id: `${source.identity.code}-${target.identity.code}`,
    pair: `${home.identity.code}-${partner.identity.code}`,
    purpose,
    home,
    partner,
    source,
    target,
    policy,
    maxRateAgeTargetDays: Math.min(home.fx.maxRateAgeTargetDays, partner.fx.maxRateAgeTargetDays),
    manualRates: combineManual(home.fx.manualRates, partner.fx.manualRates),
  };
}

/** The corridor for a purpose with a partner, or `jurisdiction_unknown` / `corridor_unsupported`. */
export function resolveCorridor(
  registry: AdapterRegistry,
  purpose: CorridorPurpose,
  partnerCode: string,
): Corridor {
  const partner = registry.require(partnerCode);
  if (partner === registry.home) {
    throw new GatewayError(
      'corridor_unsupported',
      'The partner jurisdiction cannot be the home jurisdiction.',
    );
  }
  const corridor = corridorFor(registry.home, partner, purpose);
  if (!corridor) {
    throw new GatewayError(
      'corridor_unsupported',
      `${partner.identity.code} has no ${purpose} corridor with ${registry.home.identity.code}.`,
      { details: { partnerJurisdiction: partner.identity.code, purpose } },
    );
  }
  return corridor;
}

/** Every corridor of the gateway, or those of one adapter (the home adapter has all of them). */
export function listCorridors(registry: AdapterRegistry, adapter?: JurisdictionAdapter): Corridor[] {
  const partners = registry.list().filter((item) => item !== registry.home);
  const relevant = adapter && adapter !== registry.home ? [adapter] : partners;
  return relevant.flatMap((partner) =>
    (['contribution', 'benefit'] as const).flatMap((purpose) => {
      const corridor = corridorFor(registry.home, partner, purpose);
      return corridor ? [corridor] : [];
    }),
  );
}

/** The corridor pair `<home>-<partner>` a manual rate is set for, or `corridor_unsupported`. */
export function resolvePair(registry: AdapterRegistry, pair: string): Corridor[] {
  const match = /^([A-Z]{2})-([A-Z]{2})$/.exec(pair);
  const home = registry.home.identity.code;
  const partnerCode = match?.[1] === home ? match[2] : undefined;
  const partner = partnerCode ? registry.get(partnerCode) : undefined;
  const corridors = partner && partner !== registry.home ? listCorridors(registry, partner) : [];
  if (corridors.length === 0) {
    throw new GatewayError(
      'corridor_unsupported',
      `No corridor ${pair}; corridors are written <home>-<partner>, e.g. ${home}-DE.`,
      {
        details: { corridors: [...new Set(listCorridors(registry).map((corridor) => corridor.pair))] },
      },
    );
  }
  return corridors;
}
