/**
 * How each Arabic-script letter (Arabic, Persian, Urdu, Pashto) may be written in Latin, as data:
 * the phonetic symbols (see phonetic.ts) a letter can stand for, with the cost of the less usual
 * ones, and the cost of a Latin spelling leaving it out. Consonants are written in every
 * transliteration; the long vowels alif, waw and ya can be written as a vowel or a glide; ʿayn and
 * hamza usually not at all. Short vowels are not letters, so a Latin vowel needs no Arabic letter.
 *
 * Format: `letters  symbol[:cost] … [| skip]`; a cost defaults to 0, the skip cost to 1. Persian
 * ی also writes the final alif maqsura (عیسی, Isa), hence its a.
 */
export const ARABIC_LETTERS = `
  اأإآٱ   a e i o u | 0
  ءع      a e i o u | 0
  ب       b p:0.3 v:0.5
  پ       p b:0.2
  تټ      t d:0.5
  ث       t s:0.1 S:0.5
  ج       J g:0.2 Z:0.3 y:0.6
  چ       C J:0.3 S:0.4
  ح       h X:0.3 | 0.6
  خ       X h:0.2 C:0.2 k:0.3 G:0.5
  دډ      d t:0.5 z:0.5
  ذ       d z:0.1 t:0.2
  رړ      r l:0.6
  ز       z s:0.3 Z:0.4 J:0.5
  ژږ      Z J:0.3 z:0.3 g:0.5
  سڅ      s z:0.3 S:0.4 t:0.6
  شښ      S C:0.2 s:0.4 J:0.6
  ص       s z:0.3 S:0.5
  ض       d z:0.1 t:0.4
  طٹ      t d:0.4
  ظ       z d:0.1 t:0.2
  غ       G g:0.2 X:0.3 k:0.5
  ف       f v:0.3 p:0.4
  ق       k g:0.2 G:0.3 X:0.6
  كک      k g:0.4 C:0.5 X:0.5
  گ       g k:0.3 G:0.3 J:0.5
  ل       l r:0.6
  م       m n:0.6
  نںڼ     n m:0.6
  هہھۀە   h X:0.5 | 0.3
  ةۃ      h t a e | 0
  وۇ      u o w v | 0.3
  يېۍےئ   y i e | 0.3
  ی       y i e a:0.2 | 0.3
  ى       a i e y | 0
  ځ       z J:0.4 d:0.5
  ڈ       d t:0.5
  ڑ       r d:0.5
`;

/** A rough Latin reading of each letter, used only to show an Arabic token in Latin letters. */
export const ARABIC_READING: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ع: '',
  ب: 'b',
  پ: 'p',
  ت: 't',
  ټ: 't',
  ث: 'th',
  ج: 'j',
  چ: 'ch',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ډ: 'd',
  ذ: 'dh',
  ر: 'r',
  ړ: 'r',
  ز: 'z',
  ژ: 'zh',
  ږ: 'zh',
  س: 's',
  څ: 'ts',
  ش: 'sh',
  ښ: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ٹ: 't',
  ظ: 'z',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ں: 'n',
  ڼ: 'n',
  ه: 'h',
  ہ: 'h',
  ھ: 'h',
  ۀ: 'h',
  ە: 'h',
  ة: 'a',
  ۃ: 'a',
  و: 'u',
  ۇ: 'u',
  ي: 'i',
  ی: 'i',
  ى: 'a',
  ې: 'e',
  ۍ: 'ai',
  ے: 'e',
  ئ: 'i',
  ځ: 'dz',
  ڈ: 'd',
  ڑ: 'r',
};
