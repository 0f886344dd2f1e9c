/**
 * Names in other scripts to Latin, inside the gateway (no external service sees a name): Cyrillic
 * (BGN/PCGN, ICAO and German readings), Greek (ELOT and a variant), Chinese (pinyin by pinyin-pro,
 * surname first), Japanese kana (Hepburn), Korean Hangul (Revised Romanization and
 * McCune–Reischauer, computed from the syllable's jamo) and a display reading of Arabic script
 * (Arabic names are matched on their letters by arabic.ts, not on this reading). A word may give
 * several tokens (a Chinese or Korean name written without spaces); each token has one or more
 * readings, the first being the one shown.
 */
import { pinyin } from 'pinyin-pro';
import { ARABIC_READING } from './tables/arabic.ts';
import { CYRILLIC_LETTERS, UKRAINIAN_MARKERS } from './tables/cyrillic.ts';
import { GREEK_SPELLINGS } from './tables/greek.ts';
import { FINALS, INITIALS_MR, INITIALS_RR, SURNAMES, VOWELS_MR, VOWELS_RR } from './tables/hangul.ts';
import { KANA_SYLLABLES } from './tables/kana.ts';

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'greek' | 'han' | 'kana' | 'hangul' | 'other';

const SCRIPT_TESTS: readonly [Script, RegExp][] = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u],
  ['han', /\p{Script=Han}/u],
];

/** The script of one character; digits and marks are `other`. */
export function scriptOfChar(char: string): Script {
  const code = char.charCodeAt(0);
  // Most names are Latin: ASCII and Latin-1 letters need no Unicode property lookup.
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return 'latin';
  if (code < 0xc0) return 'other';
  for (const [script, test] of SCRIPT_TESTS) if (test.test(char)) return script;
  return 'other';
}

/** One token of a transliterated word: its readings, the customary one first. */
export type Readings = string[];

function unique(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((value) => value !== ''))];
}

// --- Cyrillic ------------------------------------------------------------------------------

const CYRILLIC = new Map<string, string[]>(
  CYRILLIC_LETTERS.trim()
    .split('\n')
    .map((line) => {
      const [letter, ...readings] = line.trim().split(/\s+/);
      return [letter as string, readings.map((reading) => (reading === '-' ? '' : reading))];
    }),
);
const CYRILLIC_VOWELS = 'аеёиоуыэюяіїє';
const GLIDE_E = ['ye', 'e', 'je'];

function cyrillicReadings(word: string): Readings {
  const letters = [...word.toLowerCase()];
  const ukrainian = letters.some((letter) => UKRAINIAN_MARKERS.includes(letter));
  // A fourth reading, BGN/PCGN with х as h: names of Arabic origin write ح or ه with х (Мухаммад,
  // Хасан), which Latin lists write Muhammad, Hasan.
  const schemes = letters.includes('х') ? [0, 1, 2, 3] : [0, 1, 2];
  return unique(
    schemes.map((readingScheme) => {
      const scheme = readingScheme === 3 ? 0 : readingScheme;
      let out = '';
      for (let i = 0; i < letters.length; i += 1) {
        const letter = letters[i] as string;
        const before = letters[i - 1];
        const afterGlide =
          before === undefined || CYRILLIC_VOWELS.includes(before) || before === 'ъ' || before === 'ь';
        const last = i === letters.length - 2 && letters[i + 1] === 'й';
        if (last && (letter === 'и' || letter === 'ы')) {
          // -ий / -ый: Yuriy (BGN), Iurii (ICAO), Juri (German).
          out +=
            letter === 'и' ? (['iy', 'ii', 'i'][scheme] as string) : (['yy', 'yi', 'y'][scheme] as string);
          i += 1;
        } else if (letter === 'е' && afterGlide) out += GLIDE_E[scheme];
        else if (ukrainian && letter === 'г') out += 'h';
        else if (ukrainian && letter === 'и') out += 'y';
        else if (readingScheme === 3 && letter === 'х') out += 'h';
        else out += CYRILLIC.get(letter)?.[scheme] ?? letter;
      }
      return out;
    }),
  );
}

