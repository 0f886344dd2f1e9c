/**
 * Arabic-script names against Latin spellings. Arabic writes consonants and long vowels but not
 * short vowels, so an Arabic word is a sequence of slots — each the Latin symbols its letter may be
 * written with (tables/arabic.ts) — aligned against a Latin phonetic form by a small dynamic
 * programme in which Latin vowels are free, the article's lam may be assimilated (ar-Rahman) or
 * dropped, and every other difference costs what the table says. This is how محمد finds Muhammad,
 * Mohammed and Mohamad, and القذافي finds Qadhafi, Gaddafi and Kadhafi.
 */
import { isVowel } from './phonetic.ts';
import { ARABIC_LETTERS } from './tables/arabic.ts';

const ALPHABET = 128;

interface LetterSpec {
  /** Cost of each Latin symbol this letter may be written with (Infinity: never). */
  costs: Float64Array;
  /** Cost of a Latin spelling leaving the letter out. */
  skip: number;
  /** Consonants are written in every spelling; the long vowels, ʿayn and hamza may not be. */
  consonant: boolean;
  /** Symbols that a Latin consonant skeleton keeps for this letter (empty: none). */
  skeleton: string[];
}

const LETTERS = new Map<string, LetterSpec>();
for (const line of ARABIC_LETTERS.trim().split('\n')) {
  const [spec, skipText] = line.split('|');
  const [letters, ...options] = (spec as string).trim().split(/\s+/);
  const skip = skipText === undefined ? 1 : Number(skipText.trim());
  const costs = new Float64Array(ALPHABET).fill(Number.POSITIVE_INFINITY);
  const skeletonSymbols: string[] = [];
  for (const option of options) {
    const [symbol, cost] = option.split(':') as [string, string | undefined];
    const value = cost === undefined ? 0 : Number(cost);
    costs[symbol.charCodeAt(0)] = value;
    if (value <= 0.2 && !isVowel(symbol) && symbol !== 'y' && symbol !== 'w') skeletonSymbols.push(symbol);
  }
  for (const letter of letters as string) {
    LETTERS.set(letter, { costs, skip, consonant: skip >= 0.6, skeleton: skeletonSymbols });
  }
}

/** One letter of an Arabic word, as the alignment sees it. */
export interface ArabicSlot {
  letter: string;
  costs: Float64Array;
  skip: number;
  consonant: boolean;
  skeleton: string[];
}

export interface ArabicWord {
  slots: ArabicSlot[];
  /** Letters that any spelling writes: how much evidence a perfect alignment carries. */
  consonants: number;
}

/** The lam of the article, which Latin spellings assimilate (ar-Rahman, Abdurrahman) or drop. */
function articleLam(spec: LetterSpec): ArabicSlot {
  return { letter: 'ل', costs: spec.costs, skip: 0, consonant: false, skeleton: ['l'] };
}

/** A final ha is often silent (-zadeh, -ullah): it may be written as a vowel, as h, or not at all. */
const FINAL_HA = 'هہھۀە';
const FINAL_HA_COSTS = (() => {
  const costs = new Float64Array(ALPHABET).fill(Number.POSITIVE_INFINITY);
  for (const symbol of 'haeX') costs[symbol.charCodeAt(0)] = symbol === 'X' ? 0.5 : 0;
  return costs;
})();

/**
 * The slots of an Arabic word (folded by normalise.ts). Doubled letters are one slot, as Latin
 * spellings double or not; "ال" at the start of the word or after عبد / ابو is the article.
 */
export function arabicWord(word: string): ArabicWord {
  const slots: ArabicSlot[] = [];
  const letters = [...word];
  for (let i = 0; i < letters.length; i += 1) {
    const letter = letters[i] as string;
    const spec = LETTERS.get(letter);
    if (!spec) continue;
    const previous = slots[slots.length - 1];
    if (previous && previous.letter === letter) continue;
    // The article: "ال" starting the word, or inside a compound after two letters or more
    // (عبدالله, نورالدین, ابوالقاسم), followed by two letters or more.
    const isArticleLam =
      letter === 'ل' && letters[i - 1] === 'ا' && (i === 1 || i >= 3) && letters.length > i + 2;
    if (isArticleLam) {
      slots.push(articleLam(spec));
    } else if (i === letters.length - 1 && FINAL_HA.includes(letter) && slots.length > 1) {
      slots.push({ letter, costs: FINAL_HA_COSTS, skip: 0.1, consonant: false, skeleton: [] });
    } else {
      slots.push({ letter, ...spec });
    }
  }
  return { slots, consonants: slots.filter((slot) => slot.consonant).length };
}

