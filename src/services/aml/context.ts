/**
 * Builds the facts the AML rules decide on from the database: the linked history by
 * `data_subjects.aml_pseudonym` and `transfers.account_pseudonym` (other transfers, rejected ones
 * left out, in the `HISTORY_DAYS` ending at `now`), the EUR equivalent, the person's countries and
 * travel-rule fields, the life certificate, a reported death and the same benefit period.
 */
import { and, desc, eq, gt, lte, min, ne, sql } from 'drizzle-orm';
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import type { Executor } from '../../db/database.ts';
import { dataSubjects, deathReports, lifeCertificates, transfers } from '../../db/schema.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { eurEquivalent, partnerSide } from './eur-equivalent.ts';
import {
  type AmlFacts,
  FACTS_VERSION,
  HISTORY_DAYS,
  HISTORY_LIMIT,
  type HistoryItem,
  type PartyFields,
  SECONDS_PER_DAY,
} from './facts.ts';
import type { ScreeningSummary } from './types.ts';

type TransferRow = typeof transfers.$inferSelect;

export interface FactsInput {
  /** Already inserted, with `account_pseudonym` and `benefit_period_key` set. */
  transfer: TransferRow;
  person: InsuredPerson | null;
  subject: { id: string; amlPseudonym: string } | null;
  screening: ScreeningSummary;
  now: Date;
}

/** A party the gateway knows as an institution (the home fund, a partner agency): complete by registration. */
const INSTITUTION: PartyFields = {
  kind: 'institution',
  name: true,
  account: true,
  address: true,
  nationalIdentifier: true,
  customerNumber: true,
  birthDate: true,
  birthPlace: true,
};

export function personFields(person: Partial<InsuredPerson>, hasCustomerNumber: boolean): PartyFields {
  return {
    kind: 'person',
    name: Boolean(person.name?.given && person.name.family),
    account: Boolean(person.bankAccount?.iban || person.bankAccount?.accountNumber),
    address: Boolean(person.address?.country && person.address.lines.length > 0),
    nationalIdentifier: Boolean(person.nationalIdentifier?.value),
    customerNumber: hasCustomerNumber,
    birthDate: Boolean(person.birthDate),
    birthPlace: false,
  };
}

/** Payer and beneficiary: the person on their side of the purpose, institutions elsewhere. */
export function travelRuleParties(
  purpose: 'contribution' | 'benefit',
  person: Partial<InsuredPerson> | null,
  hasCustomerNumber: boolean,
): AmlFacts['travelRule'] {
  const personSide = person ? personFields(person, hasCustomerNumber) : INSTITUTION;
  return purpose === 'contribution'
    ? { payer: personSide, beneficiary: INSTITUTION }
    : { payer: INSTITUTION, beneficiary: personSide };
}

/** The person's countries: address, IBAN, and the jurisdiction whose scheme identifies them. */
export function personCountries(
  registry: AdapterRegistry,
  person: Partial<InsuredPerson>,
): AmlFacts['countries'] {
  const found: AmlFacts['countries'] = [];
  const add = (code: string | undefined, source: AmlFacts['countries'][number]['source']) => {
    if (
      code &&
      /^[A-Z]{2}$/.test(code) &&
      !found.some((item) => item.code === code && item.source === source)
    )
      found.push({ code, source });
  };
  add(person.address?.country, 'address');
  add(person.bankAccount?.iban?.replace(/\s+/g, '').slice(0, 2).toUpperCase(), 'iban');
  const scheme = person.nationalIdentifier?.scheme;
  const owner = scheme
    ? registry.list().find((adapter) => adapter.identifiers.some((item) => item.id === scheme))
    : undefined;
  add(owner?.identity.code, 'identifier');
  return found;
}

type LinkedRow = {
  id: string;
  createdAt: Date;
  purpose: 'contribution' | 'benefit';
  sourceCurrency: string;
  targetCurrency: string;
  sourceAmountMinor: bigint;
  targetAmountMinor: bigint;
  accountPseudonym: string | null;
  amlPseudonym: string | null;
};

async function linkedRows(db: Executor, input: FactsInput): Promise<LinkedRow[]> {
  const { transfer, subject, now } = input;
  const since = new Date(now.getTime() - HISTORY_DAYS * SECONDS_PER_DAY * 1000);
  const columns = {
    id: transfers.id,
    createdAt: transfers.createdAt,
    purpose: transfers.purpose,
    sourceCurrency: transfers.sourceCurrency,
    targetCurrency: transfers.targetCurrency,
    sourceAmountMinor: transfers.sourceAmountMinor,
    targetAmountMinor: transfers.targetAmountMinor,
    accountPseudonym: transfers.accountPseudonym,
    amlPseudonym: dataSubjects.amlPseudonym,
  };
  const window = and(
    ne(transfers.id, transfer.id),
    ne(transfers.state, 'rejected'),
    gt(transfers.createdAt, since),
    lte(transfers.createdAt, now),
  );
  // Two indexed look-ups (by the person's subjects, by the account) rather than one OR across a join.
  const byPerson = subject
    ? await db
        .select(columns)
        .from(transfers)
        .innerJoin(dataSubjects, eq(dataSubjects.id, transfers.dataSubjectId))
        .where(and(window, eq(dataSubjects.amlPseudonym, subject.amlPseudonym)))
        .orderBy(desc(transfers.createdAt))
        .limit(HISTORY_LIMIT + 1)
    : [];
  const byAccount = transfer.accountPseudonym
    ? await db
        .select(columns)
        .from(transfers)
        .leftJoin(dataSubjects, eq(dataSubjects.id, transfers.dataSubjectId))
        .where(and(window, eq(transfers.accountPseudonym, transfer.accountPseudonym)))
        .orderBy(desc(transfers.createdAt))
        .limit(HISTORY_LIMIT + 1)
    : [];
  const merged = new Map<string, LinkedRow>();
  for (const row of [...byPerson, ...byAccount]) merged.set(row.id, row);
  return [...merged.values()].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
  );
}

