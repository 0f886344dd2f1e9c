/**
 * Rule-set versions of a jurisdiction: a compliance officer proposes parameters within the
 * adapter's bounds; a version may run in shadow on live traffic; another officer activates it
 * (four eyes) and the previous active version retires; a proposal or shadow may be withdrawn.
 * Every change is audited. Until a version is active the adapter's defaults apply (version 0).
 */
import { and, desc, eq, max, sql } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { amlRuleSets } from '../../db/schema.ts';
import type { AmlRuleParameters, AmlRulesDeclaration } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { recordAudit } from '../audit/audit.ts';
import {
  checkParameters,
  declaredRules,
  invalidParameters,
  overlay,
  parameterChanges,
  withChanges,
} from './parameters.ts';

export type RuleSetRow = typeof amlRuleSets.$inferSelect;
export type RuleSetStatus = RuleSetRow['status'];

export interface ResolvedRuleSet {
  id: string | null;
  version: number;
  parameters: AmlRuleParameters;
}

export interface RuleSetContext {
  actor: string;
  now: Date;
  requestId?: string | undefined;
}

function noRules(jurisdiction: string): GatewayError {
  return new GatewayError(
    'rule_set_not_found',
    `${jurisdiction} declares no AML rules: the home jurisdiction's corridors run on their partner's rule set.`,
  );
}

function rulesOrThrow(registry: AdapterRegistry, jurisdiction: string): AmlRulesDeclaration {
  const rules = declaredRules(registry, jurisdiction);
  if (!rules) throw noRules(jurisdiction);
  return rules;
}

/**
 * A stored version's parameters over today's defaults (a parameter added to the adapter since
 * takes its default). Parameters that no longer fit the adapter's bounds are not silently
 * replaced: the jurisdiction's transfers fail until a fitting version is activated.
 */
function storedParameters(rules: AmlRulesDeclaration, row: RuleSetRow): AmlRuleParameters {
  const checked = checkParameters(rules, overlay(rules.defaults, row.parameters));
  if (checked.parameters) return checked.parameters;
  throw new GatewayError(
    'configuration_invalid',
    `AML rule set ${row.jurisdiction} v${row.version} no longer fits the bounds its adapter declares (${checked.problems
      .map((problem) => problem.path)
      .join(', ')}); propose and activate a version that does.`,
  );
}

async function inStatus(db: Executor, jurisdiction: string, status: RuleSetStatus) {
  const [row] = await db
    .select()
    .from(amlRuleSets)
    .where(and(eq(amlRuleSets.jurisdiction, jurisdiction), eq(amlRuleSets.status, status)));
  return row;
}

/** The rule set in force for a jurisdiction: the active version, or the adapter's defaults as version 0. */
export async function resolveRuleSet(
  db: Executor,
  registry: AdapterRegistry,
  jurisdiction: string,
): Promise<ResolvedRuleSet> {
  const rules = rulesOrThrow(registry, jurisdiction);
  const active = await inStatus(db, jurisdiction, 'active');
  if (!active) return { id: null, version: 0, parameters: rules.defaults };
  return { id: active.id, version: active.version, parameters: storedParameters(rules, active) };
}

/** The version running in shadow for a jurisdiction, if any. */
export async function shadowRuleSet(
  db: Executor,
  registry: AdapterRegistry,
  jurisdiction: string,
): Promise<ResolvedRuleSet | null> {
  const rules = declaredRules(registry, jurisdiction);
  const shadow = rules ? await inStatus(db, jurisdiction, 'shadow') : undefined;
  if (!rules || !shadow) return null;
  return { id: shadow.id, version: shadow.version, parameters: storedParameters(rules, shadow) };
}

/**
 * A version's parameters as they would apply now (over today's defaults), or
 * `rule_parameters_invalid` when they no longer fit today's bounds.
 */
export function parametersOf(registry: AdapterRegistry, row: RuleSetRow): AmlRuleParameters {
  const rules = rulesOrThrow(registry, row.jurisdiction);
  const checked = checkParameters(rules, overlay(rules.defaults, row.parameters));
  if (!checked.parameters) throw invalidParameters(checked.problems, row.jurisdiction);
  return checked.parameters;
}

export async function getRuleSet(db: Executor, id: string, forUpdate = false): Promise<RuleSetRow> {
  const query = db.select().from(amlRuleSets).where(eq(amlRuleSets.id, id));
  const [row] = isId('ruleSet', id) ? await (forUpdate ? query.for('update') : query) : [];
  if (!row) throw new GatewayError('rule_set_not_found', 'No AML rule set version has this id.');
  return row;
}

export async function listRuleSets(
  db: Executor,
  filter: { jurisdiction?: string | undefined; status?: RuleSetStatus | undefined },
): Promise<RuleSetRow[]> {
  return db
    .select()
    .from(amlRuleSets)
    .where(
      and(
        filter.jurisdiction ? eq(amlRuleSets.jurisdiction, filter.jurisdiction) : undefined,
        filter.status ? eq(amlRuleSets.status, filter.status) : undefined,
      ),
    )
    .orderBy(amlRuleSets.jurisdiction, desc(amlRuleSets.version))
    .limit(500);
}

/** One change of versions per jurisdiction at a time (version numbers, one active, one shadow). */
async function lockJurisdiction(tx: Transaction, jurisdiction: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pontis.aml_rule_sets:${jurisdiction}`}))`);
}

function stateConflict(row: RuleSetRow, action: string, details: Record<string, unknown> = {}): GatewayError {
  return new GatewayError(
    'rule_set_state_conflict',
    `${row.jurisdiction} v${row.version} is ${row.status}: it cannot ${action}.`,
    { details: { ruleSetId: row.id, ruleSetStatus: row.status, ...details } },
  );
}

