import { describe, expect, it } from 'vitest';
import { credit, SCORING, type SideTokens, scoreName } from './score.ts';
import type { UnitSimilarity } from './similarity.ts';

/** A side of n single tokens with the given weights (units are the tokens themselves). */
function side(weights: number[], minor = 0): SideTokens {
  return { weights, unitMasks: weights.map((_, i) => 1 << i), minor };
}

/** Similarities from a table: query token → listed token → score. */
function table(pairs: Record<string, number>) {
  return (q: number, l: number): UnitSimilarity | undefined => {
    const score = pairs[`${q}-${l}`];
    return score === undefined
      ? undefined
      : { score, how: score === 1 ? 'exact' : 'fuzzy', strong: score >= 0.95 };
  };
}

describe('credit', () => {
  it('is 1 for equal, 0 at the floor, and falls faster than linearly near the floor', () => {
    expect(credit(1, SCORING)).toBe(1);
    expect(credit(SCORING.creditFloor, SCORING)).toBe(0);
    expect(credit(0.95, SCORING)).toBeGreaterThan(0.9);
    expect(credit(0.75, SCORING)).toBeLessThan(0.6);
  });
});

describe('scoreName', () => {
  it('scores equal names 1 in any order', () => {
    const listed = side([5, 8]);
    expect(scoreName(side([8, 5]), listed, table({ '0-1': 1, '1-0': 1 })).score).toBeCloseTo(1, 6);
  });

  it('costs a missing middle name a little, a different name much more', () => {
    const listed = side([6, 4, 8]);
    const missing = scoreName(side([6, 8]), listed, table({ '0-0': 1, '1-2': 1 })).score;
    const different = scoreName(side([6, 7, 8]), listed, table({ '0-0': 1, '2-2': 1 })).score;
    expect(missing).toBeGreaterThan(0.85);
    expect(different).toBeLessThan(missing - 0.1);
  });

  it('keeps a shared common given name alone far below review', () => {
    // "Mohammed Schmidt" against "Mohammed Omar": only the common token matches.
    const outcome = scoreName(side([2.5, 9]), side([2.5, 7]), table({ '0-0': 1 }));
    expect(outcome.score).toBeLessThan(0.5);
    expect(outcome.extraQueryTokens).toEqual([1]);
  });

  it('asks for enough rare evidence: a lone common token scores low even when it is the whole name', () => {
    const parameters = { ...SCORING, evidence: 12 };
    expect(scoreName(side([2.5]), side([2.5]), table({ '0-0': 1 }), parameters).score).toBeLessThan(0.6);
    expect(scoreName(side([10]), side([10]), table({ '0-0': 1 }), parameters).score).toBeCloseTo(
      Math.sqrt(10 / 12),
      6,
    );
  });

  it('lowers a name that is only similar, nowhere equal', () => {
    const anchored = scoreName(side([7, 7]), side([7, 7]), table({ '0-0': 1, '1-1': 0.9 })).score;
    const unanchored = scoreName(side([7, 7]), side([7, 7]), table({ '0-0': 0.94, '1-1': 0.94 })).score;
    expect(unanchored).toBeLessThan(anchored);
  });

  it('pairs each token once, best pairs first, and reports what matched what', () => {
    const outcome = scoreName(
      side([5, 5]),
      side([5, 5]),
      table({ '0-0': 0.8, '0-1': 1, '1-1': 0.9, '1-0': 0.7 }),
    );
    expect(outcome.queryToken).toEqual([1, 0]);
    expect(outcome.listScore).toEqual([0.7, 1]);
    expect(outcome.how).toEqual(['fuzzy', 'exact']);
  });

  it('pairs a join with two tokens of the other side', () => {
    // Listed "abd al rahman" (al a particle) and its join "abdrahman"; query "abdurrahman".
    const listed: SideTokens = { weights: [7, 0.2, 9], unitMasks: [1, 2, 4, 0b111], minor: 0b010 };
    const outcome = scoreName(side([12]), listed, (_q, l) =>
      l === 3 ? { score: 0.97, how: 'fuzzy', strong: true } : undefined,
    );
    expect(outcome.queryToken).toEqual([0, 0, 0]);
    expect(outcome.score).toBeGreaterThan(0.9);
  });

  it('pairs titles and particles only when (nearly) equal', () => {
    const listed = side([0.2, 8], 0b01);
    const outcome = scoreName(side([6, 8]), listed, table({ '0-0': 0.7, '1-1': 1 }));
    expect(outcome.how).toEqual(['missing', 'exact']);
  });
});

describe('complete matches', () => {
  it('keep full evidence however common the names, where a partial match of them does not', () => {
    // Two common tokens (low rarity): the evidence factor would lower the score of any match.
    const parameters = { ...SCORING, evidence: 10 };
    const listed = side([1, 1]);
    const complete = scoreName(side([1, 1]), listed, table({ '0-0': 1, '1-1': 0.95 }), parameters);
    const partial = scoreName(side([1, 1, 4]), listed, table({ '0-0': 1, '1-1': 0.95 }), parameters);
    const fuzzy = scoreName(side([1, 1]), listed, table({ '0-0': 1, '1-1': 0.9 }), parameters);
    expect(complete.score).toBeGreaterThan(0.95);
    expect(partial.score).toBeLessThan(0.6);
    expect(fuzzy.score).toBeLessThan(0.6);
  });
});
