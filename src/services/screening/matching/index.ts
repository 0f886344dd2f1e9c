/**
 * The sanctions name matcher's contract: `buildSanctionsIndex(entries)` builds the in-memory index
 * of every listed name (store.ts) and returns its `search` (search.ts), which answers scored and
 * explained hits; `queryTokens` lists the normalised query tokens that explanations point to by
 * position; `DEFAULT_THRESHOLDS` are the review and block scores the evaluation chose
 * (docs/screening.md).
 */
import { DEFAULT_SCREENING_THRESHOLDS } from '../../../ports/aml.ts';
import type { EntityType, NameKind, SanctionsEntry, SanctionsSource } from '../../../ports/sanctions.ts';
import type { QualifierEffect } from './qualifiers.ts';
import { parseQueryNames } from './query.ts';
import { SCORING, type ScoringParameters } from './score.ts';
import { createSearch } from './search.ts';
import { buildStore } from './store.ts';

export type { QualifierEffect } from './qualifiers.ts';

export interface ScreeningQuery {
  /** Any script; Latin or not. */
  name: string;
  /** The name in its own script when the caller has both. */
  originalName?: string;
  type?: 'person' | 'organization';
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birthDate?: string;
  /** ISO 3166-1 alpha-2 (nationality, address, IBAN country …). */
  countries?: string[];
  identifiers?: { number: string; type?: string }[];
}

export interface TokenMatch {
  listToken: string;
  /** Position in `queryTokens(query)` of the query token that matched (null: none). */
  queryToken: number | null;
  score: number;
  how: 'exact' | 'fuzzy' | 'phonetic' | 'transliteration' | 'initial' | 'missing';
}

/**
 * Why a hit scored what it did. Holds list-side tokens and query token positions only, never
 * query text, birth dates or identifiers: explanations are stored with screening results.
 */
export interface HitExplanation {
  matchedNameKind: NameKind;
  matchedNameQuality?: 'strong' | 'weak';
  /** Per listed token: which query token matched it, how well and how. */
  tokens: TokenMatch[];
  /** Positions of query tokens that nothing matched. */
  extraQueryTokens: number[];
  /** The name score before qualifiers. */
  nameScore: number;
  qualifiers: QualifierEffect[];
  /** The query's script when it was transliterated ('arabic', 'cyrillic', …). */
  script?: string;
}

export interface ScreeningHit {
  entityId: string;
  source: SanctionsSource;
  entryId: string;
  type: EntityType;
  /** The entry's primary name. */
  name: string;
  matchedName: string;
  /** 0..1, rounded to 3 decimals. */
  score: number;
  explanation: HitExplanation;
}

export interface SanctionsIndex {
  /** Hits, best first. */
  search(query: ScreeningQuery, options?: { limit?: number; minScore?: number }): ScreeningHit[];
  readonly stats: { entries: number; names: number; buildMs: number };
}

/** Default thresholds: those every rule set starts with (docs/screening.md, "Thresholds and how to tune them"). */
export const DEFAULT_THRESHOLDS = DEFAULT_SCREENING_THRESHOLDS;

export interface IndexOptions {
  /** Scoring parameters (for evaluation and tuning; the defaults are the tuned ones). */
  scoring?: ScoringParameters;
  thresholds?: { review: number; block: number };
}

/** The normalised query tokens whose positions `TokenMatch.queryToken` refers to. */
export function queryTokens(query: ScreeningQuery | string): string[] {
  const names = parseQueryNames(typeof query === 'string' ? { name: query } : query);
  return names.flatMap((name) => name.tokens.map((token) => token.text));
}

export function buildSanctionsIndex(
  entries: readonly SanctionsEntry[],
  options: IndexOptions = {},
): SanctionsIndex {
  const started = performance.now();
  const store = buildStore(entries);
  const search = createSearch(
    store,
    entries,
    options.scoring ?? SCORING,
    options.thresholds ?? DEFAULT_THRESHOLDS,
  );
  return {
    search,
    stats: {
      entries: entries.length,
      names: store.names.count,
      buildMs: Math.round(performance.now() - started),
    },
  };
}
