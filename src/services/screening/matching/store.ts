/**
 * The built index, in flat arrays: every listed name (its tokens, weights and units), the
 * vocabulary of distinct units with an inverted index of their keys, and postings from each
 * vocabulary unit to the names that use it. Flat typed arrays rather than an object per name keep
 * the build fast and the heap small (about 26,000 names, 60,000 distinct units, 200,000 keys).
 */
import type { ListedName, SanctionsEntry } from '../../../ports/sanctions.ts';
import { KEY_KINDS, type KeyKind, listedKeys } from './keys.ts';
import { type NormalisedToken, normaliseName } from './normalise.ts';
import { identifierKey, MIN_IDENTIFIER_LENGTH } from './qualifiers.ts';
import { contentCache, type NameUnit, nameUnits, type UnitContent } from './units.ts';

/** Longer names are cut: no person has more, and organisation names gain nothing from it. */
export const MAX_TOKENS = 20;
/** Weight factor of titles, particles, suffixes and legal forms against a name token. */
const MINOR_ROLE_FACTOR = 0.1;
/** Weight factor of middle names (neither the first nor the last name token). */
const MIDDLE_NAME_FACTOR = 0.7;
/** Bits of a posting that hold the unit number (units per name stay below 128). */
export const UNIT_BITS = 7;

/** Every listed name, flat: name i owns tokens tokenStart[i]..tokenStart[i+1] and likewise units. */
export interface NameTable {
  count: number;
  entry: Int32Array;
  listed: ListedName[];
  tokenStart: Int32Array;
  /** Token texts, as explanations show them (list-side values are public). */
  tokenText: string[];
  weight: Float64Array;
  totalWeight: Float64Array;
  /** Bit mask of each name's titles, particles, suffixes and legal forms. */
  minor: Int32Array;
  unitStart: Int32Array;
  /** Token positions of each unit, as a bit mask. */
  unitMask: Int32Array;
  unitVocabulary: Int32Array;
}

export interface Vocabulary {
  units: UnitContent[];
  /** Rarity weight of each unit (its tokens', without the middle-name factor). */
  weight: Float64Array;
  /** Postings of unit v: posting[postingStart[v]..postingStart[v+1]], each (name << UNIT_BITS) | unit. */
  postingStart: Int32Array;
  posting: Int32Array;
  /** Per kind of key, the units stored under it (one number when only one). */
  keys: Record<KeyKind, Map<string, number | number[]>>;
}

export interface IndexStore {
  names: NameTable;
  vocabulary: Vocabulary;
  /** Identifier numbers (identifierKey) to entry indexes. */
  identifiers: Map<string, number[]>;
  /** Rarity of a token that one listed name has: the unit in which the evidence parameter is given. */
  rarest: number;
  /** Token weights for a query name (units 0..n-1 are its tokens): rarity in these lists, role and middle-name factors. */
  queryWeights(tokens: readonly NormalisedToken[], units: readonly NameUnit[]): Float64Array;
}

/** Tokens counted together for rarity: the phonetic form with every vowel run written as "a". */
function frequencyKey(content: UnitContent): string {
  if (content.arabicText !== undefined) return `a:${content.arabicText}`;
  return (content.latin[0]?.phonetic ?? '').replace(/[aeiou]+/g, 'a');
}

const roleFactor = (token: NormalisedToken) => (token.role === 'name' ? 1 : MINOR_ROLE_FACTOR);

export function minorMask(tokens: readonly NormalisedToken[]): number {
  let mask = 0;
  tokens.forEach((token, i) => {
    if (token.role !== 'name') mask |= 1 << i;
  });
  return mask;
}

/** Token weights: rarity, times the role factor, times the middle-name factor inside a name. */
function weigh(
  rarities: readonly number[],
  factors: readonly number[],
  into: Float64Array,
  at: number,
): number {
  const first = factors.indexOf(1);
  const last = factors.lastIndexOf(1);
  let total = 0;
  rarities.forEach((rarity, i) => {
    const factor = factors[i] as number;
    const weight = rarity * factor * (factor === 1 && i !== first && i !== last ? MIDDLE_NAME_FACTOR : 1);
    into[at + i] = weight;
    total += weight;
  });
  return total;
}

