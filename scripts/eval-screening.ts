/**
 * Screening quality evaluation (`npm run eval:screening`): the matcher of
 * src/services/screening/matching against the development data in ../shared/data/sanctions (OFAC
 * SDN CSV and the UN consolidated list, parsed by the gateway's own parsers) and against ordinary
 * names assembled from scripts/eval/ordinary-names.ts. Three sets, reported separately:
 *
 *   1. variants: listed persons queried with generated spelling, order and transliteration
 *      variants of their primary name (scripts/eval/variants.ts) — the target; reported beside
 *      them: a middle name left out, two changes at once, and OFAC/UN aliases queried against an
 *      index from which that alias was removed (held-out names);
 *   2. original script: UN individuals queried by NAME_ORIGINAL_SCRIPT (Arabic, Cyrillic) against
 *      an index of their Latin names only;
 *   3. ordinary names: random combinations of common names of many origins (fixed seed), minus any
 *      that equal a listed name, with and without a birth date; and names written in their own
 *      script.
 *
 * Persons and ordinary names are split in two halves by a hash: thresholds are suggested from
 * the "train" half, and the targets are checked on the "test" half with DEFAULT_THRESHOLDS. Exits
 * 1 when a target is missed on the test half, 0 otherwise (also when the shared data is absent,
 * with a message saying so).
 */
import { writeFileSync } from 'node:fs';
import type { SanctionsEntry } from '../src/ports/sanctions.ts';
import {
  buildSanctionsIndex,
  DEFAULT_THRESHOLDS,
  type SanctionsIndex,
  type ScreeningHit,
  type ScreeningQuery,
} from '../src/services/screening/matching/index.ts';
import { normaliseName } from '../src/services/screening/matching/normalise.ts';
import { SCORING, type ScoringParameters } from '../src/services/screening/matching/score.ts';
import { seededRandom } from '../test/helpers/random.ts';
import { loadDevelopmentEntries } from './eval/data.ts';
import { ordinaryName, randomBirthDate } from './eval/ordinary.ts';
import { LATIN_ORIGINS, SCRIPT_ORIGINS } from './eval/ordinary-names.ts';
import { nameWords, variantsOf } from './eval/variants.ts';

const SEED = 20_260_227;
/** `--quick`: a third of the cases, for trying parameters; `--scoring '{"listMissing":0.8}'` overrides scoring parameters. */
const QUICK = process.argv.includes('--quick');
const SCORING_OVERRIDE = (() => {
  const at = process.argv.indexOf('--scoring');
  return at >= 0 ? (JSON.parse(process.argv[at + 1] ?? '{}') as Partial<ScoringParameters>) : {};
})();
/** Listed persons sampled per half for generated variants (each gives up to seven). */
const PERSONS_PER_HALF = QUICK ? 300 : 1_000;
/** Ordinary names generated per origin, before collisions are removed. */
const ORDINARY_PER_ORIGIN = QUICK ? 60 : 160;
const SCRIPT_NAMES_PER_ORIGIN = QUICK ? 40 : 100;
/** Hits below this are not asked for: every threshold considered lies above it. */
const SEARCH_FLOOR = 0.45;

const TARGETS = { variants: 0.98, originalScript: 0.9, ordinary: 0.01 } as const;

type Half = 'train' | 'test';
type SetName =
  | 'variants'
  | 'other variants'
  | 'aliases'
  | 'weak aliases'
  | 'partial aliases'
  | 'original script'
  | 'ordinary'
  | 'ordinary + birth date'
  | 'ordinary, own script';

