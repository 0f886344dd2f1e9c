/**
 * The score of one listed name against the query name. Units are paired greedily, best pair first,
 * each token used once (a join uses two or three). A pair's similarity s becomes a credit
 * c = 1 − ((1 − s) / (1 − floor))^γ: near-equal spellings keep nearly full credit, a distant one
 * almost none. With token weights w (rarity in the lists, lower for middle names, titles and
 * particles), each side contributes matched weight M = Σ w·c, mismatch D = Σ w·(1 − c) over its
 * paired tokens and missing weight U = Σ w over its unpaired ones:
 *
 *     ratio = (Mₗ + M_q) / (Mₗ + M_q + Dₗ + D_q + 2κ·C + α·(Uₗ − C) + β·(U_q − C)),  C = min(Uₗ, U_q)
 *     score = ratio · max(min(1, Mₗ / E)^½, complete ? e꜀ : 0) · (anchored ? 1 : u)
 *
 * With α, β < 1 a name left out on one side (a middle name, a second surname) costs a little; a
 * name on each side that matches nothing (C) contradicts and costs more (κ > 1); a misspelt token
 * costs by how far it is. The evidence factor asks that the matched listed tokens together be rare
 * enough to identify someone (E, in the same rarity units): a shared "Mohammed" alone proves
 * little however well it matches — unless the query is the whole listed name (complete: two names
 * or more besides titles and particles, all paired, all written alike), which is reviewed however
 * common it is.
 */
import { type MatchHow, SIMILARITY_FLOOR, type UnitSimilarity } from './similarity.ts';

export interface ScoringParameters {
  /** α: weight of listed tokens the query lacks. */
  listMissing: number;
  /** β: weight of query tokens the listed name lacks. */
  queryMissing: number;
  /** γ: how fast credit falls with similarity. */
  creditExponent: number;
  /** The similarity at which credit reaches 0 (at or above the pairing floor). */
  creditFloor: number;
  /**
   * E: matched listed rarity that counts as full evidence, in rarity units (score.ts callers scale
   * the default, given in units of the rarest possible token, by the size of the lists).
   */
  evidence: number;
  /** Factor of a name none of whose paired tokens is strong (similar everywhere, equal nowhere). */
  unanchored: number;
  /**
   * κ: weight of unmatched tokens on both sides at once — a different name where the other has
   * one (Cho Ji Woo, Cho Il Woo) contradicts, where a name left out only lacks.
   */
  conflict: number;
  /**
   * The least evidence factor of a complete match — every token of both names paired (two names
   * or more, titles and particles aside), every pair written the same way or as a usual spelling
   * of it: a name that is exactly a listed name is reviewed however common it is (qualifiers such
   * as a birth date then tell the people apart).
   */
  completeEvidence: number;
}

export const SCORING: ScoringParameters = {
  listMissing: 0.7,
  queryMissing: 0.7,
  creditExponent: 1.5,
  creditFloor: 0.6,
  evidence: 1.2,
  unanchored: 0.9,
  conflict: 1.5,
  completeEvidence: 1,
};

/** The credit a similarity earns (1 for equal, 0 at the floor). */
export function credit(similarity: number, parameters: ScoringParameters): number {
  if (similarity >= 1) return 1;
  if (similarity <= parameters.creditFloor) return 0;
  return 1 - ((1 - similarity) / (1 - parameters.creditFloor)) ** parameters.creditExponent;
}

export interface SideTokens {
  /** Weight of each token. */
  weights: ArrayLike<number>;
  /** The token positions of each unit as a bit mask (units 0..n-1 are the tokens themselves). */
  unitMasks: ArrayLike<number>;
  /** Bit mask of the titles, particles, suffixes and legal forms: they pair only when equal. */
  minor: number;
}

/** A title or particle pairs only with its own spelling (al ~ el, not Dr ~ Dariush). */
const MINOR_PAIRING = 0.95;

export interface TokenOutcome {
  /** Query token position matched to each listed token (null: none). */
  queryToken: (number | null)[];
  /** Similarity per listed token (0: missing). */
  listScore: number[];
  how: (MatchHow | 'missing')[];
  /** Query token positions that nothing matched. */
  extraQueryTokens: number[];
  score: number;
}

