import { describe, expect, it } from 'vitest';
import type { SanctionsEntry } from '../../../ports/sanctions.ts';
import { buildSanctionsIndex, DEFAULT_THRESHOLDS, queryTokens, type ScreeningQuery } from './index.ts';

/** Fictional listed entries: the names are ordinary combinations; nobody real is meant. */
function person(
  id: string,
  names: SanctionsEntry['names'],
  extra: Partial<SanctionsEntry> = {},
): SanctionsEntry {
  return {
    source: 'ofac',
    id,
    type: 'person',
    names,
    birthDates: [],
    countries: [],
    identifiers: [],
    programs: ['TEST'],
    ...extra,
  };
}

const ENTRIES: SanctionsEntry[] = [
  person('101', [{ full: 'AL-QURAYSHI, Muhammad Yusuf Abd al-Rahman', kind: 'primary' }], {
    birthDates: [{ date: '1961-03-05' }],
    countries: [{ code: 'IQ', kind: 'nationality' }],
    identifiers: [{ type: 'Passport', number: 'Q7310442' }],
  }),
  person('102', [
    { full: 'VORONTSOVA, Yuliya Sergeyevna', kind: 'primary' },
    { full: 'VORONTSOVA, Julia', kind: 'aka', quality: 'weak' },
  ]),
  person('103', [{ full: 'AL-BAGHDADI, Tariq Hamid', kind: 'primary' }]),
  person('104', [{ full: 'PAK, Chol-Myong', kind: 'primary' }]),
  person('105', [{ full: 'ZHANG, Weiqiang', kind: 'primary' }]),
  person('106', [{ full: 'HUSSEIN, Qadir Abdullah', kind: 'primary' }]),
  person('107', [{ full: 'PAPADAKIS, Stavros', kind: 'primary' }]),
  person('108', [{ full: 'NAKAMURA, Haruto', kind: 'primary' }]),
  person('109', [{ full: 'KARIMI-ADEGANI, Afsaneh', kind: 'primary' }]),
  person('110', [{ full: 'GOHARI MOGHADAM, Abuzar', kind: 'primary' }]),
  person('111', [{ full: 'KIM, Jong Man', kind: 'primary' }]),
  { ...person('201', [{ full: 'NORTHERN STAR SHIPPING LLC', kind: 'primary' }]), type: 'organization' },
  person(
    '301',
    [
      { full: 'MOHAMMED ALI OMAR', kind: 'primary' },
      { full: 'محمد علي عمر', kind: 'original_script' },
    ],
    { source: 'un' } as Partial<SanctionsEntry>,
  ),
];

const index = buildSanctionsIndex(ENTRIES);
const search = (query: ScreeningQuery | string, minScore = 0.3) =>
  index.search(typeof query === 'string' ? { name: query } : query, { minScore, limit: 5 });
const top = (query: ScreeningQuery | string) => search(query)[0];
const scoreOf = (query: ScreeningQuery | string, entityId: string) =>
  search(query).find((hit) => hit.entityId === entityId)?.score ?? 0;
const { review, block } = DEFAULT_THRESHOLDS;

