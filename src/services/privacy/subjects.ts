/**
 * Data subjects: the insured persons. Found and linked through keyed pseudonyms, their fields
 * sealed with their own data key; read, rectified, restricted and erased (crypto-shredded) here,
 * always in the caller's transaction and always audited with pseudonyms only.
 */
import { eq } from 'drizzle-orm';
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import { base64UrlDecode, base64UrlEncode } from '../../../sdk/src/encoding.ts';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { dataSubjects, subjectKeys } from '../../db/schema.ts';
import type { DataCategory } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { recordAudit } from '../audit/audit.ts';
import { INSURED_PERSON_CATEGORIES } from './classification.ts';
import { generateDataKey, importDataKey, openField, type SealedField, sealField } from './envelope.ts';
import type { PrivacyKeys } from './keys.ts';
import { type CheckedIdentifier, checkNationalIdentifier, pseudonymInput } from './person.ts';

export type SubjectRow = typeof dataSubjects.$inferSelect;
type SealedFields = Partial<Record<keyof InsuredPerson, SealedField>>;

export interface PrivacyDeps {
  keys: PrivacyKeys;
  registry: AdapterRegistry;
}

export interface ActionContext {
  actor: string;
  requestId?: string | undefined;
  now: Date;
}

const PERSON_KEYS = Object.keys(INSURED_PERSON_CATEGORIES) as (keyof InsuredPerson)[];

/** The categories of the fields present (in a person, or in the sealed fields of a row). */
function heldCategories(person: Partial<Record<keyof InsuredPerson, unknown>>): DataCategory[] {
  const held = new Set<DataCategory>();
  for (const key of PERSON_KEYS) if (person[key] !== undefined) held.add(INSURED_PERSON_CATEGORIES[key]);
  return [...held].sort();
}

async function pseudonymsOf(keys: PrivacyKeys, identifier: { scheme: string; value: string }) {
  const input = pseudonymInput(identifier);
  return {
    subjectPseudonym: await keys.pseudonyms.pseudonym('subject', input),
    amlPseudonym: await keys.pseudonyms.pseudonym('aml', input),
    auditPseudonym: await keys.pseudonyms.pseudonym('audit', input),
  };
}

/** The subject's data key, unwrapped; undefined once it has been destroyed. */
async function dataKeyOf(db: Executor, keys: PrivacyKeys, subjectId: string): Promise<CryptoKey | undefined> {
  const [row] = await db.select().from(subjectKeys).where(eq(subjectKeys.subjectId, subjectId));
  if (!row) return undefined;
  return importDataKey(await keys.kek.unwrap({ kekId: row.kekId, wrapped: base64UrlDecode(row.wrappedKey) }));
}

async function sealPerson(key: CryptoKey, subjectId: string, person: Partial<InsuredPerson>) {
  const sealed: SealedFields = {};
  for (const field of PERSON_KEYS) {
    if (person[field] !== undefined) sealed[field] = await sealField(key, subjectId, field, person[field]);
  }
  return sealed;
}

/** The person as stored, decrypted; null when the data key no longer exists. */
export async function readPerson(
  db: Executor,
  keys: PrivacyKeys,
  row: SubjectRow,
): Promise<InsuredPerson | null> {
  if (row.erasedAt) return null;
  const key = await dataKeyOf(db, keys, row.id);
  if (!key) return null;
  const person: Record<string, unknown> = {};
  for (const [field, sealed] of Object.entries(row.fields as SealedFields)) {
    if (sealed) person[field] = await openField(key, row.id, field, sealed);
  }
  return person as InsuredPerson;
}

export async function loadSubject(db: Executor, id: string, forUpdate = false): Promise<SubjectRow> {
  const query = db.select().from(dataSubjects).where(eq(dataSubjects.id, id));
  const [row] = isId('dataSubject', id) ? await (forUpdate ? query.for('update') : query) : [];
  if (!row) throw new GatewayError('data_subject_not_found', 'No data subject with this id.');
  return row;
}

export function assertNotErased(row: SubjectRow): void {
  if (row.erasedAt) {
    throw new GatewayError(
      'data_subject_erased',
      `The person’s data was destroyed on ${row.erasedAt.toISOString().slice(0, 10)}.`,
    );
  }
}

/** Finds a subject by national identifier through its `subject` pseudonym. */
export async function findSubjectByIdentifier(
  db: Executor,
  deps: PrivacyDeps,
  identifier: { scheme: string; value: string },
): Promise<SubjectRow | undefined> {
  const checked = checkNationalIdentifier(deps.registry, identifier, 'nationalIdentifier');
  const subjectPseudonym = await deps.keys.pseudonyms.pseudonym(
    'subject',
    pseudonymInput({ scheme: checked.scheme.id, value: checked.normalized }),
  );
  const [row] = await db
    .select()
    .from(dataSubjects)
    .where(eq(dataSubjects.subjectPseudonym, subjectPseudonym));
  return row;
}

/**
 * Records the person (creating the subject and its data key the first time), with the parts
 * given replacing the stored ones: partners send what is current. A restricted person is refused.
 */
