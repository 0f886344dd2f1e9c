/**
 * The AML contract of a jurisdiction: the sanctions lists its transfers are screened against, what
 * happens to a hold nobody decides in time, and the AML rule parameters compliance officers may
 * set — every parameter with the bounds the adapter declares and its default.
 *
 * The parameters are one tree of typed leaves (`AML_PARAMETER_KINDS`): an amount in the partner
 * currency, an amount in EUR, an integer, a ratio, or a choice among closed values. The type of
 * the parameters, the type of the bounds and every schema (bounded, wire shape) are derived from
 * that one tree, so that a parameter is declared once.
 */
import { z } from 'zod';
import { currency, Decimal, fractionDigits, isCurrencyCode } from '../core/money.ts';
import { decimalText } from './decimal-text.ts';
import { SANCTIONS_SOURCES, type SanctionsSource } from './sanctions.ts';

export const SANCTIONS_LISTS = SANCTIONS_SOURCES;

/**
 * The screening thresholds a rule set starts with, chosen by the matcher's evaluation
 * (`npm run eval:screening`, docs/screening.md "Thresholds and how to tune them"): at `review` a
 * party's hit holds the transfer for a human, at `block` it freezes it.
 */
export const DEFAULT_SCREENING_THRESHOLDS: Readonly<{ review: number; block: number }> = {
  review: 0.82,
  block: 0.93,
};

