/**
 * A Latin token's phonetic form: the spelling conventions that transliterations disagree on
 * (sh/sch, kh/ch, dh/th, j/dj/dzh, c/k/s, doubled letters, y as a vowel …) folded into one symbol
 * each, so that Sergey/Sergei/Serguei or Mohammed/Mohamed spell alike; its consonant skeleton,
 * which is what an Arabic name written without short vowels can be compared with; and the
 * weighted edit distance between two phonetic forms, where the substitutions that transliteration
 * systems make (o/u, e/i, q/k, z/dh …) cost less than a typo.
 *
 * Symbols: vowels a e i o u; semivowels y w; consonants b d f g h k l m n p r s t v z and
 * S (sh), C (ch), X (kh), Z (zh), G (gh), J (j, dj, dzh); q is written k.
 */

const VOWEL_LETTERS = 'aeiou';

export function isVowel(symbol: string): boolean {
  return symbol.length === 1 && VOWEL_LETTERS.includes(symbol);
}

/**
 * The phonetic form of a folded Latin token (lower-case ASCII letters). Multi-letter spellings
 * become one symbol (sh, sch, shch → S; ch, tch, tsch → C; kh → X; zh → Z; gh → G; j, dj, dzh → J;
 * dh → d; th → t; ph → f; ck → k), c is k or s by the next letter, x is ks. Digits and other
 * characters pass through unchanged.
 */
export function phonetic(token: string): string {
  const symbols: string[] = [];
  const n = token.length;
  let i = 0;
  while (i < n) {
    const letter = token[i] as string;
    const next = token[i + 1];
    let symbol = letter;
    let length = 1;
    switch (letter) {
      case 's':
        if (next === 'h') [symbol, length] = token.startsWith('shch', i) ? ['S', 4] : ['S', 2];
        else if (next === 'c' && token[i + 2] === 'h') [symbol, length] = ['S', 3];
        break;
      case 't':
        if (token.startsWith('tsch', i)) [symbol, length] = ['C', 4];
        else if (next === 'c' && token[i + 2] === 'h') [symbol, length] = ['C', 3];
        else if (next === 'h') [symbol, length] = ['t', 2];
        break;
      case 'd':
        if (next === 'z' && token[i + 2] === 'h') [symbol, length] = ['J', 3];
        else if (next === 'h') [symbol, length] = ['d', 2];
        else if (next === 'j') [symbol, length] = ['J', 2];
        break;
      case 'c':
        if (next === 'h') [symbol, length] = ['C', 2];
        else if (next === 'k') [symbol, length] = ['k', 2];
        else symbol = next === 'e' || next === 'i' || next === 'y' ? 's' : 'k';
        break;
      case 'k':
        if (next === 'h') [symbol, length] = ['X', 2];
        break;
      case 'z':
        if (next === 'h') [symbol, length] = ['Z', 2];
        break;
      case 'g':
        if (next === 'h') [symbol, length] = ['G', 2];
        // Spanish and French "gue", "gui": the u only keeps the g hard (Serguei, Guillermo).
        else if (next === 'u' && (token[i + 2] === 'e' || token[i + 2] === 'i')) [symbol, length] = ['g', 2];
        break;
      case 'p':
        if (next === 'h') [symbol, length] = ['f', 2];
        break;
      case 'x':
        symbols.push('k');
        symbol = 's';
        break;
      case 'j':
        symbol = 'J';
        break;
      case 'q':
        // q and k write one sound in Latin spellings of names (Qasim, Kasim; Tariq, Tarik).
        symbol = 'k';
        break;
      case 'o':
        // French ou is u (Youssef, Moussa, Louis).
        if (next === 'u') [symbol, length] = ['u', 2];
        break;
    }
    symbols.push(symbol);
    i += length;
  }
  // A doubled glide is one, doubled in writing as other consonants are (Sayyid, Qayyum, Tawwab):
  // fold it before y is read as a vowel or a consonant.
  for (let k = symbols.length - 1; k > 0; k -= 1) {
    const symbol = symbols[k];
    if ((symbol === 'y' || symbol === 'w') && symbols[k - 1] === symbol) symbols.splice(k, 1);
  }
  // y (and a final j after a vowel, as in Sergej) is a consonant only before a vowel at the start
  // of a name or between vowels; otherwise it writes the vowel i (Sergey, Husayn, Yury).
  const count = symbols.length;
  for (let k = 0; k < count; k += 1) {
    const symbol = symbols[k];
    if (symbol === 'y') {
      const before = symbols[k - 1] ?? '';
      const after = symbols[k + 1] ?? '';
      const consonantal = (k === 0 && isVowel(after)) || (isVowel(before) && isVowel(after));
      if (!consonantal) symbols[k] = 'i';
    } else if (symbol === 'J' && k === count - 1 && isVowel(symbols[k - 1] ?? '')) {
      symbols[k] = 'i';
    }
  }
  // A leading i before a vowel is the same glide (Iurii, Iakov, Ievgen = Yuri, Yakov, Yevgen).
  if (symbols[0] === 'i' && isVowel(symbols[1] ?? '')) symbols[0] = 'y';
  // Doubled consonants are spelling (Mohammed, Mohamed); a doubled vowel writes a long one (Ameer),
  // except ii, which is the y of -iy spelt as a vowel (Yuriy, Iurii, Dmitriy).
  let out = '';
  let last = '';
  for (const symbol of symbols) {
    if (symbol !== last || (isVowel(symbol) && symbol !== 'i')) out += symbol;
    last = symbol;
  }
  return out;
}

