/**
 * Signature benchmarks (section `signatures` of bench/run.ts): what the signed partner APIs of
 * design note 0003 cost. Every table starts with a baseline measured in the same run.
 *
 *   verification: full verification of a typical partner request per algorithm through the SDK
 *                 (RFC 9421: parse Signature-Input/Signature, Content-Digest of the body,
 *                 signature base, Web Crypto verify; detached JWS), one core, against building
 *                 the signature base alone;
 *   signing:      the partner's signRequest per algorithm and the gateway's response signature,
 *                 against the same baseline;
 *   requests:     POST /v1/quotes through the real app as a partner agency (verification, key and
 *                 certificate checks, nonce and evidence rows, signed response), against the same
 *                 route with a staff bearer token; variants are interleaved in rounds so that a
 *                 growing database or a busy neighbour weighs on all of them alike;
 *   http:         the same comparison through a real HTTP server on 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { exportJWK, generateKeyPair } from 'jose';
import {
  createPartnerClient,
  type HttpMessage,
  httpAlgorithmForJwk,
  importJwsPublicKey,
  importPublicKey,
  type JsonWebKeySet,
  jwsAlgorithmForJwk,
  type ParsedSignature,
  type PartnerSigningKey,
  parseSignatures,
  type SignatureScheme,
  signatureBase,
  signRequest,
  utf8,
  verifyContentDigest,
  verifyDetachedJws,
  verifyResponse,
  verifySignature,
} from '../sdk/src/index.ts';
import type { createApp } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import type { AdapterRegistry } from '../src/services/adapters/registry.ts';
import { type GatewayKeySet, gatewayKeySet, jwks } from '../src/services/auth/gateway-keys.ts';
import { generateSigningKey } from '../src/services/auth/tokens.ts';
import { authenticatePartnerRequest } from '../src/services/partners/authenticate.ts';
import { addPartnerKeys, findKey, upsertPartner } from '../src/services/partners/registry.ts';
import { signPartnerResponse } from '../src/services/partners/sign-response.ts';

/** What bench/run.ts hands over: the real app on a seeded database, and a staff token. */
export interface SignatureBenchGateway {
  app: ReturnType<typeof createApp>;
  db: Database;
  registry: AdapterRegistry;
  gatewayKeys: GatewayKeySet;
  /** Staff bearer token and content type: the unsigned baseline. */
  bearerHeaders: Record<string, string>;
  /** The app's fixed clock; partners sign with it so `created` is inside the 60 s window. */
  now: Date;
  /** A valid POST /v1/quotes body for jurisdiction DE. */
  quoteBody: string;
  label: string;
}

interface Timing {
  name: string;
  opsPerSecond: number;
  meanUs: number;
  p50Us: number;
  p99Us: number;
}

interface KeyKind {
  name: string;
  jose: 'EdDSA' | 'ES256' | 'PS256';
  options: { crv?: string; modulusLength?: number };
}

const KEY_KINDS: KeyKind[] = [
  { name: 'ed25519', jose: 'EdDSA', options: { crv: 'Ed25519' } },
  { name: 'ecdsa-p256', jose: 'ES256', options: {} },
  { name: 'rsa-2048', jose: 'PS256', options: { modulusLength: 2048 } },
  { name: 'rsa-3072', jose: 'PS256', options: { modulusLength: 3072 } },
];

type BenchKey = PartnerSigningKey & { publicJwk: JsonWebKey; kind: KeyKind };

async function generatePartnerKey(kind: KeyKind, kid: string): Promise<BenchKey> {
  const { privateKey, publicKey } = await generateKeyPair(kind.jose, { extractable: true, ...kind.options });
  return {
    kid,
    kind,
    privateJwk: (await exportJWK(privateKey)) as JsonWebKey,
    publicJwk: { ...((await exportJWK(publicKey)) as JsonWebKey), kid } as JsonWebKey,
  };
}

