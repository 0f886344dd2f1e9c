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
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
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

/** Foreign social-security agencies that call the gateway with signed requests. */
export const partnerAgencies = pgTable('partner_agencies', {
  id: text('id').primaryKey(),
  jurisdictionCode: text('jurisdiction_code')
    .notNull()
    .references(() => jurisdictions.code),
  name: text('name').notNull(),
  status: text('status', { enum: ['active', 'suspended'] })
    .notNull()
    .default('active'),
  /** Where signed callbacks (transfer events) are POSTed; none are sent without it. */
  callbackUrl: text('callback_url'),
  createdAt: createdAt(),
});

/**
 * A partner's public keys. Never deleted: a retired key stays to verify archived messages. A key
 * signs requests from `activates_at` (registration before use) until `retired_at`.
 */
export const partnerKeys = pgTable(
  'partner_keys',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partnerAgencies.id),
    /** What signatures name (`keyid`, JWS `kid`): unique across partners. */
    kid: text('kid').notNull(),
    family: text('family', { enum: ['ed25519', 'ecdsa-p256', 'rsa'] }).notNull(),
    publicJwk: jsonb('public_jwk').notNull(),
    /** The agency seal, when the key came as a certificate; its chain was validated at registration. */
    certificatePem: text('certificate_pem'),
    certificateSerial: text('certificate_serial'),
    certificateIssuer: text('certificate_issuer'),
    certificateSubject: text('certificate_subject'),
    certificateNotBefore: timestamp('certificate_not_before', { withTimezone: true, mode: 'date' }),
    certificateNotAfter: timestamp('certificate_not_after', { withTimezone: true, mode: 'date' }),
    trustAnchorId: text('trust_anchor_id'),
    activatesAt: timestamp('activates_at', { withTimezone: true, mode: 'date' }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('partner_keys_kid_unique').on(table.kid),
    index('partner_keys_partner_idx').on(table.partnerId),
  ],
);

/** CA certificates per jurisdiction that agency seals must chain to. */
export const trustAnchors = pgTable(
  'trust_anchors',
  {
    id: text('id').primaryKey(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    subject: text('subject').notNull(),
    fingerprintSha256: text('fingerprint_sha256').notNull(),
    certificatePem: text('certificate_pem').notNull(),
    notAfter: timestamp('not_after', { withTimezone: true, mode: 'date' }).notNull(),
    /** The newest CRL loaded for this anchor. */
    crlThisUpdate: timestamp('crl_this_update', { withTimezone: true, mode: 'date' }),
    crlNextUpdate: timestamp('crl_next_update', { withTimezone: true, mode: 'date' }),
    crlSha256: text('crl_sha256'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    unique('trust_anchors_jurisdiction_fingerprint_unique').on(
      table.jurisdictionCode,
      table.fingerprintSha256,
    ),
  ],
);

/** Serials revoked by an anchor's CRL (the latest CRL replaces the set for its anchor). */
export const revokedCertificates = pgTable(
  'revoked_certificates',
  {
    trustAnchorId: text('trust_anchor_id')
      .notNull()
      .references(() => trustAnchors.id),
    serial: text('serial').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.trustAnchorId, table.serial] })],
);

/** Nonces of accepted signatures, kept past the signature window so any process sees a replay. */
export const signatureNonces = pgTable(
  'signature_nonces',
  {
    partnerId: text('partner_id').notNull(),
    nonce: text('nonce').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.partnerId, table.nonce] }),
    index('signature_nonces_expires_idx').on(table.expiresAt),
  ],
);

/** Evidence of every verified partner request: enough to show years later who signed what. */
export const verifiedMessages = pgTable(
  'verified_messages',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    keyId: text('key_id').notNull(),
    kid: text('kid').notNull(),
    scheme: text('scheme', { enum: ['http-message-signatures', 'detached-jws'] }).notNull(),
    algorithm: text('algorithm').notNull(),
    method: text('method').notNull(),
    targetUri: text('target_uri').notNull(),
    /** `Signature-Input` and `Signature` member, or the JWS protected header and signature. */
    signatureInput: text('signature_input').notNull(),
    signature: text('signature').notNull(),
    /** RFC 9421: the exact signature base, so the signature can be checked again with the archived key. */
    signatureBase: text('signature_base'),
    contentDigest: text('content_digest'),
    signedAt: timestamp('signed_at', { withTimezone: true, mode: 'date' }).notNull(),
    nonce: text('nonce').notNull(),
    certificateSerial: text('certificate_serial'),
    certificateIssuer: text('certificate_issuer'),
    requestId: text('request_id'),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('verified_messages_partner_idx').on(table.partnerId, table.verifiedAt)],
);

