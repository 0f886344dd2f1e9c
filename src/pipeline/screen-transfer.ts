/**
 * The compliance step of a transfer, in the transaction that created it: received → screening,
 * both parties screened against the lists their jurisdictions require, the jurisdiction's AML
 * rules, the typology's decision stored with every reason and list version, and the transfer
 * moved on — approved, held with a case for a human, or rejected with its reserve voided.
 */
import { eq } from 'drizzle-orm';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import type { Transaction } from '../db/database.ts';
import { partnerAgencies, screeningResults, type transfers } from '../db/schema.ts';
import type { SanctionsSource } from '../ports/sanctions.ts';
import type { AdapterRegistry } from '../services/adapters/registry.ts';
import {
  type AmlDecisionRecord,
  evaluateTransfer,
  recordAmlDecisions,
  resolveRuleSet,
  type ScreeningSummary,
} from '../services/aml/evaluate.ts';
import { openTransferCase } from '../services/review/cases.ts';
import type { ActiveIndex } from '../services/screening/index-cache.ts';
import { type ScreeningParty, type ScreeningResultRow, screenParty } from '../services/screening/screen.ts';
import { closeTransfer } from '../services/transfers/close-transfer.ts';
import { changeTransferState, type TransitionContext } from '../services/transfers/transitions.ts';
import { personQuery } from './parties.ts';

type TransferRow = typeof transfers.$inferSelect;

export interface ScreenTransferInput {
  transfer: TransferRow;
  person: InsuredPerson | null;
  subject: { id: string; amlPseudonym: string } | null;
}

export interface ScreenTransferResult {
  transfer: TransferRow;
  decision: AmlDecisionRecord;
  screening: ScreeningResultRow[];
  caseId: string | null;
}

/** The lists that must be active to screen a transfer: those the home and the partner jurisdiction require. */
export function requiredSources(registry: AdapterRegistry, partnerJurisdiction: string): SanctionsSource[] {
  const lists = new Set<SanctionsSource>([
    ...registry.home.aml.sanctionsLists,
    ...registry.require(partnerJurisdiction).aml.sanctionsLists,
  ]);
  return [...lists].sort();
}

/**
 * Who is screened: the insured person (the payer of a contribution, the beneficiary of a benefit)
 * and the partner agency that sent the transfer, on the other side when the person is named and
 * in the person's place when not. The home fund is the gateway's own principal and is not screened.
 */
async function partiesOf(tx: Transaction, input: ScreenTransferInput): Promise<ScreeningParty[]> {
  const personRole = input.transfer.purpose === 'contribution' ? 'payer' : 'beneficiary';
  const parties: ScreeningParty[] = [];
  if (input.person && input.subject) {
    parties.push({
      role: personRole,
      type: 'person',
      partyKey: input.subject.id,
      query: personQuery(input.person),
    });
  }
  if (input.transfer.partnerId) {
    const [agency] = await tx
      .select({
        id: partnerAgencies.id,
        name: partnerAgencies.name,
        country: partnerAgencies.jurisdictionCode,
      })
      .from(partnerAgencies)
      .where(eq(partnerAgencies.id, input.transfer.partnerId));
    if (agency) {
      parties.push({
        role: parties.length > 0 ? (personRole === 'payer' ? 'beneficiary' : 'payer') : personRole,
        type: 'organization',
        partyKey: `partner:${agency.id}`,
        query: { name: agency.name, type: 'organization', countries: [agency.country] },
      });
    }
  }
  return parties;
}

export async function screenTransfer(
  tx: Transaction,
  deps: { registry: AdapterRegistry; screening: ActiveIndex },
  input: ScreenTransferInput,
  context: TransitionContext,
): Promise<ScreenTransferResult> {
  const { transfer } = input;
  await changeTransferState(tx, transfer.id, 'received', 'screening', { ...context, notify: false });
  const ruleSet = await resolveRuleSet(tx, deps.registry, transfer.partnerJurisdiction);
  const sources = requiredSources(deps.registry, transfer.partnerJurisdiction);
  const results: ScreeningResultRow[] = [];
  for (const party of await partiesOf(tx, input)) {
    results.push(
      await screenParty(tx, deps.screening, party, {
        sources,
        thresholds: ruleSet.parameters.screening,
        transferId: transfer.id,
        now: context.now,
      }),
    );
  }
  if (results.length > 0) await tx.insert(screeningResults).values(results);
  const summary: ScreeningSummary = {
    parties: results.map((result) => ({
      role: result.partyRole,
      type: result.partyType,
      outcome: result.outcome,
      topScore: Number(result.topScore),
      resultId: result.id,
    })),
    listVersions: deps.screening.versions.map((version) => ({
      source: version.source,
      versionId: version.versionId,
      sha256: version.sha256,
      importedAt: new Date(version.importedAt).toISOString(),
    })),
  };
  const decisions = await evaluateTransfer(tx, deps, {
    transfer,
    person: input.person,
    subject: input.subject,
    screening: summary,
    now: context.now,
  });
  await recordAmlDecisions(tx, transfer.id, decisions, context.now);
  const reasonCodes = decisions.live.reasons.map((reason) => reason.code);
  const stepContext = { ...context, reason: reasonCodes.join(',') || 'clear' };

  if (decisions.live.decision === 'clear') {
    const row = await changeTransferState(tx, transfer.id, 'screening', 'approved', stepContext);
    return { transfer: row, decision: decisions.live, screening: results, caseId: null };
  }
  if (decisions.live.decision === 'reject') {
    const row = await closeTransfer(tx, transfer.id, 'screening', 'rejected', stepContext);
    return { transfer: row, decision: decisions.live, screening: results, caseId: null };
  }
  const row = await changeTransferState(tx, transfer.id, 'screening', 'held', stepContext);
  const frozen = results.some((result) => result.outcome === 'block');
  const hold = deps.registry.require(transfer.partnerJurisdiction).aml.holdPolicy;
  const caseId = await openTransferCase(
    tx,
    {
      transferId: transfer.id,
      subjectId: input.subject?.id ?? null,
      priority: frozen ? 'high' : 'normal',
      holdExpiresAt: new Date(context.now.getTime() + hold.timeoutHours * 3_600_000),
    },
    context,
  );
  return { transfer: row, decision: decisions.live, screening: results, caseId };
}
