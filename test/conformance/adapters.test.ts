/**
 * The conformance suite every jurisdiction adapter must pass. It runs over `adapterDefinitions`,
 * so a new adapter is covered as soon as it is registered there; nothing here names an adapter.
 */
import fc from 'fast-check';
import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { adapterDefinitions } from '../../adapters/index.ts';
import { currency, Decimal, fractionDigits, isCurrencyCode, parseAmount } from '../../src/core/money.ts';
import {
  AML_PARAMETER_PATHS,
  amlRuleParametersSchema,
  amlRulesProblems,
  businessCalendarSchema,
  DATA_CATEGORIES,
  type IdentifierCheck,
  type IdentifierScheme,
  type JurisdictionAdapter,
  type JurisdictionAdapterDefinition,
  jurisdictionIdentitySchema,
  PROCESSING_PURPOSES,
  SIGNATURE_ALGORITHMS,
  SIGNATURE_SCHEMES,
  TRANSFER_MECHANISMS,
  valueAt,
} from '../../src/ports/index.ts';
import { buildAdapter } from '../../src/services/adapters/registry.ts';
import { HISTORY_DAYS } from '../../src/services/aml/facts.ts';
import { isBusinessDay } from '../../src/services/calendar/business-calendar.ts';
import { settlementDates } from '../../src/services/calendar/value-date.ts';
import { crossRate } from '../../src/services/fx/cross-rate.ts';
import { DEMO_EUR_RATES } from '../../src/services/fx/demo-rate-table.ts';
import { priceQuote } from '../../src/services/fx/price-quote.ts';

/** ISO 3166-1 user-assigned alpha-2 codes: the only ones an example adapter may use. */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
/** Semantic Versioning 2.0.0 (the official grammar, without build metadata). */
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?$/;
const DECIMAL_TEXT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;
const RULES = ['format', 'checksum', 'date', 'range', 'country'];
/** The year the test clock and the demo run in; every calendar must cover it. */
const COVERED_YEAR = 2026;

function isTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone.length > 0;
  } catch {
    return false;
  }
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Path = (string | number)[];