/** Signed callbacks to partners: written with the state change, sent and retried by the dispatcher. */
export const callbackOutbox = pgTable(
  'callback_outbox',
  {
    /** The event id (`evt_…`) partners deduplicate on. */
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partnerAgencies.id),
    eventType: text('event_type').notNull(),
    subjectId: text('subject_id').notNull(),
    /** The exact JSON bytes sent, as text. */
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (table) => [
    index('callback_outbox_due_idx').on(table.status, table.nextAttemptAt),
    index('callback_outbox_partner_idx').on(table.partnerId, table.createdAt),
  ],
);

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
    /** Age of the rate in TARGET business days when the quote was made. */
    rateAgeTargetDays: integer('rate_age_target_days').notNull().default(0),
    /** What the rate was derived from (the per-EUR rates, or the manual rate and its version). */
    rateBasis: jsonb('rate_basis').notNull().default({}),
    /** `<source>-<target>` jurisdiction codes, e.g. `DE-CN` for a contribution from Germany. */
    corridor: text('corridor').notNull().default(''),
    executionDate: date('execution_date', { mode: 'string' }),
    valueDate: date('value_date', { mode: 'string' }),
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
    /** The partner agency whose signed request created the transfer; null for staff. */
    partnerId: text('partner_id'),
    /** The insured person the transfer is for (`data_subjects.id`); null when it names nobody. */
    dataSubjectId: text('data_subject_id').references(() => dataSubjects.id),
    /** HMAC (aml domain) of the person's bank account: links accounts across persons for AML rules. */
    accountPseudonym: text('account_pseudonym'),
    /** HMAC (aml domain) of person and benefit period: finds a benefit paid twice for one period. */
    benefitPeriodKey: text('benefit_period_key'),
    /** The legal bases of the personal-data flows of this transfer (both directions), as recorded. */
    legalBases: jsonb('legal_bases').notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    unique('transfers_quote_id_unique').on(table.quoteId),
    index('transfers_state_idx').on(table.state),
    index('transfers_data_subject_idx').on(table.dataSubjectId),
    index('transfers_account_pseudonym_idx').on(table.accountPseudonym),
    index('transfers_benefit_period_key_idx').on(table.benefitPeriodKey),
    index('transfers_created_idx').on(table.createdAt),
  ],
);

/**
 * Insured persons (data subjects). No personal data in clear: keyed pseudonyms to find and link
 * them, and their fields sealed with their own data key (AES-256-GCM, `subject_keys`).
 */