/**
 * The consonant skeleton of a phonetic form: no vowels, no semivowels, no final h. Short vowels are
 * not written in Arabic, and long ones are written with the semivowel letters, so this is the part
 * of a Latin spelling an Arabic spelling can be compared with.
 */
export function skeleton(phoneticForm: string): string {
  let out = '';
  for (const symbol of phoneticForm) {
    if (isVowel(symbol) || symbol === 'y' || symbol === 'w') continue;
    if (out[out.length - 1] !== symbol) out += symbol;
  }
  if (out.length > 1 && out.endsWith('h')) out = out.slice(0, -1);
  return out;
}

/**
 * Substitution costs below 1, as data: transliteration variants of one sound. Pairs are symmetric.
 * Vowels pair by the Arabic short vowel they write (fatha a/e, kasra e/i, damma o/u) and the
 * glides by their vowel (y/i, w/u/o).
 */
const SUBSTITUTIONS = `
  a-e:0.2 e-i:0.2 o-u:0.2 e-u:0.4 a-o:0.5 a-i:0.5 e-o:0.5 i-u:0.5 a-u:0.6 i-o:0.6
  y-i:0.2 y-e:0.3 w-u:0.2 w-o:0.3 w-v:0.2 y-J:0.3
  g-k:0.3 G-k:0.4 k-C:0.5 k-X:0.4 h-X:0.3 C-X:0.3 g-G:0.2 G-X:0.4 G-h:0.5 g-h:0.5
  t-d:0.5 d-z:0.4 s-z:0.3 s-t:0.5 s-S:0.4 S-C:0.3 C-J:0.3 J-Z:0.3 J-g:0.4 z-Z:0.4 S-Z:0.4 s-C:0.6
  b-p:0.4 b-v:0.5 f-v:0.3 f-p:0.5 l-r:0.6 m-n:0.6
`;

/** Cost of inserting or deleting a symbol: vowels and glides are cheap, a consonant is a full edit. */
function indelCost(symbol: number): number {
  const c = String.fromCharCode(symbol);
  if (isVowel(c)) return 0.3;
  if (c === 'y' || c === 'w' || c === 'h') return 0.4;
  return 1;
}

const ALPHABET = 128;
const VOWEL_CODES = new Uint8Array(ALPHABET);
for (const vowel of VOWEL_LETTERS) VOWEL_CODES[vowel.charCodeAt(0)] = 1;

function isVowelCode(symbol: number): boolean {
  return VOWEL_CODES[symbol] === 1;
}
const substitution = new Float64Array(ALPHABET * ALPHABET).fill(1);
const indel = new Float64Array(ALPHABET);
for (let a = 0; a < ALPHABET; a += 1) {
  substitution[a * ALPHABET + a] = 0;
  indel[a] = indelCost(a);
}
for (const pair of SUBSTITUTIONS.trim().split(/\s+/)) {
  const [a, b, cost] = [pair[0] as string, pair[2] as string, Number(pair.slice(4))];
  substitution[a.charCodeAt(0) * ALPHABET + b.charCodeAt(0)] = cost;
  substitution[b.charCodeAt(0) * ALPHABET + a.charCodeAt(0)] = cost;
}

/** A transposition of two adjacent symbols (a typo) costs less than two substitutions. */
const TRANSPOSITION = 0.6;
const MAX_LENGTH = 48;
let rows: Float64Array[] = [
  new Float64Array(MAX_LENGTH + 1),
  new Float64Array(MAX_LENGTH + 1),
  new Float64Array(MAX_LENGTH + 1),
];

