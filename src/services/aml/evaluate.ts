/**
 * What the transfer pipeline calls: the link keys of a new transfer, the rule set in force, the
 * live (and shadow) decision over the transfer's facts, storing them, and reading the live one.
 */
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import type { Executor } from '../../db/database.ts';
import type { transfers } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { loadFacts } from './context.ts';
import { decisionRecord } from './decisions.ts';
import { resolveRuleSet, shadowRuleSet } from './rule-sets.ts';
import type { AmlDecisionRecord, ScreeningSummary } from './types.ts';

export type { AmlRuleParameters } from '../../ports/index.ts';
export { decisionRecord, liveDecision, recordAmlDecisions, type StoredDecision } from './decisions.ts';
export { amlLinkKeys } from './link-keys.ts';
export { type ResolvedRuleSet, resolveRuleSet } from './rule-sets.ts';
export type { AmlDecisionRecord, AmlReason, ScreeningSummary } from './types.ts';

/**
 * Decides a transfer under its partner jurisdiction's rule set in force, and under the version
 * running in shadow if there is one — both over the same facts, loaded once.
 */
export async function evaluateTransfer(
  tx: Executor,
  deps: { registry: AdapterRegistry },
  input: {
    transfer: typeof transfers.$inferSelect;
    person: InsuredPerson | null;
    subject: { id: string; amlPseudonym: string } | null;
    screening: ScreeningSummary;
    now: Date;
  },
): Promise<{ live: AmlDecisionRecord; shadow: AmlDecisionRecord | null }> {
  const jurisdiction = input.transfer.partnerJurisdiction;
  const live = await resolveRuleSet(tx, deps.registry, jurisdiction);
  const shadow = await shadowRuleSet(tx, deps.registry, jurisdiction);
  const facts = await loadFacts(tx, deps.registry, input);
  const { listVersions } = input.screening;
  return {
    live: decisionRecord(live, facts, listVersions),
    shadow: shadow ? decisionRecord(shadow, facts, listVersions) : null,
  };
}
