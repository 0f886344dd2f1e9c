/**
 * The database schema (drizzle). Money is bigint minor units; rates are decimal strings; every
 * timestamp is `timestamptz`. Invariants that must hold whatever code runs (balanced journals,
 * append-only postings and audit events) are enforced by triggers in a custom migration.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** The jurisdictions this database has served; adapters (code) say how, this table says since when. */
export const jurisdictions = pgTable('jurisdictions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['home', 'partner', 'example'] }).notNull(),
  currency: text('currency').notNull(),
  adapterVersion: text('adapter_version').notNull(),
  createdAt: createdAt(),
});

/** Staff who call the API with gateway-signed tokens; a token is only good while its user is active. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  displayName: text('display_name').notNull(),
  roles: text('roles').array().notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** Foreign social-security agencies; their keys arrive with the signed-API work. */
export const partnerAgencies = pgTable('partner_agencies', {
  id: text('id').primaryKey(),
  jurisdictionCode: text('jurisdiction_code')
    .notNull()
    .references(() => jurisdictions.code),
  name: text('name').notNull(),
  status: text('status', { enum: ['active', 'suspended'] })
    .notNull()
    .default('active'),
  createdAt: createdAt(),
});

/** What a quote prices and a transfer carries: the corridor and both amounts, in minor units. */
const conversionColumns = () => ({
  purpose: text('purpose', { enum: ['contribution', 'benefit'] }).notNull(),
  partnerJurisdiction: text('partner_jurisdiction').notNull(),
  sourceJurisdiction: text('source_jurisdiction').notNull(),
  targetJurisdiction: text('target_jurisdiction').notNull(),
  sourceCurrency: text('source_currency').notNull(),
  targetCurrency: text('target_currency').notNull(),
  sourceAmountMinor: bigint('source_amount_minor', { mode: 'bigint' }).notNull(),
  targetAmountMinor: bigint('target_amount_minor', { mode: 'bigint' }).notNull(),
  feeMinor: bigint('fee_minor', { mode: 'bigint' }).notNull(),
});

export const quotes = pgTable(
  'quotes',
  {
    id: text('id').primaryKey(),
    ...conversionColumns(),
    fixedSide: text('fixed_side', { enum: ['source', 'target'] }).notNull(),
    /** The fee lines as shown on the receipt (type, bps, amount string). */
    fees: jsonb('fees').notNull(),
    referenceRate: text('reference_rate').notNull(),
    appliedRate: text('applied_rate').notNull(),
    spreadBps: integer('spread_bps').notNull(),
    rateSource: text('rate_source').notNull(),
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    rounding: text('rounding').notNull(),
    chargeBearer: text('charge_bearer').notNull(),
    adapterVersion: text('adapter_version').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    check('quotes_amounts_positive', sql`${table.sourceAmountMinor} > 0 and ${table.targetAmountMinor} > 0`),
    check('quotes_fee_non_negative', sql`${table.feeMinor} >= 0`),
  ],
);

export const transfers = pgTable(
  'transfers',
  {
    id: text('id').primaryKey(),
    quoteId: text('quote_id')
      .notNull()
      .references(() => quotes.id),
    state: text('state').notNull(),
    ...conversionColumns(),
    appliedRate: text('applied_rate').notNull(),
    /** The caller's own reference (ISO 20022 EndToEndId charset), echoed on statements. */
    reference: text('reference'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    unique('transfers_quote_id_unique').on(table.quoteId),
    index('transfers_state_idx').on(table.state),
  ],
);

/** Append-only record of who did what; one row per state transition and per privileged action. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    requestId: text('request_id'),
    /** Facts about the action; never personal data. */
    data: jsonb('data').notNull().default({}),
  },
  (table) => [index('audit_events_subject_idx').on(table.subjectType, table.subjectId)],
);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    /** `<kind>:<currency>` or `<kind>:<jurisdiction>:<currency>`, e.g. `collection:DE:EUR`. */
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['collection', 'fund', 'fx_position', 'fees', 'in_transit', 'payable'],
    }).notNull(),
    jurisdiction: text('jurisdiction'),
    currency: text('currency').notNull(),
    createdAt: createdAt(),
  },
  (table) => [unique('ledger_accounts_id_currency_unique').on(table.id, table.currency)],
);

export const journalEntries = pgTable(
  'journal_entries',
  {
    id: text('id').primaryKey(),
    transferId: text('transfer_id').references(() => transfers.id),
    kind: text('kind', { enum: ['reserve', 'settlement', 'return', 'adjustment'] }).notNull(),
    /** Two phases: pending (reserved) → posted or voided. */
    phase: text('phase', { enum: ['pending', 'posted', 'voided'] }).notNull(),
    description: text('description').notNull(),
    createdAt: createdAt(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [index('journal_entries_transfer_idx').on(table.transferId)],
);

export const postings = pgTable(
  'postings',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    journalId: text('journal_id')
      .notNull()
      .references(() => journalEntries.id),
    accountId: text('account_id').notNull(),
    currency: text('currency').notNull(),
    /** Signed minor units: debit positive, credit negative. */
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      name: 'postings_account_currency_fk',
      columns: [table.accountId, table.currency],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.currency],
    }),
    check('postings_amount_non_zero', sql`${table.amountMinor} <> 0`),
    index('postings_journal_idx').on(table.journalId),
    index('postings_account_idx').on(table.accountId),
  ],
);

/** The first answer to each (caller, Idempotency-Key), replayed for retries of the same request. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: smallint('response_status'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.principal, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
);

/** Key-value facts about this database (demo seed version, …). */
export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const schema = {
  jurisdictions,
  users,
  partnerAgencies,
  quotes,
  transfers,
  auditEvents,
  ledgerAccounts,
  journalEntries,
  postings,
  idempotencyKeys,
  systemSettings,
};
export type Schema = typeof schema;
