/**
 * The units a name is compared by: each token, and each pair of adjacent tokens written as one
 * word (Abdul Rahman ~ Abdurrahman, al Baghdadi ~ Albaghdadi, Jong Un ~ Jongun), with a particle
 * between them either kept or dropped (Abd al-Rahman ~ Abdrahman). A unit's content holds what the
 * similarity needs — Latin surface and phonetic forms, or the slots of an Arabic word — and is
 * shared by every name with the same unit (the index builds each content once).
 */
import { type ArabicWord, arabicWord, joinArabicWords } from './arabic.ts';
import type { NormalisedToken } from './normalise.ts';
import { phonetic } from './phonetic.ts';

export interface LatinForm {
  surface: string;
  phonetic: string;
}

export interface UnitContent {
  /** Identifies equal contents: the same signature, the same forms. */
  signature: string;
  /** Latin forms (one per reading); empty for an Arabic-script unit. */
  latin: LatinForm[];
  /** The slots of an Arabic-script unit. */
  arabic?: ArabicWord;
  /** The folded Arabic letters of an Arabic-script unit. */
  arabicText?: string;
  /** Written in another script and transliterated. */
  transliterated: boolean;
  /** A single Latin letter (an initial). */
  initial: boolean;
  /** A join of two or three tokens. */
  joined: boolean;
}

export interface NameUnit {
  /** Token positions the unit covers (units 0..n-1 are the tokens themselves). */
  positions: number[];
  /** The same positions as a bit mask (names have at most 30 tokens here). */
  mask: number;
  content: UnitContent;
}

function unit(positions: number[], content: UnitContent): NameUnit {
  return { positions, mask: positions.reduce((mask, p) => mask | (1 << p), 0), content };
}

/**
 * Where contents are shared; the index keeps one for its whole build. Single tokens are found by
 * signature, joins by the identity of their parts' contents (no string to build for a join seen
 * before).
 */
export interface ContentCache {
  tokens: Map<string, UnitContent>;
  pairs: Map<UnitContent, Map<UnitContent, UnitContent | null>>;
  triples: Map<UnitContent, Map<UnitContent, Map<UnitContent, UnitContent | null>>>;
}

export function contentCache(): ContentCache {
  return { tokens: new Map(), pairs: new Map(), triples: new Map() };
}

function level<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** Readings combined per join, at most. */
const MAX_FORMS = 4;

function latinContent(
  signature: string,
  surfaces: readonly string[],
  transliterated: boolean,
  joined: boolean,
): UnitContent {
  const latin: LatinForm[] = [];
  for (const surface of surfaces) {
    if (latin.length === MAX_FORMS) break;
    if (!latin.some((form) => form.surface === surface)) latin.push({ surface, phonetic: phonetic(surface) });
  }
  const initial = !joined && !transliterated && latin.length === 1 && (latin[0]?.surface.length ?? 0) === 1;
  return { signature, latin, transliterated, initial, joined };
}

function tokenSignature(token: NormalisedToken): string {
  if (token.arabic !== undefined) return `a:${token.arabic}`;
  if (token.script === 'latin' && token.readings.length === 1) return token.text;
  return `${token.script === 'latin' ? 'l' : 't'}:${token.readings.join('|')}`;
}

function tokenContent(token: NormalisedToken, cache: ContentCache | undefined): UnitContent {
  const signature = tokenSignature(token);
  const found = cache?.tokens.get(signature);
  if (found) return found;
  let content: UnitContent;
  if (token.arabic !== undefined) {
    content = {
      signature,
      latin: [],
      arabic: arabicWord(token.arabic),
      arabicText: token.arabic,
      transliterated: true,
      initial: false,
      joined: false,
    };
  } else {
    content = latinContent(signature, token.readings, token.script !== 'latin', false);
  }
  cache?.tokens.set(signature, content);
  return content;
}

