/**
 * Screening benchmarks (section `screening` of bench/run.ts): the name matcher of
 * src/services/screening/matching over OFAC SDN with aliases plus the UN list (the development
 * data of ../shared/data/sanctions; skipped with a message when it is absent).
 *
 *   build:  buildSanctionsIndex over every entry, time (first build in the process, then the
 *           median of three more) and the heap it keeps (after a full collection);
 *   search: one name against the index, sequentially on one core, for generated variants of listed
 *           names, ordinary names that are not listed, names in their original Arabic or Cyrillic
 *           script, and all of them mixed — against normalising the query alone (queryTokens), the
 *           part every search does before it looks anything up.
 */

import v8 from 'node:v8';
import vm from 'node:vm';
import { loadDevelopmentEntries } from '../scripts/eval/data.ts';
import { ordinaryName } from '../scripts/eval/ordinary.ts';
import { LATIN_ORIGINS } from '../scripts/eval/ordinary-names.ts';
import { variantsOf } from '../scripts/eval/variants.ts';
import {
  buildSanctionsIndex,
  DEFAULT_THRESHOLDS,
  queryTokens,
} from '../src/services/screening/matching/index.ts';
import { seededRandom } from '../test/helpers/random.ts';

type Measure = (
  name: string,
  iterations: number,
  concurrency: number,
  op: () => Promise<unknown> | unknown,
) => Promise<{ name: string; opsPerSecond: number; p50Ms: number; p99Ms: number }>;
type Print = (
  title: string,
  baseline: Awaited<ReturnType<Measure>>,
  results: Awaited<ReturnType<Measure>>[],
) => void;

const QUERIES_PER_KIND = 1_500;

/** A full collection, so that heap deltas count what is kept (the bench runs without --expose-gc). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function heapMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1e6;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}

/** Cycles through the names, one per operation. */
function cycling(names: readonly string[], op: (name: string) => unknown): () => unknown {
  let next = 0;
  return () => {
    const name = names[next % names.length] as string;
    next += 1;
    return op(name);
  };
}

export async function screeningBench(measure: Measure, print: Print): Promise<void> {
  const entries = loadDevelopmentEntries();
  if (!entries) {
    console.log('\nscreening: skipped, the shared sanctions data is not available');
    return;
  }

  const before = heapMb();
  const first = buildSanctionsIndex(entries);
  const keptMb = heapMb() - before;
  const rebuilds = [1, 2, 3].map(() => buildSanctionsIndex(entries).stats.buildMs);
  const index = first;
  console.log(
    `\nscreening index (${entries.length} entries, ${index.stats.names} names; OFAC SDN with aliases + UN development copy)`,
  );
  console.log(
    `  build: first ${first.stats.buildMs} ms, then median ${median(rebuilds)} ms; heap kept ${keptMb.toFixed(1)} MB`,
  );

  const random = seededRandom(20_260_227);
  const persons = entries.filter((entry) => entry.type === 'person');
  const variants: string[] = [];
  while (variants.length < QUERIES_PER_KIND) {
    const entry = persons[Math.floor(random() * persons.length)];
    const primary = entry?.names.find((name) => name.kind === 'primary');
    if (primary) variants.push(...variantsOf(primary.full, random).map((variant) => variant.text));
  }
  const ordinary = Array.from({ length: QUERIES_PER_KIND }, (_, i) =>
    ordinaryName(LATIN_ORIGINS[i % LATIN_ORIGINS.length] as (typeof LATIN_ORIGINS)[number], random),
  );
  const originalScript = entries.flatMap((entry) =>
    entry.names.filter((name) => name.kind === 'original_script').map((name) => name.full),
  );
  const mixed = [...variants.slice(0, 1_000), ...ordinary.slice(0, 1_000), ...originalScript];
  for (let i = mixed.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [mixed[i], mixed[j]] = [mixed[j] as string, mixed[i] as string];
  }

  // The pipeline asks for hits at the review threshold; warm the JIT first.
  const options = { minScore: DEFAULT_THRESHOLDS.review, limit: 10 };
  const search = (name: string) => index.search({ name }, options);
  for (const name of mixed.slice(0, 500)) search(name);
  const baseline = await measure(
    'normalise the query alone (baseline)',
    mixed.length,
    1,
    cycling(mixed, queryTokens),
  );
  const results = [
    await measure('search: variants of listed names', variants.length, 1, cycling(variants, search)),
    await measure('search: ordinary names, not listed', ordinary.length, 1, cycling(ordinary, search)),
    await measure(
      `search: original script (${originalScript.length} UN names)`,
      originalScript.length * 4,
      1,
      cycling(originalScript, search),
    ),
    await measure('search: all of the above, mixed', mixed.length, 1, cycling(mixed, search)),
  ];
  print('screening search (one name, one core, minScore = review)', baseline, results);
}