/** Every numeric leaf of an options object: numbers, and amounts written as decimal strings. */
function numericLeaves(value: unknown, path: Path = []): { path: Path; value: number | string }[] {
  if (typeof value === 'number') return [{ path, value }];
  if (typeof value === 'string') return DECIMAL_TEXT.test(value) ? [{ path, value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => numericLeaves(item, [...path, index]));
  if (isPlainObject(value))
    return Object.entries(value).flatMap(([key, item]) => numericLeaves(item, [...path, key]));
  return [];
}

/** A deep copy of `value` with the leaf at `path` replaced. */
function withLeaf(value: unknown, path: Path, leaf: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return leaf;
  if (Array.isArray(value)) {
    return value.map((item, index) => (index === head ? withLeaf(item, rest, leaf) : item));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: withLeaf(record[head], rest, leaf) };
}

function expectWellFormed(result: IdentifierCheck, input: string): void {
  if (result.valid) {
    expect(typeof result.normalized, input).toBe('string');
    expect(result.normalized.length, input).toBeGreaterThan(0);
  } else {
    expect(RULES, input).toContain(result.rule);
    expect(result.message.length, input).toBeGreaterThan(0);
  }
}

/** Validating a valid value's normalised form is valid again, with the same normalised form. */
function expectStable(scheme: IdentifierScheme, result: IdentifierCheck, input: string): void {
  if (!result.valid) return;
  expect(scheme.validate(result.normalized), `${scheme.id}: normalised ${input}`).toEqual({
    valid: true,
    normalized: result.normalized,
  });
}

function label(definition: JurisdictionAdapterDefinition): string {
  const { code, version, kind } = definition.identity;
  return `${code}@${version} (${kind})`;
}

const HOME_DEFINITION = adapterDefinitions.find((definition) => definition.identity.kind === 'home');
if (!HOME_DEFINITION) throw new Error('no home adapter');
const HOME = HOME_DEFINITION.identity;

function homeAdapter(): JurisdictionAdapter {
  const built = buildAdapter(HOME_DEFINITION as JurisdictionAdapterDefinition, undefined);
  if (!built.adapter) throw new Error('the home adapter does not build');
  return built.adapter;
}

describe('the adapter list', () => {
  it('has adapters, with unique codes and exactly one home jurisdiction', () => {
    expect(adapterDefinitions.length).toBeGreaterThan(0);
    const codes = adapterDefinitions.map((definition) => definition.identity.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(adapterDefinitions.filter((definition) => definition.identity.kind === 'home')).toHaveLength(1);
  });
});

describe.each(adapterDefinitions.map((definition) => [label(definition), definition] as const))(
  'adapter %s',
  (_label, definition) => {
    const { identity } = definition;
    const built = buildAdapter(definition, undefined);

    function adapter(): JurisdictionAdapter {
      expect(built.problems).toEqual([]);
      if (!built.adapter) throw new Error(`${identity.code} does not build`);
      return built.adapter;
    }

    describe('identity', () => {
      it('matches the identity schema', () => {
        expect(jurisdictionIdentitySchema.safeParse(identity).success).toBe(true);
      });

      it('has an ISO 3166-1 alpha-2 code (user-assigned for examples)', () => {
        expect(identity.code).toMatch(/^[A-Z]{2}$/);
        if (identity.kind === 'example') expect(identity.code).toMatch(USER_ASSIGNED);
        else {
          expect(countries.isValid(identity.code), identity.code).toBe(true);
          expect(identity.code).not.toMatch(USER_ASSIGNED);
        }
      });

      it('has an ISO 4217 currency, a semantic version, a time zone and languages', () => {
        expect(isCurrencyCode(identity.currency), identity.currency).toBe(true);
        expect(identity.version).toMatch(SEMVER);
        expect(isTimeZone(identity.timeZone), identity.timeZone).toBe(true);
        expect(identity.languages.length).toBeGreaterThan(0);
        for (const language of identity.languages) {
          expect(() => Intl.getCanonicalLocales(language), language).not.toThrow();
        }
        expect(new Set(identity.languages).size).toBe(identity.languages.length);
      });
    });

    describe('options', () => {
      it('builds from its default options with no problems', () => {
        expect(definition.optionsSchema.safeParse(definition.defaultOptions).success).toBe(true);
        expect(built.problems).toEqual([]);
        expect(built.adapter?.identity).toEqual(identity);
      });

      const leaves = numericLeaves(definition.defaultOptions);

      it('has numeric options to bound', () => {
        expect(leaves.length).toBeGreaterThan(0);
      });

      it.each(leaves.map((leaf) => [leaf.path.join('.'), leaf] as const))(
        'refuses %s below and above its bounds',
        (name, leaf) => {
          const outside =
            typeof leaf.value === 'number'
              ? [-1, 1e12, Number.MAX_SAFE_INTEGER, Number.POSITIVE_INFINITY, Number.NaN]
              : ['-1', '1000000000000000', '99999999999999999999.99'];
          for (const value of outside) {
            const result = buildAdapter(definition, withLeaf(definition.defaultOptions, leaf.path, value));
            expect(result.adapter, `${name} = ${String(value)} was accepted`).toBeUndefined();
            expect(result.problems.length, `${name} = ${String(value)}`).toBeGreaterThan(0);
            expect(result.problems.join(' '), `${name} = ${String(value)}`).toContain(
              String(leaf.path.at(-1)),
            );
          }
        },
      );

      it('refuses unknown options and options of the wrong type', () => {
        expect(buildAdapter(definition, { unknownOption: 1 }).problems.length).toBeGreaterThan(0);
        for (const leaf of leaves) {
          const wrong = typeof leaf.value === 'number' ? String(leaf.value) : Number(leaf.value);
          const result = buildAdapter(definition, withLeaf(definition.defaultOptions, leaf.path, wrong));
          expect(result.problems.length, `${leaf.path.join('.')} as ${typeof wrong}`).toBeGreaterThan(0);
        }
      });
    });

    describe('fx policy', () => {
      it('uses ECB reference rates, a bounded rate age and bounded manual rates', () => {
        const { fx } = adapter();
        expect(fx.referenceSource).toBe('ecb');
        expect(Number.isInteger(fx.maxRateAgeTargetDays)).toBe(true);
        expect(fx.maxRateAgeTargetDays).toBeGreaterThanOrEqual(0);
        expect(fx.maxRateAgeTargetDays).toBeLessThanOrEqual(5);
        expect(fx.manualRates.maxValidityHours).toBeGreaterThan(0);
        expect(fx.manualRates.maxDeviationBps).toBeLessThanOrEqual(2_000);
      });

      it('prices corridors if it is a partner, none if it is home', () => {
        const { fx } = adapter();
        const directions = Object.keys(fx.corridors);
        if (identity.kind === 'home') expect(directions).toEqual([]);
        else expect(directions.length).toBeGreaterThan(0);
      });

      it.each(['contribution', 'benefit'] as const)(
        '%s corridor: amounts in its source currency, sane limits, and a quote at both limits',
        (purpose) => {
          const corridor = adapter().fx.corridors[purpose];
          if (!corridor) return;
          const source = purpose === 'contribution' ? identity.currency : HOME.currency;
          const target = purpose === 'contribution' ? HOME.currency : identity.currency;
          const { exponent } = currency(source);
          for (const amount of [corridor.fees.fixed, corridor.limits.min, corridor.limits.max]) {
            expect(amount).toMatch(DECIMAL_TEXT);
            expect(fractionDigits(amount), amount).toBeLessThanOrEqual(exponent);
          }
          expect(new Decimal(corridor.limits.min).gt(corridor.fees.fixed)).toBe(true);
          expect(new Decimal(corridor.limits.min).lt(corridor.limits.max)).toBe(true);
          expect(corridor.spreadBps).toBeLessThan(10_000);
          expect(corridor.fees.percentBps).toBeLessThan(10_000);
          expect(['half_up', 'half_even']).toContain(corridor.rounding);
          // Long enough for a person to accept, short enough for the rate to still hold.
          expect(corridor.quoteTtlSeconds).toBeGreaterThanOrEqual(30);
          expect(corridor.quoteTtlSeconds).toBeLessThanOrEqual(3_600);
          const perEur = (code: string) => (code === 'EUR' ? '1' : (DEMO_EUR_RATES[code] ?? '1'));
          const referenceRate = crossRate(perEur(source), perEur(target));
          for (const limit of [corridor.limits.min, corridor.limits.max]) {
            const amountMinor = parseAmount(limit, source);
            const priced = priceQuote({
              sourceCurrency: source,
              targetCurrency: target,
              fixedSide: 'source',
              amountMinor,
              referenceRate,
              policy: corridor,
            });
            expect(priced.sourceAmountMinor, limit).toBe(amountMinor);
            expect(priced.targetAmountMinor > 0n, `target of ${limit} ${source}`).toBe(true);
            expect(priced.totalFeeMinor >= 0n && priced.totalFeeMinor < amountMinor, `fee at ${limit}`).toBe(
              true,
            );
          }
        },
      );
    });

    describe('privacy policy', () => {
      it('names a legal basis for outbound transfers', () => {
        const { privacy } = adapter();
        expect(TRANSFER_MECHANISMS).toContain(privacy.outboundTransfer.mechanism);
        expect(privacy.outboundTransfer.reference.trim().length).toBeGreaterThan(0);
        if (privacy.regime !== 'none') {
          expect(privacy.outboundTransfer.mechanism).not.toBe('not_applicable');
        }
        if (privacy.regime === 'GDPR' || privacy.regime === 'PIPL') {
          const prefix = `${privacy.regime.toLowerCase()}_`;
          expect(
            privacy.outboundTransfer.mechanism.startsWith(prefix) ||
              privacy.outboundTransfer.mechanism === 'national_law',
            `${privacy.outboundTransfer.mechanism} under ${privacy.regime}`,
          ).toBe(true);
        }
      });

      it('declares every processing purpose and a retention for every data category', () => {
        const { privacy } = adapter();
        expect(Object.keys(privacy.disclosures).sort()).toEqual([...PROCESSING_PURPOSES].sort());
        for (const [purpose, byRecipient] of Object.entries(privacy.disclosures)) {
          for (const [recipient, categories] of Object.entries(byRecipient)) {
            expect(new Set(categories).size, `${purpose} → ${recipient}`).toBe(categories.length);
          }
        }
        // Statistics leave as counts: no personal category may go with them.
        expect(privacy.disclosures.statistics.partner_agency).toEqual([]);
        expect(privacy.disclosures.statistics.settlement_rail).toEqual([]);
        expect(Object.keys(privacy.retentionYears).sort()).toEqual([...DATA_CATEGORIES].sort());
        for (const [category, years] of Object.entries(privacy.retentionYears)) {
          expect(Number.isInteger(years) && years >= 0 && years <= 100, category).toBe(true);
        }
      });

      it('keeps AML records at least five years and names where to complain', () => {
        const { privacy } = adapter();
        // EU AMLR 2024/1624 Art. 77; every adapter keeps the transaction record at least as long.
        expect(privacy.amlRetentionYears).toBeGreaterThanOrEqual(5);
        expect(privacy.retentionYears.transaction).toBeGreaterThanOrEqual(privacy.amlRetentionYears);
        expect(privacy.supervisoryAuthority.url).toMatch(/^https:\/\//);
        expect(privacy.outboundTransfer.article.trim().length).toBeGreaterThan(0);
      });
    });

    it('signing: at least one scheme and one algorithm, all known', () => {
      const { signing } = adapter();
      expect(signing.schemes.length).toBeGreaterThan(0);
      expect(signing.algorithms.length).toBeGreaterThan(0);
      for (const scheme of signing.schemes) expect(SIGNATURE_SCHEMES).toContain(scheme);
      for (const algorithm of signing.algorithms) expect(SIGNATURE_ALGORITHMS).toContain(algorithm);
      expect(new Set(signing.algorithms).size).toBe(signing.algorithms.length);
      expect(signing.maxSignatureAgeSeconds).toBeGreaterThan(0);
    });

    describe('aml policy', () => {
      it('screens against lists and says what an undecided hold becomes', () => {
        const { aml } = adapter();
        expect(aml.sanctionsLists.length).toBeGreaterThan(0);
        expect(new Set(aml.sanctionsLists).size).toBe(aml.sanctionsLists.length);
        expect(aml.holdPolicy.timeoutHours).toBeGreaterThan(0);
        // A real partner's hold never moves money by itself: released or returned, it could carry
        // out a suspicious transfer or tip the customer off (FATF R.20/R.21).
        if (identity.kind === 'partner') expect(aml.holdPolicy.onTimeout).toBe('escalate');
      });

      it('declares rules if it is a partner, in its own currency, with defaults within the bounds', () => {
        const { aml } = adapter();
        if (identity.kind === 'home') {
          expect(aml.rules).toBeUndefined();
          return;
        }
        const rules = aml.rules;
        if (!rules) throw new Error(`${identity.code} declares no AML rules`);
        expect(rules.currency).toBe(identity.currency);
        expect(amlRulesProblems(rules)).toEqual([]);
        expect(amlRuleParametersSchema(rules).safeParse(rules.defaults).success).toBe(true);
        // FATF R.16 and EU 2023/1113 set EUR 1,000 as the most a travel-rule threshold may be.
        expect(new Decimal(rules.bounds.travelRule.thresholdEur.max).lte('1000')).toBe(true);
        // Every window fits the history the facts keep.
        for (const path of AML_PARAMETER_PATHS.filter((item) => item.endsWith('windowDays'))) {
          expect((valueAt(rules.bounds, path) as { max: number }).max, path).toBeLessThanOrEqual(
            HISTORY_DAYS,
          );
        }
      });

      it('refuses every rule parameter outside its bounds, naming the parameter', () => {
        const rules = adapter().aml.rules;
        if (!rules) return;
        const schema = amlRuleParametersSchema(rules);
        for (const path of AML_PARAMETER_PATHS) {
          const bound = valueAt(rules.bounds, path) as { min?: number | string; max?: number | string };
          const outside: unknown[] = [];
          if (typeof bound.min === 'number' && typeof bound.max === 'number') {
            const step = Number.isInteger(bound.max) && Number.isInteger(bound.min) ? 1 : 0.01;
            outside.push(bound.min - step, bound.max + step);
          } else if (typeof bound.min === 'string' && typeof bound.max === 'string') {
            const code = path === 'travelRule.thresholdEur' ? 'EUR' : rules.currency;
            const unit = new Decimal(1).dividedBy(10 ** currency(code).exponent);
            if (new Decimal(bound.min).gt(0))
              outside.push(new Decimal(bound.min).minus(unit).toFixed(currency(code).exponent));
            outside.push(new Decimal(bound.max).plus(unit).toFixed(currency(code).exponent));
          } else outside.push('not-a-choice');
          for (const value of outside) {
            const result = schema.safeParse(withLeaf(rules.defaults, path.split('.'), value));
            expect(result.success, `${path} = ${String(value)} was accepted`).toBe(false);
            expect(
              result.error?.issues.map((issue) => issue.path.join('.')),
              `${path} = ${String(value)}`,
            ).toContain(path);
          }
        }
      });
    });

    describe('settlement', () => {
      it('has a cut-off HH:MM in a valid time zone and a calendar as data that covers the test year', () => {
        const { settlement } = adapter();
        expect(settlement.cutOff.time).toMatch(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
        expect(isTimeZone(settlement.cutOff.timeZone), settlement.cutOff.timeZone).toBe(true);
        const { calendar } = settlement;
        expect(businessCalendarSchema.safeParse(calendar).success).toBe(true);
        expect(new Set(calendar.businessDays).size).toBe(calendar.businessDays.length);
        for (const day of [...calendar.closingDays, ...calendar.openDays])
          expect(isIsoDate(day), day).toBe(true);
        expect(new Set(calendar.closingDays).size).toBe(calendar.closingDays.length);
        expect(calendar.coveredYears.from).toBeLessThanOrEqual(COVERED_YEAR);
        expect(calendar.coveredYears.to).toBeGreaterThanOrEqual(COVERED_YEAR);
        expect(calendar.source.trim().length).toBeGreaterThan(0);
      });

      it('computes execution and value dates with home for every hour of the covered year', () => {
        const own = adapter();
        const home = homeAdapter();
        if (own === home) return;
        const last = `${Math.min(own.settlement.calendar.coveredYears.to, home.settlement.calendar.coveredYears.to)}-12-20`;
        for (
          let at = Date.parse(`${COVERED_YEAR}-01-01T00:00:00Z`);
          at < Date.parse(`${last}T00:00:00Z`);
          at += 7 * 3_600_000
        ) {
          for (const [source, target] of [
            [own, home],
            [home, own],
          ] as const) {
            const dates = settlementDates({
              at: new Date(at),
              source: source.settlement,
              target: target.settlement,
            });
            expect(dates.valueDate >= dates.executionDate).toBe(true);
            expect(isBusinessDay(source.settlement.calendar, dates.executionDate), dates.executionDate).toBe(
              true,
            );
            expect(isBusinessDay(target.settlement.calendar, dates.valueDate), dates.valueDate).toBe(true);
          }
        }
      });
    });

    describe('identifiers', () => {
      it('have unique ids prefixed with the lower-case country code', () => {
        const { identifiers } = adapter();
        const ids = identifiers.map((scheme) => scheme.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const scheme of identifiers) {
          expect(scheme.id).toMatch(new RegExp(`^${identity.code.toLowerCase()}-[a-z0-9]+(-[a-z0-9]+)*$`));
          expect(scheme.name.trim().length).toBeGreaterThan(0);
          expect(typeof scheme.personal).toBe('boolean');
          expect(['person', 'account', 'bank', 'reference']).toContain(scheme.kind);
          if (scheme.kind === 'person') expect(scheme.personal).toBe(true);
        }
      });

      it('accept every valid example, stably after normalisation, and refuse every invalid one', () => {
        for (const scheme of adapter().identifiers) {
          expect(scheme.examples.valid.length, `${scheme.id} has valid examples`).toBeGreaterThan(0);
          expect(scheme.examples.invalid.length, `${scheme.id} has invalid examples`).toBeGreaterThan(0);
          for (const example of scheme.examples.valid) {
            const result = scheme.validate(example);
            expect(result, `${scheme.id}: ${example}`).toMatchObject({ valid: true });
            expectWellFormed(result, example);
            expectStable(scheme, result, example);
          }
          for (const example of scheme.examples.invalid) {
            const result = scheme.validate(example);
            expect(result.valid, `${scheme.id}: ${example}`).toBe(false);
            expectWellFormed(result, example);
            // A refusal is sent to callers and may be logged: it never repeats the value.
            const compact = example.replace(/[^0-9A-Za-z]/g, '');
            if (!result.valid && compact.length >= 4) expect(result.message).not.toContain(compact);
          }
        }
      });

      it('never throw on arbitrary strings, and answer well-formed, stable results', () => {
        for (const scheme of adapter().identifiers) {
          const alphabet = [...new Set(scheme.examples.valid.join('').split('')), ' ', '-', 'x'];
          const nearValid = fc.oneof(
            fc
              .constantFrom(...scheme.examples.valid)
              .chain((valid) =>
                fc
                  .tuple(fc.nat({ max: valid.length }), fc.nat({ max: 2 }), fc.constantFrom(...alphabet))
                  .map(([at, drop, insert]) => valid.slice(0, at) + insert + valid.slice(at + drop)),
              ),
            fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((chars) => chars.join('')),
          );
          for (const strings of [
            fc.string(),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            nearValid,
          ]) {
            fc.assert(
              fc.property(strings, (value) => {
                let result: IdentifierCheck | undefined;
                expect(
                  () => {
                    result = scheme.validate(value);
                  },
                  `${scheme.id} threw on ${JSON.stringify(value)}`,
                ).not.toThrow();
                if (!result) throw new Error('no result');
                expectWellFormed(result, value);
                expectStable(scheme, result, value);
              }),
              { numRuns: 300 },
            );
          }
        }
      });
    });
  },
);
