import { describe, expect, it } from 'vitest';
import { arabicReading, scriptOfChar, transliterateWord } from './transliterate.ts';

const readings = (word: string, script: Parameters<typeof transliterateWord>[1], first = true) =>
  transliterateWord(word, script, first);

describe('scriptOfChar', () => {
  it('tells the scripts apart', () => {
    expect(['a', 'ж', 'α', 'م', '习', 'か', 'カ', 'ー', '김', '7'].map(scriptOfChar)).toEqual([
      'latin',
      'cyrillic',
      'greek',
      'arabic',
      'han',
      'kana',
      'kana',
      'kana',
      'hangul',
      'other',
    ]);
  });
});

describe('Cyrillic', () => {
  it('reads BGN/PCGN first, then ICAO and German', () => {
    expect(readings('Арсений', 'cyrillic')).toEqual([['arseniy', 'arsenii', 'arseni']]);
    expect(readings('Яценюк', 'cyrillic')).toEqual([['yatsenyuk', 'iatseniuk', 'jazenjuk']]);
    expect(readings('Юрий', 'cyrillic')).toEqual([['yuriy', 'iurii', 'juri']]);
    expect(readings('Сергей', 'cyrillic')).toEqual([['sergey', 'sergei', 'sergej']]);
  });

  it('writes е as a glide at the start of a word and after a vowel', () => {
    expect(readings('Евгений', 'cyrillic')[0]?.[0]).toBe('yevgeniy');
    expect(readings('Алексеев', 'cyrillic')[0]?.[0]).toBe('alekseyev');
  });

  it('reads Ukrainian г as h and и as y', () => {
    expect(readings('Григорій', 'cyrillic')[0]?.[0]).toBe('hryhoriy');
  });

  it('spells х, ц, ч, ш, щ, ж as each system does', () => {
    expect(readings('Хрущёв', 'cyrillic')).toEqual([
      ['khrushchyov', 'khrushchev', 'chruschtschjow', 'hrushchyov'],
    ]);
    expect(readings('Жуков', 'cyrillic')[0]).toEqual(['zhukov', 'schukow']);
  });

  it('also reads х as h, as Latin lists write names of Arabic origin (Мухаммад: Muhammad)', () => {
    expect(readings('Мухаммад', 'cyrillic')[0]).toContain('muhammad');
    expect(readings('Мухаммад', 'cyrillic')[0]?.[0]).toBe('mukhammad');
  });
});

describe('Greek', () => {
  it('reads ELOT 743 first (Alexis Tsipras)', () => {
    expect(readings('Αλέξης', 'greek')[0]?.[0]).toBe('alexis');
    expect(readings('Τσίπρας', 'greek')[0]?.[0]).toBe('tsipras');
  });

  it('reads digraphs, and μπ / ντ at the start of a word as b / d', () => {
    expect(readings('Παπαδόπουλος', 'greek')[0]?.[0]).toBe('papadopoulos');
    expect(readings('Μπακογιάννης', 'greek')[0]?.[0]).toBe('bakogiannis');
    expect(readings('Ντόρα', 'greek')[0]?.[0]).toBe('dora');
  });
});

describe('Chinese', () => {
  it('gives the surname and the given name as two tokens in pinyin (Xi Jinping)', () => {
    expect(readings('习近平', 'han')).toEqual([['xi'], ['jinping']]);
  });

  it('knows two-character surnames and surname readings of polyphonic characters', () => {
    expect(readings('欧阳修', 'han')).toEqual([['ouyang'], ['xiu']]);
    expect(readings('单田芳', 'han')[0]).toEqual(['shan']);
  });

  it('writes ü three ways', () => {
    expect(readings('吕', 'han')).toEqual([['lu', 'lyu', 'lv']]);
  });
});

describe('Japanese kana', () => {
  it('reads hiragana and katakana in Hepburn, long vowels short first (Yamada Taro)', () => {
    expect(readings('やまだ', 'kana')).toEqual([['yamada']]);
    expect(readings('たろう', 'kana')).toEqual([['taro', 'tarou']]);
    expect(readings('タロウ', 'kana')).toEqual([['taro', 'tarou']]);
  });

  it('reads small ya/yu/yo, the small tsu and the long-vowel mark', () => {
    expect(readings('しょうへい', 'kana')[0]?.[0]).toBe('shohei');
    expect(readings('はっとり', 'kana')[0]?.[0]).toBe('hattori');
    expect(readings('ゆっこ', 'kana')[0]?.[0]).toBe('yukko');
    expect(readings('ローラ', 'kana')[0]).toEqual(['rora', 'roora']);
  });
});

describe('Korean Hangul', () => {
  it('gives the surname with its customary spellings, the given name in RR, North Korean and McCune–Reischauer', () => {
    expect(readings('김정은', 'hangul')).toEqual([
      ['kim', 'gim'],
      ['jeongeun', 'jongun', 'chongun'],
    ]);
    expect(readings('박', 'hangul')[0]).toEqual(['park', 'pak', 'bak']);
    expect(readings('리설주', 'hangul')[0]).toEqual(['ri', 'lee', 'yi']);
  });

  it('computes syllables from their jamo, finals included', () => {
    // 한강: ㅎ ㅏ ㄴ + ㄱ ㅏ ㅇ; McCune–Reischauer writes the initial ㄱ as k.
    expect(readings('한강', 'hangul', false)).toEqual([['hangang', 'hankang']]);
  });

  it('knows two-syllable surnames', () => {
    expect(readings('남궁민', 'hangul')[0]?.[0]).toBe('namgung');
  });
});

describe('Arabic (display)', () => {
  it('gives a consonantal reading to show an Arabic token', () => {
    expect(arabicReading('محمد')).toBe('mhmd');
    expect(arabicReading('خالد')).toBe('khald');
  });
});