function code(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c < ALPHABET ? c : 0;
}

/**
 * Weighted optimal-string-alignment distance between two phonetic forms. Past `limit` the exact
 * value does not matter: the computation stops as soon as every alignment costs more, and returns
 * a value above the limit.
 */
export function phoneticDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  return weightedDistance(a, b, limit, substitution, indel, 0.3, FINAL_VOWEL);
}

/**
 * Adding or dropping a final vowel makes another name rather than another spelling: Ahmad and
 * Ahmadi, Karim and Karima, Omar and Omari.
 */
const FINAL_VOWEL = 0.7;

function weightedDistance(
  a: string,
  b: string,
  limit: number,
  substitutionCosts: Float64Array,
  indelCosts: Float64Array,
  cheapestIndel: number,
  finalVowel?: number,
): number {
  const n = Math.min(a.length, MAX_LENGTH);
  const m = Math.min(b.length, MAX_LENGTH);
  // Indel cost of each position's symbol, the last one raised when it is a vowel.
  const indelA = (i: number, symbol: number) =>
    finalVowel !== undefined && i === n && isVowelCode(symbol) ? finalVowel : (indelCosts[symbol] as number);
  const indelB = (j: number, symbol: number) =>
    finalVowel !== undefined && j === m && isVowelCode(symbol) ? finalVowel : (indelCosts[symbol] as number);
  // Every symbol of the longer form beyond the shorter one's length costs an insertion at least.
  if (Math.abs(n - m) * cheapestIndel > limit) return limit + 1;
  let [prev2, prev, cur] = rows as [Float64Array, Float64Array, Float64Array];
  prev[0] = 0;
  for (let j = 1; j <= m; j += 1) prev[j] = (prev[j - 1] as number) + indelB(j, code(b, j - 1));
  for (let i = 1; i <= n; i += 1) {
    const ai = code(a, i - 1);
    cur[0] = (prev[0] as number) + indelA(i, ai);
    let rowMinimum = cur[0] as number;
    for (let j = 1; j <= m; j += 1) {
      const bj = code(b, j - 1);
      let best = (prev[j - 1] as number) + (substitutionCosts[ai * ALPHABET + bj] as number);
      const del = (prev[j] as number) + indelA(i, ai);
      if (del < best) best = del;
      const ins = (cur[j - 1] as number) + indelB(j, bj);
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ai === code(b, j - 2) && code(a, i - 2) === bj && ai !== bj) {
        const swap = (prev2[j - 2] as number) + TRANSPOSITION;
        if (swap < best) best = swap;
      }
      cur[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
    if (rowMinimum > limit) {
      rows = [prev2, prev, cur];
      return limit + 1;
    }
  }
  rows = [prev2, prev, cur];
  return prev[m] as number;
}

/** The substitution cost of two symbols (0 equal, below 1 a transliteration variant, 1 unrelated). */
export function substitutionCost(a: string, b: string): number {
  return substitution[code(a, 0) * ALPHABET + code(b, 0)] as number;
}

/**
 * Plain spelling edits: every insertion and deletion costs 1, a substitution 1 or — for keys next
 * to each other on a QWERTY keyboard, the commonest slip — 0.6, a swap of neighbours 0.6.
 */
const spellingSubstitution = new Float64Array(ALPHABET * ALPHABET).fill(1);
const spellingIndel = new Float64Array(ALPHABET).fill(1);
for (let a = 0; a < ALPHABET; a += 1) spellingSubstitution[a * ALPHABET + a] = 0;
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const ADJACENT_KEY = 0.6;
KEYBOARD_ROWS.forEach((row, r) => {
  for (let i = 0; i < row.length; i += 1) {
    const below = KEYBOARD_ROWS[r + 1];
    // Horizontal neighbours, and the keys below (q–a, a–z, w–s, s–x …).
    for (const other of [row[i + 1], below?.[i], below?.[i - 1]]) {
      if (!other) continue;
      const a = (row[i] as string).charCodeAt(0);
      const b = other.charCodeAt(0);
      spellingSubstitution[a * ALPHABET + b] = ADJACENT_KEY;
      spellingSubstitution[b * ALPHABET + a] = ADJACENT_KEY;
    }
  }
});

/** Optimal-string-alignment distance between two spellings (typos), with the same early stop. */
export function spellingDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  return weightedDistance(a, b, limit, spellingSubstitution, spellingIndel, 1);
}