// --- Greek ---------------------------------------------------------------------------------

const GREEK: readonly [string, string, string][] = GREEK_SPELLINGS.trim()
  .split('\n')
  .map((line) => line.trim().split(/\s+/) as [string, string, string]);

function greekReadings(word: string): Readings {
  const letters = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  return unique(
    [1, 2].map((column) => {
      let out = '';
      let i = 0;
      while (i < letters.length) {
        const spelling = GREEK.find(([greek]) => letters.startsWith(greek, i));
        if (!spelling) {
          out += letters[i];
          i += 1;
          continue;
        }
        const [greek] = spelling;
        // μπ and ντ are b and d at the start of a word (Μπακογιάννης → Bakoyannis).
        if (i === 0 && greek === 'μπ') out += 'b';
        else if (i === 0 && greek === 'ντ') out += 'd';
        else out += spelling[column];
        i += greek.length;
      }
      return out;
    }),
  );
}

// --- Japanese kana -------------------------------------------------------------------------

const KANA = new Map<string, string>();
{
  const parts = KANA_SYLLABLES.trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length; i += 2) KANA.set(parts[i] as string, parts[i + 1] as string);
}
const HIRAGANA_TO_KATAKANA = 0x60;

function toKatakana(word: string): string {
  return [...word]
    .map((char) => {
      const code = char.codePointAt(0) as number;
      return code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + HIRAGANA_TO_KATAKANA) : char;
    })
    .join('');
}

function kanaReadings(word: string): Readings {
  const kana = toKatakana(word);
  let out = '';
  let geminate = false;
  let i = 0;
  while (i < kana.length) {
    const char = kana[i] as string;
    if (char === 'ッ') {
      geminate = true;
      i += 1;
      continue;
    }
    if (char === 'ー') {
      out += out[out.length - 1] ?? '';
      i += 1;
      continue;
    }
    const pair = kana.slice(i, i + 2);
    const syllable = KANA.get(pair) ?? KANA.get(char);
    const length = KANA.has(pair) ? 2 : 1;
    if (syllable === undefined) {
      i += 1;
      continue;
    }
    out += geminate ? (syllable.startsWith('ch') ? `t${syllable}` : `${syllable[0]}${syllable}`) : syllable;
    geminate = false;
    i += length;
  }
  // Passports and lists write long vowels short (Tarō, たろう → Taro); the kana spelling keeps them.
  const short = out.replace(/ou/g, 'o').replace(/oo/g, 'o').replace(/uu/g, 'u').replace(/aa/g, 'a');
  return unique([short, out]);
}

// --- Korean Hangul -------------------------------------------------------------------------

const HANGUL_BASE = 0xac00;
const HANGUL_LAST = 0xd7a3;
const SURNAME_SPELLINGS = new Map<string, string[]>(
  SURNAMES.trim()
    .split('\n')
    .map((line) => {
      const [surname, ...spellings] = line.trim().split(/\s+/);
      return [surname as string, spellings];
    }),
);
/** Two-syllable surnames; every other Korean surname is one syllable. */
const KOREAN_COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문']);

function jamo(syllable: string): [number, number, number] | undefined {
  const code = (syllable.codePointAt(0) as number) - HANGUL_BASE;
  if (code < 0 || code > HANGUL_LAST - HANGUL_BASE) return undefined;
  return [Math.floor(code / 588), Math.floor((code % 588) / 28), code % 28];
}

function part(value: string | undefined): string {
  return value === undefined || value === '-' ? '' : value;
}

/**
 * A syllable in RR (jeong, eun), in the North Korean spelling (RR consonants with
 * McCune–Reischauer vowels: jong, un) and in McCune–Reischauer (chong, un).
 */
function hangulSyllableReadings(syllable: string): Readings {
  const parts = jamo(syllable);
  if (!parts) return [];
  const [initial, vowel, final] = parts;
  const end = part(FINALS[final]);
  return [
    part(INITIALS_RR[initial]) + part(VOWELS_RR[vowel]) + end,
    part(INITIALS_RR[initial]) + part(VOWELS_MR[vowel]) + end,
    part(INITIALS_MR[initial]) + part(VOWELS_MR[vowel]) + end,
  ];
}

