/**
 * Names to tokens: Unicode compatibility forms, case, diacritics and special letters (ß, ø, æ,
 * ł, đ, ı …), punctuation, OFAC's `LAST, First` order, scripts (each word transliterated by
 * transliterate.ts), and the role of each token — a name, or a title, particle, generational
 * suffix or legal form that keeps its place but weighs little.
 */
import type { EntityType } from '../../../ports/sanctions.ts';
import {
  ARABIC_HONORIFICS,
  ARABIC_LINKS,
  ARABIC_PARTICLES,
  HONORIFICS,
  LEGAL_FORMS,
  LINKS,
  PARTICLES,
  SUFFIXES,
} from './tables/words.ts';
import { type Script, scriptOfChar, transliterateWord } from './transliterate.ts';

export type TokenRole = 'name' | 'particle' | 'honorific' | 'suffix' | 'legal';

export interface NormalisedToken {
  /** The token in Latin letters: folded Latin, or the first reading of a transliteration. */
  text: string;
  /** Every Latin reading (the first is `text`); for Arabic script, its display reading only. */
  readings: string[];
  /** The script the token was written in. */
  script: Script;
  /** For Arabic script: the word's letters, without vowel marks or letter variants. */
  arabic?: string;
  role: TokenRole;
}

/** Letters that Unicode decomposition leaves alone. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  ŋ: 'ng',
  ə: 'e',
  ɨ: 'i',
  ʉ: 'u',
  ſ: 's',
};

/**
 * Cyrillic and Greek letters that look like Latin ones, as they appear inside Latin names (by
 * mistake or to slip past a screen): read as the Latin letter they look like.
 */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
};

/** Folds Latin text to lower-case ASCII letters and digits (anything else is dropped). */
export function foldLatin(text: string): string {
  let out = '';
  for (const char of text.toLowerCase().normalize('NFKD')) {
    if (char >= 'a' && char <= 'z') out += char;
    else if (char >= '0' && char <= '9') out += char;
    else out += SPECIAL_LETTERS[char] ?? HOMOGLYPHS[char] ?? '';
  }
  return out;
}

/** Arabic letters without vowel marks, tatweel or presentation forms, with letter variants unified. */
export function foldArabic(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[^\p{Script=Arabic}]/gu, '');
}

