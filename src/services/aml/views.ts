/**
 * How rule sets read on the API: a version with how it differs from the parameters in force, and
 * a jurisdiction's rules — in force, in shadow, defaults, bounds, hold policy and lists.
 */
import type { z } from '@hono/zod-openapi';
import type { AmlJurisdictionRules, AmlRuleSet } from '../../../schemas/aml.ts';
import type { Executor } from '../../db/database.ts';
import type { AmlRuleParameters } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { FATF_DATA_AS_OF } from './fatf.ts';
import { declaredRules, overlay, parameterChanges } from './parameters.ts';
import { listRuleSets, type RuleSetRow, resolveRuleSet } from './rule-sets.ts';

export type RuleSetView = z.infer<typeof AmlRuleSet>;

/** The parameters in force per jurisdiction, read once for a page of versions. */
export function activeParametersCache(db: Executor, registry: AdapterRegistry) {
  const cache = new Map<string, Promise<AmlRuleParameters | undefined>>();
  return (jurisdiction: string) => {
    if (!cache.has(jurisdiction)) {
      cache.set(
        jurisdiction,
        declaredRules(registry, jurisdiction)
          ? resolveRuleSet(db, registry, jurisdiction).then((resolved) => resolved.parameters)
          : Promise.resolve(undefined),
      );
    }
    return cache.get(jurisdiction) as Promise<AmlRuleParameters | undefined>;
  };
}

export async function ruleSetView(
  row: RuleSetRow,
  registry: AdapterRegistry,
  active: (jurisdiction: string) => Promise<AmlRuleParameters | undefined>,
): Promise<RuleSetView> {
  // A version of a jurisdiction no longer enabled is shown as stored.
  const rules = registry.get(row.jurisdiction)?.aml.rules;
  const parameters = (rules ? overlay(rules.defaults, row.parameters) : row.parameters) as AmlRuleParameters;
  const inForce = rules ? await active(row.jurisdiction) : undefined;
  return {
    id: row.id,
    object: 'aml_rule_set',
    jurisdiction: row.jurisdiction,
    version: row.version,
    status: row.status,
    parameters,
    changesFromActive: inForce ? parameterChanges(inForce, parameters) : [],
    note: row.note,
    proposedBy: row.proposedBy,
    proposedAt: row.proposedAt.toISOString(),
    shadowFrom: row.shadowFrom?.toISOString() ?? null,
    activatedBy: row.activatedBy,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}

export async function jurisdictionRules(
  db: Executor,
  registry: AdapterRegistry,
  code: string,
): Promise<z.infer<typeof AmlJurisdictionRules>> {
  const adapter = registry.require(code);
  const resolved = await resolveRuleSet(db, registry, code);
  const rules = declaredRules(registry, code);
  if (!rules) throw new Error('resolveRuleSet answered for a jurisdiction without rules');
  const [activeRow] = resolved.id ? await listRuleSets(db, { jurisdiction: code, status: 'active' }) : [];
  const [shadowRow] = await listRuleSets(db, { jurisdiction: code, status: 'shadow' });
  const active = async () => resolved.parameters;
  return {
    object: 'aml_jurisdiction_rules',
    jurisdiction: code,
    currency: rules.currency,
    active: {
      ruleSetId: resolved.id,
      version: resolved.version,
      parameters: resolved.parameters,
      activatedBy: activeRow?.activatedBy ?? null,
      activatedAt: activeRow?.activatedAt?.toISOString() ?? null,
    },
    shadow: shadowRow ? await ruleSetView(shadowRow, registry, active) : null,
    defaults: rules.defaults,
    bounds: rules.bounds as z.infer<typeof AmlJurisdictionRules>['bounds'],
    holdPolicy: adapter.aml.holdPolicy,
    sanctionsLists: [...adapter.aml.sanctionsLists],
    fatf: { dataAsOf: FATF_DATA_AS_OF },
  };
}
