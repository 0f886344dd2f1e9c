import { describe, expect, it } from 'vitest';
import { normaliseName } from './normalise.ts';
import { unitSimilarity } from './similarity.ts';
import { nameUnits, type UnitContent } from './units.ts';

/** The content of a one-word name's single token. */
function word(text: string): UnitContent {
  const units = nameUnits(normaliseName(text));
  const unit = units.find((candidate) => candidate.positions.length === 1);
  if (!unit) throw new Error(`no token in ${text}`);
  return unit.content;
}

const similarity = (query: string, listed: string) => unitSimilarity(word(query), word(listed));

describe('unitSimilarity', () => {
  it('scores equal spellings 1 and equal phonetic forms just below (Sergey, Sergei)', () => {
    expect(similarity('Sergey', 'Sergey')).toMatchObject({ score: 1, how: 'exact', strong: true });
    expect(similarity('Sergei', 'Sergey')).toMatchObject({ how: 'phonetic', strong: true });
    expect(similarity('Sergei', 'Sergey').score).toBeGreaterThanOrEqual(0.95);
  });

  it('forgives one typo in a short name that the phonetic form would magnify (Arc for Arce)', () => {
    // Arce reads "ars" (c before e), Arc reads "ark": phonetically far, one deletion apart.
    expect(similarity('Arc', 'Arce').score).toBeGreaterThanOrEqual(0.8);
    expect(similarity('Jaer', 'Jaber').score).toBeGreaterThanOrEqual(0.8);
  });

  it('counts one slip in a name of five letters or more as the same name, not one in four', () => {
    expect(similarity('Ahnadi', 'Ahmadi').strong).toBe(true);
    expect(similarity('Vhol', 'Chol').strong).toBe(false);
  });

  it('forgives no typo in a name transliterated here (it was not typed)', () => {
    const typed = similarity('Ivanof', 'Ivanov').score;
    expect(similarity('Иванов', 'Ivanov').score).toBe(1);
    expect(typed).toBeLessThan(1);
  });

  it('does not pair a name with one much shorter that only cheap letters separate (Yan, Haiyan)', () => {
    expect(similarity('Haiyan', 'Yan').score).toBe(0);
    expect(similarity('Mohamed', 'Muhammad').score).toBeGreaterThanOrEqual(0.9);
  });

  it('lets a Latin name support, never anchor, a match on a listed Arabic-script word', () => {
    const latinQuery = similarity('Muhammad', 'محمد');
    const arabicQuery = similarity('محمد', 'Muhammad');
    expect(latinQuery.strong).toBe(false);
    expect(latinQuery.score).toBeLessThanOrEqual(0.85);
    expect(arabicQuery.strong).toBe(true);
    expect(arabicQuery.score).toBeGreaterThanOrEqual(0.9);
  });

  it('gives an initial some similarity to a name it begins, never more', () => {
    expect(similarity('M', 'Muhammad')).toMatchObject({ how: 'initial', strong: false });
    expect(similarity('M', 'Muhammad').score).toBeLessThan(0.8);
    expect(similarity('K', 'Muhammad').score).toBe(0);
  });
});