function hangulSurnameReadings(surname: string): Readings {
  const customary = SURNAME_SPELLINGS.get(surname) ?? [];
  const computed = [...surname].map((syllable) => unique(hangulSyllableReadings(syllable)));
  const joined = computed.reduce<string[]>(
    (acc, readings) => acc.flatMap((prefix) => readings.map((reading) => prefix + reading)),
    [''],
  );
  return unique([...customary, ...joined]);
}

/**
 * A given name's syllables read in one scheme throughout (RR jeongeun, North Korean jongun,
 * McCune–Reischauer chongun): one token, as a Chinese given name is; lists that split it (Jong Un)
 * meet it as a join.
 */
function hangulGivenReadings(syllables: readonly string[]): Readings {
  const perSyllable = syllables.map(hangulSyllableReadings);
  return unique(
    [0, 1, 2].map((scheme) => perSyllable.map((readings) => readings[scheme] ?? readings[0] ?? '').join('')),
  );
}

/** A Hangul word: the first word of a name starts with the surname; the rest is the given name. */
function hangulTokens(word: string, firstWord: boolean): Readings[] {
  const syllables = [...word].filter((syllable) => jamo(syllable) !== undefined);
  if (syllables.length === 0) return [];
  if (!firstWord) return [hangulGivenReadings(syllables)];
  const surnameLength = KOREAN_COMPOUND_SURNAMES.has(syllables.slice(0, 2).join('')) ? 2 : 1;
  const surname = syllables.slice(0, surnameLength).join('');
  const given = syllables.slice(surnameLength);
  return given.length > 0
    ? [hangulSurnameReadings(surname), hangulGivenReadings(given)]
    : [hangulSurnameReadings(surname)];
}

// --- Chinese ---------------------------------------------------------------------------------

/** Two-character surnames; every other Chinese surname is one character. */
const CHINESE_COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 令狐 宇文 夏侯 轩辕 司徒 端木 西门 南宫 歐陽 司馬 諸葛 長孫'.split(
    ' ',
  ),
);

function pinyinOf(text: string, surname: boolean): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' });
  return syllables.join('').toLowerCase();
}

/** With ü written three ways (lü: lu, lyu, lv), as passports and lists do. */
function pinyinReadings(reading: string): Readings {
  if (!reading.includes('ü')) return [reading];
  return unique([reading.replace(/ü/g, 'u'), reading.replace(/ü/g, 'yu'), reading.replace(/ü/g, 'v')]);
}

/** A Chinese word: the first word of a name is surname then given name; the given name is one token. */
function hanTokens(word: string, firstWord: boolean): Readings[] {
  const chars = [...word];
  if (!firstWord || chars.length === 1) return [pinyinReadings(pinyinOf(word, firstWord))];
  const surnameLength = CHINESE_COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const surname = chars.slice(0, surnameLength).join('');
  const given = chars.slice(surnameLength).join('');
  return [pinyinReadings(pinyinOf(surname, true)), pinyinReadings(pinyinOf(given, false))].filter(
    (readings) => readings[0] !== '',
  );
}

// --- Arabic (display only) ------------------------------------------------------------------

/** A rough consonantal reading of an Arabic-script word, to show it in Latin letters. */
export function arabicReading(word: string): string {
  return [...word].map((letter) => ARABIC_READING[letter] ?? '').join('');
}

/**
 * The tokens of one word of a given script, each with its readings. `firstWord` tells Chinese and
 * Korean names where the surname is. Returns no token when the script cannot be read (kanji
 * inside a Japanese name, scripts without a table).
 */
export function transliterateWord(word: string, script: Script, firstWord: boolean): Readings[] {
  switch (script) {
    case 'cyrillic':
      return [cyrillicReadings(word)];
    case 'greek':
      return [greekReadings(word)];
    case 'kana':
      return [kanaReadings(word)];
    case 'hangul':
      return hangulTokens(word, firstWord);
    case 'han':
      return hanTokens(word, firstWord);
    case 'arabic':
      return [[arabicReading(word)]];
    default:
      return [];
  }
}
