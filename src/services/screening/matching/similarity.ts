/**
 * How alike two units are, from 0 to 1, and how they matched: equal spelling (exact), equal
 * phonetic form (phonetic), a transliterated token (transliteration), a weighted edit distance
 * (fuzzy), or an initial. Latin against Latin compares phonetic forms; an Arabic-script unit
 * against a Latin one aligns its letters (arabic.ts); Arabic against Arabic compares letters.
 */
import { arabicToLatinCost } from './arabic.ts';
import { phoneticDistance, spellingDistance } from './phonetic.ts';
import type { LatinForm, UnitContent } from './units.ts';

export type MatchHow = 'exact' | 'fuzzy' | 'phonetic' | 'transliteration' | 'initial';

export interface UnitSimilarity {
  score: number;
  how: MatchHow;
  /**
   * Written the same way, or as a usual spelling of the same sound: equal, equal phonetic forms,
   * a reading of a transliteration, an Arabic word aligned at no cost, or one typo in a name of
   * five letters or more. A name none of whose tokens is strong is only similar (score.ts).
   */
  strong: boolean;
}

/** Below this a pair of units is not a match at all. */
export const SIMILARITY_FLOOR = 0.6;
/** Equal phonetic forms, different spellings (Sergey, Sergei). */
const SAME_PHONETIC = 0.95;
/** The most a differing pair can score, so that equal forms always rank first. */
const BEST_FUZZY = 0.94;
/** The shortest name in which one typo still counts as writing it the same way (see `strong`). */
const SLIP_LENGTH = 5;
/**
 * Typos are counted against the name's length plus this: one slip in a short name (Arc for Arce,
 * Jaer for Jaber) is still most of the name, and the same slip weighs less the longer the name.
 */
const TYPO_LENGTH_ALLOWANCE = 2;
/**
 * The most a Latin query token can score against a listed Arabic-script word. Read into a script
 * that writes no short vowels, many Latin names fit one word (Mahmoud and Muhammad both fit
 * محمد but one letter); the entry's Latin names are the better evidence, so this reading only
 * supports a match and never anchors one.
 */
const LATIN_READ_INTO_ARABIC = 0.85;
/**
 * Forms of which the shorter is under this share of the longer are different names, however cheap
 * the letters between them (Yan is not Haiyan, though h and vowels cost little to drop).
 */
const MIN_LENGTH_RATIO = 0.6;
/** An initial against a name beginning with that letter: some evidence, never enough alone. */
const INITIAL = 0.7;

/**
 * Latin forms compare by phonetic form (transliteration variants) and by spelling (typos, which a
 * phonetic rewrite can make look bigger: Vukovci is one swap from Vukovic but reads k → s); the
 * better of the two counts.
 */
function latinPair(a: LatinForm, b: LatinForm, typed: boolean): { score: number; slip: boolean } {
  if (a.surface === b.surface) return { score: 1, slip: false };
  if (a.phonetic === b.phonetic) return { score: SAME_PHONETIC, slip: false };
  const longest = Math.max(a.phonetic.length, b.phonetic.length);
  const longestSpelling = Math.max(a.surface.length, b.surface.length);
  if (longest === 0 || longestSpelling === 0) return { score: 0, slip: false };
  const shortest = Math.min(a.phonetic.length, b.phonetic.length);
  if (shortest / longest < MIN_LENGTH_RATIO) return { score: 0, slip: false };
  const byPhonetic = 1 - phoneticDistance(a.phonetic, b.phonetic, (1 - SIMILARITY_FLOOR) * longest) / longest;
  // A typo is one or two edits: only then can the spelling beat the phonetic form, which a slip
  // can change far more than the spelling (Arce reads ars, Arc reads ark). A name transliterated
  // here was not typed: it has no typos to forgive.
  if (!typed || byPhonetic >= BEST_FUZZY || Math.abs(a.surface.length - b.surface.length) > 2) {
    return { score: Math.min(BEST_FUZZY, byPhonetic), slip: false };
  }
  const limit = Math.min(
    2,
    (1 - Math.max(byPhonetic, SIMILARITY_FLOOR)) * (longestSpelling + TYPO_LENGTH_ALLOWANCE),
  );
  const edits = spellingDistance(a.surface, b.surface, limit);
  const bySpelling = 1 - edits / (longestSpelling + TYPO_LENGTH_ALLOWANCE);
  return {
    score: Math.min(BEST_FUZZY, Math.max(byPhonetic, bySpelling)),
    // One slip of the keyboard in a name of five letters or more is the same name, mistyped.
    slip: edits <= 1 && longestSpelling >= SLIP_LENGTH && bySpelling >= byPhonetic,
  };
}