/** Numbers standing for pseudonyms: 0 for the decided transfer's own, then in order of appearance. */
function ordinals(own: string | null) {
  const numbers = new Map<string, number>(own ? [[own, 0]] : []);
  return (value: string | null): number | null => {
    if (value === null) return null;
    if (!numbers.has(value)) numbers.set(value, numbers.size + (own ? 0 : 1));
    return numbers.get(value) ?? null;
  };
}

export async function linkedHistory(
  db: Executor,
  input: FactsInput,
): Promise<{ history: HistoryItem[]; truncated: boolean }> {
  const rows = await linkedRows(db, input);
  const { currency } = partnerSide(input.transfer);
  const ownPerson = input.subject?.amlPseudonym ?? null;
  const ownAccount = input.transfer.accountPseudonym;
  const personNumber = ordinals(ownPerson);
  const accountNumber = ordinals(ownAccount);
  const history = rows.slice(0, HISTORY_LIMIT).map((row): HistoryItem => {
    const side = partnerSide(row);
    return {
      ageSeconds: Math.floor((input.now.getTime() - row.createdAt.getTime()) / 1000),
      amountMinor: side.currency === currency ? side.amountMinor.toString() : null,
      purpose: row.purpose,
      samePerson: ownPerson !== null && row.amlPseudonym === ownPerson,
      sameAccount: ownAccount !== null && row.accountPseudonym === ownAccount,
      person: personNumber(row.amlPseudonym),
      account: accountNumber(row.accountPseudonym),
    };
  });
  return { history, truncated: rows.length > HISTORY_LIMIT };
}

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (SECONDS_PER_DAY * 1000),
  );
}

export async function benefitChecks(
  db: Executor,
  transfer: TransferRow,
  subjectId: string,
  date: string,
): Promise<NonNullable<AmlFacts['benefit']>> {
  const [certificate] = await db
    .select({ validUntil: lifeCertificates.validUntil })
    .from(lifeCertificates)
    .where(and(eq(lifeCertificates.subjectId, subjectId), lte(lifeCertificates.issuedOn, date)))
    .orderBy(desc(lifeCertificates.validUntil))
    .limit(1);
  const [death] = await db
    .select({ dateOfDeath: min(deathReports.dateOfDeath) })
    .from(deathReports)
    .where(eq(deathReports.subjectId, subjectId));
  const [same] = transfer.benefitPeriodKey
    ? await db
        .select({ count: sql<number>`count(*)::int` })
        .from(transfers)
        .where(
          and(
            eq(transfers.benefitPeriodKey, transfer.benefitPeriodKey),
            eq(transfers.purpose, 'benefit'),
            ne(transfers.id, transfer.id),
            ne(transfers.state, 'rejected'),
          ),
        )
    : [];
  const dateOfDeath = death?.dateOfDeath ?? null;
  return {
    lifeCertificate: !certificate
      ? { status: 'missing', daysExpired: null }
      : certificate.validUntil >= date
        ? { status: 'valid', daysExpired: null }
        : { status: 'expired', daysExpired: daysBetween(certificate.validUntil, date) },
    death: { reported: dateOfDeath !== null, payoutOnOrAfter: dateOfDeath !== null && date >= dateOfDeath },
    samePeriodTransfers: Number(same?.count ?? 0),
  };
}

/** The facts of one transfer at `now`. */
export async function loadFacts(
  db: Executor,
  registry: AdapterRegistry,
  input: FactsInput,
): Promise<AmlFacts> {
  const { transfer, person, subject, now } = input;
  const date = now.toISOString().slice(0, 10);
  const side = partnerSide(transfer);
  const { history, truncated } = await linkedHistory(db, input);
  return {
    version: FACTS_VERSION,
    purpose: transfer.purpose,
    date,
    partner: { currency: side.currency, amountMinor: side.amountMinor.toString() },
    eur: await eurEquivalent(db, transfer, date),
    hasPerson: subject !== null,
    hasAccount: transfer.accountPseudonym !== null,
    history,
    historyTruncated: truncated,
    countries: person ? personCountries(registry, person) : [],
    travelRule: travelRuleParties(transfer.purpose, person, subject !== null),
    benefit:
      transfer.purpose === 'benefit' && subject ? await benefitChecks(db, transfer, subject.id, date) : null,
    screening: input.screening.parties.map((party) => ({ ...party })),
  };
}