async function audit(
  tx: Transaction,
  row: RuleSetRow,
  action: string,
  from: RuleSetStatus | null,
  context: RuleSetContext,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(tx, {
    actor: context.actor,
    action: `aml_rule_set.${action}`,
    subjectType: 'aml_rule_set',
    subjectId: row.id,
    fromState: from,
    toState: row.status,
    requestId: context.requestId,
    data: { jurisdiction: row.jurisdiction, version: row.version, ...data },
    now: context.now,
  });
}

/** Moves a version to another status (with the columns that go with it) and audits the move. */
async function moveTo(
  tx: Transaction,
  row: RuleSetRow,
  set: Partial<typeof amlRuleSets.$inferInsert> & { status: RuleSetStatus },
  action: string,
  context: RuleSetContext,
  data: Record<string, unknown> = {},
): Promise<RuleSetRow> {
  const [updated] = await tx.update(amlRuleSets).set(set).where(eq(amlRuleSets.id, row.id)).returning();
  if (!updated) throw new Error('update of aml_rule_sets returned no row');
  await audit(tx, updated, action, row.status, context, data);
  return updated;
}

/**
 * A new version: the given parameters over those in force, within the adapter's bounds. The
 * stored version is complete, so that what was approved is exactly what runs.
 */
export async function proposeRuleSet(
  tx: Transaction,
  registry: AdapterRegistry,
  input: { jurisdiction: string; parameters: unknown; note: string },
  context: RuleSetContext,
): Promise<RuleSetRow> {
  const rules = declaredRules(registry, input.jurisdiction);
  if (!rules) {
    throw invalidParameters(
      [{ path: 'jurisdiction', message: 'declares no AML rules (the home jurisdiction)', code: 'no_rules' }],
      input.jurisdiction,
    );
  }
  await lockJurisdiction(tx, input.jurisdiction);
  const base = await resolveRuleSet(tx, registry, input.jurisdiction);
  const checked = checkParameters(rules, withChanges(base.parameters, input.parameters));
  if (!checked.parameters) throw invalidParameters(checked.problems, input.jurisdiction);
  const [latest] = await tx
    .select({ version: max(amlRuleSets.version) })
    .from(amlRuleSets)
    .where(eq(amlRuleSets.jurisdiction, input.jurisdiction));
  const [row] = await tx
    .insert(amlRuleSets)
    .values({
      id: newId('ruleSet', context.now.getTime()),
      jurisdiction: input.jurisdiction,
      version: (latest?.version ?? 0) + 1,
      parameters: checked.parameters,
      status: 'proposed',
      note: input.note,
      proposedBy: context.actor,
      proposedAt: context.now,
    })
    .returning();
  if (!row) throw new Error('insert into aml_rule_sets returned no row');
  await audit(tx, row, 'proposed', null, context, {
    basedOnVersion: base.version,
    changed: parameterChanges(base.parameters, checked.parameters).map((change) => change.path),
  });
  return row;
}

/** Runs a proposed version in shadow: evaluated on every live transfer, its decisions stored aside. */
export async function shadowRuleSetVersion(
  tx: Transaction,
  registry: AdapterRegistry,
  id: string,
  context: RuleSetContext,
): Promise<RuleSetRow> {
  const row = await getRuleSet(tx, id, true);
  if (row.status !== 'proposed') throw stateConflict(row, 'start running in shadow (only a proposal can)');
  await lockJurisdiction(tx, row.jurisdiction);
  const running = await inStatus(tx, row.jurisdiction, 'shadow');
  if (running) {
    throw stateConflict(
      row,
      `run in shadow while v${running.version} does; withdraw or activate that one first`,
      {
        shadowRuleSetId: running.id,
      },
    );
  }
  // The adapter may have changed since the proposal: a version runs only within today's bounds.
  parametersOf(registry, row);
  return moveTo(tx, row, { status: 'shadow', shadowFrom: context.now }, 'shadowed', context);
}

/** Activates a proposed or shadow version; the proposer cannot (four eyes); the active one retires. */
export async function activateRuleSet(
  tx: Transaction,
  registry: AdapterRegistry,
  id: string,
  context: RuleSetContext,
): Promise<RuleSetRow> {
  const row = await getRuleSet(tx, id, true);
  if (row.status !== 'proposed' && row.status !== 'shadow') throw stateConflict(row, 'be activated');
  if (row.proposedBy === context.actor) {
    throw new GatewayError(
      'four_eyes_required',
      'You proposed this version: another compliance officer or an approver must activate it.',
      { details: { ruleSetId: row.id } },
    );
  }
  // The adapter may have changed since the proposal: a version runs only within today's bounds.
  parametersOf(registry, row);
  await lockJurisdiction(tx, row.jurisdiction);
  const previous = await inStatus(tx, row.jurisdiction, 'active');
  if (previous) {
    await moveTo(tx, previous, { status: 'retired', retiredAt: context.now }, 'retired', context, {
      replacedBy: row.id,
    });
  }
  return moveTo(
    tx,
    row,
    { status: 'active', activatedBy: context.actor, activatedAt: context.now },
    'activated',
    context,
    { proposedBy: row.proposedBy, replaces: previous?.id ?? null },
  );
}

/** Withdraws a proposal or stops a shadow run; the version is kept, withdrawn. */
export async function withdrawRuleSet(
  tx: Transaction,
  id: string,
  context: RuleSetContext,
): Promise<RuleSetRow> {
  const row = await getRuleSet(tx, id, true);
  if (row.status !== 'proposed' && row.status !== 'shadow') throw stateConflict(row, 'be withdrawn');
  return moveTo(tx, row, { status: 'withdrawn', retiredAt: context.now }, 'withdrawn', context);
}
