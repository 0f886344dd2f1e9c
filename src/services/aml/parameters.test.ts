import { describe, expect, it } from 'vitest';
import { amlRules, EU_TRAVEL_RULE, EUR_AMOUNTS } from '../../../adapters/_shared/aml-rules.ts';
import { deAdapter } from '../../../adapters/de/index.ts';
import { EUR_DEFAULTS } from '../../../test/helpers/aml-facts.ts';
import { amlPolicySchema, amlRulesProblems } from '../../ports/index.ts';
import { buildAdapter } from '../adapters/registry.ts';
import { checkParameters, overlay, parameterChanges, withChanges } from './parameters.ts';

const RULES = amlRules(EUR_AMOUNTS, EU_TRAVEL_RULE);

describe('rule parameters', () => {
  it('lay a partial change over the parameters in force', () => {
    const changed = withChanges(EUR_DEFAULTS, { amount: { perTransfer: { threshold: '12000.00' } } });
    const checked = checkParameters(RULES, changed);
    expect(checked.problems).toEqual([]);
    expect(checked.parameters?.amount.perTransfer).toEqual({
      threshold: '12000.00',
      score: 40,
      action: 'review',
    });
    expect(parameterChanges(EUR_DEFAULTS, checked.parameters ?? EUR_DEFAULTS)).toEqual([
      { path: 'amount.perTransfer.threshold', from: '10000.00', to: '12000.00' },
    ]);
  });

  it('name every field outside the bounds, with the bound', () => {
    const checked = checkParameters(
      RULES,
      withChanges(EUR_DEFAULTS, {
        amount: { perTransfer: { threshold: '100000.01' } },
        velocity: { person: { count: { h24: 1 } } },
        travelRule: { standard: 'fatf_r16', thresholdEur: '1000.001' },
        screening: { review: 0.9, block: 0.88 },
      }),
    );
    expect(checked.problems).toEqual([
      {
        path: 'parameters.amount.perTransfer.threshold',
        message: 'at most 100000.00 EUR',
        code: 'above_maximum',
      },
      { path: 'parameters.velocity.person.count.h24', message: 'at least 2', code: 'below_minimum' },
      {
        path: 'parameters.travelRule.thresholdEur',
        message: 'at most 2 decimals for EUR',
        code: 'too_precise',
      },
      { path: 'parameters.travelRule.standard', message: 'one of eu_2023_1113', code: 'invalid_value' },
    ]);
    // Cross-field: checked once every field is within its own bounds.
    const crossed = checkParameters(
      RULES,
      withChanges(EUR_DEFAULTS, { screening: { review: 0.9, block: 0.88 } }),
    );
    expect(crossed.problems.map((problem) => problem.path)).toEqual(['parameters.screening.block']);
  });

  it('refuse a parameter nobody declared', () => {
    const checked = checkParameters(
      RULES,
      withChanges(EUR_DEFAULTS, { amount: { perTransfer: { limit: 1 } } }),
    );
    expect(checked.problems.map((problem) => problem.code)).toEqual(['unrecognized_keys']);
  });

  it('read a stored version over today’s defaults: new parameters take their default, dropped ones go', () => {
    const stored = structuredClone(EUR_DEFAULTS) as unknown as Record<string, Record<string, unknown>>;
    delete stored.typology;
    (stored.amount as Record<string, unknown>).retired = { threshold: '1.00' };
    expect(overlay(EUR_DEFAULTS, stored)).toEqual(EUR_DEFAULTS);
  });

  it('stop an adapter at boot whose defaults leave its own bounds, naming the parameter', () => {
    const broken = {
      ...RULES,
      defaults: withChanges(RULES.defaults, { roundAmount: { multiple: '50.00' } }),
    } as typeof RULES;
    expect(amlRulesProblems(broken)).toEqual([
      { path: 'defaults.roundAmount.multiple', message: 'at least 100.00 EUR' },
    ]);
    const policy = amlPolicySchema.safeParse({
      sanctionsLists: ['un'],
      holdPolicy: { timeoutHours: 72, onTimeout: 'escalate' },
      rules: broken,
    });
    expect(policy.error?.issues.map((issue) => issue.path.join('.'))).toEqual([
      'rules.defaults.roundAmount.multiple',
    ]);
    const built = buildAdapter(
      {
        ...deAdapter,
        build: (options: Parameters<typeof deAdapter.build>[0]) => {
          const policies = deAdapter.build(options);
          return { ...policies, aml: { ...policies.aml, rules: { ...broken, currency: 'EUR' } } };
        },
      } as never,
      undefined,
    );
    expect(built.problems.join(' ')).toContain(
      'aml.rules.defaults.roundAmount.multiple: at least 100.00 EUR',
    );
  });

  it('stop bounds that contradict themselves', () => {
    const bounds = structuredClone(RULES.bounds) as unknown as {
      structuring: { minCount: { min: number; max: number } };
    };
    bounds.structuring.minCount = { min: 5, max: 2 };
    expect(amlRulesProblems({ ...RULES, bounds: bounds as never })).toEqual([
      { path: 'bounds.structuring.minCount', message: 'min must not exceed max' },
    ]);
    expect(amlRulesProblems({ ...RULES, currency: 'EURO' })).toEqual([
      { path: 'currency', message: 'EURO is not an ISO 4217 currency' },
    ]);
  });
});
