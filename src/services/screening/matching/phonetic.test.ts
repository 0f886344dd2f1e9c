import { describe, expect, it } from 'vitest';
import { phonetic, phoneticDistance, skeleton, spellingDistance } from './phonetic.ts';

describe('phonetic', () => {
  it('spells transliteration variants alike', () => {
    expect(new Set(['sergey', 'sergei', 'serguei', 'sergej'].map(phonetic))).toEqual(new Set(['sergei']));
    expect(new Set(['yuri', 'yury', 'iurii', 'yuriy'].map(phonetic))).toEqual(new Set(['yuri']));
    expect(phonetic('schmidt')).toBe(phonetic('shmidt'));
    expect(phonetic('mohammed')).toBe(phonetic('mohamed'));
    expect(phonetic('tchaikovsky')).toBe(phonetic('chaikovsky'));
  });

  it('folds multi-letter spellings into one symbol each', () => {
    expect(phonetic('khalid')).toBe('Xalid');
    expect(phonetic('dzhamal')).toBe(phonetic('djamal'));
    expect(phonetic('zhukov')).toBe('Zukov');
    expect(phonetic('ghani')).toBe('Gani');
    expect(phonetic('dhahir')).toBe('dahir');
    expect(phonetic('othman')).toBe('otman');
    expect(phonetic('cecilia')).toBe('sesilia');
    expect(phonetic('alexander')).toBe('aleksander');
  });

  it('keeps a doubled vowel (a long vowel) but not a doubled consonant', () => {
    expect(phonetic('ameer')).toBe('ameer');
    expect(phonetic('hassan')).toBe('hasan');
  });

  it('reads a doubled glide as one consonant (Sayyid, Qayyum, Tawwab)', () => {
    expect(phonetic('sayyid')).toBe(phonetic('sayid'));
    expect(phonetic('sayyed')).toBe('sayed');
    expect(phonetic('qayyum')).toBe('kayum');
    expect(phonetic('tawwab')).toBe(phonetic('tawab'));
  });
});

describe('skeleton', () => {
  it('keeps the consonants that an Arabic spelling writes', () => {
    expect(['mohammed', 'muhammad', 'mohamad'].map((n) => skeleton(phonetic(n)))).toEqual([
      'mhmd',
      'mhmd',
      'mhmd',
    ]);
    expect(['husayn', 'hussein'].map((n) => skeleton(phonetic(n)))).toEqual(['hsn', 'hsn']);
    expect(['yusuf', 'yousef', 'youssef'].map((n) => skeleton(phonetic(n)))).toEqual(['sf', 'sf', 'sf']);
    // A final h is dropped: Abdullah and Abdulla have one skeleton.
    expect(skeleton(phonetic('abdullah'))).toBe(skeleton(phonetic('abdulla')));
  });
});

describe('phoneticDistance', () => {
  const d = (a: string, b: string) => phoneticDistance(phonetic(a), phonetic(b));

  it('is zero for equal forms and symmetric', () => {
    expect(d('sergey', 'sergei')).toBe(0);
    expect(d('qadhafi', 'kadhafi')).toBeCloseTo(d('kadhafi', 'qadhafi'), 6);
  });

  it('charges transliteration variants less than unrelated letters', () => {
    expect(d('qadhafi', 'gaddafi')).toBeLessThan(0.5);
    expect(d('omar', 'umar')).toBeLessThan(d('omar', 'amir'));
    expect(d('mohammed', 'muhammad')).toBeLessThan(d('mohammed', 'mahmoud'));
  });

  it('charges a final vowel as another name (Ahmad, Ahmadi)', () => {
    expect(d('ahmad', 'ahmadi')).toBeGreaterThan(d('ahmad', 'ahmed'));
  });

  it('stops past the limit with a value above it', () => {
    expect(phoneticDistance('abcdefgh', 'zyxwvuts', 1)).toBeGreaterThan(1);
  });
});

describe('spellingDistance', () => {
  it('counts typos, with neighbouring keys and swaps cheaper', () => {
    expect(spellingDistance('vukovic', 'vukovci')).toBeCloseTo(0.6, 6);
    expect(spellingDistance('reza', 'rexa')).toBeLessThan(spellingDistance('reza', 'repa'));
    expect(spellingDistance('ramos', 'ramos')).toBe(0);
  });
});
