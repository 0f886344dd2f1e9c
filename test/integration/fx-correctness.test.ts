/**
 * FX correctness against the real ECB history: for 1,000 pseudo-random (date, corridor, amount,
 * fixed side) cases drawn from `fx/ecb/eurofxref-hist.csv` (shared data), the gateway's price
 * (`priceConversion`, the reading half of `createQuote`, in process) equals an independent
 * computation in this file to the minor unit: reference rate, applied rate, rate date and source,
 * both amounts and every fee.
 *
 * The expected side reads the CSV itself (split lines, no gateway parser) and computes in exact
 * rational arithmetic (bigint numerator / denominator), so its only rounding is the one the
 * specification names:
 *   - cross rate = quotePerEur ÷ basePerEur, half-even to 12 significant digits;
 *   - applied    = reference × (10000 − spreadBps) / 10000, half-even to 12 significant digits;
 *   - fees (source currency) = fixed (rounded to the source minor unit) + source × percentBps /
 *     10000 (rounded per the corridor's rule);
 *   - fixed source: target = (source − fees) × applied, rounded per the corridor's rule;
 *   - fixed target: source = (target ÷ applied + fixed fee) ÷ (1 − percentBps / 10000), rounded
 *     per the corridor's rule; the fees are then charged on that source.
 * Minor units come from `currency-codes` (ISO 4217), policies from the adapter registry.
 *
 * Settlement calendars only cover recent years (CNAPS 2025–2026, …), and outside them the
 * gateway refuses to store a quote with `calendar_not_covered` rather than guess its value date.
 * So every case is priced with `priceConversion`, and every case whose dates the calendars cover
 * is also stored with `createQuote`, whose receipt must show the same numbers and real
 * settlement dates. Nothing in the gateway is replaced.
 *
 * The seed is fixed (override with PONTIS_FX_CORRECTNESS_SEED) and printed in the test names.
 */

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import currencyCodes from 'currency-codes';
import DecimalBase from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterDefinitions } from '../../adapters/index.ts';
import type { Quote } from '../../schemas/quotes.ts';
import { importRateFile } from '../../src/cli/reference-rates.ts';
import { createAdapterRegistry } from '../../src/services/adapters/registry.ts';
import { resolveCorridor } from '../../src/services/fx/corridors.ts';
import { createQuote, type PricedConversion, priceConversion } from '../../src/services/quotes/quotes.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { seededRandom } from '../helpers/random.ts';
import { sharedFile, skipMessage } from '../helpers/shared-data.ts';

const ECB_FILE = 'fx/ecb/eurofxref-hist.csv';
const CASES = 1_000;
const SEED = Number(process.env.PONTIS_FX_CORRECTNESS_SEED ?? 0x5eed_2026) >>> 0;
const PARTNERS = ['DE', 'FR', 'NL', 'CH', 'JP', 'KR', 'CA'] as const;
const PURPOSES = ['contribution', 'benefit'] as const;
const SIDES = ['source', 'target'] as const;
/** First year every settlement calendar involved covers: from then on every case is also stored. */
const FIRST_CALENDAR_YEAR = 2025;

// ---------------------------------------------------------------------------------------------
// Independent arithmetic: exact rationals over bigint, rounded once where the spec says so.

/** Formatting only (exact conversions of finite decimals); no arithmetic relies on it. */
const D = DecimalBase.clone({ precision: 200, toExpNeg: -200, toExpPos: 200 });

interface Ratio {
  n: bigint;
  d: bigint;
}
type Rule = 'half_up' | 'half_even';

const pow10 = (k: number): bigint => 10n ** BigInt(k);

