/**
 * The suspicious-activity report of a case: everything a financial intelligence unit needs in one
 * structured document — who reports, the case, the transfer, the parties (the person as the
 * exporting officer's role may see them), hits with explanations, AML reasons, list and rule-set
 * versions, the officers' decisions and the timeline. Exporting one is audited.
 */
import type { SuspiciousActivityReport } from '../../../schemas/compliance.ts';
import type { Transaction } from '../../db/database.ts';
import { defaultControllerName } from '../privacy/records-of-processing.ts';
import type { TransitionContext } from '../transfers/transitions.ts';
import { type CaseReader, caseView } from './case-view.ts';
import { auditCase, findCase } from './cases.ts';

export async function exportSar(
  tx: Transaction,
  caseId: string,
  reader: CaseReader,
  format: 'json' | 'html',
  context: TransitionContext,
): Promise<SuspiciousActivityReport> {
  const view = await caseView(tx, caseId, reader);
  const home = reader.privacy.registry.home;
  await auditCase(
    tx,
    await findCase(tx, caseId),
    { action: 'sar_exported', from: null, to: null, data: { format } },
    context,
  );
  return {
    object: 'suspicious_activity_report',
    generatedAt: context.now.toISOString(),
    generatedBy: context.actor,
    reportingEntity: { name: defaultControllerName(home), jurisdiction: home.identity.code },
    case: {
      id: view.id,
      kind: view.kind,
      status: view.status,
      priority: view.priority,
      openedAt: view.openedAt,
      holdExpiresAt: view.holdExpiresAt,
      escalatedAt: view.escalatedAt,
      subjectId: view.subjectId,
      runId: view.runId,
    },
    transfer: view.transfer,
    parties: view.parties,
    aml: view.aml,
    listVersions: view.listVersions,
    ruleSetVersion: view.aml?.ruleSetVersion ?? null,
    decisions: view.decisions,
    timeline: view.history,
  };
}