/** What a rule's reason does: add to the score only, hold the transfer for review, or reject it. */
export const RULE_ACTIONS = ['score', 'review', 'reject'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** What happens to a hold nobody decided in time (`src/services/review`). */
export const HOLD_TIMEOUT_ACTIONS = ['expire', 'reject', 'escalate'] as const;

/**
 * Which originator information a transfer above the travel-rule threshold needs besides name and
 * account: EU 2023/1113 Art. 4(1)(c) (address with country, official document number and customer
 * number — or date and place of birth) or the Interpretive Note to FATF R.16 (any one of address, national
 * identity number, customer identification number, or date and place of birth).
 */
export const TRAVEL_RULE_STANDARDS = ['eu_2023_1113', 'fatf_r16'] as const;
export type TravelRuleStandard = (typeof TRAVEL_RULE_STANDARDS)[number];

// --- the parameter tree -------------------------------------------------------------------------

const amount = { kind: 'amount' } as const;
const eurAmount = { kind: 'eur_amount' } as const;
const integer = { kind: 'integer' } as const;
const ratio = { kind: 'ratio' } as const;
const choice = <const V extends readonly string[]>(values: V) => ({ kind: 'choice', values }) as const;
const scored = { score: integer, action: choice(RULE_ACTIONS) } as const;
const windows = <K>(kind: K) => ({ h24: kind, d7: kind, d30: kind }) as const;
const velocity = {
  count: { ...windows(integer), ...scored },
  sum: { ...windows(amount), ...scored },
} as const;

/**
 * Every rule parameter and its kind. Scores are integer points; a reason's action says whether it
 * only adds to the score, holds the transfer, or rejects it. Amounts are decimal strings in the
 * partner currency (contributions are paid in it, benefits arrive in it).
 */
export const AML_PARAMETER_KINDS = {
  amount: {
    /** One transfer at or above `threshold`. */
    perTransfer: { threshold: amount, ...scored },
    /** The linked transfers of `windowDays` (this one included) summing to `threshold` or more. */
    cumulative: { threshold: amount, windowDays: integer, ...scored },
  },
  /** Count and sum over rolling 24 h, 7 d and 30 d, per pseudonymous person and per account. */
  velocity: { person: velocity, account: velocity },
  /** `minCount` linked transfers within `marginPercent` below the per-transfer threshold in `windowDays`. */
  structuring: { marginPercent: integer, minCount: integer, windowDays: integer, ...scored },
  /** An amount at or above `minAmount` that is a multiple of `multiple`. */
  roundAmount: { multiple: amount, minAmount: amount, ...scored },
  /** A country of the person on a FATF list on the transfer's date. */
  highRisk: { callForAction: scored, increasedMonitoring: scored },
  /** Missing originator or beneficiary information (FATF R.16, EU 2023/1113 Art. 4–7). */
  travelRule: { thresholdEur: eurAmount, standard: choice(TRAVEL_RULE_STANDARDS), ...scored },
  linkedAccounts: {
    /** One account receiving benefits for `minPersons` persons or more within `windowDays`. */
    personsPerAccount: { minPersons: integer, windowDays: integer, ...scored },
    /** One person paying contributions from `minAccounts` accounts or more within `windowDays`. */
    accountsPerPerson: { minAccounts: integer, windowDays: integer, ...scored },
  },
  benefits: {
    /** A benefit without a life certificate valid on the day (or expired more than `graceDays`). */
    lifeCertificate: { graceDays: integer, ...scored },
    payoutAfterDeath: scored,
    duplicatePeriod: scored,
  },
  /** Screening thresholds on the 0–1 match score (`screening_results.top_score`). */
  screening: { review: ratio, block: ratio },
  /** Scores of the sanctions reasons; their action is always a hold, never a rejection. */
  sanctions: { reviewScore: integer, blockScore: integer, unavailableScore: integer },
  /** The summed score at which a transfer is held even if no reason demands it. */
  typology: { reviewScore: integer },
} as const;

type LeafKind =
  | typeof amount
  | typeof eurAmount
  | typeof integer
  | typeof ratio
  | { readonly kind: 'choice'; readonly values: readonly string[] };

type ParametersOf<T> = T extends { readonly kind: 'choice'; readonly values: readonly (infer V)[] }
  ? V
  : T extends { readonly kind: 'amount' | 'eur_amount' }
    ? string
    : T extends { readonly kind: 'integer' | 'ratio' }
      ? number
      : { -readonly [K in keyof T]: ParametersOf<T[K]> };

type BoundsOf<T> = T extends { readonly kind: 'choice'; readonly values: readonly (infer V)[] }
  ? { readonly values: readonly V[] }
  : T extends { readonly kind: 'amount' | 'eur_amount' }
    ? { readonly min: string; readonly max: string }
    : T extends { readonly kind: 'integer' | 'ratio' }
      ? { readonly min: number; readonly max: number }
      : { readonly [K in keyof T]: BoundsOf<T[K]> };

export type AmlRuleParameters = ParametersOf<typeof AML_PARAMETER_KINDS>;
/** Per parameter: `{ min, max }` (amounts as decimal strings) or `{ values }` for a choice. */
export type AmlRuleBounds = BoundsOf<typeof AML_PARAMETER_KINDS>;

/** What an adapter declares: its currency, the bounds of every parameter and the defaults. */
export interface AmlRulesDeclaration {
  /** The partner currency every `amount` parameter is in (the adapter's own currency). */
  readonly currency: string;
  readonly bounds: AmlRuleBounds;
  /** In force while no rule-set version has been activated (version 0). */
  readonly defaults: AmlRuleParameters;
}

export interface HoldPolicy {
  /** Hours a held transfer waits for a decision before `onTimeout` applies. */
  readonly timeoutHours: number;
  readonly onTimeout: (typeof HOLD_TIMEOUT_ACTIONS)[number];
}

export interface AmlPolicy {
  readonly sanctionsLists: readonly SanctionsSource[];
  readonly holdPolicy: HoldPolicy;
  /** Partners declare rules; the home jurisdiction does not (a corridor runs on its partner's rules). */
  readonly rules?: AmlRulesDeclaration | undefined;
}

// --- walking the tree ---------------------------------------------------------------------------

type Tree = { readonly [key: string]: Tree | LeafKind };

function isLeaf(node: Tree | LeafKind): node is LeafKind {
  return typeof (node as { kind?: unknown }).kind === 'string';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const KINDS = AML_PARAMETER_KINDS as unknown as Tree;

/** Every leaf of the tree with its dotted path, in declaration order. */
function leaves(tree: Tree = KINDS, prefix = ''): { path: string; kind: LeafKind }[] {
  return Object.entries(tree).flatMap(([key, node]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isLeaf(node) ? [{ path, kind: node }] : leaves(node, path);
  });
}

/** The dotted path of every parameter (`amount.perTransfer.threshold`, …). */
export const AML_PARAMETER_PATHS: readonly string[] = leaves().map((leaf) => leaf.path);

/** The dotted path of every bound (`amount.perTransfer.threshold.min`, `….action.values[]`). */
export const AML_BOUND_PATHS: readonly string[] = leaves().flatMap(({ path, kind }) =>
  kind.kind === 'choice' ? [`${path}.values[]`] : [`${path}.min`, `${path}.max`],
);

/** The value at a dotted path of a nested object, or undefined. */
export function valueAt(tree: unknown, path: string): unknown {
  let node = tree;
  for (const key of path.split('.')) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

// --- schemas ------------------------------------------------------------------------------------

/** Issue codes the bounded schema gives (in `params.code`), beside zod's own. */
export type BoundIssueCode = 'below_minimum' | 'above_maximum' | 'too_precise' | 'not_a_decimal';

function boundedAmount(code: string, bound: { min: string; max: string }) {
  return z.string().superRefine((text, ctx) => {
    const fail = (issue: BoundIssueCode, message: string) =>
      ctx.addIssue({ code: 'custom', message, params: { code: issue } });
    if (!decimalText.safeParse(text).success)
      return fail('not_a_decimal', 'a decimal string such as "1000.00"');
    const { exponent } = currency(code);
    if (fractionDigits(text) > exponent)
      return fail('too_precise', `at most ${exponent} decimals for ${code}`);
    if (new Decimal(text).lt(bound.min)) fail('below_minimum', `at least ${bound.min} ${code}`);
    if (new Decimal(text).gt(bound.max)) fail('above_maximum', `at most ${bound.max} ${code}`);
  });
}

function boundedNumber(kind: 'integer' | 'ratio', bound: { min: number; max: number }) {
  const base = kind === 'integer' ? z.number().int() : z.number();
  return base.superRefine((value, ctx) => {
    if (value < bound.min)
      ctx.addIssue({ code: 'custom', message: `at least ${bound.min}`, params: { code: 'below_minimum' } });
    if (value > bound.max)
      ctx.addIssue({ code: 'custom', message: `at most ${bound.max}`, params: { code: 'above_maximum' } });
  });
}

function boundedLeaf(kind: LeafKind, bound: unknown, currencyCode: string): z.ZodType {
  switch (kind.kind) {
    case 'amount':
      return boundedAmount(currencyCode, bound as { min: string; max: string });
    case 'eur_amount':
      return boundedAmount('EUR', bound as { min: string; max: string });
    case 'integer':
    case 'ratio':
      return boundedNumber(kind.kind, bound as { min: number; max: number });
    case 'choice': {
      const values = (bound as { values: readonly string[] }).values;
      return z.enum(values as [string, ...string[]], { error: `one of ${values.join(', ')}` });
    }
  }
}

function objectSchema(build: (kind: LeafKind, path: string) => z.ZodType, tree: Tree = KINDS, prefix = '') {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    shape[key] = isLeaf(node) ? build(node, path) : objectSchema(build, node, path);
  }
  return z.object(shape).strict();
}

/**
 * The parameters within an adapter's bounds: every parameter present, nothing else, amounts in
 * the partner currency with no more decimals than it has, and `screening.block` at least
 * `screening.review`. Issues name the parameter's path.
 */
export function amlRuleParametersSchema(
  rules: Pick<AmlRulesDeclaration, 'currency' | 'bounds'>,
): z.ZodType<AmlRuleParameters> {
  // Every transfer checks the parameters in force: build each declaration's schema once.
  const cached = SCHEMAS.get(rules.bounds)?.get(rules.currency);
  if (cached) return cached;
  const schema = buildParametersSchema(rules);
  const byCurrency = SCHEMAS.get(rules.bounds) ?? new Map<string, z.ZodType<AmlRuleParameters>>();
  byCurrency.set(rules.currency, schema);
  SCHEMAS.set(rules.bounds, byCurrency);
  return schema;
}

const SCHEMAS = new WeakMap<AmlRuleBounds, Map<string, z.ZodType<AmlRuleParameters>>>();

function buildParametersSchema(
  rules: Pick<AmlRulesDeclaration, 'currency' | 'bounds'>,
): z.ZodType<AmlRuleParameters> {
  return objectSchema((kind, path) =>
    boundedLeaf(kind, valueAt(rules.bounds, path), rules.currency),
  ).superRefine((value, ctx) => {
    const screening = (value as AmlRuleParameters).screening;
    if (screening.block < screening.review) {
      ctx.addIssue({
        code: 'custom',
        path: ['screening', 'block'],
        message: 'at least screening.review: a block is a stronger match than a review',
        params: { code: 'below_minimum' },
      });
    }
  }) as unknown as z.ZodType<AmlRuleParameters>;
}

function shapeLeaf(kind: LeafKind): z.ZodType {
  switch (kind.kind) {
    case 'amount':
    case 'eur_amount':
      return decimalText.max(40);
    case 'integer':
      return z.number().int();
    case 'ratio':
      return z.number().min(0).max(1);
    case 'choice':
      return z.enum(kind.values as [string, ...string[]]);
  }
}

/**
 * The shape of the parameters without any jurisdiction's bounds (the wire contract); with
 * `partial`, every member of every level may be left out.
 */
export function amlRuleParametersShape(options: { partial?: boolean } = {}) {
  const build = (tree: Tree): z.ZodObject => {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, node] of Object.entries(tree)) {
      const member = isLeaf(node) ? shapeLeaf(node) : build(node);
      shape[key] = options.partial ? member.optional() : member;
    }
    return z.object(shape).strict();
  };
  return build(KINDS);
}