interface Case {
  set: SetName;
  half: Half;
  /** Variant kind, script or origin. */
  label: string;
  query: ScreeningQuery;
  /** entityId of the listed person the query should find (recall sets). */
  target?: string;
  /** Score of the target (recall sets) or of the best hit (ordinary sets); 0 when none. */
  score: number;
  best?: ScreeningHit;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function halfOf(key: string): Half {
  return hash(key) % 2 === 0 ? 'train' : 'test';
}

const entityKey = (entry: SanctionsEntry) => `${entry.source}:${entry.id}`;

/** Plain Levenshtein similarity of two words (independent of the matcher). */
function wordSimilarity(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return 1 - (row[b.length] as number) / Math.max(a.length, b.length, 1);
}

/** The words of `longer` left over when every word of `shorter` pairs with a distinct one at plain similarity ≥ 0.5; undefined when some word finds no partner. */
function unpairedWords(shorter: readonly string[], longer: readonly string[]): number[] | undefined {
  const used = new Set<number>();
  for (const word of shorter) {
    const at = longer.findIndex((other, i) => !used.has(i) && wordSimilarity(word, other) >= 0.5);
    if (at < 0) return undefined;
    used.add(at);
  }
  return longer.map((_, i) => i).filter((i) => !used.has(i));
}

/**
 * How an alias relates to the entry's other names, by plain edit similarity (independent of the
 * matcher): a `variant` is another name in another spelling, order or transliteration — the same
 * words (each pairs with a word of the other name at similarity ≥ 0.5), or the same words
 * without a middle name, or the same letters written with fewer or more spaces (≥ 0.8 alike); a
 * `partial` alias has those words plus or minus one first or last name (a second surname, a
 * family name left out); anything else is `other` (a nickname, a nom de guerre).
 */
function aliasRelation(alias: string, others: readonly string[]): 'variant' | 'partial' | 'other' {
  const words = nameWords(alias);
  if (words.length === 0) return 'other';
  let relation: 'partial' | 'other' = 'other';
  for (const other of others) {
    const otherWords = nameWords(other);
    if (words.length !== otherWords.length && wordSimilarity(words.join(''), otherWords.join('')) >= 0.8)
      return 'variant';
    if (words.length === otherWords.length && unpairedWords(words, otherWords)?.length === 0)
      return 'variant';
    if (Math.abs(words.length - otherWords.length) !== 1) continue;
    const [shorter, longer] = words.length < otherWords.length ? [words, otherWords] : [otherWords, words];
    const left = unpairedWords(shorter, longer);
    if (left === undefined) continue;
    const middle = left.every((i) => i > 0 && i < longer.length - 1);
    if (middle && words.length < otherWords.length) return 'variant';
    relation = 'partial';
  }
  return relation;
}

function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

function recallCases(entries: readonly SanctionsEntry[]) {
  const random = seededRandom(SEED);
  const persons = entries.filter((entry) => entry.type === 'person');
  const cases: Case[] = [];
  for (const half of ['train', 'test'] as const) {
    const inHalf = persons.filter((entry) => halfOf(entityKey(entry)) === half);
    for (const entry of sample(inHalf, PERSONS_PER_HALF, random)) {
      const primary = entry.names.find((name) => name.kind === 'primary');
      if (!primary) continue;
      for (const variant of variantsOf(primary.full, random)) {
        cases.push({
          // The target speaks of spelling, order and transliteration variants; a name left out
          // and two changes at once are measured too, apart.
          set: variant.kind === 'middle' || variant.kind === 'combined' ? 'other variants' : 'variants',
          half,
          label: variant.kind,
          query: { name: variant.text },
          target: entityKey(entry),
          score: 0,
        });
      }
    }
  }
  // Held-out aliases: one alias per person that is a variant (or, reported apart, a partial name)
  // of the person's other names, removed from the index it is queried against.
  const heldOut = new Map<
    SanctionsEntry,
    { alias: SanctionsEntry['names'][number]; relation: 'variant' | 'partial' }
  >();
  let otherNames = 0;
  for (const entry of persons) {
    const latin = entry.names.filter((name) => name.kind !== 'original_script');
    const related = latin
      .filter((name) => name.kind !== 'primary')
      .map((alias) => ({
        alias,
        relation: aliasRelation(
          alias.full,
          latin.filter((n) => n !== alias).map((n) => n.full),
        ),
      }));
    otherNames += related.filter((r) => r.relation === 'other').length;
    const variants = related.filter((r) => r.relation === 'variant');
    const pool = variants.length > 0 ? variants : related.filter((r) => r.relation === 'partial');
    const chosen = pool[Math.floor(random() * pool.length)];
    if (chosen && chosen.relation !== 'other')
      heldOut.set(entry, { alias: chosen.alias, relation: chosen.relation });
  }
  // Weak (low-quality) aliases and partial names are reported apart: lists call weak aliases too
  // broad to match on, and a partial name is not a variant of a listed name.
  const aliasCases: Case[] = [...heldOut].map(([entry, { alias, relation }]) => ({
    set: alias.quality === 'weak' ? 'weak aliases' : relation === 'partial' ? 'partial aliases' : 'aliases',
    half: halfOf(entityKey(entry)),
    label: alias.quality === 'weak' ? 'weak alias' : relation === 'partial' ? 'partial alias' : 'alias',
    query: { name: alias.full },
    target: entityKey(entry),
    score: 0,
  }));
  const withoutHeldOut = entries.map((entry) => {
    const held = heldOut.get(entry);
    return held ? { ...entry, names: entry.names.filter((name) => name !== held.alias) } : entry;
  });
  // Original script: UN individuals' own-script names against their Latin names only.
  const scriptCases: Case[] = [];
  for (const entry of persons) {
    for (const name of entry.names.filter((n) => n.kind === 'original_script')) {
      const script = /\p{Script=Arabic}/u.test(name.full)
        ? 'Arabic'
        : /\p{Script=Cyrillic}/u.test(name.full)
          ? 'Cyrillic'
          : 'other';
      scriptCases.push({
        set: 'original script',
        half: halfOf(entityKey(entry)),
        label: script,
        query: { name: name.full },
        target: entityKey(entry),
        score: 0,
      });
    }
  }
  const latinOnly = entries.map((entry) => ({
    ...entry,
    names: entry.names.filter((name) => name.kind !== 'original_script'),
  }));
  return { cases, aliasCases, withoutHeldOut, scriptCases, latinOnly, otherNames };
}

/** Folded words of a name, sorted: two names with the same key are the same name. */
function collisionKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

function ordinaryCases(entries: readonly SanctionsEntry[]) {
  const random = seededRandom(SEED + 1);
  const listed = new Set(entries.flatMap((entry) => entry.names.map((name) => collisionKey(name.full))));
  // A name in another script collides when its transliteration (the gateway's own, first reading)
  // is a listed name: 张磊 is Zhang Lei, who is listed.
  const transliterated = (name: string) =>
    normaliseName(name)
      .map((token) => token.arabic ?? token.text)
      .sort()
      .join(' ');
  const listedOriginal = new Set(
    entries.flatMap((entry) => entry.names.map((name) => transliterated(name.full))),
  );
  const cases: Case[] = [];
  let collisions = 0;
  for (const origin of LATIN_ORIGINS) {
    const seen = new Set<string>();
    for (let i = 0; i < ORDINARY_PER_ORIGIN; i += 1) {
      const name = ordinaryName(origin, random);
      if (seen.has(name)) continue;
      seen.add(name);
      if (listed.has(collisionKey(name))) {
        collisions += 1;
        continue;
      }
      const half = halfOf(name);
      cases.push({ set: 'ordinary', half, label: origin.origin, query: { name }, score: 0 });
      cases.push({
        set: 'ordinary + birth date',
        half,
        label: origin.origin,
        query: { name, birthDate: randomBirthDate(random) },
        score: 0,
      });
    }
  }
  for (const origin of SCRIPT_ORIGINS) {
    const seen = new Set<string>();
    for (let i = 0; i < SCRIPT_NAMES_PER_ORIGIN; i += 1) {
      const name = ordinaryName(origin, random);
      if (seen.has(name)) continue;
      seen.add(name);
      if (listedOriginal.has(transliterated(name)) || listed.has(transliterated(name))) {
        collisions += 1;
        continue;
      }
      cases.push({
        set: 'ordinary, own script',
        half: halfOf(name),
        label: origin.origin,
        query: { name },
        score: 0,
      });
    }
  }
  return { cases, collisions };
}

function run(index: SanctionsIndex, cases: Case[]): void {
  for (const item of cases) {
    const hits = index.search(item.query, { limit: 20, minScore: SEARCH_FLOOR });
    if (item.target) {
      const hit = hits.find((h) => h.entityId === item.target);
      item.score = hit?.score ?? 0;
      item.best = hit ?? hits[0];
    } else {
      item.score = hits[0]?.score ?? 0;
      item.best = hits[0];
    }
  }
}

const percent = (value: number) => `${(100 * value).toFixed(2)}%`;
const rate = (cases: readonly Case[], pass: (c: Case) => boolean) =>
  cases.length === 0 ? 0 : cases.filter(pass).length / cases.length;

/**
 * Thresholds from the train half. Review: the lowest score at which ordinary names are flagged in
 * at most 0.8 % of cases (a margin under the 1 % target), so that recall is as high as the review
 * capacity allows. Block: the lowest score, at least 0.1 above review, at which at most 0.2 % are.
 */
function suggestThresholds(train: { ordinary: Case[] }) {
  const flaggedAt = (t: number) => rate(train.ordinary, (c) => c.score >= t - 1e-9);
  let review = 0.5;
  while (review < 0.99 && flaggedAt(review) > 0.008) review += 0.01;
  let block = review + 0.1;
  while (block < 0.99 && flaggedAt(block) > 0.002) block += 0.01;
  return { review: Math.round(review * 100) / 100, block: Math.round(block * 100) / 100 };
}

function table(title: string, rows: [string, number, string][]) {
  console.log(`\n${title}`);
  for (const [label, count, value] of rows)
    console.log(`  ${label.padEnd(34)}${String(count).padStart(7)}  ${value}`);
}

function byLabel(cases: readonly Case[], pass: (c: Case) => boolean): [string, number, string][] {
  const labels = [...new Set(cases.map((c) => c.label))].sort();
  return [
    ...labels.map((label): [string, number, string] => {
      const subset = cases.filter((c) => c.label === label);
      return [label, subset.length, percent(rate(subset, pass))];
    }),
    ['all', cases.length, percent(rate(cases, pass))],
  ];
}

/** `--failures 40` prints that many failures per set (12 by default). */
const FAILURES_SHOWN = (() => {
  const at = process.argv.indexOf('--failures');
  return at >= 0 ? Number(process.argv[at + 1]) : 12;
})();

function failures(title: string, cases: readonly Case[], count = FAILURES_SHOWN) {
  if (cases.length === 0) return;
  console.log(`\n${title} (${Math.min(count, cases.length)} of ${cases.length})`);
  for (const item of cases.slice(0, count)) {
    const best = item.best ? `${item.best.entityId} "${item.best.matchedName}" ${item.best.score}` : 'no hit';
    const target = item.target ? ` target ${item.target}` : '';
    console.log(
      `  [${item.label}] "${item.query.name}"${item.query.birthDate ? ` born ${item.query.birthDate}` : ''} → ${item.score.toFixed(3)}${target}; best: ${best}`,
    );
  }
}

function main(): number {
  const started = performance.now();
  const entries = loadDevelopmentEntries();
  if (!entries) {
    console.log('eval:screening skipped: the shared sanctions data is not available.');
    return 0;
  }
  const recall = recallCases(entries);
  const ordinary = ordinaryCases(entries);
  const options = { scoring: { ...SCORING, ...SCORING_OVERRIDE } };
  const full = buildSanctionsIndex(entries, options);
  const heldOut = buildSanctionsIndex(recall.withoutHeldOut, options);
  const latinOnly = buildSanctionsIndex(recall.latinOnly, options);
  run(full, recall.cases);
  run(heldOut, recall.aliasCases);
  run(latinOnly, recall.scriptCases);
  run(full, ordinary.cases);

  const all = [...recall.cases, ...recall.aliasCases, ...recall.scriptCases, ...ordinary.cases];
  // `--dump cases.json` writes every case with its score, for analysis.
  const dumpAt = process.argv.indexOf('--dump');
  if (dumpAt >= 0) {
    const rows = all.map((c) => ({
      set: c.set,
      half: c.half,
      label: c.label,
      query: c.query,
      target: c.target,
      score: c.score,
      best: c.best && {
        entityId: c.best.entityId,
        matchedName: c.best.matchedName,
        score: c.best.score,
        explanation: c.best.explanation,
      },
    }));
    writeFileSync(process.argv[dumpAt + 1] as string, JSON.stringify(rows));
  }
  const pick = (half: Half, sets: SetName[]) => all.filter((c) => c.half === half && sets.includes(c.set));
  const train = {
    variants: pick('train', ['variants']),
    aliases: pick('train', ['aliases']),
    script: pick('train', ['original script']),
    ordinary: pick('train', ['ordinary']),
  };
  const suggested = suggestThresholds(train);
  const { review, block } = DEFAULT_THRESHOLDS;
  const found = (c: Case) => c.score >= review;
  const flagged = (c: Case) => c.score >= review;

  console.log(
    `Screening evaluation — ${entries.length} entries (OFAC + UN development copy), index ${full.stats.names} names built in ${full.stats.buildMs} ms`,
  );
  console.log(
    `Thresholds in code: review ${review}, block ${block}; suggested by the train half: review ${suggested.review}, block ${suggested.block}`,
  );
  for (const half of ['train', 'test'] as const) {
    console.log(
      `\n=== ${half} half${half === 'train' ? ' (thresholds tuned here)' : ' (reported; the targets are checked here)'} ===`,
    );
    table(
      '1. spelling, order and transliteration variants of listed persons found at review (target ≥ 98%)',
      byLabel(pick(half, ['variants']), found),
    );
    table(
      '   a middle name left out, or two changes at once (reported)',
      byLabel(pick(half, ['other variants']), found),
    );
    table(
      "   held-out aliases: the lists' own other spellings of a listed name (reported)",
      byLabel(pick(half, ['aliases']), found),
    );
    table(
      '   weak aliases (too broad to match on, say the lists) and partial names (reported)',
      byLabel(pick(half, ['weak aliases', 'partial aliases']), found),
    );
    table(
      '2. original script against Latin names, found at review (target ≥ 90%)',
      byLabel(pick(half, ['original script']), found),
    );
    table('3. ordinary names flagged at review (target ≤ 1%)', byLabel(pick(half, ['ordinary']), flagged));
    table('   … with a birth date', [
      [
        'all',
        pick(half, ['ordinary + birth date']).length,
        percent(rate(pick(half, ['ordinary + birth date']), flagged)),
      ],
    ]);
    // Not a target: which of these names are a listed name is known only through the gateway's
    // own transliteration, so some of the flagged ones are listed names in another script.
    table(
      '   … written in their own script (reported only)',
      byLabel(pick(half, ['ordinary, own script']), flagged),
    );
    table('   at block', [
      [
        'variants found at block',
        pick(half, ['variants']).length,
        percent(rate(pick(half, ['variants']), (c) => c.score >= block)),
      ],
      [
        'ordinary names at block',
        pick(half, ['ordinary']).length,
        percent(rate(pick(half, ['ordinary']), (c) => c.score >= block)),
      ],
    ]);
  }
  console.log(
    '\nThreshold sweep (train half): recall of variants, aliases and original script, ordinary names flagged',
  );
  console.log(
    `  ${'threshold'.padEnd(12)}${'variants'.padStart(10)}${'aliases'.padStart(10)}${'script'.padStart(10)}${'ordinary'.padStart(10)}${'+ birth'.padStart(10)}${'own script'.padStart(12)}`,
  );
  for (let t = 0.7; t <= 0.96; t += 0.02) {
    const at = (c: Case) => c.score >= t - 1e-9;
    console.log(
      `  ${t.toFixed(2).padEnd(12)}${percent(rate(train.variants, at)).padStart(10)}${percent(rate(train.aliases, at)).padStart(10)}${percent(rate(train.script, at)).padStart(10)}` +
        `${percent(rate(train.ordinary, at)).padStart(10)}${percent(rate(pick('train', ['ordinary + birth date']), at)).padStart(10)}` +
        `${percent(rate(pick('train', ['ordinary, own script']), at)).padStart(12)}`,
    );
  }
  console.log(
    `\nHeld-out aliases: one per person, a variant of the person's other names if there is one, else a partial name; ${recall.otherNames} aliases that are other names (nicknames, noms de guerre) are not queried.`,
  );
  console.log(`Ordinary names equal to a listed name and removed: ${ordinary.collisions}.`);

  const test = {
    variants: pick('test', ['variants']),
    aliases: pick('test', ['aliases']),
    script: pick('test', ['original script']),
    ordinary: pick('test', ['ordinary']),
    ordinaryScript: pick('test', ['ordinary, own script']),
  };
  failures(
    'Missed variants (test)',
    test.variants.filter((c) => !found(c)),
  );
  failures(
    'Missed held-out aliases (test)',
    test.aliases.filter((c) => !found(c)),
  );
  failures(
    'Missed original-script names (test)',
    test.script.filter((c) => !found(c)),
  );
  failures('Flagged ordinary names (test)', test.ordinary.filter(flagged));
  failures('Flagged own-script ordinary names (test)', test.ordinaryScript.filter(flagged));

  const results = {
    variants: rate(test.variants, found),
    aliases: rate(test.aliases, found),
    script: rate(test.script, found),
    ordinary: rate(test.ordinary, flagged),
    ordinaryScript: rate(test.ordinaryScript, flagged),
  };
  const missed = [
    results.variants < TARGETS.variants ? `variants ${percent(results.variants)} < 98%` : '',
    results.script < TARGETS.originalScript ? `original script ${percent(results.script)} < 90%` : '',
    results.ordinary > TARGETS.ordinary ? `ordinary names ${percent(results.ordinary)} > 1%` : '',
  ].filter(Boolean);
  console.log(
    `\nTest half at review ${review}: variants ${percent(results.variants)} (held-out aliases, reported: ${percent(results.aliases)}), original script ${percent(results.script)}, ordinary ${percent(results.ordinary)} (own-script ordinary, reported only: ${percent(results.ordinaryScript)})`,
  );
  console.log(`Evaluated ${all.length} queries in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (missed.length > 0) {
    console.log(`TARGET MISSED: ${missed.join('; ')}`);
    return 1;
  }
  console.log('All targets met.');
  return 0;
}

process.exitCode = main();