/**
 * A perfect alignment of an Arabic word is as good as an equal phonetic form when the word has two
 * consonants or more, and weaker with one (علي fits Ali, Ala and Eli alike); each unit of alignment
 * cost lowers it.
 */
function arabicScore(cost: number, consonants: number): number {
  const base = consonants >= 2 ? SAME_PHONETIC : 0.9;
  return base - (0.8 * cost) / Math.max(consonants, 2);
}

/** Cost at or below which an Arabic word's alignment is a usual spelling. */
const USUAL_SPELLING_COST = 0.1;

function arabicLatin(arabic: UnitContent, latin: UnitContent): UnitSimilarity {
  const word = arabic.arabic;
  if (!word) return { score: 0, how: 'transliteration', strong: false };
  let best = Number.POSITIVE_INFINITY;
  for (const form of latin.latin) best = Math.min(best, arabicToLatinCost(word, form.phonetic));
  if (best === Number.POSITIVE_INFINITY) return { score: 0, how: 'transliteration', strong: false };
  return {
    score: arabicScore(best, word.consonants),
    how: 'transliteration',
    strong: best <= USUAL_SPELLING_COST && word.consonants >= 2,
  };
}

/** Plain edit distance over letters, for two Arabic-script words. */
function letterDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = previous[0] as number;
    previous[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = previous[j] as number;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, (previous[j - 1] as number) + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length] as number;
}

export function unitSimilarity(query: UnitContent, listed: UnitContent): UnitSimilarity {
  if (query.initial || listed.initial) {
    const q = query.latin[0]?.surface ?? '';
    const l = listed.latin[0]?.surface ?? '';
    if (query.initial && listed.initial) {
      return q === l
        ? { score: 1, how: 'exact', strong: false }
        : { score: 0, how: 'initial', strong: false };
    }
    const same = q !== '' && l !== '' && q[0] === l[0];
    return { score: same ? INITIAL : 0, how: 'initial', strong: false };
  }
  if (query.arabicText !== undefined && listed.arabicText !== undefined) {
    if (query.arabicText === listed.arabicText) return { score: 1, how: 'exact', strong: true };
    const longest = Math.max(query.arabicText.length, listed.arabicText.length);
    const score = Math.min(BEST_FUZZY, 1 - letterDistance(query.arabicText, listed.arabicText) / longest);
    return { score, how: 'fuzzy', strong: false };
  }
  if (query.arabic) return arabicLatin(query, listed);
  if (listed.arabic) {
    const found = arabicLatin(listed, query);
    return { ...found, score: Math.min(found.score, LATIN_READ_INTO_ARABIC), strong: false };
  }
  let best = 0;
  let slip = false;
  for (const a of query.latin) {
    for (const b of listed.latin) {
      const pair = latinPair(a, b, !query.transliterated && !listed.transliterated);
      if (pair.score > best) [best, slip] = [pair.score, pair.slip];
    }
  }
  const how: MatchHow = query.transliterated
    ? 'transliteration'
    : best === 1
      ? 'exact'
      : best === SAME_PHONETIC
        ? 'phonetic'
        : 'fuzzy';
  return { score: best, how, strong: best >= SAME_PHONETIC || slip };
}
