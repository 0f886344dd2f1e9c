import { describe, expect, it } from 'vitest';
import { arabicSkeletons, arabicToLatinCost, arabicWord, joinArabicWords } from './arabic.ts';
import { phonetic } from './phonetic.ts';

const cost = (arabic: string, latin: string) => arabicToLatinCost(arabicWord(arabic), phonetic(latin));

describe('arabicToLatinCost', () => {
  it('finds the usual spellings of a name at no cost (محمد: Muhammad, Mohammed, Mohamad)', () => {
    for (const latin of ['muhammad', 'mohammed', 'mohamad', 'mohamed']) expect(cost('محمد', latin)).toBe(0);
  });

  it('accepts the letter-class variants of transliteration systems (القذافي: Qadhafi, Gaddafi, Kadhafi)', () => {
    expect(cost('القذافي', 'qadhafi')).toBe(0);
    expect(cost('القذافي', 'kadhafi')).toBe(0);
    expect(cost('القذافي', 'gaddafi')).toBeLessThanOrEqual(0.2);
  });

  it('treats the article as optional and assimilated (السعدي: Saadi, Essaadi, al-Saadi)', () => {
    expect(cost('السعدي', 'saadi')).toBeLessThanOrEqual(0.3);
    expect(cost('السعدي', 'essaadi')).toBeLessThanOrEqual(0.3);
    expect(cost('السعدي', 'alsaadi')).toBeLessThanOrEqual(0.3);
  });

  it('reads the long vowels as vowels or glides (يوسف: Yusuf, Youssef; حسين: Hussein, Husayn)', () => {
    expect(cost('يوسف', 'yusuf')).toBe(0);
    expect(cost('يوسف', 'youssef')).toBe(0);
    expect(cost('حسين', 'hussein')).toBe(0);
    expect(cost('حسين', 'husayn')).toBe(0);
  });

  it('charges a missing long vowel or a different consonant', () => {
    // عمر (ʿUmar) against Ameer, whose long ee Arabic would write.
    expect(cost('عمر', 'ameer')).toBeGreaterThan(cost('عمر', 'omar'));
    expect(cost('حسن', 'hussein')).toBeGreaterThan(0);
    expect(cost('خالد', 'walid')).toBeGreaterThanOrEqual(1);
  });

  it('reads a Latin sh, kh, th or dh written for two letters (اسحاق: Ishaq; فتحي: Fathi)', () => {
    expect(cost('اسحاق', 'ishaq')).toBeLessThanOrEqual(0.2);
    expect(cost('فتحي', 'fathi')).toBeLessThanOrEqual(0.2);
  });

  it('reads Persian and Urdu letters', () => {
    expect(cost('پرویز', 'parviz')).toBeLessThanOrEqual(0.3);
    expect(cost('گل', 'gul')).toBe(0);
  });
});

describe('arabicWord and joins', () => {
  it('counts the consonants that any spelling writes', () => {
    expect(arabicWord('محمد').consonants).toBe(4);
    expect(arabicWord('علي').consonants).toBe(1);
  });

  it('joins words written apart, as a Latin word written as one (عبد الرحمن: Abdurrahman)', () => {
    const joined = joinArabicWords([arabicWord('عبد'), arabicWord('الرحمن')]);
    expect(arabicToLatinCost(joined, phonetic('abdurrahman'))).toBeLessThanOrEqual(0.1);
    expect(arabicToLatinCost(joined, phonetic('abdelrahman'))).toBeLessThanOrEqual(0.1);
  });
});

describe('arabicSkeletons', () => {
  it('gives the consonant skeletons of usual Latin spellings', () => {
    expect(arabicSkeletons(arabicWord('محمد'))).toEqual(['mhmd']);
    expect(arabicSkeletons(arabicWord('القذافي'))).toEqual(expect.arrayContaining(['kdf', 'gdf']));
  });
});
