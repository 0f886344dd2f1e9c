/**
 * Rule parameters against a jurisdiction's declaration: a proposal's partial parameters laid over
 * the parameters in force, checked within the adapter's bounds (`rule_parameters_invalid` naming
 * each field), and a stored version read back over the current defaults.
 */
import { GatewayError } from '../../core/errors.ts';
import {
  AML_PARAMETER_PATHS,
  type AmlRuleParameters,
  type AmlRulesDeclaration,
  amlRuleParametersSchema,
  valueAt,
} from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';

export interface ParameterProblem {
  path: string;
  message: string;
  code: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `over` laid onto `base` along `base`'s own keys: members `over` leaves out keep `base`'s value,
 * members `base` does not know are dropped (a parameter the adapter no longer declares).
 */
export function overlay(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base)) return over === undefined ? base : over;
  if (!isPlainObject(over)) return base;
  return Object.fromEntries(Object.entries(base).map(([key, value]) => [key, overlay(value, over[key])]));
}

/** A partial proposal over full parameters: like `overlay`, but unknown members are kept to be refused. */
export function withChanges(base: unknown, changes: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(changes)) return changes === undefined ? base : changes;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) merged[key] = withChanges(base[key], value);
  return merged;
}

export function checkParameters(
  rules: AmlRulesDeclaration,
  candidate: unknown,
): { parameters: AmlRuleParameters; problems: [] } | { parameters: undefined; problems: ParameterProblem[] } {
  const parsed = amlRuleParametersSchema(rules).safeParse(candidate);
  if (parsed.success) return { parameters: parsed.data, problems: [] };
  return {
    parameters: undefined,
    problems: parsed.error.issues.map((issue) => ({
      path: ['parameters', ...issue.path.map(String)].join('.'),
      message: issue.message,
      code: String((issue as { params?: { code?: unknown } }).params?.code ?? issue.code),
    })),
  };
}

export function invalidParameters(problems: ParameterProblem[], jurisdiction: string): GatewayError {
  const first = problems[0];
  return new GatewayError(
    'rule_parameters_invalid',
    first
      ? `${first.path}: ${first.message} (the bounds ${jurisdiction} declares)${problems.length > 1 ? `, and ${problems.length - 1} more` : ''}.`
      : 'The parameters are not valid.',
    { details: { jurisdiction, errors: problems } },
  );
}

/** The rule declaration of a jurisdiction that has rules (every partner); undefined for the home. */
export function declaredRules(
  registry: AdapterRegistry,
  jurisdiction: string,
): AmlRulesDeclaration | undefined {
  return registry.require(jurisdiction).aml.rules;
}

/** The parameters whose values differ between two sets, with both values. */
export function parameterChanges(
  from: AmlRuleParameters,
  to: AmlRuleParameters,
): { path: string; from: string | number; to: string | number }[] {
  return AML_PARAMETER_PATHS.flatMap((path) => {
    const before = valueAt(from, path) as string | number;
    const after = valueAt(to, path) as string | number;
    return before === after ? [] : [{ path, from: before, to: after }];
  });
}