export async function recordPerson(
  tx: Transaction,
  deps: PrivacyDeps,
  person: Partial<InsuredPerson> & Pick<InsuredPerson, 'nationalIdentifier'>,
  identifier: CheckedIdentifier,
  context: ActionContext,
): Promise<SubjectRow> {
  const pseudonyms = await pseudonymsOf(deps.keys, person.nationalIdentifier);
  const [existing] = await tx
    .select()
    .from(dataSubjects)
    .where(eq(dataSubjects.subjectPseudonym, pseudonyms.subjectPseudonym))
    .for('update');
  if (existing) {
    if (existing.restrictedAt) {
      throw new GatewayError('processing_restricted', 'Processing of this person’s data is restricted.', {
        details: { dataSubjectId: existing.id },
      });
    }
    const key = await dataKeyOf(tx, deps.keys, existing.id);
    if (!key) throw new GatewayError('data_subject_erased');
    const sealed = { ...(existing.fields as SealedFields), ...(await sealPerson(key, existing.id, person)) };
    const [updated] = await tx
      .update(dataSubjects)
      .set({
        fields: sealed,
        categories: heldCategories(sealed),
        relationshipEndedAt: null,
        updatedAt: context.now,
      })
      .where(eq(dataSubjects.id, existing.id))
      .returning();
    return updated as SubjectRow;
  }
  const id = newId('dataSubject', context.now.getTime());
  const dataKey = generateDataKey();
  const wrapped = await deps.keys.kek.wrap(dataKey);
  const key = await importDataKey(dataKey);
  dataKey.fill(0);
  const [created] = await tx
    .insert(dataSubjects)
    .values({
      id,
      jurisdiction: identifier.jurisdiction.identity.code,
      ...pseudonyms,
      fields: await sealPerson(key, id, person),
      categories: heldCategories(person),
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning();
  await tx.insert(subjectKeys).values({
    subjectId: id,
    kekId: wrapped.kekId,
    wrappedKey: base64UrlEncode(wrapped.wrapped),
    createdAt: context.now,
  });
  await recordAudit(tx, {
    actor: context.actor,
    action: 'data_subject.created',
    subjectType: 'data_subject',
    subjectId: id,
    requestId: context.requestId,
    data: { pseudonym: pseudonyms.auditPseudonym, categories: heldCategories(person) },
    now: context.now,
  });
  return created as SubjectRow;
}

/** Rectification: the given parts replace the stored ones, `null` removes an optional part. */
export async function rectifyPerson(
  tx: Transaction,
  deps: PrivacyDeps,
  row: SubjectRow,
  changes: Partial<Record<keyof InsuredPerson, unknown>>,
  context: ActionContext & { reason: string; jurisdiction: string },
): Promise<SubjectRow> {
  assertNotErased(row);
  const key = await dataKeyOf(tx, deps.keys, row.id);
  if (!key) throw new GatewayError('data_subject_erased');
  const fields: Record<string, unknown> = { ...(row.fields as SealedFields) };
  const changed: string[] = [];
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    changed.push(field);
    if (value === null) delete fields[field];
    else fields[field] = await sealField(key, row.id, field, value);
  }
  let pseudonyms = {};
  if (changes.nationalIdentifier) {
    // A corrected identifier is a different key to find the person by; the old one stops working.
    pseudonyms = await pseudonymsOf(
      deps.keys,
      changes.nationalIdentifier as InsuredPerson['nationalIdentifier'],
    );
  }
  const [updated] = await tx
    .update(dataSubjects)
    .set({
      ...pseudonyms,
      // A corrected identifier of another country puts the person under that country's law.
      jurisdiction: context.jurisdiction,
      fields,
      categories: heldCategories(fields),
      updatedAt: context.now,
    })
    .where(eq(dataSubjects.id, row.id))
    .returning();
  await recordAudit(tx, {
    actor: context.actor,
    action: 'data_subject.rectified',
    subjectType: 'data_subject',
    subjectId: row.id,
    requestId: context.requestId,
    data: {
      pseudonym: row.auditPseudonym,
      fields: changed.sort(),
      // The reason is the requester's words about the correction: kept, but never the values.
      reasonLength: context.reason.length,
      ...(changes.nationalIdentifier
        ? { newPseudonym: (pseudonyms as { auditPseudonym: string }).auditPseudonym }
        : {}),
    },
    now: context.now,
  });
  return updated as SubjectRow;
}

/**
 * Crypto-shredding: the data key is deleted and the sealed fields with it; the pseudonyms are
 * replaced so the identifier no longer finds the person. Transfers and ledger stay (amounts,
 * dates), linked to a subject that can no longer be read.
 */
export async function shredSubject(
  tx: Transaction,
  row: SubjectRow,
  context: ActionContext & { action: string; data?: Record<string, unknown> },
): Promise<void> {
  await tx.delete(subjectKeys).where(eq(subjectKeys.subjectId, row.id));
  await tx
    .update(dataSubjects)
    .set({
      fields: {},
      categories: [],
      subjectPseudonym: `shredded:${row.id}`,
      amlPseudonym: `shredded:${row.id}`,
      erasedAt: context.now,
      updatedAt: context.now,
    })
    .where(eq(dataSubjects.id, row.id));
  await recordAudit(tx, {
    actor: context.actor,
    action: context.action,
    subjectType: 'data_subject',
    subjectId: row.id,
    requestId: context.requestId,
    data: { pseudonym: row.auditPseudonym, ...(context.data ?? {}) },
    now: context.now,
  });
}

/** Removes some categories' fields (retention), keeping the rest. */
export async function dropCategories(
  tx: Transaction,
  row: SubjectRow,
  categories: readonly DataCategory[],
  now: Date,
): Promise<void> {
  const drop = new Set(categories);
  const fields = { ...(row.fields as SealedFields) };
  for (const key of PERSON_KEYS) if (drop.has(INSURED_PERSON_CATEGORIES[key])) delete fields[key];
  await tx
    .update(dataSubjects)
    .set({
      fields,
      categories: heldCategories(fields),
      updatedAt: now,
    })
    .where(eq(dataSubjects.id, row.id));
}
