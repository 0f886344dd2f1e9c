/** A transfer's stored compliance decision: the live decision, shadow decisions and each party's screening. */
import type { z } from '@hono/zod-openapi';
import { asc, eq } from 'drizzle-orm';
import type { AmlReason, TransferCompliance } from '../../../schemas/screening.ts';
import { GatewayError } from '../../core/errors.ts';
import { isId } from '../../core/ids.ts';
import type { Executor } from '../../db/database.ts';
import { amlDecisions, screeningResults, transfers } from '../../db/schema.ts';

type Reasons = z.infer<typeof AmlReason>[];

export async function transferCompliance(
  db: Executor,
  transferId: string,
): Promise<z.infer<typeof TransferCompliance>> {
  const [transfer] = isId('transfer', transferId)
    ? await db
        .select({ id: transfers.id, partnerJurisdiction: transfers.partnerJurisdiction })
        .from(transfers)
        .where(eq(transfers.id, transferId))
    : [];
  if (!transfer) throw new GatewayError('not_found', 'No transfer with this id.');
  const decisions = await db
    .select()
    .from(amlDecisions)
    .where(eq(amlDecisions.transferId, transferId))
    .orderBy(asc(amlDecisions.createdAt));
  const results = await db
    .select()
    .from(screeningResults)
    .where(eq(screeningResults.transferId, transferId))
    .orderBy(asc(screeningResults.id));
  const live = decisions.find((decision) => decision.live);
  return {
    object: 'transfer_compliance',
    transferId,
    partnerJurisdiction: transfer.partnerJurisdiction,
    decision: live?.decision ?? null,
    score: live ? Number(live.score) : null,
    ruleSetVersion: live?.ruleSetVersion ?? null,
    reasons: (live?.reasons ?? []) as Reasons,
    listVersions: (live?.listVersions ?? []) as z.infer<typeof TransferCompliance>['listVersions'],
    screening: results.map((result) => ({
      id: result.id,
      partyRole: result.partyRole,
      partyType: result.partyType,
      partyKey: result.partyKey,
      outcome: result.outcome,
      topScore: Number(result.topScore),
      thresholds: result.thresholds as { review: number; block: number },
      listVersions: result.listVersions as z.infer<
        typeof TransferCompliance
      >['screening'][number]['listVersions'],
      hits: result.hits as z.infer<typeof TransferCompliance>['screening'][number]['hits'],
      createdAt: result.createdAt.toISOString(),
    })),
    shadow: decisions
      .filter((decision) => !decision.live)
      .map((decision) => ({
        ruleSetVersion: decision.ruleSetVersion,
        decision: decision.decision,
        score: Number(decision.score),
        reasons: decision.reasons as Reasons,
      })),
    decidedAt: live?.createdAt.toISOString() ?? null,
  };
}
