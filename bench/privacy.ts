/**
 * Privacy benchmarks (section `privacy` of bench/run.ts): what design note 0004 costs. Every table
 * starts with a baseline measured in the same run.
 *
 *   crypto:    a keyed pseudonym, sealing and opening one field, sealing a whole person (a fresh
 *              data key, wrapped by the KEK, nine fields), against serialising the same person;
 *   transfers: quote + POST /v1/transfers naming a person (check, three pseudonyms, data key,
 *              sealed fields, consent check, legal bases) against the same without a person, and
 *              GET /v1/transfers/{id} as an operator (unwrap, open, project) against a transfer
 *              without a person; variants interleaved in rounds.
 */
import type { InsuredPerson } from '../schemas/privacy.ts';
import { generateDataKey, importDataKey, openField, sealField } from '../src/services/privacy/envelope.ts';
import type { PrivacyKeys } from '../src/services/privacy/keys.ts';
import { germanPerson } from '../test/helpers/persons.ts';

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

/** A fictional person with every field (the worst case for sealing), one identifier per index. */
export function benchPerson(index: number): InsuredPerson {
  const rv = ['65170839J003', '10010490A443', '12331275M523', '13001286B500'];
  return germanPerson({
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value: rv[index % rv.length] as string },
    name: { given: `Bench${index}`, family: 'Person', original: '测试' },
  });
}

export async function privacyCrypto(keys: PrivacyKeys, measure: Measure, print: Print) {
  const person = benchPerson(0);
  const key = await importDataKey(generateDataKey());
  const sealed = await sealField(key, 'ds_bench', 'name', person.name);
  const baseline = await measure('JSON.stringify(person) (baseline)', 50_000, 1, () =>
    JSON.stringify(person),
  );
  const results = [
    await measure('pseudonym (HMAC-SHA-256)', 20_000, 1, () =>
      keys.pseudonyms.pseudonym('aml', 'de-rentenversicherungsnummer:65170839J003'),
    ),
    await measure('seal one field (AES-256-GCM)', 20_000, 1, () =>
      sealField(key, 'ds_bench', 'name', person.name),
    ),
    await measure('open one field', 20_000, 1, () => openField(key, 'ds_bench', 'name', sealed)),
    await measure('new data key, wrap, seal a whole person', 5_000, 1, async () => {
      const raw = generateDataKey();
      await keys.kek.wrap(raw);
      const dataKey = await importDataKey(raw);
      for (const [field, value] of Object.entries(person)) await sealField(dataKey, 'ds_bench', field, value);
    }),
  ];
  print('privacy crypto (Web Crypto, one core)', baseline, results);
}

export async function privacyTransfers(
  input: {
    app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
    headers: Record<string, string>;
    quoteBody: string;
    label: string;
  },
  measure: Measure,
  print: Print,
) {
  const { app, headers, quoteBody } = input;
  let counter = 0;
  const transfer = async (withPerson: boolean) => {
    const quote = await app.request('/v1/quotes', { method: 'POST', headers, body: quoteBody });
    if (quote.status !== 201) throw new Error(`quote ${quote.status}`);
    const { id } = (await quote.json()) as { id: string };
    counter += 1;
    const response = await app.request('/v1/transfers', {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ quoteId: id, ...(withPerson ? { insuredPerson: benchPerson(counter) } : {}) }),
    });
    if (response.status !== 201) throw new Error(`transfer ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  };
  const plainId = await transfer(false);
  const personId = await transfer(true);
  const read = (id: string) => async () => {
    const response = await app.request(`/v1/transfers/${id}`, { headers });
    if (response.status !== 200) throw new Error(`read ${response.status}`);
    await response.arrayBuffer();
  };
  // Interleaved rounds, so that the growing tables weigh on both variants alike.
  const rounds = 5;
  const totals = new Map<string, Awaited<ReturnType<Measure>>[]>();
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, op, iterations] of [
      ['quote + transfer without a person (baseline)', () => transfer(false), 100],
      ['quote + transfer naming a person', () => transfer(true), 100],
      ['GET transfer without a person', read(plainId), 400],
      ['GET transfer with a person (operator view)', read(personId), 400],
    ] as const) {
      const result = await measure(name, iterations, 1, op);
      totals.set(name, [...(totals.get(name) ?? []), result]);
    }
  }
  const merged = [...totals.entries()].map(([name, results]) => {
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    return {
      name,
      opsPerSecond: median(results.map((r) => r.opsPerSecond)),
      p50Ms: median(results.map((r) => r.p50Ms)),
      p99Ms: median(results.map((r) => r.p99Ms)),
    };
  });
  const [baseline, ...rest] = merged;
  if (!baseline) return;
  print(
    `privacy in transfers (in-process app.request, ${input.label}, median of ${rounds} rounds)`,
    baseline,
    rest,
  );
}
