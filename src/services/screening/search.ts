/**
 * A compliance officer's name search: the pipeline's matcher over every active list, with the
 * default thresholds, near misses down to a display floor, and the query's normalised tokens so
 * that the explanations' token positions can be read.
 */
import type { z } from '@hono/zod-openapi';
import type { ScreeningSearchRequest, ScreeningSearchResult } from '../../../schemas/screening.ts';
import { GatewayError } from '../../core/errors.ts';
import type { ActiveIndex } from './index-cache.ts';
import { DEFAULT_THRESHOLDS, queryTokens, type ScreeningQuery } from './matching/index.ts';
import { listVersionRefs } from './screen.ts';

/** Below the review threshold an officer still sees near misses, down to this score. */
export const SEARCH_DISPLAY_FLOOR = 0.6;

export function searchNames(
  active: ActiveIndex,
  request: z.output<typeof ScreeningSearchRequest>,
): z.infer<typeof ScreeningSearchResult> {
  if (active.versions.length === 0) {
    throw new GatewayError('screening_unavailable', 'No sanctions list is active in this gateway.');
  }
  const query: ScreeningQuery = {
    name: request.name,
    ...(request.type ? { type: request.type } : {}),
    ...(request.birthDate ? { birthDate: request.birthDate } : {}),
    ...(request.country ? { countries: [request.country] } : {}),
  };
  const hits = active.index.search(query, {
    limit: request.limit,
    minScore: Math.min(SEARCH_DISPLAY_FLOOR, DEFAULT_THRESHOLDS.review),
  });
  return {
    object: 'screening_search',
    queryTokens: queryTokens(query),
    hits,
    listVersions: listVersionRefs(active.versions),
    thresholds: { ...DEFAULT_THRESHOLDS },
  };
}
