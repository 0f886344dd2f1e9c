/**
 * Searching the index for one query: each query unit finds similar vocabulary units through the
 * keys (only its own spelling for common tokens, widely for the tokens that decide), an optimistic
 * estimate picks the candidate names from the postings, the candidates are scored fully
 * (score.ts), the best name of each entry gets the qualifiers (qualifiers.ts), and the hits are
 * explained (explain.ts).
 */
import type { SanctionsEntry } from '../../../ports/sanctions.ts';
import { explainHit } from './explain.ts';
import type { ScreeningHit, ScreeningQuery } from './index.ts';
import { type KeyBreadth, queryKeys } from './keys.ts';
import { applyQualifiers, identifierKey } from './qualifiers.ts';
import { parseQueryNames, type QueryName } from './query.ts';
import { credit, type ScoringParameters, scoreName, type TokenOutcome } from './score.ts';
import { SIMILARITY_FLOOR, type UnitSimilarity, unitSimilarity } from './similarity.ts';
import { type IndexStore, minorMask, UNIT_BITS } from './store.ts';
import type { UnitContent } from './units.ts';

/** Aliases OFAC and the UN mark as weak or low quality count for less. */
const WEAK_ALIAS_FACTOR = 0.9;
/** Candidates whose estimate is this far below minScore are still scored (estimates are rough). */
const ESTIMATE_MARGIN = 0.1;
/** At most this many candidate names are scored fully per query name. */
const MAX_CANDIDATES = 50;
/** Token pairs less alike than this do not bring a name in as a candidate by themselves. */
const CANDIDATE_SIMILARITY = 0.75;
const DEFAULT_LIMIT = 10;
const DEFAULT_MIN_SCORE = 0.5;

/** A query name ready to search: its parse, token weights and minor-token mask. */
interface Prepared extends QueryName {
  weights: Float64Array;
  minor: number;
  totalWeight: number;
}

interface Scored {
  name: number;
  query: Prepared;
  outcome: TokenOutcome;
  nameScore: number;
}

/** Per vocabulary unit, the query token positions its exact matches cover: by single units and by joins. */
type ExactPairs = Map<number, { singles: number; joins: number }>;