/** `RFC 9421 rsa-pss-sha512, RSA 2048` / `JWS PS256, RSA 2048`. */
function algorithmLabel(key: BenchKey, scheme: SignatureScheme): string {
  const rsa = key.kind.options.modulusLength ? `, RSA ${key.kind.options.modulusLength}` : '';
  return scheme === 'detached-jws'
    ? `JWS ${jwsAlgorithmForJwk(key.privateJwk)}${rsa}`
    : `RFC 9421 ${httpAlgorithmForJwk(key.privateJwk)}${rsa}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Throughput is the median over batches (ops per second of each batch), so one batch hit by a GC
 * pause or another process on the machine does not move it; p50/p99 are over all operations.
 */
function summarize(name: string, latenciesMs: number[], batchRates: number[]): Timing {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const opsPerSecond = median(batchRates);
  return {
    name,
    opsPerSecond,
    meanUs: 1_000_000 / opsPerSecond,
    p50Us: percentile(sorted, 0.5) * 1000,
    p99Us: percentile(sorted, 0.99) * 1000,
  };
}

/** Runs `op` `count` times one at a time, adding latencies to `latencies`; returns ops per second. */
async function batch(op: () => unknown, count: number, latencies: number[]): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await op();
    latencies.push(performance.now() - t0);
  }
  return (count / (performance.now() - started)) * 1000;
}

/** Warms `op` up, then runs it for about `budgetMs` in 10 batches (at least 100 operations). */
async function timed(name: string, op: () => unknown, budgetMs = 300): Promise<Timing> {
  const warmUpStarted = performance.now();
  let warmUps = 0;
  while (warmUps < 20 || performance.now() - warmUpStarted < 50) {
    await op();
    warmUps += 1;
  }
  const perOpMs = (performance.now() - warmUpStarted) / warmUps;
  const perBatch = Math.max(10, Math.min(5_000, Math.round(budgetMs / perOpMs / 10)));
  const latencies: number[] = [];
  const rates: number[] = [];
  for (let i = 0; i < 10; i++) rates.push(await batch(op, perBatch, latencies));
  return summarize(name, latencies, rates);
}

interface Variant {
  name: string;
  op: () => Promise<unknown>;
}

/**
 * Runs the variants in `rounds` rounds of `perRound` operations each, rotating their order every
 * round, so drift during the run (table growth, GC, other processes) is shared between them.
 */
async function interleaved(variants: Variant[], rounds: number, perRound: number): Promise<Timing[]> {
  for (const variant of variants) for (let i = 0; i < 20; i++) await variant.op();
  const latencies = variants.map(() => [] as number[]);
  const rates = variants.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < variants.length; k++) {
      const index = (k + round) % variants.length;
      const variant = variants[index] as Variant;
      rates[index]?.push(await batch(variant.op, perRound, latencies[index] as number[]));
    }
  }
  return variants.map((variant, index) =>
    summarize(variant.name, latencies[index] ?? [], rates[index] ?? []),
  );
}

/**
 * Like run.ts's tables, in microseconds (µs/op = 1/ops/s); with `withDelta`, `+µs/op` and `+p50 µs`
 * are what a row costs over the baseline.
 */
function printTable(title: string, baseline: Timing, results: Timing[], withDelta = false) {
  const us = (value: number) => value.toFixed(1);
  console.log(`\n${title}`);
  console.log(
    `${'benchmark'.padEnd(60)}${'ops/s'.padStart(10)}${'µs/op'.padStart(10)}${'p50 µs'.padStart(10)}${'p99 µs'.padStart(10)}${'× baseline'.padStart(12)}${withDelta ? `${'+µs/op'.padStart(10)}${'+p50 µs'.padStart(10)}` : ''}`,
  );
  for (const r of [baseline, ...results]) {
    const isBaseline = r === baseline;
    const ratio = isBaseline ? 'baseline' : (r.opsPerSecond / baseline.opsPerSecond).toFixed(4);
    const delta = isBaseline
      ? ''.padStart(20)
      : `${us(r.meanUs - baseline.meanUs).padStart(10)}${us(r.p50Us - baseline.p50Us).padStart(10)}`;
    console.log(
      `${r.name.padEnd(60)}${r.opsPerSecond.toFixed(0).padStart(10)}${us(r.meanUs).padStart(10)}${us(r.p50Us).padStart(10)}${us(r.p99Us).padStart(10)}${ratio.padStart(12)}${withDelta ? delta : ''}`,
    );
  }
}

function only(signatures: ParsedSignature[]): ParsedSignature {
  const [first] = signatures;
  if (!first) throw new Error('no signature parsed');
  return first;
}

/** A typical partner call: POST of a transfer instruction, about 200 bytes of JSON. */
const PARTNER_URL = 'https://pontis.example.org/v1/transfers';
const PARTNER_ID = 'bench-agency-de';
const TRANSFER_BODY = utf8(
  JSON.stringify({
    quoteId: 'quo_01KAQ3M5Z8J4W6X2N7R9T1V3B5',
    purpose: 'contribution',
    beneficiary: { name: 'Li Wei', accountNumber: '6222020200112233445', bankCode: 'ICBKCNBJ' },
    reference: 'DRV 12 150865 M 123 / 2026-11',
  }),
);
/** What a quote answer looks like to the response signer (bytes only; the content does not matter). */
const RESPONSE_BODY = JSON.stringify({
  id: 'quo_01KAQ3M5Z8J4W6X2N7R9T1V3B5',
  object: 'quote',
  purpose: 'contribution',
  partnerJurisdiction: 'DE',
  sourceCurrency: 'EUR',
  targetCurrency: 'CNY',
  sourceAmount: '250.00',
  targetAmount: '2036.12',
  fees: { fixed: '1.50', percent: '0.63', total: '2.13' },
  referenceRate: { rate: '8.2150', source: 'ecb', date: '2026-11-20', basis: 'EUR' },
  appliedRate: '8.1904',
  expiresAt: '2026-11-23T10:15:00.000Z',
});

/** Section 1: verification and signing of one message through the SDK, no database. */
export async function signatureVerification(now: Date): Promise<void> {
  const keys = await Promise.all(KEY_KINDS.map((kind) => generatePartnerKey(kind, `bench-${kind.name}`)));
  const signed = async (key: BenchKey, scheme: SignatureScheme) =>
    signRequest(
      {
        method: 'POST',
        url: PARTNER_URL,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'bench-0001-instruction' },
        body: TRANSFER_BODY,
      },
      { key, partnerId: PARTNER_ID, scheme, now: () => now },
    );

  const sample = await signed(keys[0] as BenchKey, 'http-message-signatures');
  const sampleMessage: HttpMessage = { method: 'POST', url: PARTNER_URL, headers: sample };
  const sampleSignature = only(parseSignatures(sample.get('signature-input'), sample.get('signature')));
  const baseline = await timed('signature base alone (baseline)', () =>
    signatureBase(sampleMessage, sampleSignature),
  );
  const verification: Timing[] = [
    await timed('parse Signature-Input + Signature', () =>
      parseSignatures(sample.get('signature-input'), sample.get('signature')),
    ),
    await timed(`verify Content-Digest sha-256, ${TRANSFER_BODY.byteLength} B body`, () =>
      verifyContentDigest(sample.get('content-digest'), TRANSFER_BODY),
    ),
  ];

  const withImport: Timing[] = [];
  for (const key of keys) {
    const algorithm = httpAlgorithmForJwk(key.publicJwk);
    const headers = await signed(key, 'http-message-signatures');
    const message: HttpMessage = { method: 'POST', url: PARTNER_URL, headers };
    const verify = async (publicKey: CryptoKey) => {
      const signature = only(parseSignatures(headers.get('signature-input'), headers.get('signature')));
      await verifyContentDigest(headers.get('content-digest'), TRANSFER_BODY);
      await verifySignature(message, signature, publicKey, algorithm);
    };
    const publicKey = await importPublicKey(key.publicJwk, algorithm);
    verification.push(await timed(algorithmLabel(key, 'http-message-signatures'), () => verify(publicKey)));
    withImport.push(
      await timed(`${algorithmLabel(key, 'http-message-signatures')} + key import`, async () =>
        verify(await importPublicKey(key.publicJwk, algorithm)),
      ),
    );
  }
  for (const key of keys) {
    const alg = jwsAlgorithmForJwk(key.publicJwk);
    const header = (await signed(key, 'detached-jws')).get('x-jws-signature') ?? '';
    const publicKey = await importJwsPublicKey(key.publicJwk, alg);
    verification.push(
      await timed(algorithmLabel(key, 'detached-jws'), () =>
        verifyDetachedJws(header, TRANSFER_BODY, publicKey, [alg]),
      ),
    );
    withImport.push(
      await timed(`${algorithmLabel(key, 'detached-jws')} + key import`, async () =>
        verifyDetachedJws(header, TRANSFER_BODY, await importJwsPublicKey(key.publicJwk, alg), [alg]),
      ),
    );
  }

  // The gateway's side of every partner response, and the partner's check of it.
  const gatewayKeys = await gatewayKeySet(await generateSigningKey());
  const request: HttpMessage = { method: 'POST', url: PARTNER_URL, headers: sample };
  const gatewayResponse = () =>
    signPartnerResponse(
      new Response(RESPONSE_BODY, { status: 201, headers: { 'content-type': 'application/json' } }),
      { request, requestSignature: { label: sampleSignature.label }, keys: gatewayKeys, now },
    );
  const response = await gatewayResponse();
  const responseBody = new Uint8Array(await response.arrayBuffer());
  const published = jwks(gatewayKeys) as JsonWebKeySet;
  verification.push(
    await timed('client verifyResponse (gateway ecdsa-p256, + key import)', () =>
      verifyResponse(
        { status: response.status, headers: response.headers, body: responseBody },
        request,
        published,
        { now: () => now },
      ),
    ),
  );
  printTable(
    `signature verification (SDK, one core; POST, ${TRANSFER_BODY.byteLength} B JSON; key imported once unless + key import)`,
    baseline,
    [...verification, ...withImport],
  );

  const signing: Timing[] = [];
  for (const scheme of ['http-message-signatures', 'detached-jws'] as const) {
    for (const key of keys) {
      signing.push(
        await timed(
          `signRequest ${algorithmLabel(key, scheme)}`,
          () => signed(key, scheme),
          key.kind.options.modulusLength === 3072 ? 500 : 300,
        ),
      );
    }
  }
  signing.push(
    await timed('gateway signPartnerResponse (ecdsa-p256)', async () =>
      (await gatewayResponse()).arrayBuffer(),
    ),
  );
  printTable(
    'signing (SDK, one core; signRequest imports the private key on every call, as the client does)',
    baseline,
    signing,
  );
}

/** Section 2: the same route signed and unsigned, in process and over a socket. */
export async function signedRequests(gw: SignatureBenchGateway): Promise<void> {
  const context = { actor: 'bench', now: gw.now };
  await upsertPartner(gw.db, gw.registry, { id: PARTNER_ID, jurisdiction: 'DE' }, context);
  const keys: Record<string, BenchKey> = {};
  // A kid is unique for good; on PostgreSQL the database outlives the run, so each run adds its own.
  const run = Date.now().toString(36);
  for (const kind of KEY_KINDS.slice(0, 3)) {
    const key = await generatePartnerKey(kind, `${PARTNER_ID}-${kind.name}-${run}`);
    await addPartnerKeys(gw.db, { partnerId: PARTNER_ID, keyText: JSON.stringify(key.publicJwk) }, context);
    keys[kind.name] = key;
  }
  const key = (name: string) => keys[name] as BenchKey;
  const published = jwks(gw.gatewayKeys) as JsonWebKeySet;

  /** Signs `count` requests ahead (fresh nonce each), so the measured time is the gateway's alone. */
  const presigned = async (url: string, signer: BenchKey, scheme: SignatureScheme, count: number) => {
    const pool: Headers[] = [];
    for (let i = 0; i < count; i++) {
      pool.push(
        await signRequest(
          { method: 'POST', url, body: gw.quoteBody },
          { key: signer, partnerId: PARTNER_ID, scheme, now: () => gw.now },
        ),
      );
    }
    return () => {
      const headers = pool.pop();
      if (!headers) throw new Error('the pool of pre-signed requests ran out');
      return headers;
    };
  };
  const ok = async (response: Response, signedAnswer: boolean) => {
    if (response.status !== 201) throw new Error(`quote ${response.status}: ${await response.text()}`);
    if (signedAnswer && !response.headers.has('signature')) throw new Error('the response is not signed');
    await response.arrayBuffer();
  };

  // Where the time goes: the gateway's authentication step alone, database included.
  const authUrl = 'http://localhost/v1/quotes';
  const quoteBytes = utf8(gw.quoteBody);
  const authVariant = async (name: string, signer: BenchKey, scheme: SignatureScheme): Promise<Variant> => {
    const next = await presigned(authUrl, signer, scheme, 10 * 30 + 20);
    return {
      name,
      op: () =>
        authenticatePartnerRequest(
          gw.db,
          gw.registry,
          { method: 'POST', targetUri: authUrl, headers: next(), body: quoteBytes },
          gw.now,
        ),
    };
  };
  const [selectOne, ...authResults] = await interleaved(
    [
      { name: 'select 1 (baseline)', op: () => gw.db.execute(sql`select 1`) },
      { name: 'findKey (key + partner lookup)', op: () => findKey(gw.db, key('ed25519').kid) },
      await authVariant(
        'authenticatePartnerRequest RFC 9421 ed25519',
        key('ed25519'),
        'http-message-signatures',
      ),
      await authVariant(
        'authenticatePartnerRequest RFC 9421 ecdsa-p256',
        key('ecdsa-p256'),
        'http-message-signatures',
      ),
      await authVariant('authenticatePartnerRequest JWS EdDSA', key('ed25519'), 'detached-jws'),
    ],
    10,
    30,
  );
  printTable(
    `partner authentication in process (key lookup, verify, nonce + evidence rows; ${gw.label})`,
    selectOne as Timing,
    authResults,
    true,
  );

  // In process (app.request, no socket).
  const rounds = 20;
  const perRound = 20;
  const count = rounds * perRound + 20;
  const appUrl = 'http://localhost/v1/quotes';
  const post = (headers: HeadersInit) =>
    gw.app.request('/v1/quotes', { method: 'POST', headers, body: gw.quoteBody });
  const signedVariant = async (name: string, signer: BenchKey, scheme: SignatureScheme): Promise<Variant> => {
    const next = await presigned(appUrl, signer, scheme, count);
    return { name, op: async () => ok(await post(next()), true) };
  };
  // One checked round trip first: the gateway's answer verifies against its published keys.
  const check = await signRequest(
    { method: 'POST', url: appUrl, body: gw.quoteBody },
    { key: key('ed25519'), partnerId: PARTNER_ID, now: () => gw.now },
  );
  const checked = await post(check);
  await verifyResponse(
    { status: checked.status, headers: checked.headers, body: new Uint8Array(await checked.arrayBuffer()) },
    { method: 'POST', url: appUrl, headers: check },
    published,
    { now: () => gw.now },
  );
  const client = createPartnerClient({
    baseUrl: 'http://localhost',
    key: key('ed25519'),
    partnerId: PARTNER_ID,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) =>
      gw.app.request(String(input), init)) as typeof fetch,
    gatewayKeys: published,
    now: () => gw.now,
  });
  const body = JSON.parse(gw.quoteBody) as unknown;
  const [baseline, ...results] = await interleaved(
    [
      { name: 'bearer token, unsigned (baseline)', op: async () => ok(await post(gw.bearerHeaders), false) },
      await signedVariant('RFC 9421 ed25519 + signed response', key('ed25519'), 'http-message-signatures'),
      await signedVariant(
        'RFC 9421 ecdsa-p256-sha256 + signed response',
        key('ecdsa-p256'),
        'http-message-signatures',
      ),
      await signedVariant(
        'RFC 9421 rsa-pss-sha512 (2048) + signed response',
        key('rsa-2048'),
        'http-message-signatures',
      ),
      await signedVariant('JWS EdDSA + signed response', key('ed25519'), 'detached-jws'),
      await signedVariant('JWS ES256 + signed response', key('ecdsa-p256'), 'detached-jws'),
      {
        name: 'SDK client ed25519: sign + request + verify',
        op: async () => {
          const answer = await client.request('POST', '/v1/quotes', { body });
          if (answer.status !== 201 || !answer.signature) throw new Error(`quote ${answer.status}`);
        },
      },
    ],
    rounds,
    perRound,
  );
  printTable(
    `POST /v1/quotes, staff vs partner (in-process app.request, ${gw.label}; ${rounds}×${perRound} interleaved)`,
    baseline as Timing,
    results,
    true,
  );

  // The same over a real socket.
  const server = serve({ fetch: gw.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/quotes`;
    const httpRounds = 10;
    const httpPerRound = 20;
    const httpCount = httpRounds * httpPerRound + 20;
    const overSocket = (headers: HeadersInit) => fetch(url, { method: 'POST', headers, body: gw.quoteBody });
    const nextEd25519 = await presigned(url, key('ed25519'), 'http-message-signatures', httpCount);
    const nextJws = await presigned(url, key('ed25519'), 'detached-jws', httpCount);
    const [httpBaseline, ...httpResults] = await interleaved(
      [
        {
          name: 'bearer token over HTTP (baseline)',
          op: async () => ok(await overSocket(gw.bearerHeaders), false),
        },
        {
          name: 'RFC 9421 ed25519 + signed response over HTTP',
          op: async () => ok(await overSocket(nextEd25519()), true),
        },
        {
          name: 'JWS EdDSA + signed response over HTTP',
          op: async () => ok(await overSocket(nextJws()), true),
        },
      ],
      httpRounds,
      httpPerRound,
    );
    printTable(
      `POST /v1/quotes over HTTP (127.0.0.1, keep-alive fetch, ${gw.label}; ${httpRounds}×${httpPerRound} interleaved)`,
      httpBaseline as Timing,
      httpResults,
      true,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
