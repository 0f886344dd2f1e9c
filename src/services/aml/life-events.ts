/**
 * What the benefit rules check, as staff or a partner agency report it: a life certificate (the
 * person was alive on `issuedOn`, valid until `validUntil`) and a death report. Recorded for an
 * existing data subject, audited with ids only — the dates are personal data and stay in their
 * tables.
 */
import { GatewayError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Transaction } from '../../db/database.ts';
import { deathReports, lifeCertificates } from '../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { loadSubject } from '../privacy/subjects.ts';

export interface LifeEventContext {
  actor: string;
  now: Date;
  requestId?: string | undefined;
}

type Problem = { path: string; message: string; code: string };

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === text
  );
}

/**
 * The latest calendar date anywhere on Earth at `now` (UTC+14): a date issued in Kiritimati or
 * Tokyo is not refused as "future" while it is still yesterday in UTC.
 */
export function latestDateAnywhere(now: Date): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

function dateProblems(field: string, text: string, now: Date): Problem[] {
  if (!isCalendarDate(text))
    return [{ path: field, message: 'not a calendar date (YYYY-MM-DD)', code: 'date_invalid' }];
  if (text > latestDateAnywhere(now))
    return [{ path: field, message: 'in the future', code: 'date_invalid' }];
  return [];
}

function refuse(problems: Problem[]): never {
  const [first] = problems;
  throw new GatewayError(
    'validation_failed',
    first ? `body ${first.path}: ${first.message}.` : 'Invalid dates.',
    {
      details: { errors: problems.map((problem) => ({ in: 'body', ...problem })) },
    },
  );
}

export async function recordLifeCertificate(
  tx: Transaction,
  subjectId: string,
  input: { issuedOn: string; validUntil: string },
  context: LifeEventContext,
): Promise<typeof lifeCertificates.$inferSelect> {
  const subject = await loadSubject(tx, subjectId);
  const problems = dateProblems('issuedOn', input.issuedOn, context.now);
  if (!isCalendarDate(input.validUntil)) {
    problems.push({ path: 'validUntil', message: 'not a calendar date (YYYY-MM-DD)', code: 'date_invalid' });
  } else if (input.validUntil <= input.issuedOn) {
    problems.push({ path: 'validUntil', message: 'must be after issuedOn', code: 'date_invalid' });
  }
  if (problems.length > 0) refuse(problems);
  const [row] = await tx
    .insert(lifeCertificates)
    .values({
      id: newId('lifeCertificate', context.now.getTime()),
      subjectId: subject.id,
      issuedOn: input.issuedOn,
      validUntil: input.validUntil,
      recordedBy: context.actor,
      createdAt: context.now,
    })
    .returning();
  if (!row) throw new Error('insert into life_certificates returned no row');
  await recordAudit(tx, {
    actor: context.actor,
    action: 'life_certificate.recorded',
    subjectType: 'data_subject',
    subjectId: subject.id,
    requestId: context.requestId,
    data: { lifeCertificateId: row.id },
    now: context.now,
  });
  return row;
}

export async function recordDeathReport(
  tx: Transaction,
  subjectId: string,
  input: { dateOfDeath: string },
  context: LifeEventContext,
): Promise<typeof deathReports.$inferSelect> {
  const subject = await loadSubject(tx, subjectId);
  const problems = dateProblems('dateOfDeath', input.dateOfDeath, context.now);
  if (problems.length > 0) refuse(problems);
  const [row] = await tx
    .insert(deathReports)
    .values({
      id: newId('deathReport', context.now.getTime()),
      subjectId: subject.id,
      dateOfDeath: input.dateOfDeath,
      recordedBy: context.actor,
      createdAt: context.now,
    })
    .returning();
  if (!row) throw new Error('insert into death_reports returned no row');
  await recordAudit(tx, {
    actor: context.actor,
    action: 'death_report.recorded',
    subjectType: 'data_subject',
    subjectId: subject.id,
    requestId: context.requestId,
    data: { deathReportId: row.id },
    now: context.now,
  });
  return row;
}
