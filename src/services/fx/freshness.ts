/**
 * How fresh the newest published rates are against the strictest corridor: what `/ready` and
 * `GET /v1/fx/status` report. A stale state does not stop the gateway; quotes are refused one by
 * one with `fx_rate_stale`.
 */
import type { Executor } from '../../db/database.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { rateAgeInTargetDays } from '../calendar/target-age.ts';
import { listCorridors } from './corridors.ts';
import { type NewestRates, newestRates } from './rate-store.ts';

export interface RateFreshness {
  newest: NewestRates | undefined;
  state: 'fresh' | 'stale' | 'missing';
  ageTargetDays: number | null;
  maxRateAgeTargetDays: number;
}

export async function rateFreshness(
  db: Executor,
  registry: AdapterRegistry,
  now: Date,
): Promise<RateFreshness> {
  const newest = await newestRates(db);
  const corridors = listCorridors(registry);
  const maxRateAgeTargetDays = Math.min(...corridors.map((corridor) => corridor.maxRateAgeTargetDays), 10);
  const ageTargetDays = newest ? rateAgeInTargetDays(newest.date, now) : null;
  const state = ageTargetDays === null ? 'missing' : ageTargetDays > maxRateAgeTargetDays ? 'stale' : 'fresh';
  return { newest, state, ageTargetDays, maxRateAgeTargetDays };
}
