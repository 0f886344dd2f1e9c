/**
 * Transfers: accept a quote and, in the caller's transaction, consume the quote, create the
 * transfer in its initial state (audited) and reserve its money in the ledger.
 */
import { and, desc, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { InsuredPerson, InsuredPersonView, LegalBasis } from '../../../schemas/privacy.ts';
import type { Transfer } from '../../../schemas/transfers.ts';
import { GatewayError } from '../../core/errors.ts';
import { isId, newId } from '../../core/ids.ts';
import { formatMinorUnits } from '../../core/money.ts';
import type { Executor, Transaction } from '../../db/database.ts';
import { dataSubjects, journalEntries, quotes, transfers } from '../../db/schema.ts';
import { screenTransfer } from '../../pipeline/screen-transfer.ts';
import type { DataCategory } from '../../ports/index.ts';
import type { AdapterRegistry } from '../adapters/registry.ts';
import { amlLinkKeys } from '../aml/evaluate.ts';
import type { Role } from '../auth/roles.ts';
import { recordJournal } from '../ledger/ledger.ts';
import { requireConsent } from '../privacy/consent.ts';
import {
  categoriesForRecipient,
  categoriesForRoles,
  disclose,
  processingPurposeOf,
} from '../privacy/disclosure.ts';
import type { PrivacyKeys } from '../privacy/keys.ts';
import { exporterFor, legalBasesFor } from '../privacy/legal-basis.ts';
import { checkInsuredPerson } from '../privacy/person.ts';
import { readPerson, recordPerson, type SubjectRow } from '../privacy/subjects.ts';
import { conversionView } from '../quotes/conversion-view.ts';
import type { ActiveIndex } from '../screening/index-cache.ts';
import { reservePostings } from './reserve-postings.ts';
import { insertTransfer, type TransitionContext } from './transitions.ts';

type TransferRow = typeof transfers.$inferSelect;
type JournalSummary = { id: string; phase: 'pending' | 'posted' | 'voided' };

export interface CreateTransferInput {
  quoteId: string;
  reference?: string | undefined;
  insuredPerson?: InsuredPerson | undefined;
}

/**
 * Who reads a transfer: staff see all transfers, a partner agency only those it created; the
 * insured person is reduced to what the reader may see (role, or the agency's adapter for the
 * purpose). Without `privacy` no personal field is shown at all.
 */
export type TransferViewer = {
  partnerId?: string | undefined;
  roles?: readonly Role[];
  privacy?: { keys: PrivacyKeys; registry: AdapterRegistry } | undefined;
};

/** Marks the quote used, or explains why it cannot be: not found, used or expired. */
async function consumeQuote(tx: Transaction, quoteId: string, actor: string, now: Date) {
  const [quote] = await tx
    .update(quotes)
    .set({ usedAt: now })
    .where(
      and(
        eq(quotes.id, quoteId),
        eq(quotes.createdBy, actor),
        isNull(quotes.usedAt),
        gt(quotes.expiresAt, now),
      ),
    )
    .returning();
  if (quote) return quote;
  const [existing] = await tx.select().from(quotes).where(eq(quotes.id, quoteId));
  // A quote made by someone else is reported as missing: its existence is not the caller's business.
  if (!existing || existing.createdBy !== actor) {
    throw new GatewayError('quote_not_found', 'No quote with this id was issued to you.');
  }
  if (existing.usedAt)
    throw new GatewayError('quote_used', 'This quote has already been used for a transfer.');
  throw new GatewayError('quote_expired', `The quote expired at ${existing.expiresAt.toISOString()}.`, {
    details: { expiresAt: existing.expiresAt.toISOString() },
  });
}

export async function createTransfer(
  tx: Transaction,
  registry: AdapterRegistry,
  input: CreateTransferInput,
  context: TransitionContext & {
    partnerId?: string | undefined;
    privacyKeys?: PrivacyKeys | undefined;
    /** The sanctions index of the active list versions (`ScreeningIndexCache.current`). */
    screening: ActiveIndex;
  },
): Promise<Transfer> {
  const quote = await consumeQuote(tx, input.quoteId, context.actor, context.now);
  const transferId = newId('transfer', context.now.getTime());
  let subject: SubjectRow | undefined;
  let person: InsuredPerson | null = null;
  let linkKeys: { accountPseudonym: string | null; benefitPeriodKey: string | null } = {
    accountPseudonym: null,
    benefitPeriodKey: null,
  };
  let legalBases: LegalBasis[] = [];
  if (input.insuredPerson) {
    if (!context.privacyKeys) throw new Error('createTransfer: a person needs the privacy keys');
    const privacy = { keys: context.privacyKeys, registry };
    const checked = checkInsuredPerson(registry, input.insuredPerson, context.now);
    const partner = registry.require(quote.partnerJurisdiction);
    const purpose = processingPurposeOf(quote.purpose);
    subject = await recordPerson(tx, privacy, checked.person, checked.identifier, context);
    await requireConsent(tx, exporterFor(registry.home, partner, purpose), purpose, subject, context.now);
    legalBases = legalBasesFor(registry, partner, purpose);
    person = checked.person;
    linkKeys = await amlLinkKeys(context.privacyKeys, {
      person,
      amlPseudonym: subject.amlPseudonym,
      now: context.now,
    });
  }
  const row = await insertTransfer(
    tx,
    {
      id: transferId,
      quoteId: quote.id,
      purpose: quote.purpose,
      partnerJurisdiction: quote.partnerJurisdiction,
      sourceJurisdiction: quote.sourceJurisdiction,
      targetJurisdiction: quote.targetJurisdiction,
      sourceCurrency: quote.sourceCurrency,
      targetCurrency: quote.targetCurrency,
      sourceAmountMinor: quote.sourceAmountMinor,
      targetAmountMinor: quote.targetAmountMinor,
      feeMinor: quote.feeMinor,
      appliedRate: quote.appliedRate,
      reference: input.reference ?? null,
      partnerId: context.partnerId ?? null,
      dataSubjectId: subject?.id ?? null,
      accountPseudonym: linkKeys.accountPseudonym,
      benefitPeriodKey: linkKeys.benefitPeriodKey,
      legalBases,
      createdBy: context.actor,
    },
    context,
  );
  const journal = await recordJournal(tx, {
    transferId,
    kind: 'reserve',
    phase: 'pending',
    description: `reserve ${quote.purpose} ${transferId}`,
    now: context.now,
    postings: reservePostings({
      purpose: quote.purpose,
      homeJurisdiction: registry.home.identity.code,
      partnerJurisdiction: quote.partnerJurisdiction,
      sourceCurrency: quote.sourceCurrency,
      targetCurrency: quote.targetCurrency,
      sourceAmountMinor: quote.sourceAmountMinor,
      targetAmountMinor: quote.targetAmountMinor,
      feeMinor: quote.feeMinor,
    }),
  });
  const screened = await screenTransfer(
    tx,
    { registry, screening: context.screening },
    {
      transfer: row,
      person,
      subject: subject ? { id: subject.id, amlPseudonym: subject.amlPseudonym } : null,
    },
    context,
  );
  const finalJournal = await reserveJournals(tx, [transferId]);
  // The creator's answer names the person by id only: it is stored for idempotent replays and
  // must not become a clear copy of the data; reading the transfer shows what the reader may see.
  const personView = subject ? disclose(subject.id, null, []) : null;
  return toTransferView(
    screened.transfer,
    finalJournal.get(transferId) ?? { id: journal.id, phase: journal.phase },
    personView,
  );
}

export function toTransferView(
  row: TransferRow,
  journal: JournalSummary,
  insuredPerson: InsuredPersonView | null,
): Transfer {
  return {
    id: row.id,
    object: 'transfer',
    state: row.state as Transfer['state'],
    quoteId: row.quoteId,
    ...conversionView(row),
    totalFee: formatMinorUnits(row.feeMinor, row.sourceCurrency),
    appliedRate: row.appliedRate,
    reference: row.reference,
    insuredPerson,
    legalBases: row.legalBases as LegalBasis[],
    ledger: { journalId: journal.id, phase: journal.phase },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function reserveJournals(db: Executor, transferIds: string[]): Promise<Map<string, JournalSummary>> {
  if (transferIds.length === 0) return new Map();
  const found = await db
    .select({ id: journalEntries.id, phase: journalEntries.phase, transferId: journalEntries.transferId })
    .from(journalEntries)
    .where(and(inArray(journalEntries.transferId, transferIds), eq(journalEntries.kind, 'reserve')));
  return new Map(found.map((row) => [row.transferId ?? '', { id: row.id, phase: row.phase }]));
}

/** The categories of a transfer's person this reader may see. */
function readerCategories(row: TransferRow, viewer: TransferViewer): DataCategory[] {
  if (!viewer.privacy) return [];
  if (viewer.partnerId !== undefined) {
    const adapter = viewer.privacy.registry.get(row.partnerJurisdiction);
    return adapter ? categoriesForRecipient(adapter, processingPurposeOf(row.purpose), 'partner_agency') : [];
  }
  return categoriesForRoles(viewer.roles ?? []);
}

async function personViews(
  db: Executor,
  rows: TransferRow[],
  viewer: TransferViewer,
): Promise<Map<string, InsuredPersonView>> {
  const views = new Map<string, InsuredPersonView>();
  const subjectIds = [
    ...new Set(rows.map((row) => row.dataSubjectId).filter((id): id is string => id !== null)),
  ];
  if (subjectIds.length === 0) return views;
  const subjects = await db.select().from(dataSubjects).where(inArray(dataSubjects.id, subjectIds));
  const byId = new Map(subjects.map((subject) => [subject.id, subject]));
  // A page often holds one person several times: each is opened once.
  const people = new Map<string, InsuredPerson | null>();
  for (const row of rows) {
    const subject = row.dataSubjectId ? byId.get(row.dataSubjectId) : undefined;
    if (!subject) continue;
    const categories = readerCategories(row, viewer);
    let person: InsuredPerson | null = null;
    if (categories.length > 0 && viewer.privacy) {
      if (!people.has(subject.id)) people.set(subject.id, await readPerson(db, viewer.privacy.keys, subject));
      person = people.get(subject.id) ?? null;
    }
    views.set(row.id, disclose(subject.id, person, categories));
  }
  return views;
}

function withJournal(
  row: TransferRow,
  journals: Map<string, JournalSummary>,
  people: Map<string, InsuredPersonView>,
): Transfer {
  const journal = journals.get(row.id);
  if (!journal) throw new Error(`transfer ${row.id} has no reserve journal`);
  return toTransferView(row, journal, people.get(row.id) ?? null);
}

export async function getTransfer(db: Executor, id: string, viewer: TransferViewer = {}): Promise<Transfer> {
  const [row] = isId('transfer', id) ? await db.select().from(transfers).where(eq(transfers.id, id)) : [];
  // Another partner's transfer is reported as missing: its existence is not the caller's business.
  if (!row || (viewer.partnerId !== undefined && row.partnerId !== viewer.partnerId)) {
    throw new GatewayError('not_found', 'No transfer with this id.');
  }
  return withJournal(row, await reserveJournals(db, [row.id]), await personViews(db, [row], viewer));
}

/** Newest first; `startingAfter` is the id of the last transfer of the previous page. */
export async function listTransfers(
  db: Executor,
  page: { limit: number; startingAfter?: string | undefined },
  viewer: TransferViewer = {},
): Promise<{ data: Transfer[]; hasMore: boolean }> {
  if (page.startingAfter !== undefined) {
    const [cursor] = isId('transfer', page.startingAfter)
      ? await db
          .select({ id: transfers.id })
          .from(transfers)
          .where(
            and(
              eq(transfers.id, page.startingAfter),
              viewer.partnerId !== undefined ? eq(transfers.partnerId, viewer.partnerId) : undefined,
            ),
          )
      : [];
    if (!cursor)
      throw new GatewayError('cursor_invalid', '`starting_after` is not the id of an existing transfer.');
  }
  const found = await db
    .select()
    .from(transfers)
    .where(
      and(
        page.startingAfter ? lt(transfers.id, page.startingAfter) : undefined,
        viewer.partnerId !== undefined ? eq(transfers.partnerId, viewer.partnerId) : undefined,
      ),
    )
    .orderBy(desc(transfers.id))
    .limit(page.limit + 1);
  const pageRows = found.slice(0, page.limit);
  const journals = await reserveJournals(
    db,
    pageRows.map((row) => row.id),
  );
  const people = await personViews(db, pageRows, viewer);
  return {
    data: pageRows.map((row) => withJournal(row, journals, people)),
    hasMore: found.length > page.limit,
  };
}
