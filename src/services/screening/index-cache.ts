/**
 * One matching index per process (or Workers isolate) for the active list versions. Each use asks
 * the database which versions are active (one small query) and rebuilds the index only when they
 * changed, so every process screens against what the last import made active.
 */
import type { Executor } from '../../db/database.ts';
import { activeListVersions, type ListVersionSummary, loadActiveEntries } from '../sanctions/import.ts';
import { buildSanctionsIndex, type SanctionsIndex } from './matching/index.ts';

export interface ActiveIndex {
  index: SanctionsIndex;
  /** The versions the index was built from, one per source. */
  versions: ListVersionSummary[];
}

export interface ScreeningIndexCache {
  /** The index of the active versions, built or rebuilt as needed. */
  current(db: Executor): Promise<ActiveIndex>;
}

function versionsKey(versions: readonly ListVersionSummary[]): string {
  return versions
    .map((version) => version.versionId)
    .sort()
    .join(',');
}

export function createScreeningIndexCache(): ScreeningIndexCache {
  let built: (ActiveIndex & { key: string }) | undefined;
  // Concurrent requests after an import share one build instead of each building its own.
  let building: { key: string; promise: Promise<ActiveIndex & { key: string }> } | undefined;

  return {
    async current(db) {
      const versions = await activeListVersions(db);
      const key = versionsKey(versions);
      if (built?.key === key) return built;
      if (building?.key !== key) {
        const promise = loadActiveEntries(db).then((entries) => ({
          key,
          versions,
          index: buildSanctionsIndex(entries),
        }));
        building = { key, promise };
        promise.then(
          (result) => {
            built = result;
            if (building?.promise === promise) building = undefined;
          },
          () => {
            if (building?.promise === promise) building = undefined;
          },
        );
      }
      return building.promise;
    },
  };
}
