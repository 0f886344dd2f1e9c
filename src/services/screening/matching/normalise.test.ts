import { describe, expect, it } from 'vitest';
import { foldArabic, foldLatin, normaliseName } from './normalise.ts';

const texts = (name: string, type?: Parameters<typeof normaliseName>[1]) =>
  normaliseName(name, type).map((t) => t.text);
const roles = (name: string, type?: Parameters<typeof normaliseName>[1]) =>
  normaliseName(name, type).map((t) => `${t.text}:${t.role}`);

describe('foldLatin', () => {
  it('lower-cases and strips diacritics and marks', () => {
    expect(foldLatin('ÉLODIE Müller-Lüdenscheidt')).toBe('elodiemullerludenscheidt');
    expect(foldLatin('Dąbrowski Çelik Şahin Ñúñez')).toBe('dabrowskiceliksahinnunez');
  });

  it('maps the letters that decomposition leaves alone', () => {
    expect(foldLatin('Straße Søren Æsir Łukasz Đorđe Yıldız Þór')).toBe(
      'strassesorenaesirlukaszdordeyildizthor',
    );
  });

  it('reads Cyrillic and Greek look-alikes inside a Latin word as Latin', () => {
    // "Мohаmmеd" with Cyrillic М, а, е.
    expect(foldLatin('\u041coh\u0430mm\u0435d')).toBe('mohammed');
  });
});

describe('normaliseName', () => {
  it('splits on punctuation and joins across apostrophes', () => {
    expect(texts("O'Brien, Sean-Patrick J.")).toEqual(['sean', 'patrick', 'j', 'obrien']);
    expect(texts('Mus’ab al-Zarqawi')).toEqual(['musab', 'al', 'zarqawi']);
  });

  it('turns OFAC "LAST, First" round for persons, not for organisations', () => {
    expect(texts('ABBAS, Abu')).toEqual(['abu', 'abbas']);
    expect(texts('AL-BAGHDADI, Abu Bakr')).toEqual(['abu', 'bakr', 'al', 'baghdadi']);
    expect(texts('ANGLO-CARIBBEAN CO., LTD.', 'organization')).toEqual(['anglo', 'caribbean', 'co', 'ltd']);
  });

  it('gives titles before the name a minor role, and the same word inside the name none', () => {
    expect(roles('Sheikh Dr. Faisal')).toEqual(['sheikh:honorific', 'dr:honorific', 'faisal:name']);
    expect(roles('AL-SHAYKH, Muhammad')).toEqual(['muhammad:name', 'al:particle', 'shaykh:name']);
    expect(roles('Haji Mullah Omar')).toEqual(['haji:honorific', 'mullah:honorific', 'omar:name']);
  });

  it('treats articles as particles of the next name, links only between names', () => {
    expect(roles('Osama bin Laden')).toEqual(['osama:name', 'bin:particle', 'laden:name']);
    expect(roles('Bin Xu')).toEqual(['bin:name', 'xu:name']);
    expect(roles('Ludwig van Beethoven')).toEqual(['ludwig:name', 'van:particle', 'beethoven:name']);
    expect(roles('Thi Le')).toEqual(['thi:name', 'le:name']);
    expect(roles('Kim Jong Il')).toEqual(['kim:name', 'jong:name', 'il:name']);
  });

  it('marks generational suffixes and, for organisations, legal forms', () => {
    expect(roles('John Smith Jr.')).toEqual(['john:name', 'smith:name', 'jr:suffix']);
    expect(roles('Banco Nacional de Cuba S.A.', 'organization')).toEqual([
      'banco:name',
      'nacional:name',
      'de:legal',
      'cuba:name',
      's:name',
      'a:name',
    ]);
    expect(roles('Acme Trading Ltd', 'organization')).toEqual(['acme:name', 'trading:name', 'ltd:legal']);
  });

  it('reads a glued Arabic article both with and without it', () => {
    expect(normaliseName('Albaghdadi')[0]?.readings).toEqual(['albaghdadi', 'baghdadi']);
    expect(normaliseName('Elkaddafi')[0]?.readings).toEqual(['elkaddafi', 'kaddafi']);
    expect(normaliseName('Assaadi')[0]?.readings).toEqual(['assaadi', 'saadi']);
    expect(normaliseName('Abdul')[0]?.readings).toEqual(['abdul', 'abd']);
    // Four letters must remain: Alan and Elena are names, not articles.
    expect(normaliseName('Alan Elena')[0]?.readings).toEqual(['alan']);
  });

  it('keeps hyphenated syllables as one given name, but splits particles and long parts', () => {
    expect(texts('Son Sung-min')).toEqual(['son', 'sungmin']);
    expect(texts("CHO, Kyo'ng-ch'o'l")).toEqual(['kyongchol', 'cho']);
    expect(texts('Abd-al-Rahman')).toEqual(['abd', 'al', 'rahman']);
    expect(texts('Islam Seit-Umarovich')).toEqual(['islam', 'seit', 'umarovich']);
  });

  it('reads other scripts through the transliterator, token by token', () => {
    const tokens = normaliseName('Сергей Нарышкин');
    expect(tokens.map((t) => [t.text, t.script])).toEqual([
      ['sergey', 'cyrillic'],
      ['naryshkin', 'cyrillic'],
    ]);
    expect(normaliseName('习近平').map((t) => t.text)).toEqual(['xi', 'jinping']);
  });

  it('keeps Arabic letters without vowel marks or presentation forms', () => {
    const [token] = normaliseName('مُحَمَّد');
    expect(token?.arabic).toBe('محمد');
    expect(token?.script).toBe('arabic');
    // Presentation forms (as in some UN entries) fold to the letters.
    expect(foldArabic('ﻤﺤﻤﺪ')).toBe('محمد');
  });

  it('gives Arabic-script titles and links their roles', () => {
    expect(normaliseName('الحاج موسى بن عمر').map((t) => t.role)).toEqual([
      'honorific',
      'name',
      'particle',
      'name',
    ]);
  });

  it('returns no token for an empty or punctuation-only name', () => {
    expect(normaliseName('')).toEqual([]);
    expect(normaliseName(' -,. ')).toEqual([]);
  });
});