/** The shape of a bounds tree: `{ min, max }` per number or amount, `{ values }` per choice. */
export function amlRuleBoundsShape() {
  const build = (tree: Tree): z.ZodObject => {
    const shape: Record<string, z.ZodType> = {};
    for (const [key, node] of Object.entries(tree)) {
      if (!isLeaf(node)) shape[key] = build(node);
      else if (node.kind === 'choice')
        shape[key] = z.object({ values: z.array(z.enum(node.values as [string, ...string[]])) }).strict();
      else if (node.kind === 'integer' || node.kind === 'ratio')
        shape[key] = z.object({ min: z.number(), max: z.number() }).strict();
      else shape[key] = z.object({ min: decimalText, max: decimalText }).strict();
    }
    return z.object(shape).strict();
  };
  return build(KINDS);
}

// --- checking a declaration ---------------------------------------------------------------------

function leafBoundProblems(kind: LeafKind, bound: unknown, currencyCode: string): string[] {
  if (!isPlainObject(bound)) return ['no bound declared'];
  if (kind.kind === 'choice') {
    const values = bound.values;
    if (!Array.isArray(values) || values.length === 0) return ['values: at least one allowed value'];
    const unknown = values.filter((value) => !kind.values.includes(value as string));
    if (unknown.length > 0) return [`values: ${unknown.join(', ')} not among ${kind.values.join(', ')}`];
    return new Set(values).size === values.length ? [] : ['values: listed twice'];
  }
  const { min, max } = bound;
  if (kind.kind === 'integer' || kind.kind === 'ratio') {
    if (typeof min !== 'number' || typeof max !== 'number') return ['min and max must be numbers'];
    if (kind.kind === 'integer' && !(Number.isInteger(min) && Number.isInteger(max)))
      return ['min and max must be integers'];
    if (kind.kind === 'ratio' && (min < 0 || max > 1)) return ['a ratio lies between 0 and 1'];
    if (min < 0) return ['min must not be negative'];
    return min <= max ? [] : ['min must not exceed max'];
  }
  const code = kind.kind === 'eur_amount' ? 'EUR' : currencyCode;
  if (typeof min !== 'string' || typeof max !== 'string') return ['min and max must be decimal strings'];
  if (!decimalText.safeParse(min).success || !decimalText.safeParse(max).success)
    return ['min and max must be decimal strings'];
  const { exponent } = currency(code);
  if (fractionDigits(min) > exponent || fractionDigits(max) > exponent)
    return [`at most ${exponent} decimals for ${code}`];
  return new Decimal(min).lte(max) ? [] : ['min must not exceed max'];
}