describe('buildSanctionsIndex', () => {
  it('indexes every name of every entry', () => {
    expect(index.stats.entries).toBe(ENTRIES.length);
    expect(index.stats.names).toBe(15);
    expect(index.stats.buildMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps its thresholds ordered', () => {
    expect(review).toBeLessThan(block);
  });
});

describe('names that should be found', () => {
  it('finds the listed name itself, in any order and in OFAC order', () => {
    for (const query of [
      'Muhammad Yusuf Abd al-Rahman Al-Qurayshi',
      'AL-QURAYSHI, Muhammad Yusuf Abd al-Rahman',
      'Al-Qurayshi Abd al-Rahman Yusuf Muhammad',
    ]) {
      expect(top(query)).toMatchObject({ entityId: 'ofac:101' });
      expect(scoreOf(query, 'ofac:101')).toBeGreaterThanOrEqual(block);
    }
  });

  it('finds spelling and transliteration variants at review', () => {
    for (const query of [
      'Mohammed Yousef Abdulrahman al-Qurayshi',
      'Mohamad Yusuf Abdurrahman Qurayshi',
      'Muhammad Youssef Abdel Rahman Alqurayshi',
      'Yulia Sergeevna Vorontsova',
      'Iuliia Vorontsova',
      'Tarik Hamed el-Baghdadi',
      'Kadir Hussain',
      'Ghadir Husayn Abdallah',
    ]) {
      expect({ query, found: search(query)[0]?.score ?? 0 }).toEqual({ query, found: expect.any(Number) });
      expect(search(query)[0]?.score ?? 0, query).toBeGreaterThanOrEqual(review);
    }
  });

  it('finds a name with a middle name left out', () => {
    expect(scoreOf('Muhammad Abd al-Rahman al-Qurayshi', 'ofac:101')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('Yuliya Vorontsova', 'ofac:102')).toBeGreaterThanOrEqual(review);
  });

  it('matches al-Baghdadi, al Baghdadi, Albaghdadi and Baghdadi alike', () => {
    const scores = [
      'Tariq Hamid Al-Baghdadi',
      'Tariq Hamid al Baghdadi',
      'Tariq Hamid Albaghdadi',
      'Tariq Hamid Baghdadi',
    ].map((q) => scoreOf(q, 'ofac:103'));
    for (const score of scores) expect(score).toBeGreaterThanOrEqual(block);
  });

  it('matches compound names written together or apart, and syllables in another romanisation', () => {
    expect(scoreOf('Afsaneh Karimiadegani', 'ofac:109')).toBeGreaterThanOrEqual(block);
    expect(scoreOf('Abuzar Goharimoghadam', 'ofac:110')).toBeGreaterThanOrEqual(block);
    expect(scoreOf('Abuzar Goharimoqadam', 'ofac:110')).toBeGreaterThanOrEqual(review);
    // McCune–Reischauer with its apostrophe, written as one word: Cho'ng-man for Jong Man.
    expect(scoreOf("KIM, Cho'ng-man", 'ofac:111')).toBeGreaterThanOrEqual(review);
  });

  it('finds typos', () => {
    expect(scoreOf('Tariq Hamid al-Bahgdadi', 'ofac:103')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('Stavros Papadaksi', 'ofac:107')).toBeGreaterThanOrEqual(review);
  });

  it('finds names written in other scripts against Latin names', () => {
    expect(scoreOf('Юлия Сергеевна Воронцова', 'ofac:102')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('طارق حامد البغدادي', 'ofac:103')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('张伟强', 'ofac:105')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('박철명', 'ofac:104')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('Σταύρος Παπαδάκης', 'ofac:107')).toBeGreaterThanOrEqual(review);
    expect(scoreOf('なかむら はると', 'ofac:108')).toBeGreaterThanOrEqual(review);
  });

  it('matches an original-script query against a listed original-script name', () => {
    expect(top('محمد علي عمر')).toMatchObject({ entityId: 'un:301', score: 1 });
  });
});

describe('names that should not be found', () => {
  it('does not flag one common given name alone', () => {
    expect(scoreOf('Muhammad', 'ofac:101')).toBeLessThan(review);
    expect(scoreOf('Mohammed', 'un:301')).toBeLessThan(review);
    expect(scoreOf('Muhammad Schneider', 'ofac:101')).toBeLessThan(review);
  });

  it('does not flag ordinary names that share a token', () => {
    for (const query of ['Tariq Schmidt', 'Hans Baghdadi', 'Anna Weber', 'Zhang Li', 'Pak Ji-hoon']) {
      expect(search(query, review), query).toEqual([]);
    }
  });
});

describe('qualifiers', () => {
  it('raise an equal birth date and lower a distant one', () => {
    const name = 'Muhammad Yusuf al-Qurayshi';
    const plain = scoreOf(name, 'ofac:101');
    expect(scoreOf({ name, birthDate: '1961-03-05' }, 'ofac:101')).toBeGreaterThan(plain);
    expect(scoreOf({ name, birthDate: '1990' }, 'ofac:101')).toBeLessThan(plain);
  });

  it('lower a person against an organisation', () => {
    expect(scoreOf({ name: 'Northern Star Shipping', type: 'person' }, 'ofac:201')).toBeLessThan(
      scoreOf({ name: 'Northern Star Shipping', type: 'organization' }, 'ofac:201'),
    );
  });

  it('decide on an equal passport number, and find the entry by it', () => {
    const hits = index.search(
      { name: 'M. al-Qurayshi', identifiers: [{ number: 'q 7310442', type: 'passport' }] },
      { minScore: review },
    );
    expect(hits[0]).toMatchObject({ entityId: 'ofac:101' });
    expect(hits[0]?.score).toBeGreaterThanOrEqual(block);
    expect(hits[0]?.explanation.qualifiers.map((q) => q.qualifier)).toContain('identifier');
  });
});

describe('explanations', () => {
  it('say per listed token which query token matched it, how well and how', () => {
    const query = { name: 'Tarik al-Baghdadi Hamid' };
    const hit = top(query);
    const tokens = queryTokens(query);
    expect(tokens).toEqual(['tarik', 'al', 'baghdadi', 'hamid']);
    expect(hit?.explanation.tokens).toEqual([
      { listToken: 'tariq', queryToken: 0, score: expect.any(Number), how: 'phonetic' },
      { listToken: 'hamid', queryToken: 3, score: 1, how: 'exact' },
      { listToken: 'al', queryToken: 1, score: 1, how: 'exact' },
      { listToken: 'baghdadi', queryToken: 2, score: 1, how: 'exact' },
    ]);
    expect(hit?.explanation).toMatchObject({
      matchedNameKind: 'primary',
      extraQueryTokens: [],
      qualifiers: [],
    });
    expect(hit).toMatchObject({
      name: 'AL-BAGHDADI, Tariq Hamid',
      matchedName: 'AL-BAGHDADI, Tariq Hamid',
      source: 'ofac',
      entryId: '103',
      type: 'person',
    });
  });

  it('name the query script and count original-name tokens after the name tokens', () => {
    const query = { name: 'Yulia Vorontsova', originalName: 'Юлия Воронцова' };
    expect(queryTokens(query)).toEqual(['yulia', 'vorontsova', 'yuliya', 'vorontsova']);
    const viaOriginal = index.search(
      { name: 'X', originalName: 'Юлия Сергеевна Воронцова' },
      { minScore: 0.5 },
    )[0];
    expect(viaOriginal?.explanation.script).toBe('cyrillic');
    expect(viaOriginal?.explanation.tokens.map((t) => t.queryToken)).toEqual([1, 2, 3]);
  });

  it('mark weak aliases, which score lower than the same strong name', () => {
    const hit = search('Julia Vorontsova').find((h) => h.entityId === 'ofac:102');
    expect(hit?.explanation.matchedNameQuality).toBeDefined();
  });

  it('contain no query text, birth date or identifier', () => {
    const query: ScreeningQuery = {
      name: 'Mohammed Yousef Zzyzx Abdulrahman al-Qurayshi',
      originalName: 'محمد يوسف',
      birthDate: '1937-11-22',
      countries: ['DE'],
      identifiers: [{ number: 'ZZ-9876543' }],
    };
    const hits = index.search(query, { minScore: 0.3 });
    expect(hits.length).toBeGreaterThan(0);
    const stored = JSON.stringify(hits.map((hit) => hit.explanation));
    for (const secret of [
      'zzyzx',
      'Zzyzx',
      'yousef',
      'abdulrahman',
      'محمد يوسف',
      '1937',
      '11-22',
      '9876543',
    ]) {
      expect(stored).not.toContain(secret);
    }
  });
});

describe('search options', () => {
  it('returns hits best first, within the limit and above minScore', () => {
    const hits = index.search({ name: 'Muhammad Hussein' }, { limit: 2, minScore: 0.2 });
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits.every((hit) => hit.score >= 0.2)).toBe(true);
    expect(hits.map((hit) => hit.score)).toEqual([...hits.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it('answers an empty name with no hits', () => {
    expect(index.search({ name: ' ' })).toEqual([]);
  });

  it('stays fast on a larger list (sanity only: bench/ measures speed)', () => {
    const syllables = [
      'al',
      'ba',
      'ka',
      'ra',
      'mi',
      'so',
      'ta',
      'ne',
      'vo',
      'lu',
      'zi',
      'dor',
      'man',
      'sha',
      'rin',
    ];
    const name = (i: number) =>
      [i, i * 7, i * 13]
        .map((n) => `${syllables[n % 15]}${syllables[(n >> 2) % 15]}${syllables[(n >> 4) % 15]}`)
        .join(' ');
    const many = Array.from({ length: 5000 }, (_, i) =>
      person(String(1000 + i), [{ full: name(i), kind: 'primary' }]),
    );
    const large = buildSanctionsIndex(many);
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) large.search({ name: name(i * 3) });
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