export const dataSubjects = pgTable(
  'data_subjects',
  {
    id: text('id').primaryKey(),
    /** The jurisdiction whose identifier scheme identifies the person. */
    jurisdiction: text('jurisdiction').notNull(),
    /** HMAC of `<scheme>:<normalised identifier>` in the `subject` domain: finds the person again. */
    subjectPseudonym: text('subject_pseudonym').notNull(),
    /** Same input in the `aml` domain: links a person's transfers for velocity rules. */
    amlPseudonym: text('aml_pseudonym').notNull(),
    /** Same input in the `audit` domain: the only reference to the person in audit events. */
    auditPseudonym: text('audit_pseudonym').notNull(),
    /** Field name → `{ iv, ct }` (base64url), sealed with the person's data key. */
    fields: jsonb('fields').notNull().default({}),
    /** The data categories currently held (what retention and exports work from). */
    categories: jsonb('categories').$type<string[]>().notNull().default([]),
    relationshipEndedAt: timestamp('relationship_ended_at', { withTimezone: true, mode: 'date' }),
    restrictedAt: timestamp('restricted_at', { withTimezone: true, mode: 'date' }),
    restrictionGround: text('restriction_ground'),
    erasedAt: timestamp('erased_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    unique('data_subjects_subject_pseudonym_unique').on(table.subjectPseudonym),
    index('data_subjects_aml_pseudonym_idx').on(table.amlPseudonym),
  ],
);

/**
 * One data key per person, wrapped by a key-encryption key. Deleting the row is the crypto-shred:
 * the person's sealed fields can no longer be opened, in this database or any copy of it.
 */
export const subjectKeys = pgTable('subject_keys', {
  subjectId: text('subject_id')
    .primaryKey()
    .references(() => dataSubjects.id),
  kekId: text('kek_id').notNull(),
  /** base64url of the wrapped key (IV ‖ ciphertext for the environment provider). */
  wrappedKey: text('wrapped_key').notNull(),
  createdAt: createdAt(),
  rewrappedAt: timestamp('rewrapped_at', { withTimezone: true, mode: 'date' }),
});

/** Consents (GDPR Art. 7, PIPL Art. 14 and 39): who, when, which text, and withdrawal. */
export const consents = pgTable(
  'consents',
  {
    id: text('id').primaryKey(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => dataSubjects.id),
    purpose: text('purpose').notNull(),
    kind: text('kind').notNull(),
    textVersion: text('text_version').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true, mode: 'date' }).notNull(),
    channel: text('channel').notNull(),
    recordedBy: text('recorded_by').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawalChannel: text('withdrawal_channel'),
    createdAt: createdAt(),
  },
  (table) => [index('consents_subject_idx').on(table.subjectId, table.purpose)],
);

/** One row per retention purge: the report of what was destroyed, for whom, by category. */
export const privacyPurgeRuns = pgTable('privacy_purge_runs', {
  id: text('id').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull(),
  trigger: text('trigger', { enum: ['schedule', 'operator'] }).notNull(),
  actor: text('actor').notNull(),
  subjectsExamined: integer('subjects_examined').notNull(),
  subjectsShredded: integer('subjects_shredded').notNull(),
  /** `[{ jurisdiction, category, subjects }]` */
  purged: jsonb('purged').notNull().default([]),
});

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

/**
 * Published reference rates, one row per (source, business day, currency): units of `currency`
 * per 1 EUR, exactly as published. Cross rates are derived when quoting, never stored.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    source: text('source', { enum: ['ecb', 'demo-table'] }).notNull(),
    rateDate: date('rate_date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    rate: numeric('rate').notNull(),
    importId: text('import_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.source, table.rateDate, table.currency] }),
    index('fx_rates_currency_date_idx').on(table.currency, table.rateDate),
    check('fx_rates_rate_positive', sql`${table.rate} > 0`),
    check('fx_rates_currency_code', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Every load of a rate file or download, successful or not: what `/ready` and `pontis fx status` show. */
export const fxRateImports = pgTable(
  'fx_rate_imports',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['ecb', 'demo-table'] }).notNull(),
    /** How the rates arrived: `file`, `refresh` (scheduled download) or `demo`. */
    trigger: text('trigger', { enum: ['file', 'refresh', 'demo'] }).notNull(),
    /** File name or URL, never a local directory path. */
    origin: text('origin').notNull(),
    sha256: text('sha256'),
    status: text('status', { enum: ['loaded', 'unchanged', 'failed'] }).notNull(),
    firstDate: date('first_date', { mode: 'string' }),
    lastDate: date('last_date', { mode: 'string' }),
    days: integer('days').notNull().default(0),
    rates: integer('rates').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    revised: integer('revised').notNull().default(0),
    errorCode: text('error_code'),
    error: text('error'),
    createdAt: createdAt(),
  },
  (table) => [index('fx_rate_imports_created_idx').on(table.createdAt)],
);

/**
 * Rates set by a compliance officer for a corridor (for example the PBoC central parity), with a
 * validity window. Versioned per corridor, never updated except to revoke.
 */
