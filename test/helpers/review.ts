/**
 * Held transfers and their compliance cases for tests, made by the real pipeline: a person named
 * and born like a listed fixture person is screened against the fixture lists, held, and given a
 * case. Each call names a new person (a fresh pension insurance number), so that one test's
 * suppressions and AML history never reach another's.
 */
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { rentenversicherungsnummerCheckDigit } from '../../adapters/de/rentenversicherungsnummer.ts';
import type { InsuredPerson } from '../../schemas/privacy.ts';
import { complianceCases, sanctionsListVersions } from '../../src/db/schema.ts';
import { addUser } from '../../src/services/users/users.ts';
import { CONTRIBUTION_QUOTE, json, type TestGateway } from './gateway.ts';
import { germanPerson } from './persons.ts';
import { importFixtureLists, LISTED_TEST_PERSONS, type ListedTestPerson } from './sanctions.ts';

/** A second compliance officer: four eyes need two different people with the role. */
export const SECOND_OFFICER = 'review-second-officer';

let serial = 0;

/** A German insured person with a valid, unused pension insurance number. */
export function freshGermanPerson(overrides: Partial<InsuredPerson> = {}): InsuredPerson {
  serial += 1;
  // Birth-date part 170839 and letter J as in the published example; serial 00–99, then the area.
  const first11 = `${String(10 + Math.floor(serial / 100)).padStart(2, '0')}170839J${String(serial % 100).padStart(2, '0')}`;
  const value = `${first11}${rentenversicherungsnummerCheckDigit(first11)}`;
  return germanPerson({
    nationalIdentifier: { scheme: 'de-rentenversicherungsnummer', value },
    ...overrides,
  });
}

/** A fresh person named and born as `listed` (a listed fixture person): screening holds them. */
export function listedLookalike(
  listed: ListedTestPerson = LISTED_TEST_PERSONS.un,
  overrides: Partial<InsuredPerson> = {},
) {
  return freshGermanPerson({
    name: { given: listed.given, family: listed.family },
    birthDate: listed.birthDate,
    ...overrides,
  });
}

/** Imports the fixture lists once per gateway (every required list then has an active version). */
export async function ensureFixtureLists(gw: TestGateway): Promise<void> {
  const [active] = await gw.db.db
    .select({ id: sanctionsListVersions.id })
    .from(sanctionsListVersions)
    .where(eq(sanctionsListVersions.active, true))
    .limit(1);
  if (!active) await importFixtureLists(gw.db.db, gw.clock.now);
}

export async function addSecondOfficer(gw: TestGateway): Promise<void> {
  await addUser(gw.db.db, {
    id: SECOND_OFFICER,
    displayName: 'Second compliance officer',
    roles: ['compliance_officer'],
  });
}

export interface HeldCase {
  caseId: string;
  transferId: string;
  subjectId: string;
  /** The list entry the person was held for. */
  entityId: string;
  person: InsuredPerson;
}

let keys = 0;

/**
 * A contribution of a person who looks like `listed`, held by the pipeline with its case. The
 * block threshold decides the priority (a listed person's exact name and birth date reach it:
 * `high`); a test of a review-level case sets `priority: 'normal'` on the case it got.
 */
export async function openHeldCase(
  gw: TestGateway,
  options: { listed?: ListedTestPerson; priority?: 'normal' | 'high'; person?: InsuredPerson } = {},
): Promise<HeldCase> {
  await ensureFixtureLists(gw);
  const listed = options.listed ?? LISTED_TEST_PERSONS.un;
  const person = options.person ?? listedLookalike(listed);
  const quote = await json(
    await gw.request('POST', '/v1/quotes', { role: 'operator', body: CONTRIBUTION_QUOTE }),
  );
  const response = await gw.request('POST', '/v1/transfers', {
    role: 'operator',
    body: { quoteId: quote.id, insuredPerson: person },
    headers: { 'idempotency-key': `review-held-${++keys}-${Date.now()}` },
  });
  const transfer = await json<{ id: string; state: string; insuredPerson: { dataSubjectId: string } }>(
    response,
  );
  expect(response.status, JSON.stringify(transfer)).toBe(201);
  expect(transfer.state, 'the pipeline holds a listed lookalike').toBe('held');
  const [row] = await gw.db.db
    .select()
    .from(complianceCases)
    .where(and(eq(complianceCases.transferId, transfer.id), eq(complianceCases.status, 'open')));
  if (!row) throw new Error(`the pipeline opened no case for held transfer ${transfer.id}`);
  if (options.priority && options.priority !== row.priority) {
    await gw.db.db
      .update(complianceCases)
      .set({ priority: options.priority })
      .where(eq(complianceCases.id, row.id));
  }
  return {
    caseId: row.id,
    transferId: transfer.id,
    subjectId: transfer.insuredPerson.dataSubjectId,
    entityId: listed.entityId,
    person,
  };
}