export function createSearch(
  store: IndexStore,
  entries: readonly SanctionsEntry[],
  parameters: ScoringParameters,
  thresholds: { review: number; block: number },
) {
  const { names, vocabulary } = store;
  // Evidence is asked in units of the rarest token, whose weight grows with the size of the lists.
  const scoring: ScoringParameters = { ...parameters, evidence: parameters.evidence * store.rarest };
  const vocabularySize = vocabulary.units.length;
  const estimate = new Float64Array(names.count);
  const positionBest = new Float64Array(names.count);
  /** Marks vocabulary units already compared for the current query unit (no Set per unit). */
  const seenStamp = new Uint32Array(vocabularySize);
  let stamp = 0;

  /** Similar vocabulary units of one query unit, found through the keys. */
  function similarUnits(unit: UnitContent, breadth: KeyBreadth): Map<number, UnitSimilarity> {
    const found = new Map<number, UnitSimilarity>();
    stamp += 1;
    if (stamp === 0xffffffff) {
      seenStamp.fill(0);
      stamp = 1;
    }
    const compare = (vocab: number) => {
      if (seenStamp[vocab] === stamp) return;
      seenStamp[vocab] = stamp;
      const similarity = unitSimilarity(unit, vocabulary.units[vocab] as UnitContent);
      if (similarity.score >= SIMILARITY_FLOOR) found.set(vocab, similarity);
    };
    queryKeys(unit, breadth, (kind, key) => {
      const stored = vocabulary.keys[kind].get(key);
      if (stored === undefined) return;
      if (typeof stored === 'number') compare(stored);
      else for (const vocab of stored) compare(vocab);
    });
    return found;
  }

  /**
   * Which query units search the postings. Tokens are taken lightest first while their weight
   * together stays below what a name needs to reach the target (solving score.ts's ratio with
   * nothing listed unmatched): a name that matches none of the remaining, "essential" tokens
   * cannot reach the target, so only they bring candidates in (the MaxScore idea).
   */
  function essentialUnits(query: Prepared, target: number): boolean[] {
    const beta = scoring.queryMissing;
    const required = Math.max(0, (target * beta * query.totalWeight) / (2 - target * (2 - beta)));
    const order = query.tokens
      .map((_, position) => position)
      .sort((a, b) => (query.weights[a] as number) - (query.weights[b] as number));
    let light = 0;
    let lightSum = 0;
    for (const position of order) {
      const weight = query.weights[position] as number;
      const isMinor = ((query.minor >> position) & 1) === 1;
      if (!isMinor && lightSum + weight >= required) break;
      lightSum += weight;
      light |= 1 << position;
    }
    return query.units.map((unit) => (unit.mask & ~light) !== 0);
  }

  /**
   * Candidate names for one query name by an optimistic estimate: per query token the best
   * credit-weighted match in each name (a join shares its value between its tokens), summed, with
   * the light tokens counted as fully matched.
   */
  function candidateNames(
    query: Prepared,
    similar: (Map<number, UnitSimilarity> | undefined)[],
    target: number,
  ): number[] {
    const touched: number[] = [];
    let lightWeight = 0;
    query.tokens.forEach((_, position) => {
      const bit = 1 << position;
      let searched = false;
      const positionTouched: number[] = [];
      query.units.forEach((unit, u) => {
        const found = similar[u];
        if ((unit.mask & bit) === 0 || !found) return;
        searched = true;
        const share = unit.positions.length;
        for (const [vocab, similarity] of found) {
          // A weak likeness adds little to any name: it is scored if the name comes in by another token.
          if (similarity.score < CANDIDATE_SIMILARITY) continue;
          const value = (credit(similarity.score, scoring) * (vocabulary.weight[vocab] as number)) / share;
          const end = vocabulary.postingStart[vocab + 1] as number;
          for (let i = vocabulary.postingStart[vocab] as number; i < end; i += 1) {
            const name = (vocabulary.posting[i] as number) >>> UNIT_BITS;
            if (positionBest[name] === 0) positionTouched.push(name);
            if (value > (positionBest[name] as number)) positionBest[name] = value;
          }
        }
      });
      if (!searched) lightWeight += query.weights[position] as number;
      for (const name of positionTouched) {
        if (estimate[name] === 0) touched.push(name);
        estimate[name] = (estimate[name] as number) + (positionBest[name] as number);
        positionBest[name] = 0;
      }
    });
    const kept: { name: number; estimate: number }[] = [];
    for (const name of touched) {
      const listWeight = names.totalWeight[name] as number;
      const matched = Math.min((estimate[name] as number) + lightWeight, listWeight, query.totalWeight);
      estimate[name] = 0;
      const value =
        (2 * matched) /
        (2 * matched +
          scoring.listMissing * (listWeight - matched) +
          scoring.queryMissing * (query.totalWeight - matched));
      if (value >= target) kept.push({ name, estimate: value });
    }
    kept.sort((a, b) => b.estimate - a.estimate);
    return kept.slice(0, MAX_CANDIDATES).map((candidate) => candidate.name);
  }

  /**
   * Scores one candidate name. Pairs already compared (through the keys, or for an earlier
   * candidate) are looked up; others are compared only when neither unit touches a position that
   * an exact pair settles — the greedy pairing takes exact pairs first, so they could not change
   * it — and neither is a title or particle, which pair only when equal (the keys found those).
   */
  function scoreCandidate(
    query: Prepared,
    cache: Map<number, UnitSimilarity | null>,
    exact: ExactPairs,
    name: number,
  ): Scored {
    const from = names.unitStart[name] as number;
    const to = names.unitStart[name + 1] as number;
    const unitMasks = names.unitMask.subarray(from, to);
    const unitVocabulary = names.unitVocabulary.subarray(from, to);
    let exactQuery = 0;
    let exactListed = 0;
    for (let l = 0; l < unitMasks.length; l += 1) {
      const masks = exact.get(unitVocabulary[l] as number);
      if (!masks) continue;
      const mask = unitMasks[l] as number;
      // Two joins never pair (score.ts), so an exact pair of joins settles nothing.
      const queryMask = (mask & (mask - 1)) !== 0 ? masks.singles : masks.singles | masks.joins;
      if (queryMask === 0) continue;
      exactQuery |= queryMask;
      exactListed |= mask;
    }
    const listedMinor = names.minor[name] as number;
    const skipQuery = exactQuery | query.minor;
    const skipListed = exactListed | listedMinor;
    const tokenFrom = names.tokenStart[name] as number;
    const outcome = scoreName(
      { weights: query.weights, unitMasks: query.unitMasks, minor: query.minor },
      {
        weights: names.weight.subarray(tokenFrom, names.tokenStart[name + 1] as number),
        unitMasks,
        minor: listedMinor,
      },
      (q, l) => {
        const vocab = unitVocabulary[l] as number;
        const key = q * vocabularySize + vocab;
        const known = cache.get(key);
        if (known !== undefined) return known ?? undefined;
        const queryUnit = query.units[q] as QueryName['units'][number];
        const listedUnit = vocabulary.units[vocab] as UnitContent;
        // An initial pairs by its letter; comparing is cheap and keys cannot find it.
        if (!queryUnit.content.initial && !listedUnit.initial) {
          if ((queryUnit.mask & skipQuery) !== 0 || ((unitMasks[l] as number) & skipListed) !== 0)
            return undefined;
        }
        const similarity = unitSimilarity(queryUnit.content, listedUnit);
        const value = similarity.score >= SIMILARITY_FLOOR ? similarity : null;
        cache.set(key, value);
        return value ?? undefined;
      },
      scoring,
    );
    const factor = names.listed[name]?.quality === 'weak' ? WEAK_ALIAS_FACTOR : 1;
    return { name, query, outcome, nameScore: outcome.score * factor };
  }

  function prepare(parsed: QueryName): Prepared {
    const weights = store.queryWeights(parsed.tokens, parsed.units);
    return {
      ...parsed,
      weights,
      minor: minorMask(parsed.tokens),
      totalWeight: weights.reduce((sum, w) => sum + w, 0),
    };
  }

  /** Scores the candidates of one query name into `best` (the best name per entry). */
  function searchName(query: Prepared, target: number, identified: Set<number>, best: Map<number, Scored>) {
    const essential = essentialUnits(query, target);
    // Essential units search widely; the others find only their own spelling, which settles most
    // pairs, and are compared with each candidate's units as needed. A join's typos are its
    // tokens' typos, which the tokens' keys find.
    const found = query.units.map((unit, u) => {
      if (unit.content.initial) return new Map<number, UnitSimilarity>();
      const isMinor = (unit.mask & query.minor) === unit.mask;
      if (!essential[u] || isMinor) return similarUnits(unit.content, 'exact');
      return similarUnits(unit.content, unit.positions.length > 1 ? 'near' : 'full');
    });
    const cache = new Map<number, UnitSimilarity | null>();
    const exact: ExactPairs = new Map();
    found.forEach((similar, q) => {
      const unit = query.units[q] as QueryName['units'][number];
      for (const [vocab, similarity] of similar) {
        cache.set(q * vocabularySize + vocab, similarity);
        if (similarity.score !== 1) continue;
        const masks = exact.get(vocab) ?? { singles: 0, joins: 0 };
        if (unit.positions.length > 1) masks.joins |= unit.mask;
        else masks.singles |= unit.mask;
        exact.set(vocab, masks);
      }
    });
    const consider = (scored: Scored) => {
      const entry = names.entry[scored.name] as number;
      const current = best.get(entry);
      if (!current || scored.nameScore > current.nameScore) best.set(entry, scored);
    };
    const similar = found.map((map, u) => (essential[u] ? map : undefined));
    for (const name of candidateNames(query, similar, target))
      consider(scoreCandidate(query, cache, exact, name));
    if (identified.size > 0) {
      for (let name = 0; name < names.count; name += 1) {
        if (identified.has(names.entry[name] as number)) consider(scoreCandidate(query, cache, exact, name));
      }
    }
  }

  return function search(
    query: ScreeningQuery,
    options: { limit?: number; minScore?: number } = {},
  ): ScreeningHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const target = Math.max(0, minScore - ESTIMATE_MARGIN);
    const identified = new Set<number>();
    for (const identifier of query.identifiers ?? []) {
      for (const entry of store.identifiers.get(identifierKey(identifier.number)) ?? [])
        identified.add(entry);
    }
    const best = new Map<number, Scored>();
    for (const parsed of parseQueryNames(query)) searchName(prepare(parsed), target, identified, best);

    const hits: ScreeningHit[] = [];
    for (const [entryIndex, scored] of best) {
      const entry = entries[entryIndex] as SanctionsEntry;
      const { score, qualifiers } = applyQualifiers(query, entry, scored.nameScore, thresholds);
      if (score < minScore) continue;
      hits.push(
        explainHit({
          entry,
          names,
          name: scored.name,
          query: scored.query,
          outcome: scored.outcome,
          nameScore: scored.nameScore,
          score,
          qualifiers,
        }),
      );
    }
    hits.sort((a, b) => b.score - a.score || b.explanation.nameScore - a.explanation.nameScore);
    return hits.slice(0, limit);
  };
}
