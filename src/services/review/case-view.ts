/**
 * The case as an officer reads it: the held transfer, each screened party with its hits and their
 * explanations, the AML decision with every reason, the list and rule-set versions, the officers'
 * decisions and the audit history. The person appears as the reader's role may see them, through
 * the privacy layer, exactly as on `GET /v1/transfers/{id}`.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { CaseParty, ComplianceCase } from '../../../schemas/compliance.ts';
import type { InsuredPersonView } from '../../../schemas/privacy.ts';
import type { Executor } from '../../db/database.ts';
import { auditEvents, dataSubjects, partnerAgencies, screeningSuppressions } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { liveDecision, type StoredDecision } from '../aml/evaluate.ts';
import type { Role } from '../auth/roles.ts';
import { categoriesForRoles, disclose } from '../privacy/disclosure.ts';
import type { PrivacyKeys } from '../privacy/keys.ts';
import { readPerson } from '../privacy/subjects.ts';
import { getTransfer } from '../transfers/transfers.ts';
import { type CaseRow, caseBase, caseDecisions, findCase } from './cases.ts';
import {
  caseScreenings,
  distinctListVersions,
  listVersionsOf,
  type ScreeningRow,
  screeningView,
} from './evidence.ts';
import { organizationQueryTokens, personQueryTokens } from './query-tokens.ts';

export interface CaseReader {
  roles: readonly Role[];
  privacy: { keys: PrivacyKeys; registry: AdapterRegistry };
}

/** The case's person as the reader may see them (opened only when the role sees any category). */
async function subjectView(db: Executor, subjectId: string, reader: CaseReader): Promise<InsuredPersonView> {
  const categories = categoriesForRoles(reader.roles);
  const [subject] = await db.select().from(dataSubjects).where(eq(dataSubjects.id, subjectId));
  const person = subject && categories.length > 0 ? await readPerson(db, reader.privacy.keys, subject) : null;
  return disclose(subjectId, person, categories);
}

/** The partner agency an institution party names (`partner:<id>`). */
async function institutionOf(db: Executor, partyKey: string): Promise<CaseParty['institution']> {
  if (!partyKey.startsWith('partner:')) return null;
  const partnerId = partyKey.slice('partner:'.length);
  const [agency] = await db.select().from(partnerAgencies).where(eq(partnerAgencies.id, partnerId));
  return { partnerId, jurisdiction: agency?.jurisdictionCode ?? null, name: agency?.name ?? null };
}

async function toParty(
  db: Executor,
  screening: ScreeningRow,
  person: InsuredPersonView | null,
): Promise<CaseParty> {
  const isPerson = screening.partyType === 'person';
  const partyPerson = isPerson && person?.dataSubjectId === screening.partyKey ? person : null;
  const institution = isPerson ? null : await institutionOf(db, screening.partyKey);
  // The positions of an explanation point into the screened name: shown only to whom may see it.
  const tokens = partyPerson?.name
    ? personQueryTokens(partyPerson.name)
    : institution?.name
      ? organizationQueryTokens(institution.name)
      : null;
  return { screening: screeningView(screening), person: partyPerson, institution, queryTokens: tokens };
}

function amlView(decision: StoredDecision | null): ComplianceCase['aml'] {
  if (!decision) return null;
  return {
    id: decision.id,
    decision: decision.decision,
    score: decision.score,
    reasons: decision.reasons,
    ruleSetId: decision.ruleSetId,
    ruleSetVersion: decision.ruleSetVersion,
    listVersions: listVersionsOf(decision.listVersions),
    decidedAt: decision.createdAt,
  };
}

/** Audit events of the case, its transfer and its suppressions, oldest first. */
async function caseHistory(
  db: Executor,
  row: CaseRow,
  suppressionIds: string[],
): Promise<ComplianceCase['history']> {
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      or(
        and(eq(auditEvents.subjectType, 'compliance_case'), eq(auditEvents.subjectId, row.id)),
        row.transferId
          ? and(eq(auditEvents.subjectType, 'transfer'), eq(auditEvents.subjectId, row.transferId))
          : undefined,
        suppressionIds.length > 0
          ? and(eq(auditEvents.subjectType, 'suppression'), inArray(auditEvents.subjectId, suppressionIds))
          : undefined,
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
  return events.map((event) => ({
    id: event.id,
    at: event.occurredAt.toISOString(),
    actor: event.actor,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    fromState: event.fromState,
    toState: event.toState,
  }));
}

export async function caseView(db: Executor, caseId: string, reader: CaseReader): Promise<ComplianceCase> {
  const row = await findCase(db, caseId);
  const transfer = row.transferId
    ? await getTransfer(db, row.transferId, { roles: reader.roles, privacy: reader.privacy })
    : null;
  const person = transfer
    ? transfer.insuredPerson
    : row.subjectId
      ? await subjectView(db, row.subjectId, reader)
      : null;
  const screenings = await caseScreenings(db, row);
  const parties: CaseParty[] = [];
  for (const screening of screenings) parties.push(await toParty(db, screening, person));
  const aml = row.transferId ? await liveDecision(db, row.transferId) : null;
  const suppressionIds = (
    await db
      .select({ id: screeningSuppressions.id })
      .from(screeningSuppressions)
      .where(eq(screeningSuppressions.caseId, row.id))
      .orderBy(asc(screeningSuppressions.id))
  ).map((item) => item.id);
  return {
    ...caseBase(row),
    object: 'compliance_case',
    runId: row.runId,
    releaseRequest:
      row.releaseRequestedBy && row.releaseRequestedAt
        ? {
            by: row.releaseRequestedBy,
            at: row.releaseRequestedAt.toISOString(),
            reason: row.releaseReason ?? '',
          }
        : null,
    decision:
      row.decidedBy && row.decidedAt
        ? { by: row.decidedBy, at: row.decidedAt.toISOString(), reason: row.decisionReason }
        : null,
    decisions: caseDecisions(row),
    transfer,
    parties,
    aml: amlView(aml),
    listVersions: distinctListVersions(
      ...screenings.map((screening) => screening.listVersions),
      aml?.listVersions,
    ),
    suppressionIds,
    history: await caseHistory(db, row, suppressionIds),
  };
}