export const manualRates = pgTable(
  'manual_rates',
  {
    id: text('id').primaryKey(),
    /** `<home>-<partner>`, e.g. `CN-DE`: the rate applies in both directions. */
    corridor: text('corridor').notNull(),
    version: integer('version').notNull(),
    baseCurrency: text('base_currency').notNull(),
    quoteCurrency: text('quote_currency').notNull(),
    rate: numeric('rate').notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true, mode: 'date' }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true, mode: 'date' }).notNull(),
    reference: text('reference').notNull(),
    setBy: text('set_by').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: text('revoked_by'),
  },
  (table) => [
    unique('manual_rates_corridor_version_unique').on(table.corridor, table.version),
    check('manual_rates_rate_positive', sql`${table.rate} > 0`),
    check('manual_rates_window', sql`${table.validUntil} > ${table.validFrom}`),
    index('manual_rates_corridor_idx').on(table.corridor, table.validFrom),
  ],
);

// --- sanctions screening -------------------------------------------------------------------

/**
 * Every successful import of a sanctions list: one version per source and content. The newest
 * version of a source is active (one per source, enforced by a partial unique index); older ones
 * stay so that every screening result can name the versions it used.
 */
export const sanctionsListVersions = pgTable(
  'sanctions_list_versions',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['ofac', 'un', 'eu', 'uk'] }).notNull(),
    /** SHA-256 (hex) of the imported bytes (OFAC: of its files in a fixed order). */
    sha256: text('sha256').notNull(),
    /** The publisher's own generation date, when the file states one. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
    importedBy: text('imported_by').notNull(),
    /** How it arrived: `file` (CLI), `refresh` (scheduled download) or `demo`. */
    trigger: text('trigger', { enum: ['file', 'refresh', 'demo'] }).notNull(),
    /** File name or URL, never a local directory path. */
    origin: text('origin').notNull(),
    entryCount: integer('entry_count').notNull(),
    nameCount: integer('name_count').notNull(),
    /** Entries new or changed since the previous version (what continuous screening looks at). */
    added: integer('added').notNull().default(0),
    changed: integer('changed').notNull().default(0),
    removed: integer('removed').notNull().default(0),
    active: boolean('active').notNull().default(false),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    uniqueIndex('sanctions_list_versions_one_active').on(table.source).where(sql`${table.active}`),
    index('sanctions_list_versions_source_idx').on(table.source, table.importedAt),
  ],
);

/** The entries of a list version, in the shape of `src/ports/sanctions.ts`. Public data, not personal data of our users. */
export const sanctionsEntries = pgTable(
  'sanctions_entries',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => sanctionsListVersions.id),
    entryId: text('entry_id').notNull(),
    type: text('type', { enum: ['person', 'organization', 'vessel', 'aircraft'] }).notNull(),
    primaryName: text('primary_name').notNull(),
    /** `SanctionsEntry` without source and id: names, birthDates, countries, identifiers, programs, listedOn, remarks. */
    data: jsonb('data').notNull(),
    /** SHA-256 of the entry's canonical JSON: tells changed entries from unchanged ones between versions. */
    contentSha256: text('content_sha256').notNull(),
  },
  (table) => [primaryKey({ columns: [table.versionId, table.entryId] })],
);

/** Every import attempt, failed ones included (a failed import leaves the active version as it was). */
export const sanctionsImports = pgTable(
  'sanctions_imports',
  {
    id: text('id').primaryKey(),
    source: text('source', { enum: ['ofac', 'un', 'eu', 'uk'] }).notNull(),
    trigger: text('trigger', { enum: ['file', 'refresh', 'demo'] }).notNull(),
    origin: text('origin').notNull(),
    sha256: text('sha256'),
    status: text('status', { enum: ['loaded', 'unchanged', 'failed'] }).notNull(),
    versionId: text('version_id'),
    errorCode: text('error_code'),
    error: text('error'),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('sanctions_imports_created_idx').on(table.source, table.createdAt)],
);

/**
 * One screening of one party (payer or beneficiary of a transfer, or an active beneficiary in a
 * continuous-screening run). Hits name list entries; the explanation holds list-side tokens and
 * query token positions, never the screened name itself.
 */