const APOSTROPHES = /['’‘`´ʼʻʾʿ′]/gu;
/** Words: runs of letters, marks and digits (apostrophes inside a word join it: O'Brien, Mus'ab). */
const WORD = /[\p{L}\p{M}\p{N}\u30fc]+/gu;

/** `LAST, First Middle` → `First Middle LAST`, as OFAC writes individuals; organisations keep commas. */
function naturalOrder(name: string, type: EntityType | undefined): string {
  if (type !== undefined && type !== 'person') return name;
  const comma = name.indexOf(',');
  if (comma <= 0) return name;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  return first && last ? `${first} ${last}` : name;
}

/** Splits a word into runs of one script, so that "王小明abc" or "山田たろう" are read run by run. */
function scriptRuns(word: string): { text: string; script: Script }[] {
  const runs: { text: string; script: Script }[] = [];
  for (const char of word) {
    let script = scriptOfChar(char);
    const previous = runs[runs.length - 1];
    // Digits, marks and look-alike letters stay with the run they are in.
    if (previous && (script === 'other' || (previous.script === 'latin' && char in HOMOGLYPHS))) {
      script = previous.script;
    }
    if (previous && previous.script === script) previous.text += char;
    else runs.push({ text: char, script });
  }
  return runs;
}

function roleOf(
  text: string,
  script: Script,
  type: EntityType | undefined,
  position: { leading: boolean; last: boolean },
): TokenRole {
  if (type === 'organization') return LEGAL_FORMS.has(text) ? 'legal' : 'name';
  if (type !== undefined && type !== 'person') return 'name';
  const arabic = script === 'arabic';
  // Titles precede the name; inside it ("Muhammad al-Shaykh") the same word is a name.
  if (position.leading && (arabic ? ARABIC_HONORIFICS : HONORIFICS).has(text)) return 'honorific';
  if (!arabic && !position.leading && SUFFIXES.has(text)) return 'suffix';
  // A particle precedes the name it belongs to (a final "Le" is a name); a link stands between two.
  if (position.last) return 'name';
  if ((arabic ? ARABIC_PARTICLES : PARTICLES).has(text)) return 'particle';
  return !position.leading && (arabic ? ARABIC_LINKS : LINKS).has(text) ? 'particle' : 'name';
}

type Draft = Omit<NormalisedToken, 'role'>;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The Arabic article written onto a name (Albaghdadi, Elkaddafi, Assaadi, Arrahman) also reads
 * without it, so that it finds Baghdadi, Kaddafi, Saadi and Rahman; four letters must remain.
 */
const GLUED_ARTICLE = /^(?:[ae]l(?=[a-z]{4})|[ae](?=([dnrstz])\1[a-z]{3}))/;

/** Abdul, Abdel, Abdoul …: ʿabd with the article, which Arabic writes apart (عبد الرحمن). */
const ABD_WITH_ARTICLE = /^abd(?:u|e|a|o|ou)l$/;

function latinDraft(text: string): Draft {
  if (ABD_WITH_ARTICLE.test(text)) return { text, readings: [text, 'abd'], script: 'latin' };
  const article = GLUED_ARTICLE.exec(text);
  if (!article) return { text, readings: [text], script: 'latin' };
  const bare = text.slice(article[0].length).replace(/^([dnrstz])\1/, '$1');
  return { text, readings: [text, bare], script: 'latin' };
}

/**
 * Short syllables joined by hyphens are one name (Korean Sung-min, Jong-un; Chinese Xiao-ming):
 * written as one word, so that "Son Sung-min" does not match "Son Min" by one syllable. Lists that
 * write them apart meet the joined word as a join. Particles keep their hyphen (al-Baghdadi).
 */
const HYPHENATED_SYLLABLES = /(?<![\p{L}-])\p{L}{1,5}(?:-\p{L}{1,5}){1,2}(?![\p{L}-])/gu;

function joinSyllables(name: string): string {
  return name.replace(HYPHENATED_SYLLABLES, (compound) => {
    const parts = compound.toLowerCase().split('-');
    const separable = parts.some(
      (part) =>
        PARTICLES.has(part) || LINKS.has(part) || HONORIFICS.has(part) || part === 'abu' || part === 'abd',
    );
    return separable ? compound : parts.join('');
  });
}

/** The tokens of a name in ASCII: most names in lists and payment data, read without Unicode tables. */
function asciiDrafts(name: string): Draft[] {
  return (
    name
      .replace(APOSTROPHES, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  ).map(latinDraft);
}

function unicodeDrafts(name: string): Draft[] {
  const words = name.replace(APOSTROPHES, '').match(WORD) ?? [];
  const hasKana = words.some((word) => scriptRuns(word).some((run) => run.script === 'kana'));
  const drafts: Draft[] = [];
  for (const word of words) {
    for (const run of scriptRuns(word)) {
      if (run.script === 'latin' || run.script === 'other') {
        const text = foldLatin(run.text);
        if (text) drafts.push(latinDraft(text));
      } else if (run.script === 'arabic') {
        const arabic = foldArabic(run.text);
        if (!arabic) continue;
        const readings = transliterateWord(arabic, 'arabic', false)[0] ?? [];
        drafts.push({ text: readings[0] ?? arabic, readings, script: 'arabic', arabic });
      } else if (run.script === 'han' && hasKana) {
        // Kanji in a Japanese name have Japanese readings that no table here can give.
      } else {
        for (const readings of transliterateWord(run.text, run.script, drafts.length === 0)) {
          const folded = unique(readings.map(foldLatin));
          if (folded[0]) drafts.push({ text: folded[0], readings: folded, script: run.script });
        }
      }
    }
  }
  return drafts;
}

/**
 * "son of", "daughter of" and their abbreviations (s/o, d/o) written out in Latin, as lists render
 * bin, bint or the Persian ولد: one patronymic link.
 */
const PATRONYMIC_PHRASE = /\b(?:son\s+of|s\/o)\b/gi;
const MATRONYMIC_PHRASE = /\b(?:daughter\s+of|d\/o)\b/gi;

/**
 * Normalises a name into tokens in reading order. `type` decides the roles: honorifics and
 * particles for persons (and unknown types), legal forms for organisations.
 */
export function normaliseName(name: string, type?: EntityType): NormalisedToken[] {
  const ordered = naturalOrder(PRINTABLE_ASCII.test(name) ? name : name.normalize('NFKC'), type)
    .replace(PATRONYMIC_PHRASE, ' bin ')
    .replace(MATRONYMIC_PHRASE, ' bint ');
  const joined = joinSyllables(ordered.replace(APOSTROPHES, ''));
  const drafts = PRINTABLE_ASCII.test(joined) ? asciiDrafts(joined) : unicodeDrafts(joined);
  let leading = true;
  return drafts.map((draft, i) => {
    const role = roleOf(draft.arabic ?? draft.text, draft.script, type, {
      leading,
      last: i === drafts.length - 1,
    });
    if (role === 'name') leading = false;
    return { ...draft, role };
  });
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
