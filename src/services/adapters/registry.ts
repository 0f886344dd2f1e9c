/**
 * The adapter registry: validates every jurisdiction adapter's identity, options and policies at
 * boot, and refuses to start on a bad one with a message that names the adapter and the field.
 */
import countries from 'i18n-iso-countries';
import type { z } from 'zod';
import { GatewayError } from '../../core/errors.ts';
import { currency, Decimal, fractionDigits, isCurrencyCode } from '../../core/money.ts';
import {
  type CorridorPolicy,
  type JurisdictionAdapter,
  type JurisdictionAdapterDefinition,
  jurisdictionIdentitySchema,
  jurisdictionPoliciesSchema,
} from '../../ports/index.ts';
import { calendarDataProblems } from '../calendar/business-calendar.ts';

export interface AdapterRegistry {
  /** The home jurisdiction (CN): the home fund's side of every corridor. */
  readonly home: JurisdictionAdapter;
  /** Enabled adapters, home first. */
  list(): readonly JurisdictionAdapter[];
  get(code: string): JurisdictionAdapter | undefined;
  /** The enabled adapter for `code`, or `jurisdiction_unknown`. */
  require(code: string): JurisdictionAdapter;
}

export interface RegistryOptions {
  /** Code of the home jurisdiction. */
  home: string;
  /** Operator overrides of adapter options, by jurisdiction code (deep-merged over defaults). */
  overrides?: Record<string, unknown>;
  /** Restrict to these codes; all non-example adapters when absent. */
  enabled?: readonly string[];
  /** Enable example adapters (the reference adapter): demo mode and tests. */
  includeExamples?: boolean;
}

// ISO 3166-1 user-assigned codes: the only ones an example adapter may use.
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function amountProblems(label: string, text: string, code: string): string[] {
  const { exponent } = currency(code);
  return fractionDigits(text) > exponent
    ? [`${label}: ${text} has more than ${exponent} decimals for ${code}`]
    : [];
}

/** Amounts of a corridor direction: decimals of its source currency, and a minimum that can pay the fee. */
export function corridorProblems(
  purpose: string,
  corridor: CorridorPolicy,
  sourceCurrency: string,
): string[] {
  const label = `fx.corridors.${purpose}`;
  const problems = [
    ...amountProblems(`${label}.fees.fixed`, corridor.fees.fixed, sourceCurrency),
    ...amountProblems(`${label}.limits.min`, corridor.limits.min, sourceCurrency),
    ...amountProblems(`${label}.limits.max`, corridor.limits.max, sourceCurrency),
  ];
  if (!new Decimal(corridor.limits.min).lt(corridor.limits.max))
    problems.push(`${label}.limits: min must be below max`);
  if (!new Decimal(corridor.limits.min).gt(corridor.fees.fixed)) {
    problems.push(
      `${label}.limits.min must be above fees.fixed, or the smallest amount could not pay its fee`,
    );
  }
  return problems;
}

