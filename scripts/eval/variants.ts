/**
 * Generated variants of a listed person's name for the screening evaluation: the changes that
 * real payment data makes to a name — another order, `LAST, First`, a middle name left out, another
 * transliteration, a typo or two, a particle written differently. The rules are written here, apart
 * from the matcher's tables, so that the evaluation does not grade the matcher on its own
 * knowledge.
 */

export type VariantKind =
  | 'order'
  | 'last-first'
  | 'middle'
  | 'transliteration'
  | 'typo'
  | 'typos'
  | 'particle'
  | 'combined';

export interface Variant {
  kind: VariantKind;
  text: string;
}

type Random = () => number;

const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ben',
  'ibn',
  'bint',
  'abu',
  'abou',
  'van',
  'von',
  'de',
  'da',
  'di',
  'del',
  'la',
  'le',
]);

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Words of a listed name in reading order, lower case, without diacritics (`LAST, First` turned round). */
export function nameWords(full: string): string[] {
  const folded = full
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(
      /[ıłøđßæœ]/g,
      (letter) => ({ ı: 'i', ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe' })[letter] ?? letter,
    )
    .replace(/['’‘`ʻʼ]/g, '');
  const comma = folded.indexOf(',');
  const natural = comma > 0 ? `${folded.slice(comma + 1)} ${folded.slice(0, comma)}` : folded;
  // Hyphenated syllables are one given name (Korean Chol-chae, Chinese Xiao-ming): one word.
  const syllablesJoined = natural.replace(
    /\b([a-z]{1,5})-([a-z]{1,5})\b(?!-)/g,
    (whole, a: string, b: string) => (PARTICLES.has(a) || PARTICLES.has(b) ? whole : a + b),
  );
  return syllablesJoined.split(/[^a-z0-9]+/).filter(Boolean);
}

function title(words: readonly string[]): string {
  return words.map((word) => (word[0] ?? '').toUpperCase() + word.slice(1)).join(' ');
}

/**
 * Transliteration variants: [from, to, where] with where = any position, start of word, end of
 * word, or between vowels. Both directions are listed where both occur.
 */
const TRANSLITERATIONS: readonly [string, string, 'any' | 'start' | 'end' | 'inner'][] = [
  ['mohammed', 'muhammad', 'any'],
  ['muhammad', 'mohamed', 'any'],
  ['mohamed', 'mohammad', 'any'],
  ['mohammad', 'muhammed', 'any'],
  ['mohamad', 'mohammed', 'any'],
  ['ahmed', 'ahmad', 'any'],
  ['ahmad', 'ahmed', 'any'],
  ['ou', 'u', 'any'],
  ['u', 'ou', 'inner'],
  ['oo', 'u', 'any'],
  ['ee', 'i', 'any'],
  ['i', 'ee', 'inner'],
  ['ei', 'ay', 'any'],
  ['ay', 'ei', 'any'],
  ['ai', 'ei', 'any'],
  ['y', 'i', 'end'],
  ['i', 'y', 'end'],
  ['q', 'k', 'any'],
  ['dh', 'd', 'any'],
  ['dh', 'z', 'any'],
  ['th', 't', 'any'],
  ['kh', 'h', 'start'],
  ['sh', 'ch', 'any'],
  ['j', 'dj', 'start'],
  ['dj', 'j', 'any'],
  ['zh', 'j', 'any'],
  ['ss', 's', 'any'],
  ['s', 'ss', 'inner'],
  ['mm', 'm', 'any'],
  ['dd', 'd', 'any'],
  ['ll', 'l', 'any'],
  ['tt', 't', 'any'],
  ['nn', 'n', 'any'],
  ['rr', 'r', 'any'],
  ['aa', 'a', 'any'],
  ['a', 'aa', 'inner'],
  ['e', 'a', 'inner'],
  ['a', 'e', 'inner'],
  ['o', 'u', 'inner'],
  ['u', 'o', 'inner'],
  ['i', 'e', 'inner'],
  ['e', 'i', 'inner'],
  ['ov', 'off', 'end'],
  ['ev', 'yev', 'end'],
  ['yev', 'ev', 'end'],
  ['iy', 'y', 'end'],
  ['y', 'iy', 'end'],
  ['sky', 'ski', 'end'],
  ['ski', 'sky', 'end'],
  ['ph', 'f', 'any'],
  ['f', 'ph', 'start'],
  ['w', 'v', 'any'],
  ['v', 'w', 'any'],
  ['x', 'ks', 'any'],
  ['ks', 'x', 'any'],
  ['ck', 'k', 'any'],
  ['c', 'k', 'start'],
  ['yu', 'iu', 'start'],
  ['ya', 'ia', 'start'],
  ['iu', 'yu', 'start'],
  ['ye', 'e', 'start'],
  ['e', 'ye', 'start'],
  ['j', 'y', 'start'],
  ['y', 'j', 'start'],
  ['abdul', 'abdel', 'start'],
  ['abdel', 'abdul', 'start'],
  ['abdul', 'abd al ', 'start'],
  ['eddine', 'uddin', 'end'],
  ['uddin', 'eddine', 'end'],
  ['allah', 'ullah', 'end'],
  ['ullah', 'allah', 'end'],
  ['ch', 'tch', 'inner'],
  ['ts', 'tz', 'any'],
  ['g', 'gu', 'inner'],
];

const VOWELS = 'aeiouy';

function occurrences(word: string, from: string, where: string): number[] {
  const found: number[] = [];
  for (let i = word.indexOf(from); i >= 0; i = word.indexOf(from, i + 1)) {
    const end = i + from.length;
    if (where === 'start' && i !== 0) continue;
    if (where === 'end' && end !== word.length) continue;
    // Inner changes: a vowel after a consonant, a consonant after a vowel, never at the edges.
    const inner =
      i > 0 &&
      end < word.length &&
      VOWELS.includes(word[i - 1] as string) !== VOWELS.includes(from[0] as string);
    if (where === 'inner' && !inner) continue;
    found.push(i);
  }
  return found;
}

function transliterate(words: string[], random: Random, changes: number): string[] | undefined {
  const out = [...words];
  let done = 0;
  for (let attempt = 0; attempt < 20 && done < changes; attempt += 1) {
    const index = Math.floor(random() * out.length);
    const word = out[index] as string;
    if (word.length < 4 || PARTICLES.has(word)) continue;
    const applicable = TRANSLITERATIONS.filter(
      ([from, , where]) => occurrences(word, from, where).length > 0,
    );
    if (applicable.length === 0) continue;
    const [from, to, where] = pick(random, applicable);
    const at = pick(random, occurrences(word, from, where));
    out[index] = word.slice(0, at) + to + word.slice(at + from.length);
    done += 1;
  }
  return done > 0 ? out.join(' ').split(' ').filter(Boolean) : undefined;
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbour(letter: string, random: Random): string {
  for (const row of KEYBOARD_ROWS) {
    const i = row.indexOf(letter);
    if (i < 0) continue;
    const options = [row[i - 1], row[i + 1]].filter((value): value is string => value !== undefined);
    return pick(random, options);
  }
  return pick(random, [...'abcdefghijklmnopqrstuvwxyz']);
}

function typo(word: string, random: Random): string {
  const i = Math.floor(random() * word.length);
  const letter = word[i] as string;
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, i) + neighbour(letter, random) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + letter + word.slice(i);
    default:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + letter + word.slice(i + 2)
        : word.slice(0, i - 1) + letter + word[i - 1];
  }
}

function typos(words: string[], random: Random, edits?: number): string[] | undefined {
  const long = words
    .map((word, i) => (word.length >= 4 && !PARTICLES.has(word) ? i : -1))
    .filter((i) => i >= 0);
  if (long.length === 0) return undefined;
  const out = [...words];
  const count = edits ?? (random() < 0.6 ? 1 : 2);
  for (let k = 0; k < count; k += 1) {
    const index = pick(random, long);
    out[index] = typo(out[index] as string, random);
  }
  return out;
}

function particle(words: string[], random: Random): string[] | undefined {
  const options: (() => string[])[] = [];
  words.forEach((word, i) => {
    const next = words[i + 1];
    if ((word === 'al' || word === 'el') && next) {
      options.push(() => [...words.slice(0, i), word + next, ...words.slice(i + 2)]);
      options.push(() => [...words.slice(0, i), ...words.slice(i + 1)]);
      options.push(() => [...words.slice(0, i), word === 'al' ? 'el' : 'al', ...words.slice(i + 1)]);
    }
    if (['bin', 'ben', 'ibn'].includes(word)) {
      options.push(() => [
        ...words.slice(0, i),
        pick(
          random,
          ['bin', 'ben', 'ibn'].filter((w) => w !== word),
        ),
        ...words.slice(i + 1),
      ]);
    }
    if (word === 'abu' || word === 'abou')
      options.push(() => [...words.slice(0, i), word === 'abu' ? 'abou' : 'abu', ...words.slice(i + 1)]);
    if (word.startsWith('al') && word.length > 6 && !next)
      options.push(() => [...words.slice(0, i), 'al', word.slice(2)]);
  });
  return options.length > 0 ? pick(random, options)() : undefined;
}

function reorder(words: string[], random: Random): string[] | undefined {
  if (words.length < 2) return undefined;
  const options = [
    () => [...words].reverse(),
    () => [words[words.length - 1] as string, ...words.slice(0, -1)],
    () => {
      const shuffled = [...words];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
      }
      return shuffled;
    },
  ];
  const out = pick(random, options)();
  return out.join(' ') === words.join(' ') ? [...words].reverse() : out;
}

function dropMiddle(words: string[], random: Random): string[] | undefined {
  const middle = words
    .map((word, i) => (i > 0 && i < words.length - 1 && !PARTICLES.has(word) ? i : -1))
    .filter((i) => i >= 0);
  if (middle.length === 0 || words.filter((word) => !PARTICLES.has(word)).length < 3) return undefined;
  const drop = pick(random, middle);
  // A particle before the dropped name goes with it (Abu Bakr al-Husayni → Abu al-Husayni keeps "al").
  return words.filter((_, i) => i !== drop);
}

function lastFirst(words: string[]): string | undefined {
  if (words.length < 2) return undefined;
  return `${(words[words.length - 1] as string).toUpperCase()}, ${title(words.slice(0, -1))}`;
}

/** The variants of one listed name: at most one per kind, plus one combining two changes. */
export function variantsOf(full: string, random: Random): Variant[] {
  const words = nameWords(full);
  if (words.length === 0) return [];
  const variants: Variant[] = [];
  const add = (kind: VariantKind, changed: string[] | undefined) => {
    if (changed && changed.join(' ') !== words.join(' ')) variants.push({ kind, text: title(changed) });
  };
  add('order', reorder(words, random));
  const formatted = lastFirst(words);
  if (formatted) variants.push({ kind: 'last-first', text: formatted });
  add('middle', dropMiddle(words, random));
  add('transliteration', transliterate(words, random, random() < 0.6 ? 1 : 2));
  const typoCount = random() < 0.6 ? 1 : 2;
  add(typoCount === 1 ? 'typo' : 'typos', typos(words, random, typoCount));
  add('particle', particle(words, random));
  // Two different changes, each a single one (one transliteration, one typo).
  const steps = [
    (w: string[]) => reorder(w, random),
    (w: string[]) => dropMiddle(w, random),
    (w: string[]) => transliterate(w, random, 1),
    (w: string[]) => typos(w, random, 1),
  ];
  const firstStep = Math.floor(random() * steps.length);
  const secondStep = (firstStep + 1 + Math.floor(random() * (steps.length - 1))) % steps.length;
  const first = steps[firstStep]?.(words);
  if (first) add('combined', steps[secondStep]?.(first) ?? first);
  return variants;
}