/**
 * What is wrong with a rule declaration, as `{ path, message }`: a currency that is not ISO 4217,
 * a parameter without bounds or with inconsistent ones, or defaults outside the bounds.
 */
export function amlRulesProblems(rules: AmlRulesDeclaration): { path: string; message: string }[] {
  if (!isCurrencyCode(rules.currency))
    return [{ path: 'currency', message: `${rules.currency} is not an ISO 4217 currency` }];
  const problems = leaves().flatMap(({ path, kind }) =>
    leafBoundProblems(kind, valueAt(rules.bounds, path), rules.currency).map((message) => ({
      path: `bounds.${path}`,
      message,
    })),
  );
  if (problems.length > 0) return problems;
  const parsed = amlRuleParametersSchema(rules).safeParse(rules.defaults);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: ['defaults', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

export const holdPolicySchema = z
  .object({
    // Between an hour and thirty days: a hold must reach a human, and must not be forgotten.
    timeoutHours: z.number().int().min(1).max(720),
    onTimeout: z.enum(HOLD_TIMEOUT_ACTIONS),
  })
  .strict();

const rulesDeclarationSchema = z
  .custom<AmlRulesDeclaration>(
    (value) => isPlainObject(value) && isPlainObject(value.bounds) && isPlainObject(value.defaults),
    'an AML rule declaration: { currency, bounds, defaults }',
  )
  .superRefine((rules, ctx) => {
    for (const problem of amlRulesProblems(rules)) {
      ctx.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
    }
  });

export const amlPolicySchema = z
  .object({
    sanctionsLists: z.array(z.enum(SANCTIONS_LISTS)).min(1),
    holdPolicy: holdPolicySchema,
    rules: rulesDeclarationSchema.optional(),
  })
  .strict();
