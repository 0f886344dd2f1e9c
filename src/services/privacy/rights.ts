/**
 * Data-subject rights through the operator API: the subject view (by role), access export,
 * rectification (in subjects.ts), erasure — honoured, or restricted where AML retention applies —
 * and the end of the relationship that starts the retention clocks. Every action is audited with
 * the person's audit pseudonym only.
 */
import { asc, eq } from 'drizzle-orm';
import type { DataSubject, InsuredPerson, SubjectExport } from '../../../schemas/privacy.ts';
import { GatewayError } from '../../core/errors.ts';
import { formatMinorUnits } from '../../core/money.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/driver-errors.ts';
import { dataSubjects, transfers } from '../../db/schema.ts';
import {
  DATA_CATEGORIES,
  type DataCategory,
  type JurisdictionAdapter,
  PROCESSING_PURPOSES,
  RECIPIENTS,
} from '../../ports/index.ts';
import { recordAudit } from '../audit/audit.ts';
import { listConsents } from './consent.ts';
import { disclose, processingPurposeOf } from './disclosure.ts';
import type { LegalBasisRecord } from './legal-basis.ts';
import { assertNotFuture, checkInsuredPerson } from './person.ts';
import { addYears, retentionYearsFor } from './retention-rules.ts';
import {
  type ActionContext,
  assertNotErased,
  type PrivacyDeps,
  readPerson,
  rectifyPerson,
  type SubjectRow,
  shredSubject,
} from './subjects.ts';

/** The adapter whose law governs the person's data: their identifier's jurisdiction, else home. */
export function subjectAdapter(deps: PrivacyDeps, row: SubjectRow): JurisdictionAdapter {
  return deps.registry.get(row.jurisdiction) ?? deps.registry.home;
}

/**
 * How long AML records about the person must be kept: the longest AML retention of the
 * jurisdictions involved (the person's and the home fund's), counted from the end of the
 * relationship; undefined while the relationship lasts (the obligation has no end date yet).
 */
export function amlRetentionYears(deps: PrivacyDeps, row: SubjectRow): number {
  return Math.max(
    subjectAdapter(deps, row).privacy.amlRetentionYears,
    deps.registry.home.privacy.amlRetentionYears,
  );
}

async function hasTransfers(db: Executor, subjectId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: transfers.id })
    .from(transfers)
    .where(eq(transfers.dataSubjectId, subjectId))
    .limit(1);
  return row !== undefined;
}

function restrictionView(row: SubjectRow, deps: PrivacyDeps) {
  if (!row.restrictedAt) return null;
  return {
    since: row.restrictedAt.toISOString(),
    ground: row.restrictionGround ?? '',
    until: row.relationshipEndedAt
      ? addYears(row.relationshipEndedAt, amlRetentionYears(deps, row)).toISOString()
      : null,
  };
}