export const screeningResults = pgTable(
  'screening_results',
  {
    id: text('id').primaryKey(),
    transferId: text('transfer_id').references(() => transfers.id),
    /** Continuous screening: the run that found it (`screening_runs.id`). */
    runId: text('run_id'),
    /** `ds_…` for an insured person, `partner:<id>` or `home:<code>` for an institution. */
    partyKey: text('party_key').notNull(),
    partyRole: text('party_role', { enum: ['payer', 'beneficiary'] }).notNull(),
    partyType: text('party_type', { enum: ['person', 'organization'] }).notNull(),
    outcome: text('outcome', { enum: ['clear', 'review', 'block', 'unavailable'] }).notNull(),
    topScore: numeric('top_score').notNull(),
    /** `[{ source, versionId, sha256, importedAt }]` of every list consulted. */
    listVersions: jsonb('list_versions').notNull(),
    /** `{ review, block }` in force. */
    thresholds: jsonb('thresholds').notNull(),
    /** Hits at or above the review threshold, with explanations; suppressed ones carry `suppressionId`. */
    hits: jsonb('hits').notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [
    index('screening_results_transfer_idx').on(table.transferId),
    index('screening_results_party_idx').on(table.partyKey),
  ],
);

/** A continuous-screening run: additions of a list version screened against active beneficiaries. */
export const screeningRuns = pgTable('screening_runs', {
  id: text('id').primaryKey(),
  versionId: text('version_id')
    .notNull()
    .references(() => sanctionsListVersions.id),
  entriesScreened: integer('entries_screened').notNull(),
  partiesScreened: integer('parties_screened').notNull(),
  alerts: integer('alerts').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * A hit marked as a false positive for one party and one list entry, until it expires or is
 * revoked. It holds only while the entry is unchanged (`entry_sha256`).
 */
export const screeningSuppressions = pgTable(
  'screening_suppressions',
  {
    id: text('id').primaryKey(),
    partyKey: text('party_key').notNull(),
    entityId: text('entity_id').notNull(),
    entrySha256: text('entry_sha256').notNull(),
    reason: text('reason').notNull(),
    caseId: text('case_id'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: text('revoked_by'),
  },
  (table) => [index('screening_suppressions_party_idx').on(table.partyKey, table.entityId)],
);

// --- AML monitoring --------------------------------------------------------------------------

/**
 * Versions of a jurisdiction's AML rule parameters. A compliance officer proposes; a second
 * officer activates (four eyes). A version may run in shadow before it is activated.
 */
export const amlRuleSets = pgTable(
  'aml_rule_sets',
  {
    id: text('id').primaryKey(),
    jurisdiction: text('jurisdiction').notNull(),
    version: integer('version').notNull(),
    /** Validated against the bounds the jurisdiction's adapter declares. */
    parameters: jsonb('parameters').notNull(),
    status: text('status', { enum: ['proposed', 'shadow', 'active', 'retired', 'withdrawn'] }).notNull(),
    note: text('note').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
    shadowFrom: timestamp('shadow_from', { withTimezone: true, mode: 'date' }),
    activatedBy: text('activated_by'),
    activatedAt: timestamp('activated_at', { withTimezone: true, mode: 'date' }),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'date' }),
  },
  (table) => [
    unique('aml_rule_sets_jurisdiction_version_unique').on(table.jurisdiction, table.version),
    uniqueIndex('aml_rule_sets_one_active').on(table.jurisdiction).where(sql`${table.status} = 'active'`),
    uniqueIndex('aml_rule_sets_one_shadow').on(table.jurisdiction).where(sql`${table.status} = 'shadow'`),
  ],
);

/**
 * The compliance decision of a transfer: clear, review or reject, every reason with its score,
 * the rule-set version and the list versions used. Shadow rule sets write `live = false` rows.
 */
export const amlDecisions = pgTable(
  'aml_decisions',
  {
    id: text('id').primaryKey(),
    transferId: text('transfer_id')
      .notNull()
      .references(() => transfers.id),
    live: boolean('live').notNull(),
    /** Null when the adapter's default parameters applied (no rule set version yet). */
    ruleSetId: text('rule_set_id'),
    ruleSetVersion: integer('rule_set_version').notNull(),
    decision: text('decision', { enum: ['clear', 'review', 'reject'] }).notNull(),
    score: numeric('score').notNull(),
    /** `[{ code, rule, score, action, details }]`: no personal data. */
    reasons: jsonb('reasons').notNull().default([]),
    listVersions: jsonb('list_versions').notNull().default([]),
    /**
     * What the rules saw (`src/services/aml/facts.ts`): amounts, the linked history as ages and
     * amounts, country codes, which travel-rule fields were present. Simulations replay it; it
     * holds no name, identifier, account or date of a person.
     */
    facts: jsonb('facts'),
    createdAt: createdAt(),
  },
  (table) => [
    index('aml_decisions_transfer_idx').on(table.transferId),
    uniqueIndex('aml_decisions_one_live').on(table.transferId).where(sql`${table.live}`),
    // Shadow reports read a rule set's decisions; simulations read the live ones of the last days.
    index('aml_decisions_rule_set_idx').on(table.ruleSetId, table.createdAt),
    index('aml_decisions_created_idx').on(table.createdAt),
  ],
);

/** Life certificates the partner agencies confirm: a benefit is paid only while one is valid. */
export const lifeCertificates = pgTable(
  'life_certificates',
  {
    id: text('id').primaryKey(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => dataSubjects.id),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Who confirmed it: a partner id or a staff user id. */
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('life_certificates_subject_idx').on(table.subjectId, table.validUntil)],
);

/** Deaths reported for insured persons: no benefit is paid for a period after the date of death. */
export const deathReports = pgTable(
  'death_reports',
  {
    id: text('id').primaryKey(),
    subjectId: text('subject_id')
      .notNull()
      .references(() => dataSubjects.id),
    dateOfDeath: date('date_of_death', { mode: 'string' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('death_reports_subject_idx').on(table.subjectId)],
);

// --- review ----------------------------------------------------------------------------------

/**
 * A case for a human: a held transfer, or a continuous-screening alert about an active
 * beneficiary. Release needs two different officers (four eyes).
 */
export const complianceCases = pgTable(
  'compliance_cases',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['transfer_hold', 'continuous_screening'] }).notNull(),
    transferId: text('transfer_id').references(() => transfers.id),
    subjectId: text('subject_id').references(() => dataSubjects.id),
    status: text('status', {
      enum: ['open', 'release_requested', 'released', 'rejected', 'expired', 'closed'],
    }).notNull(),
    /** `high` when a hit reached the block threshold (funds frozen: a timeout never returns them). */
    priority: text('priority', { enum: ['normal', 'high'] }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true, mode: 'date' }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true, mode: 'date' }),
    releaseRequestedBy: text('release_requested_by'),
    releaseRequestedAt: timestamp('release_requested_at', { withTimezone: true, mode: 'date' }),
    releaseReason: text('release_reason'),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionReason: text('decision_reason'),
    /** Continuous screening: the run whose alert opened the case (`screening_runs.id`). */
    runId: text('run_id'),
    /**
     * Every officer decision in order, `[{ action, actor, at, reason }]`: a declined release or a
     * withdrawn request keeps its reason here after the columns above move on.
     */
    decisions: jsonb('decisions').notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [
    index('compliance_cases_status_idx').on(table.status, table.openedAt),
    uniqueIndex('compliance_cases_one_open_per_transfer')
      .on(table.transferId)
      .where(sql`${table.status} in ('open', 'release_requested')`),
    // The hold-timeout job's claim: undecided, not yet escalated cases by expiry.
    index('compliance_cases_hold_due_idx')
      .on(table.holdExpiresAt)
      .where(sql`${table.status} in ('open', 'release_requested') and ${table.escalatedAt} is null`),
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
  partnerKeys,
  trustAnchors,
  revokedCertificates,
  signatureNonces,
  verifiedMessages,
  callbackOutbox,
  quotes,
  transfers,
  dataSubjects,
  subjectKeys,
  consents,
  privacyPurgeRuns,
  auditEvents,
  ledgerAccounts,
  journalEntries,
  postings,
  idempotencyKeys,
  systemSettings,
  fxRates,
  fxRateImports,
  manualRates,
  sanctionsListVersions,
  sanctionsEntries,
  sanctionsImports,
  screeningResults,
  screeningRuns,
  screeningSuppressions,
  amlRuleSets,
  amlDecisions,
  lifeCertificates,
  deathReports,
  complianceCases,
};
export type Schema = typeof schema;