/** Joins the slots of adjacent words written as one Latin word (عبد الرحمن ~ Abdurrahman). */
export function joinArabicWords(words: readonly ArabicWord[]): ArabicWord {
  const slots: ArabicSlot[] = [];
  for (const word of words) {
    for (const slot of word.slots) {
      const previous = slots[slots.length - 1];
      if (previous && previous.letter === slot.letter) continue;
      slots.push(slot);
    }
  }
  return { slots, consonants: slots.filter((slot) => slot.consonant).length };
}

/** The letters a Latin h may stand for after another consonant. */
const ASPIRATED = 'حهہھ';
/** Latin symbols that write two letters, the second aspirated (see ASPIRATED), by the first letter. */
const DIGRAPH_PAIRS: Readonly<Record<string, string>> = { S: 'سص', X: 'كک', Z: 'ظز', t: 'تط', d: 'دض' };
const DIGRAPH_PAIR_COST = 0.2;

/**
 * Cost of a Latin symbol that no Arabic letter accounts for: a short vowel is free, but a second
 * vowel in a row (ou, ee, ai) writes a long vowel that Arabic would have written, and a final
 * vowel usually writes a letter (ة, ى, ا) too.
 */
function latinSkip(symbol: string, previous: string | undefined, isLast: boolean): number {
  if (isVowel(symbol)) return isLast || (previous !== undefined && isVowel(previous)) ? 0.3 : 0;
  if (symbol === 'y' || symbol === 'w') return 0.3;
  if (symbol === 'h') return 0.5;
  return 1;
}

const MAX = 48;
let table = new Float64Array((MAX + 1) * (MAX + 1));

/** The cost of writing an Arabic word as the given Latin phonetic form (0: a usual spelling). */
export function arabicToLatinCost(word: ArabicWord, latin: string): number {
  const n = Math.min(word.slots.length, MAX);
  const m = Math.min(latin.length, MAX);
  const width = m + 1;
  if (table.length < (n + 1) * width) table = new Float64Array((n + 1) * width);
  table[0] = 0;
  for (let j = 1; j <= m; j += 1) {
    table[j] = (table[j - 1] as number) + latinSkip(latin[j - 1] as string, latin[j - 2], j === m);
  }
  for (let i = 1; i <= n; i += 1) {
    const slot = word.slots[i - 1] as ArabicSlot;
    const row = i * width;
    table[row] = (table[row - width] as number) + slot.skip;
    for (let j = 1; j <= m; j += 1) {
      const symbol = latin[j - 1] as string;
      const code = symbol.charCodeAt(0);
      let best =
        (table[row - width + j - 1] as number) + (code < ALPHABET ? (slot.costs[code] as number) : Infinity);
      const skipSlot = (table[row - width + j] as number) + slot.skip;
      if (skipSlot < best) best = skipSlot;
      const skipLatin = (table[row + j - 1] as number) + latinSkip(symbol, latin[j - 2], j === m);
      if (skipLatin < best) best = skipLatin;
      // A Latin digraph for two Arabic letters: sh for س + ح (Ishaq), kh for ك + ه, zh for ظ + ه
      // (Mazhar), th and dh
      // for ت / د + ح (Fathi), folded to one symbol by the phonetic form.
      if (i > 1 && ASPIRATED.includes(slot.letter)) {
        const previous = (word.slots[i - 2] as ArabicSlot).letter;
        const pairCost = DIGRAPH_PAIRS[symbol]?.includes(previous) ? DIGRAPH_PAIR_COST : Infinity;
        const viaPair = (table[row - 2 * width + j - 1] as number) + pairCost;
        if (viaPair < best) best = viaPair;
      }
      table[row + j] = best;
    }
  }
  return table[n * width + m] as number;
}

/**
 * The consonant skeletons (see phonetic.ts `skeleton`) that usual Latin spellings of the word
 * have, to find candidate Latin tokens in the index; at most `limit` of them.
 */
export function arabicSkeletons(word: ArabicWord, limit = 8): string[] {
  let results = [''];
  for (const slot of word.slots) {
    const options = slot.consonant ? slot.skeleton : ['', ...slot.skeleton];
    if (options.length === 0) continue;
    const next: string[] = [];
    for (const prefix of results) {
      for (const option of options) {
        const value = option !== '' && prefix.endsWith(option) ? prefix : prefix + option;
        if (!next.includes(value)) next.push(value);
      }
    }
    results = next.slice(0, limit);
  }
  // As in a Latin skeleton, a final h is dropped (Saleh and Abdullah are written with and without it).
  const trimmed = results.map((value) =>
    value.length > 1 && value.endsWith('h') ? value.slice(0, -1) : value,
  );
  return [...new Set(trimmed)].filter((value) => value !== '');
}