export async function subjectView(
  db: Executor,
  deps: PrivacyDeps,
  row: SubjectRow,
  categories: readonly DataCategory[],
): Promise<DataSubject> {
  const person = categories.length > 0 ? await readPerson(db, deps.keys, row) : null;
  const destroyed = row.erasedAt !== null;
  return {
    id: row.id,
    object: 'data_subject',
    jurisdiction: row.jurisdiction,
    pseudonyms: { aml: row.amlPseudonym, audit: row.auditPseudonym },
    person: destroyed ? null : disclose(row.id, person, categories),
    heldCategories: row.categories as string[],
    consents: await listConsents(db, row.id),
    relationshipEndedAt: row.relationshipEndedAt?.toISOString() ?? null,
    restriction: restrictionView(row, deps),
    erasedAt: row.erasedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Everything held about the person (GDPR Art. 15, PIPL Art. 45), machine-readable. */
export async function exportSubject(
  db: Executor,
  deps: PrivacyDeps,
  row: SubjectRow,
  now: Date,
): Promise<SubjectExport> {
  const adapter = subjectAdapter(deps, row);
  const home = deps.registry.home;
  const person = await readPerson(db, deps.keys, row);
  const rows = await db
    .select()
    .from(transfers)
    .where(eq(transfers.dataSubjectId, row.id))
    .orderBy(asc(transfers.createdAt), asc(transfers.id));
  const partners = new Map<string, JurisdictionAdapter>();
  for (const transfer of rows) {
    const partner = deps.registry.get(transfer.partnerJurisdiction);
    if (partner) partners.set(partner.identity.code, partner);
  }
  const disclosures: SubjectExport['disclosures'] = [];
  for (const partner of [...partners.values()].sort((a, b) =>
    a.identity.code.localeCompare(b.identity.code),
  )) {
    for (const purpose of PROCESSING_PURPOSES) {
      for (const recipient of RECIPIENTS) {
        const categories = partner.privacy.disclosures[purpose]?.[recipient] ?? [];
        if (categories.length > 0) {
          disclosures.push({
            jurisdiction: partner.identity.code,
            recipient,
            purpose,
            categories: [...categories],
          });
        }
      }
    }
  }
  return {
    object: 'subject_export',
    generatedAt: now.toISOString(),
    dataSubjectId: row.id,
    jurisdiction: row.jurisdiction,
    controller: {
      name: `Pontis gateway operator for the home social-security fund (${home.identity.name})`,
      jurisdiction: home.identity.code,
    },
    person,
    heldCategories: row.categories as string[],
    transfers: rows.map((transfer) => ({
      id: transfer.id,
      purpose: processingPurposeOf(transfer.purpose),
      state: transfer.state,
      partnerJurisdiction: transfer.partnerJurisdiction,
      sourceAmount: formatMinorUnits(transfer.sourceAmountMinor, transfer.sourceCurrency),
      sourceCurrency: transfer.sourceCurrency,
      targetAmount: formatMinorUnits(transfer.targetAmountMinor, transfer.targetCurrency),
      targetCurrency: transfer.targetCurrency,
      createdAt: transfer.createdAt.toISOString(),
      legalBases: transfer.legalBases as LegalBasisRecord[],
    })),
    consents: await listConsents(db, row.id),
    disclosures,
    retention: DATA_CATEGORIES.filter(
      (category) => (row.categories as string[]).includes(category) || category === 'transaction',
    ).map((category) => ({ category, years: retentionYearsFor(adapter, home, category) })),
    amlRetentionYears: amlRetentionYears(deps, row),
    relationshipEndedAt: row.relationshipEndedAt?.toISOString() ?? null,
    restriction: restrictionView(row, deps),
    complaint: {
      authority: adapter.privacy.supervisoryAuthority.name,
      url: adapter.privacy.supervisoryAuthority.url,
      article: adapter.privacy.supervisoryAuthority.article,
    },
  };
}

/** The words of a refusal to erase, per regime: the obligation, and the restriction instead. */
function retentionGround(adapter: JurisdictionAdapter): string {
  const aml =
    'anti-money-laundering record keeping (EU AMLR 2024/1624 Art. 77; FATF Recommendation 11): records of transactions and of the identity behind them are kept for five years after the end of the relationship';
  switch (adapter.privacy.regime) {
    case 'GDPR':
      return `GDPR Art. 17(3)(b) (a legal obligation to keep the data) and Art. 18: ${aml}. Until then the data is only stored, not otherwise processed.`;
    case 'PIPL':
      return `PIPL Art. 47(2) (a retention period required by law has not expired): ${aml}. Until then the data is only stored and protected, not otherwise processed.`;
    default:
      return `${adapter.privacy.regime}: a legal obligation to keep the data — ${aml}. Until then the data is only stored, not otherwise processed.`;
  }
}

export interface ErasureResult {
  object: 'erasure';
  dataSubjectId: string;
  outcome: 'erased' | 'restricted';
  explanation: string;
  legalGround: string | null;
  retainedUntil: string | null;
  complaint: { authority: string; url: string; article: string };
}

/**
 * Erasure (GDPR Art. 17, PIPL Art. 47): destroys the person's data key, unless AML records must
 * still be kept — then processing is restricted, and the answer gives the ground, the date the
 * obligation ends (when the relationship has ended) and where to complain.
 */
export async function eraseSubject(
  tx: Transaction,
  deps: PrivacyDeps,
  row: SubjectRow,
  request: { channel: string; receivedAt: Date },
  context: ActionContext,
): Promise<ErasureResult> {
  assertNotErased(row);
  const adapter = subjectAdapter(deps, row);
  const authority = adapter.privacy.supervisoryAuthority;
  const complaint = { authority: authority.name, url: authority.url, article: authority.article };
  const years = amlRetentionYears(deps, row);
  const obligationEnds = row.relationshipEndedAt ? addYears(row.relationshipEndedAt, years) : undefined;
  const mustKeep =
    (await hasTransfers(tx, row.id)) &&
    (obligationEnds === undefined || obligationEnds.getTime() > context.now.getTime());
  if (!mustKeep) {
    await shredSubject(tx, row, {
      ...context,
      action: 'data_subject.erased',
      data: { channel: request.channel, receivedAt: request.receivedAt.toISOString() },
    });
    return {
      object: 'erasure',
      dataSubjectId: row.id,
      outcome: 'erased',
      explanation:
        'The person’s data key was destroyed: every encrypted field about them is unreadable, in the database and in any backup of it. Amounts and dates of past transfers stay in the ledger without anything that identifies the person.',
      legalGround: null,
      retainedUntil: null,
      complaint,
    };
  }
  const ground = retentionGround(adapter);
  await tx
    .update(dataSubjects)
    .set({ restrictedAt: row.restrictedAt ?? context.now, restrictionGround: ground, updatedAt: context.now })
    .where(eq(dataSubjects.id, row.id));
  await recordAudit(tx, {
    actor: context.actor,
    action: 'data_subject.restricted',
    subjectType: 'data_subject',
    subjectId: row.id,
    requestId: context.requestId,
    data: {
      pseudonym: row.auditPseudonym,
      channel: request.channel,
      receivedAt: request.receivedAt.toISOString(),
      retainedUntil: obligationEnds?.toISOString() ?? null,
    },
    now: context.now,
  });
  return {
    object: 'erasure',
    dataSubjectId: row.id,
    outcome: 'restricted',
    explanation: obligationEnds
      ? `The data cannot be erased yet because the law requires the records to be kept until ${obligationEnds.toISOString().slice(0, 10)}. Until then it is only stored, not used for anything new; on that date it is destroyed without a further request.`
      : `The data cannot be erased yet because the law requires the records to be kept for ${years} years after the relationship ends. Until then it is only stored, not used for anything new; it is destroyed when that period ends.`,
    legalGround: ground,
    retainedUntil: obligationEnds?.toISOString() ?? null,
    complaint,
  };
}

/** Records the end of the relationship (last benefit paid, contributions ended): retention starts. */
export async function endRelationship(
  tx: Transaction,
  row: SubjectRow,
  endedAt: Date,
  context: ActionContext,
): Promise<SubjectRow> {
  assertNotErased(row);
  assertNotFuture(endedAt, context.now, 'endedAt', 'The relationship cannot end in the future.');
  const [updated] = await tx
    .update(dataSubjects)
    .set({ relationshipEndedAt: endedAt, updatedAt: context.now })
    .where(eq(dataSubjects.id, row.id))
    .returning();
  await recordAudit(tx, {
    actor: context.actor,
    action: 'data_subject.relationship_ended',
    subjectType: 'data_subject',
    subjectId: row.id,
    requestId: context.requestId,
    data: { pseudonym: row.auditPseudonym, endedAt: endedAt.toISOString() },
    now: context.now,
  });
  return updated as SubjectRow;
}

/**
 * Rectification (GDPR Art. 16, PIPL Art. 46): the corrected person is checked as a whole (the
 * identifier against its scheme, the IBAN, the birth date) before anything is written.
 */
export async function rectifySubject(
  tx: Transaction,
  deps: PrivacyDeps,
  row: SubjectRow,
  changes: Partial<Record<keyof InsuredPerson, unknown>>,
  context: ActionContext & { reason: string },
): Promise<SubjectRow> {
  assertNotErased(row);
  const current = (await readPerson(tx, deps.keys, row)) ?? ({} as InsuredPerson);
  const merged: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  const partial = merged as Partial<InsuredPerson>;
  if (!partial.nationalIdentifier) throw new GatewayError('data_subject_erased');
  // A person recorded from a consent alone has only an identifier: what is there is checked.
  const checked = checkInsuredPerson(
    deps.registry,
    { ...partial, nationalIdentifier: partial.nationalIdentifier },
    context.now,
    '',
  );
  const normalized: Partial<Record<keyof InsuredPerson, unknown>> = {};
  for (const [field, value] of Object.entries(changes) as [keyof InsuredPerson, unknown][]) {
    if (value === undefined) continue;
    normalized[field] = value === null ? null : checked.person[field];
  }
  try {
    return await rectifyPerson(tx, deps, row, normalized, {
      ...context,
      jurisdiction: checked.identifier.jurisdiction.identity.code,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new GatewayError('data_subject_conflict', 'Another data subject has this national identifier.');
    }
    throw error;
  }
}