export function buildStore(entries: readonly SanctionsEntry[]): IndexStore {
  const contents = contentCache();
  const units: UnitContent[] = [];
  const vocabularyIds = new Map<UnitContent, number>();
  const vocabularyOrigin: number[] = [];
  const keys = Object.fromEntries(
    KEY_KINDS.map((kind) => [kind, new Map<string, number | number[]>()]),
  ) as Record<KeyKind, Map<string, number | number[]>>;
  const identifiers = new Map<string, number[]>();
  const documentFrequency = new Map<string, number>();
  const frequencyKeys = new Map<UnitContent, string>();
  const keyOf = (content: UnitContent): string => {
    let key = frequencyKeys.get(content);
    if (key === undefined) {
      key = frequencyKey(content);
      frequencyKeys.set(content, key);
    }
    return key;
  };

  const entryOf: number[] = [];
  const listed: ListedName[] = [];
  const tokenStart: number[] = [0];
  const tokenText: string[] = [];
  const tokenKey: string[] = [];
  const tokenFactor: number[] = [];
  const minor: number[] = [];
  const unitStart: number[] = [0];
  const unitMask: number[] = [];
  const unitVocabulary: number[] = [];
  const postingPairs: number[] = [];

  // One pass over the names: tokens, units, the vocabulary of distinct units with their keys and
  // postings, and how many names have each token. Weights need every name counted: they come after.
  entries.forEach((entry, entryIndex) => {
    for (const name of entry.names) {
      const tokens = normaliseName(name.full, entry.type).slice(0, MAX_TOKENS);
      if (tokens.length === 0) continue;
      const nameIndex = listed.length;
      const nameUnitList = nameUnits(tokens, contents);
      // Units 0..n-1 are the tokens themselves.
      const nameKeys = tokens.map((_, i) => keyOf((nameUnitList[i] as NameUnit).content));
      nameKeys.forEach((key, i) => {
        if (nameKeys.indexOf(key) === i) documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
      });
      nameUnitList.forEach((unit, unitIndex) => {
        let vocab = vocabularyIds.get(unit.content);
        if (vocab === undefined) {
          vocab = units.length;
          vocabularyIds.set(unit.content, vocab);
          units.push(unit.content);
          vocabularyOrigin.push(unitMask.length);
          const id = vocab;
          listedKeys(unit.content, (kind, key) => {
            const map = keys[kind];
            const stored = map.get(key);
            if (stored === undefined) map.set(key, id);
            else if (typeof stored === 'number') {
              if (stored !== id) map.set(key, [stored, id]);
            } else if (stored[stored.length - 1] !== id) stored.push(id);
          });
        }
        postingPairs.push(vocab, (nameIndex << UNIT_BITS) | unitIndex);
        unitMask.push(unit.mask);
        unitVocabulary.push(vocab);
      });
      unitStart.push(unitMask.length);
      entryOf.push(entryIndex);
      listed.push(name);
      for (const token of tokens) {
        tokenText.push(token.arabic ?? token.text);
        tokenFactor.push(roleFactor(token));
      }
      tokenKey.push(...nameKeys);
      tokenStart.push(tokenText.length);
      minor.push(minorMask(tokens));
    }
    for (const identifier of entry.identifiers) {
      const key = identifierKey(identifier.number);
      if (key.length < MIN_IDENTIFIER_LENGTH) continue;
      const list = identifiers.get(key) ?? [];
      if (!list.includes(entryIndex)) list.push(entryIndex);
      identifiers.set(key, list);
    }
  });

  const count = listed.length;
  const nameCount = Math.max(count, 1);
  /** Rarity of a token among listed names; a token no listed name has counts as seen twice. */
  const rarityOf = (key: string): number => Math.log(1 + nameCount / (documentFrequency.get(key) ?? 2));

  const weight = new Float64Array(tokenText.length);
  const totalWeight = new Float64Array(count);
  for (let n = 0; n < count; n += 1) {
    const from = tokenStart[n] as number;
    const to = tokenStart[n + 1] as number;
    totalWeight[n] = weigh(tokenKey.slice(from, to).map(rarityOf), tokenFactor.slice(from, to), weight, from);
  }

  // A unit's weight is its tokens' without the middle-name factor: the candidate estimate is an upper bound.
  const unitOwner = new Int32Array(unitMask.length);
  for (let n = 0; n < count; n += 1) unitOwner.fill(n, unitStart[n] as number, unitStart[n + 1] as number);
  const vocabularyWeight = Float64Array.from(vocabularyOrigin, (unit) => {
    const name = unitOwner[unit] as number;
    const from = tokenStart[name] as number;
    let sum = 0;
    for (let m = unitMask[unit] as number; m !== 0; m &= m - 1) {
      const p = 31 - Math.clz32(m & -m);
      sum += rarityOf(tokenKey[from + p] as string) * (tokenFactor[from + p] as number);
    }
    return sum;
  });

  // Postings grouped by vocabulary unit (a counting sort of the pairs collected above).
  const postingStart = new Int32Array(units.length + 1);
  for (let i = 0; i < postingPairs.length; i += 2) {
    const at = (postingPairs[i] as number) + 1;
    postingStart[at] = (postingStart[at] as number) + 1;
  }
  for (let v = 0; v < units.length; v += 1)
    postingStart[v + 1] = (postingStart[v + 1] as number) + (postingStart[v] as number);
  const posting = new Int32Array(postingPairs.length / 2);
  const fill = postingStart.slice(0, units.length);
  for (let i = 0; i < postingPairs.length; i += 2) {
    const vocab = postingPairs[i] as number;
    posting[fill[vocab] as number] = postingPairs[i + 1] as number;
    fill[vocab] = (fill[vocab] as number) + 1;
  }

  return {
    names: {
      count,
      entry: Int32Array.from(entryOf),
      listed,
      tokenStart: Int32Array.from(tokenStart),
      tokenText,
      weight,
      totalWeight,
      minor: Int32Array.from(minor),
      unitStart: Int32Array.from(unitStart),
      unitMask: Int32Array.from(unitMask),
      unitVocabulary: Int32Array.from(unitVocabulary),
    },
    vocabulary: { units, weight: vocabularyWeight, postingStart, posting, keys },
    identifiers,
    rarest: Math.log(1 + nameCount),
    queryWeights(tokens, units) {
      const into = new Float64Array(tokens.length);
      weigh(
        tokens.map((_, i) => rarityOf(frequencyKey((units[i] as NameUnit).content))),
        tokens.map(roleFactor),
        into,
        0,
      );
      return into;
    },
  };
}