interface Pair {
  minor: boolean;
  listedMask: number;
  queryMask: number;
  score: number;
  how: MatchHow;
  strong: boolean;
  size: number;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count += 1;
  return count;
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

/**
 * Scores a listed name against a query name, given the similarity of every (query unit, listed
 * unit) pair that reached the floor.
 */
export function scoreName(
  query: SideTokens,
  listed: SideTokens,
  similarity: (queryUnit: number, listedUnit: number) => UnitSimilarity | undefined,
  parameters: ScoringParameters = SCORING,
): TokenOutcome {
  const pairs: Pair[] = [];
  for (let l = 0; l < listed.unitMasks.length; l += 1) {
    const listedMask = listed.unitMasks[l] as number;
    const listedJoin = (listedMask & (listedMask - 1)) !== 0;
    const listedMinor = (listedMask & listed.minor) === listedMask;
    for (let q = 0; q < query.unitMasks.length; q += 1) {
      const queryMask = query.unitMasks[q] as number;
      const queryJoin = (queryMask & (queryMask - 1)) !== 0;
      // A join pairs with a single token; two joins would pair two tokens with two tokens by
      // their concatenation, which only blurs them.
      if (listedJoin && queryJoin) continue;
      const found = similarity(q, l);
      if (!found || found.score < SIMILARITY_FLOOR) continue;
      const minor = listedMinor || (queryMask & query.minor) === queryMask;
      if (minor && found.score < MINOR_PAIRING) continue;
      pairs.push({
        minor,
        listedMask,
        queryMask,
        score: found.score,
        how: found.how,
        strong: found.strong,
        size: bitCount(listedMask) + bitCount(queryMask),
      });
    }
  }
  // Titles and particles pair last, with what is left: an "al" must not take the "al" inside
  // "Abd al-Rahman" before a join of the whole has its turn. At equal similarity either the
  // smaller pair (a join is the fallback for names written together, not a way to take a
  // neighbour's token) or the larger one (a join that covers two tokens at once) may be right:
  // both orders are tried and the better pairing counts (when no such tie exists they are one).
  const byMinor = (a: Pair, b: Pair) => Number(a.minor) - Number(b.minor) || b.score - a.score;
  const smallerFirst = [...pairs].sort((a, b) => byMinor(a, b) || a.size - b.size);
  const largerFirst = pairs.sort((a, b) => byMinor(a, b) || b.size - a.size);
  const first = assign(query, listed, smallerFirst, parameters);
  if (largerFirst.every((pair, i) => pair === smallerFirst[i])) return first;
  const second = assign(query, listed, largerFirst, parameters);
  return second.score > first.score ? second : first;
}

/** Pairs greedily in the given order, each token once, and scores the pairing. */
function assign(
  query: SideTokens,
  listed: SideTokens,
  pairs: readonly Pair[],
  parameters: ScoringParameters,
): TokenOutcome {
  const listCount = listed.weights.length;
  const queryCount = query.weights.length;
  const queryToken: (number | null)[] = new Array(listCount).fill(null);
  const listScore: number[] = new Array(listCount).fill(0);
  const how: (MatchHow | 'missing')[] = new Array(listCount).fill('missing');
  const queryScore: number[] = new Array(queryCount).fill(0);
  const queryWeight: number[] = Array.from(query.weights);
  let listUsed = 0;
  let queryUsed = 0;

  let anchored = false;
  let allStrong = true;
  for (const pair of pairs) {
    if ((pair.listedMask & listUsed) !== 0 || (pair.queryMask & queryUsed) !== 0) continue;
    listUsed |= pair.listedMask;
    queryUsed |= pair.queryMask;
    anchored ||= pair.strong;
    allStrong &&= pair.strong;
    // The query side of a pair weighs what the listed side weighs, so that a misspelt common
    // name is not mistaken for a rare one.
    const firstQuery = lowestBit(pair.queryMask);
    let pairWeight = 0;
    for (let m = pair.listedMask; m !== 0; m &= m - 1) {
      const p = lowestBit(m);
      queryToken[p] = firstQuery;
      listScore[p] = pair.score;
      how[p] = pair.how;
      pairWeight += listed.weights[p] as number;
    }
    const share = pairWeight / bitCount(pair.queryMask);
    for (let m = pair.queryMask; m !== 0; m &= m - 1) {
      const p = lowestBit(m);
      queryScore[p] = pair.score;
      queryWeight[p] = share;
    }
  }

  let matched = 0;
  let listMatched = 0;
  let mismatch = 0;
  let listMissing = 0;
  let queryMissing = 0;
  for (let i = 0; i < listCount; i += 1) {
    const weight = listed.weights[i] as number;
    if ((listUsed & (1 << i)) === 0) {
      listMissing += weight;
      continue;
    }
    const c = credit(listScore[i] as number, parameters);
    listMatched += weight * c;
    mismatch += weight * (1 - c);
  }
  const extraQueryTokens: number[] = [];
  for (let j = 0; j < queryCount; j += 1) {
    const weight = queryWeight[j] as number;
    if ((queryUsed & (1 << j)) === 0) {
      queryMissing += weight;
      extraQueryTokens.push(j);
      continue;
    }
    const c = credit(queryScore[j] as number, parameters);
    matched += weight * c;
    mismatch += weight * (1 - c);
  }
  matched += listMatched;
  const conflicting = Math.min(listMissing, queryMissing);
  const denominator =
    matched +
    mismatch +
    parameters.conflict * 2 * conflicting +
    parameters.listMissing * (listMissing - conflicting) +
    parameters.queryMissing * (queryMissing - conflicting);
  const ratio = denominator > 0 ? matched / denominator : 0;
  // One name is never a complete name, with or without a title or particle (Abu Muhammad): a lone
  // common name still asks for evidence.
  const complete =
    allStrong &&
    bitCount(((1 << listCount) - 1) & ~listed.minor) >= 2 &&
    listUsed === (1 << listCount) - 1 &&
    queryUsed === (1 << queryCount) - 1;
  const evidence = Math.max(
    Math.min(1, listMatched / parameters.evidence) ** 0.5,
    complete ? parameters.completeEvidence : 0,
  );
  return {
    queryToken,
    listScore,
    how,
    extraQueryTokens,
    score: ratio * evidence * (anchored ? 1 : parameters.unanchored),
  };
}