function buildJoin(parts: readonly UnitContent[]): UnitContent | null {
  if (parts.some((part) => part.initial)) return null;
  if (parts.every((part) => part.arabicText !== undefined)) {
    const words = parts.map((part) => part.arabicText as string);
    return {
      signature: `ja:${words.join(' ')}`,
      latin: [],
      arabic: joinArabicWords(parts.map((part) => part.arabic as ArabicWord)),
      arabicText: words.join(''),
      transliterated: true,
      initial: false,
      joined: true,
    };
  }
  if (parts.some((part) => part.arabicText !== undefined)) return null;
  let surfaces = [''];
  for (const part of parts) {
    const next: string[] = [];
    for (const prefix of surfaces) {
      for (const form of part.latin) if (next.length < MAX_FORMS) next.push(prefix + form.surface);
    }
    surfaces = next;
  }
  const transliterated = parts.some((part) => part.transliterated);
  return latinContent(`j${transliterated ? 't' : 'l'}:${surfaces.join('|')}`, surfaces, transliterated, true);
}

function joinContent(
  parts: readonly UnitContent[],
  cache: ContentCache | undefined,
): UnitContent | undefined {
  const [a, b, c] = parts as [UnitContent, UnitContent, UnitContent | undefined];
  if (!cache) return buildJoin(parts) ?? undefined;
  const last =
    c === undefined
      ? level(cache.pairs, a, () => new Map<UnitContent, UnitContent | null>())
      : level(
          level(cache.triples, a, () => new Map()),
          b,
          () => new Map<UnitContent, UnitContent | null>(),
        );
  const key = c ?? b;
  let found = last.get(key);
  if (found === undefined) {
    found = buildJoin(parts);
    last.set(key, found);
  }
  return found ?? undefined;
}

/** Syllable-sized Latin tokens (Korean, Chinese, Vietnamese names are written in syllables). */
const SYLLABLE_LENGTH = 5;

function isSyllable(content: UnitContent): boolean {
  return content.latin.length > 0 && content.latin.every((form) => form.surface.length <= SYLLABLE_LENGTH);
}

/**
 * The units of a name: one per token (unit i is token i), then the joins. Titles and suffixes
 * take no part in joins.
 */
export function nameUnits(tokens: readonly NormalisedToken[], cache?: ContentCache): NameUnit[] {
  const singles = tokens.map((token) => tokenContent(token, cache));
  const units: NameUnit[] = singles.map((content, position) => unit([position], content));
  const parts: number[] = [];
  tokens.forEach((token, position) => {
    if (token.role === 'name' || token.role === 'particle') parts.push(position);
  });
  for (let k = 0; k + 1 < parts.length; k += 1) {
    const first = parts[k] as number;
    const second = parts[k + 1] as number;
    const a = singles[first] as UnitContent;
    const b = singles[second] as UnitContent;
    // Any two neighbours may be written as one word: a short part (Abdul Rahman, Mohammad Reza,
    // Jong Un), a particle (al Baghdadi), and compound names (Karimi-Adegani, Gohari Moghadam,
    // Mohammadbagher) alike.
    const pair = joinContent([a, b], cache);
    if (pair) units.push(unit([first, second], pair));
    // Two syllables (Chong Nam, Nam Chong) join in either order: lists order them differently.
    if (isSyllable(a) && isSyllable(b)) {
      const reversed = joinContent([b, a], cache);
      if (reversed) units.push(unit([first, second], reversed));
    }
    const third = parts[k + 2];
    if (tokens[second]?.role === 'particle' && third !== undefined) {
      const c = singles[third] as UnitContent;
      const positions = [first, second, third];
      const withParticle = joinContent([a, b, c], cache);
      if (withParticle) units.push(unit(positions, withParticle));
      const withoutParticle = joinContent([a, c], cache);
      if (withoutParticle) units.push(unit(positions, withoutParticle));
    }
  }
  return units;
}
