/**
 * Consent (GDPR Art. 7; PIPL Art. 14 and Art. 39 separate consent for cross-border provision):
 * recorded with who, when, which text version and through which channel; a withdrawal takes
 * effect at once for new processing, because every transfer checks for a live consent in its
 * own transaction.
 */
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { consents } from '../../db/schema.ts';
import type { ConsentKind, JurisdictionAdapter, ProcessingPurpose } from '../../ports/index.ts';
import { recordAudit } from '../audit/audit.ts';
import { assertNotFuture } from './person.ts';
import type { ActionContext, SubjectRow } from './subjects.ts';

type ConsentRow = typeof consents.$inferSelect;

export function consentView(row: ConsentRow) {
  return {
    id: row.id,
    object: 'consent' as const,
    purpose: row.purpose as ProcessingPurpose,
    kind: row.kind as ConsentKind,
    textVersion: row.textVersion,
    givenAt: row.givenAt.toISOString(),
    channel: row.channel,
    recordedBy: row.recordedBy,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawalChannel: row.withdrawalChannel,
  };
}

export async function listConsents(db: Executor, subjectId: string) {
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.subjectId, subjectId))
    .orderBy(asc(consents.givenAt), asc(consents.id));
  return rows.map(consentView);
}

export async function recordConsent(
  tx: Transaction,
  subject: SubjectRow,
  input: {
    purpose: ProcessingPurpose;
    kind: ConsentKind;
    textVersion: string;
    givenAt: Date;
    channel: string;
  },
  context: ActionContext,
) {
  assertNotFuture(input.givenAt, context.now, 'givenAt', 'A consent cannot be given in the future.');
  const id = newId('consent', context.now.getTime());
  const [row] = await tx
    .insert(consents)
    .values({
      id,
      subjectId: subject.id,
      purpose: input.purpose,
      kind: input.kind,
      textVersion: input.textVersion,
      givenAt: input.givenAt,
      channel: input.channel,
      recordedBy: context.actor,
      createdAt: context.now,
    })
    .returning();
  await recordAudit(tx, {
    actor: context.actor,
    action: 'consent.given',
    subjectType: 'consent',
    subjectId: id,
    requestId: context.requestId,
    data: {
      pseudonym: subject.auditPseudonym,
      dataSubjectId: subject.id,
      purpose: input.purpose,
      kind: input.kind,
      textVersion: input.textVersion,
      channel: input.channel,
    },
    now: context.now,
  });
  return consentView(row as ConsentRow);
}

export async function withdrawConsent(
  tx: Transaction,
  subject: SubjectRow,
  consentId: string,
  channel: string,
  context: ActionContext,
) {
  const [row] = isId('consent', consentId)
    ? await tx
        .select()
        .from(consents)
        .where(and(eq(consents.id, consentId), eq(consents.subjectId, subject.id)))
        .for('update')
    : [];
  if (!row) throw new GatewayError('consent_not_found', 'No consent with this id for this person.');
  if (row.withdrawnAt) {
    throw new GatewayError('consent_withdrawn', `Withdrawn on ${row.withdrawnAt.toISOString()}.`);
  }
  const [updated] = await tx
    .update(consents)
    .set({ withdrawnAt: context.now, withdrawalChannel: channel })
    .where(eq(consents.id, row.id))
    .returning();
  await recordAudit(tx, {
    actor: context.actor,
    action: 'consent.withdrawn',
    subjectType: 'consent',
    subjectId: row.id,
    requestId: context.requestId,
    data: { pseudonym: subject.auditPseudonym, dataSubjectId: subject.id, purpose: row.purpose, channel },
    now: context.now,
  });
  return consentView(updated as ConsentRow);
}

/**
 * Refuses processing for `purpose` when the exporting adapter requires consent and the person has
 * no live consent (given, not withdrawn) to the required text version.
 */
export async function requireConsent(
  tx: Transaction,
  exporter: JurisdictionAdapter,
  purpose: ProcessingPurpose,
  subject: SubjectRow,
  now: Date,
): Promise<void> {
  const required = exporter.privacy.consent?.[purpose];
  if (!required) return;
  const [live] = await tx
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.subjectId, subject.id),
        eq(consents.purpose, purpose),
        eq(consents.kind, required.kind),
        eq(consents.textVersion, required.textVersion),
        lte(consents.givenAt, now),
        isNull(consents.withdrawnAt),
      ),
    )
    .limit(1);
  if (!live) {
    throw new GatewayError(
      'consent_required',
      `${exporter.identity.code} requires the person’s ${required.kind.replace(/_/g, ' ')} for ${purpose.replace(/_/g, ' ')}.`,
      { details: { consent: { purpose, ...required } } },
    );
  }
}