function ratio(text: string): Ratio {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a non-negative decimal: ${text}`);
  const fraction = match[2] ?? '';
  return { n: BigInt(`${match[1]}${fraction}`), d: pow10(fraction.length) };
}
const int = (n: bigint): Ratio => ({ n, d: 1n });
const mul = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.n, d: a.d * b.d });
const div = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d, d: a.d * b.n });
const add = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
const sub = (a: Ratio, b: Ratio): Ratio => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const scale = (a: Ratio, k: number): Ratio =>
  k >= 0 ? { n: a.n * pow10(k), d: a.d } : { n: a.n, d: a.d * pow10(-k) };

/** A non-negative ratio rounded to an integer with the rule. */
function roundToInteger(a: Ratio, rule: Rule): bigint {
  if (a.n < 0n || a.d <= 0n) throw new Error('roundToInteger expects a non-negative ratio');
  const q = a.n / a.d;
  const twice = 2n * (a.n % a.d);
  if (twice > a.d) return q + 1n;
  if (twice < a.d) return q;
  return rule === 'half_up' || q % 2n === 1n ? q + 1n : q;
}

/** A positive ratio rounded half-even to `digits` significant digits. */
function toSignificant(a: Ratio, digits: number): Ratio {
  let k = digits;
  while (scale(a, k).n / scale(a, k).d >= pow10(digits)) k -= 1;
  while (scale(a, k).n / scale(a, k).d < pow10(digits - 1)) k += 1;
  return scale(int(roundToInteger(scale(a, k), 'half_even')), -k);
}

/** A ratio whose denominator is a power of ten, as the shortest decimal string. */
const decimalText = (a: Ratio): string => new D(a.n.toString()).dividedBy(a.d.toString()).toFixed();

function minorUnits(code: string): number {
  const entry = currencyCodes.code(code);
  if (!entry) throw new Error(`unknown currency ${code}`);
  return entry.digits;
}

/** Rounds an amount to minor units of a currency with the rule. */
const toMinor = (a: Ratio, code: string, rule: Rule): bigint =>
  roundToInteger(scale(a, minorUnits(code)), rule);
const fromMinor = (minor: bigint, code: string): Ratio => ({ n: minor, d: pow10(minorUnits(code)) });
const formatMinor = (minor: bigint, code: string): string =>
  new D(minor.toString()).dividedBy(new D(10).pow(minorUnits(code))).toFixed(minorUnits(code));

// ---------------------------------------------------------------------------------------------
// The ECB history, read independently of the gateway's parser.

interface HistoryDay {
  date: string;
  /** Units per EUR, exactly as published; N/A cells are absent. */
  rates: Map<string, string>;
}

function readHistory(path: string): HistoryDay[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split(/\r?\n/);
  const columns = (header ?? '').split(',').map((cell) => cell.trim());
  const days: HistoryDay[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const cells = line.split(',').map((cell) => cell.trim());
    const rates = new Map<string, string>();
    columns.forEach((code, index) => {
      const cell = cells[index];
      if (index > 0 && code !== '' && cell && cell !== 'N/A') rates.set(code, cell);
    });
    days.push({ date: cells[0] ?? '', rates });
  }
  return days;
}

/** Units of `code` per EUR on a day, or undefined when not published (EUR is 1 by definition). */
const perEur = (day: HistoryDay, code: string): string | undefined =>
  code === 'EUR' ? '1' : day.rates.get(code);

// ---------------------------------------------------------------------------------------------
// Cases.

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

interface Case {
  index: number;
  date: string;
  purpose: (typeof PURPOSES)[number];
  partner: (typeof PARTNERS)[number];
  side: (typeof SIDES)[number];
  /** `<source>-<target>` jurisdiction codes, e.g. `DE-CN`. */
  corridor: string;
  sourceCurrency: string;
  targetCurrency: string;
  /** The fixed amount, as the request sends it. */
  amount: string;
  basePerEur: string;
  quotePerEur: string;
}

interface Expected {
  outOfRange: boolean;
  reference: string;
  applied: string;
  sourceAmount: string;
  targetAmount: string;
  fees: { type: 'fixed' | 'percentage'; bps?: number; amount: string; currency: string }[];
  totalFee: string;
}

type Registry = ReturnType<typeof createAdapterRegistry>;

function drawCases(history: HistoryDay[], registry: Registry): Case[] {
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  const eligible = new Map<string, HistoryDay[]>();
  const daysWith = (a: string, b: string): HistoryDay[] => {
    const key = [a, b].sort().join('/');
    let days = eligible.get(key);
    if (!days) {
      days = history.filter((day) => perEur(day, a) !== undefined && perEur(day, b) !== undefined);
      eligible.set(key, days);
    }
    return days;
  };
  const cases: Case[] = [];
  for (let index = 0; index < CASES; index += 1) {
    const partner = pick(PARTNERS);
    const purpose = pick(PURPOSES);
    const side = pick(SIDES);
    const corridor = resolveCorridor(registry, purpose, partner);
    const sourceCurrency = corridor.source.identity.currency;
    const targetCurrency = corridor.target.identity.currency;
    const day = pick(daysWith(sourceCurrency, targetCurrency));
    const basePerEur = perEur(day, sourceCurrency) as string;
    const quotePerEur = perEur(day, targetCurrency) as string;
    const { min, max } = corridor.policy.limits;
    // A source amount, log-uniform well inside the limits; now and then exactly at a limit.
    const edge = random();
    let source: number;
    if (side === 'source' && edge < 0.025) source = Number(min);
    else if (side === 'source' && edge < 0.05) source = Number(max);
    else {
      const lo = Math.log(Number(min) * 1.1);
      const hi = Math.log(Number(max) * 0.9);
      source = Math.exp(lo + random() * (hi - lo));
    }
    let amount: string;
    if (side === 'source') {
      let minor = BigInt(Math.floor(source * 10 ** minorUnits(sourceCurrency)));
      // Random amounts almost never make an exact half; a percentage fee can be steered onto one
      // (source × bps / 10000 ends in exactly half a minor unit), where half-even and half-up part.
      const percentBps = BigInt(corridor.policy.fees.percentBps);
      if (percentBps > 0n && minor > 20_000n && random() < 0.5) {
        const step = 10_000n / gcd(percentBps, 10_000n);
        if (step % 2n === 0n) minor = minor - (minor % step) + step / 2n;
      }
      amount = formatMinor(minor, sourceCurrency);
    } else {
      // The target such a source would roughly buy (floats are fine for drawing inputs).
      const net =
        source - Number(corridor.policy.fees.fixed) - (source * corridor.policy.fees.percentBps) / 10_000;
      const approxRate = Number(quotePerEur) / Number(basePerEur);
      const minor = BigInt(Math.max(1, Math.floor(net * approxRate * 10 ** minorUnits(targetCurrency))));
      amount = formatMinor(minor, targetCurrency);
    }
    cases.push({
      index,
      date: day.date,
      purpose,
      partner,
      side,
      corridor: `${corridor.source.identity.code}-${corridor.target.identity.code}`,
      sourceCurrency,
      targetCurrency,
      amount,
      basePerEur,
      quotePerEur,
    });
  }
  return cases;
}

function expectedQuote(item: Case, registry: Registry): Expected {
  const { policy } = resolveCorridor(registry, item.purpose, item.partner);
  const rule = policy.rounding as Rule;
  if (rule !== 'half_up' && rule !== 'half_even') throw new Error(`unexpected rounding ${policy.rounding}`);
  const src = item.sourceCurrency;
  const tgt = item.targetCurrency;
  const bps = int(10_000n);

  const reference = toSignificant(div(ratio(item.quotePerEur), ratio(item.basePerEur)), 12);
  const applied = toSignificant(mul(reference, div(int(BigInt(10_000 - policy.spreadBps)), bps)), 12);
  const fixedFee = ratio(policy.fees.fixed);
  const percentBps = BigInt(policy.fees.percentBps);
  const feesOn = (sourceMinor: bigint) => {
    const fixedMinor = toMinor(fixedFee, src, rule);
    const lines: Expected['fees'] = [{ type: 'fixed', amount: formatMinor(fixedMinor, src), currency: src }];
    let total = fixedMinor;
    if (percentBps > 0n) {
      const percentMinor = toMinor(div(mul(fromMinor(sourceMinor, src), int(percentBps)), bps), src, rule);
      lines.push({
        type: 'percentage',
        bps: policy.fees.percentBps,
        amount: formatMinor(percentMinor, src),
        currency: src,
      });
      total += percentMinor;
    }
    return { lines, total };
  };

  let sourceMinor: bigint;
  let targetMinor: bigint;
  if (item.side === 'source') {
    sourceMinor = toMinor(ratio(item.amount), src, 'half_up');
    const fees = feesOn(sourceMinor);
    const net = fromMinor(sourceMinor - fees.total, src);
    targetMinor = net.n < 0n ? -1n : toMinor(mul(net, applied), tgt, rule);
  } else {
    targetMinor = toMinor(ratio(item.amount), tgt, 'half_up');
    const gross = div(
      add(div(fromMinor(targetMinor, tgt), applied), fixedFee),
      div(sub(bps, int(percentBps)), bps),
    );
    sourceMinor = toMinor(gross, src, rule);
  }
  const fees = feesOn(sourceMinor);
  const min = toMinor(ratio(policy.limits.min), src, 'half_up');
  const max = toMinor(ratio(policy.limits.max), src, 'half_up');
  const outOfRange = sourceMinor < min || sourceMinor > max || fees.total >= sourceMinor || targetMinor <= 0n;
  return {
    outOfRange,
    reference: decimalText(reference),
    applied: decimalText(applied),
    sourceAmount: formatMinor(sourceMinor, src),
    targetAmount: outOfRange ? '' : formatMinor(targetMinor, tgt),
    fees: fees.lines,
    totalFee: formatMinor(fees.total, src),
  };
}

/** 16:00 UTC on the publication day: 17:00 CET or 18:00 CEST, after the ~16:00 ECB fixing. */
const afterPublication = (date: string): Date => new Date(`${date}T16:00:00.000Z`);

/** The gateway's minor units as a decimal string, with the ISO 4217 digits from currency-codes. */
function amountText(minor: bigint, currency: string): string {
  const digits = minorUnits(currency);
  return new D(minor.toString()).dividedBy(new D(10).pow(digits)).toFixed(digits);
}

/** The per-EUR rates of a published basis as plain decimals ("8.2150" and "8.215" are one rate). */
function normalisedBasis(basis: unknown) {
  const value = basis as { kind?: string; basePerEur?: string; quotePerEur?: string };
  return {
    kind: value.kind,
    basePerEur: value.basePerEur === undefined ? undefined : new D(value.basePerEur).toFixed(),
    quotePerEur: value.quotePerEur === undefined ? undefined : new D(value.quotePerEur).toFixed(),
  };
}

// ---------------------------------------------------------------------------------------------

const file = sharedFile(ECB_FILE);
if (!file) console.warn(skipMessage(ECB_FILE));

describe.skipIf(!file)(`FX correctness on the real ECB history (seed ${SEED})`, () => {
  const registry = createAdapterRegistry(adapterDefinitions, { home: 'CN' });
  let database: TestDatabase;
  let history: HistoryDay[];
  let cases: Case[];

  beforeAll(async () => {
    history = readHistory(file as string);
    cases = drawCases(history, registry);
    database = await createTestDatabase();
    const newest = history.reduce((last, day) => (day.date > last ? day.date : last), '');
    const importedAt = new Date(Math.max(Date.now(), Date.parse(`${newest}T23:00:00.000Z`)));
    await importRateFile(database.db, file as string, 'file', importedAt);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('the cases span both purposes, both sides, every partner, both rounding rules and many years', () => {
    const distinct = <T>(values: T[]) => new Set(values).size;
    expect(cases).toHaveLength(CASES);
    expect(distinct(cases.map((item) => item.purpose))).toBe(PURPOSES.length);
    expect(distinct(cases.map((item) => item.side))).toBe(SIDES.length);
    expect(distinct(cases.map((item) => item.partner))).toBe(PARTNERS.length);
    expect(distinct(cases.map((item) => `${item.purpose}:${item.partner}:${item.side}`))).toBe(
      PURPOSES.length * PARTNERS.length * SIDES.length,
    );
    expect(
      distinct(cases.map((item) => resolveCorridor(registry, item.purpose, item.partner).policy.rounding)),
    ).toBe(2);
    const years = cases.map((item) => Number(item.date.slice(0, 4)));
    expect(distinct(years)).toBeGreaterThanOrEqual(15);
    expect(Math.min(...years)).toBeLessThan(2008);
    expect(years.filter((year) => year >= FIRST_CALENDAR_YEAR).length).toBeGreaterThanOrEqual(20);
    // Percentage fees landing on exactly half a minor unit, where the rounding rule decides.
    const ties = cases.filter((item) => {
      const { policy } = resolveCorridor(registry, item.purpose, item.partner);
      if (item.side !== 'source' || policy.fees.percentBps === 0) return false;
      const scaled = ratio(item.amount).n * BigInt(policy.fees.percentBps);
      return scaled % 10_000n === 5_000n;
    });
    expect(ties.length).toBeGreaterThanOrEqual(5);
    // Pairs with a percentage fee (FR contributions) and whole-unit currencies on both sides.
    expect(cases.some((item) => item.partner === 'FR' && item.purpose === 'contribution')).toBe(true);
    expect(cases.some((item) => item.sourceCurrency === 'JPY' || item.sourceCurrency === 'KRW')).toBe(true);
    expect(cases.some((item) => item.targetCurrency === 'JPY' || item.targetCurrency === 'KRW')).toBe(true);
  });

  it(`${CASES} quotes equal the independent computation to the minor unit`, async () => {
    const mismatches: { case: Case; expected: unknown; actual: unknown }[] = [];
    let priced = 0;
    let refused = 0;
    let stored = 0;
    for (const item of cases) {
      const expected = expectedQuote(item, registry);
      const request = {
        purpose: item.purpose,
        partnerJurisdiction: item.partner,
        sourceCurrency: item.sourceCurrency,
        targetCurrency: item.targetCurrency,
        ...(item.side === 'source' ? { sourceAmount: item.amount } : { targetAmount: item.amount }),
      };
      let conversion: PricedConversion;
      try {
        conversion = await priceConversion(
          { db: database.db, registry, now: afterPublication(item.date) },
          request,
        );
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (expected.outOfRange && code === 'amount_out_of_range') refused += 1;
        else {
          mismatches.push({
            case: item,
            expected,
            actual: { error: code ?? String(error), message: (error as Error).message },
          });
        }
        continue;
      }
      const want = {
        outOfRange: expected.outOfRange,
        corridor: item.corridor,
        reference: expected.reference,
        applied: expected.applied,
        source: 'ecb',
        asOf: item.date,
        ageTargetDays: 0,
        basis: {
          kind: 'published',
          basePerEur: new D(item.basePerEur).toFixed(),
          quotePerEur: new D(item.quotePerEur).toFixed(),
        },
        sourceAmount: expected.sourceAmount,
        targetAmount: expected.targetAmount,
        fees: expected.fees,
        totalFee: expected.totalFee,
      };
      const got = {
        outOfRange: false,
        corridor: conversion.corridor.id,
        reference: conversion.reference.rate,
        applied: conversion.priced.appliedRate,
        source: conversion.reference.source,
        asOf: conversion.reference.asOf,
        ageTargetDays: conversion.reference.ageTargetDays,
        basis: normalisedBasis(conversion.reference.basis),
        sourceAmount: amountText(conversion.priced.sourceAmountMinor, item.sourceCurrency),
        targetAmount: amountText(conversion.priced.targetAmountMinor, item.targetCurrency),
        fees: conversion.priced.fees.map((line) => ({
          type: line.type,
          ...(line.bps === undefined ? {} : { bps: line.bps }),
          amount: amountText(line.amountMinor, item.sourceCurrency),
          currency: item.sourceCurrency,
        })),
        totalFee: amountText(conversion.priced.totalFeeMinor, item.sourceCurrency),
      };
      if (!isDeepStrictEqual(got, want)) {
        mismatches.push({ case: item, expected: want, actual: got });
        continue;
      }
      priced += 1;
      if (Number(item.date.slice(0, 4)) < FIRST_CALENDAR_YEAR) continue;
      // A covered date: the stored quote (receipt) shows the same numbers and real value dates.
      const quote: Quote = await createQuote(
        { db: database.db, registry, now: afterPublication(item.date) },
        request,
        'fx-correctness',
      );
      const receipt = {
        ...want,
        corridor: quote.corridor,
        reference: quote.rate.reference,
        applied: quote.rate.applied,
        source: quote.rate.source,
        asOf: quote.rate.asOf,
        ageTargetDays: quote.rate.ageTargetDays,
        basis: normalisedBasis(quote.rate.basis),
        sourceAmount: quote.sourceAmount,
        targetAmount: quote.targetAmount,
        fees: quote.fees.map((line) => ({ ...line })),
        totalFee: quote.totalFee,
      };
      if (!isDeepStrictEqual(receipt, want) || quote.settlement === null) {
        mismatches.push({ case: item, expected: want, actual: { receipt, settlement: quote.settlement } });
      } else stored += 1;
    }
    const report = `${mismatches.length} of ${CASES} cases differ (seed ${SEED}); the first: ${JSON.stringify(mismatches.slice(0, 5), null, 2)}`;
    expect(mismatches.length, report).toBe(0);
    expect(priced + refused).toBe(CASES);
    // Nearly every case is priced (only drawn edge cases may be refused, and only when expected).
    expect(priced).toBeGreaterThanOrEqual(CASES * 0.95);
    // Every priced case of a covered year was also stored, with value dates.
    expect(stored).toBe(
      cases.filter(
        (item) =>
          Number(item.date.slice(0, 4)) >= FIRST_CALENDAR_YEAR && !expectedQuote(item, registry).outOfRange,
      ).length,
    );
    expect(stored).toBeGreaterThanOrEqual(20);
  }, 300_000);
});