/** Builds one adapter, or returns the list of what is wrong with it. */
export function buildAdapter(
  definition: JurisdictionAdapterDefinition,
  override: unknown,
): { adapter: JurisdictionAdapter; problems: [] } | { adapter: undefined; problems: string[] } {
  const problems: string[] = [];
  const identity = jurisdictionIdentitySchema.safeParse(definition.identity);
  if (!identity.success)
    return { adapter: undefined, problems: [`identity: ${formatIssues(identity.error.issues)}`] };
  const { code, kind } = identity.data;
  if (kind === 'example' ? !USER_ASSIGNED.test(code) : !countries.isValid(code)) {
    problems.push(
      kind === 'example'
        ? `identity.code: ${code} is not a user-assigned ISO 3166 code (XA–XZ, QM–QZ, AA, ZZ)`
        : `identity.code: ${code} is not an ISO 3166-1 alpha-2 country code`,
    );
  }
  if (!isCurrencyCode(identity.data.currency)) {
    problems.push(`identity.currency: ${identity.data.currency} is not an ISO 4217 currency`);
  }
  if (!isTimeZone(identity.data.timeZone)) problems.push(`identity.timeZone: unknown time zone`);
  if (problems.length > 0) return { adapter: undefined, problems };

  const options = definition.optionsSchema.safeParse(deepMerge(definition.defaultOptions, override));
  if (!options.success)
    return { adapter: undefined, problems: [`options: ${formatIssues(options.error.issues)}`] };

  const policies = definition.build(options.data);
  const checked = jurisdictionPoliciesSchema.safeParse(policies);
  if (!checked.success)
    return { adapter: undefined, problems: [`policies: ${formatIssues(checked.error.issues)}`] };

  const cur = identity.data.currency;
  const { fx, aml, settlement } = checked.data;
  // Rule amounts are in the adapter's currency (the policy schema checks their decimals in it).
  if (aml.rules && aml.rules.currency !== cur) {
    problems.push(`aml.rules.currency: ${aml.rules.currency} is not the adapter's currency ${cur}`);
  }
  if (kind === 'home' && Object.keys(fx.corridors).length > 0) {
    problems.push('fx.corridors: the home adapter has no corridors of its own; partners price them');
  }
  if (kind !== 'home' && Object.keys(fx.corridors).length === 0) {
    problems.push('fx.corridors: a partner adapter must price at least one direction');
  }
  if (fx.corridors.contribution)
    problems.push(...corridorProblems('contribution', fx.corridors.contribution, cur));
  problems.push(
    ...calendarDataProblems(settlement.calendar).map(
      (problem) => `settlement.calendar (${settlement.calendar.id}).${problem}`,
    ),
  );
  if (!isTimeZone(settlement.cutOff.timeZone)) problems.push('settlement.cutOff.timeZone: unknown time zone');
  const prefix = `${code.toLowerCase()}-`;
  const ids = new Set<string>();
  for (const scheme of policies.identifiers) {
    if (!scheme.id.startsWith(prefix)) problems.push(`identifiers: ${scheme.id} must start with ${prefix}`);
    if (ids.has(scheme.id)) problems.push(`identifiers: ${scheme.id} is declared twice`);
    ids.add(scheme.id);
  }
  if (problems.length > 0) return { adapter: undefined, problems };
  return { adapter: { identity: identity.data, options: options.data, ...policies }, problems: [] };
}

/** Validates and enables the adapters; throws `configuration_invalid` naming every problem. */
export function createAdapterRegistry(
  definitions: readonly JurisdictionAdapterDefinition[],
  options: RegistryOptions,
): AdapterRegistry {
  const overrides = options.overrides ?? {};
  const problems: string[] = [];
  const known = new Set(definitions.map((definition) => definition.identity.code));
  for (const code of Object.keys(overrides)) {
    if (!known.has(code)) problems.push(`PONTIS_ADAPTER_OPTIONS: no adapter has the code ${code}`);
  }
  for (const code of options.enabled ?? []) {
    if (!known.has(code)) problems.push(`PONTIS_JURISDICTIONS: no adapter has the code ${code}`);
  }

  const adapters = new Map<string, JurisdictionAdapter>();
  for (const definition of definitions) {
    const label = `adapter ${definition.identity.code}@${definition.identity.version}`;
    if (adapters.has(definition.identity.code)) {
      problems.push(`${label}: the code ${definition.identity.code} is registered twice`);
      continue;
    }
    const enabled = options.enabled
      ? options.enabled.includes(definition.identity.code)
      : definition.identity.kind !== 'example' || options.includeExamples === true;
    if (!enabled) continue;
    const built = buildAdapter(definition, overrides[definition.identity.code]);
    if (built.adapter) adapters.set(built.adapter.identity.code, built.adapter);
    else problems.push(...built.problems.map((problem) => `${label}: ${problem}`));
  }

  const home = adapters.get(options.home);
  if (problems.length === 0 && home?.identity.kind !== 'home') {
    problems.push(`PONTIS_HOME_JURISDICTION: ${options.home} is not an enabled home jurisdiction adapter`);
  }
  if (home) {
    for (const adapter of adapters.values()) {
      const benefit = adapter.fx.corridors.benefit;
      if (benefit) {
        problems.push(
          ...corridorProblems('benefit', benefit, home.identity.currency).map(
            (problem) => `adapter ${adapter.identity.code}@${adapter.identity.version}: ${problem}`,
          ),
        );
      }
    }
  }
  if (problems.length > 0 || !home) {
    throw new GatewayError('configuration_invalid', `invalid jurisdiction adapters: ${problems.join(' | ')}`);
  }

  const ordered = [home, ...[...adapters.values()].filter((adapter) => adapter !== home)];
  return {
    home,
    list: () => ordered,
    get: (code) => adapters.get(code),
    require(code) {
      const adapter = adapters.get(code);
      if (!adapter) {
        throw new GatewayError('jurisdiction_unknown', 'The jurisdiction is not enabled on this gateway.', {
          details: { enabled: ordered.map((item) => item.identity.code) },
        });
      }
      return adapter;
    },
  };
}
