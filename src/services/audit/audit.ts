/** Writes audit events: who did what to which object, in the caller's transaction. No personal data. */
import { newId } from '../../core/ids.ts';
import type { Transaction } from '../../db/database.ts';
import { auditEvents } from '../../db/schema.ts';

export interface AuditEventInput {
  actor: string;
  action: string;
  subjectType:
    | 'transfer'
    | 'quote'
    | 'journal'
    | 'user'
    | 'system'
    | 'manual_rate'
    | 'rate_import'
    | 'partner'
    | 'partner_key'
    | 'trust_anchor'
    | 'callback'
    | 'data_subject'
    | 'consent'
    | 'privacy'
    | 'sanctions_list'
    | 'screening'
    | 'aml_rule_set'
    | 'compliance_case'
    | 'suppression';
  subjectId: string;
  fromState?: string | null;
  toState?: string | null;
  requestId?: string | undefined;
  data?: Record<string, unknown>;
  now: Date;
}

export async function recordAudit(tx: Transaction, event: AuditEventInput): Promise<string> {
  const id = newId('audit', event.now.getTime());
  await tx.insert(auditEvents).values({
    id,
    occurredAt: event.now,
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    requestId: event.requestId ?? null,
    data: event.data ?? {},
  });
  return id;
}
