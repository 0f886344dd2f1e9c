/**
 * The personal-data classification registry (GDPR Art. 25 and PIPL Art. 51: privacy by design).
 *
 * Every leaf field of every exported schema in `schemas/` is classified here, personal or not:
 * with one of the data categories of `src/ports/privacy.ts`, or explicitly as `'none'`. A field
 * without a classification, or a classification of a field that no longer exists, fails
 * `classification.test.ts`.
 *
 * Paths: `<ExportedSchemaName>.<field>.<field>`; `[]` is an item of an array (or set), `[0]` an
 * item of a tuple, `{}` the value of a record (or map) entry, `{key}` the key of a record whose
 * keys are free text (not an enum), `.*` any extra member an object lets through (`catchall`,
 * `looseObject`). Keys that are not plain names are written as `["key"]`.
 */
import { z } from 'zod';
import type { InsuredPerson } from '../../../schemas/privacy.ts';
import { AML_BOUND_PATHS, AML_PARAMETER_PATHS } from '../../ports/aml.ts';
import { DATA_CATEGORIES, type DataCategory, SPECIAL_CATEGORIES } from '../../ports/privacy.ts';

export type Classification = DataCategory | 'none';

// --- registry -------------------------------------------------------------------------------

/**
 * One entry per exported schema: its leaf paths (relative to the schema) listed under their
 * classification, and `include` for a part that is another exported schema reused whole (the
 * part's paths get that schema's classifications, so a reused shape is classified once and the
 * same everywhere; `''` includes at the root, for a schema that extends another).
 */
type RegistryEntry = { readonly [C in Classification]?: readonly string[] } & {
  readonly include?: Readonly<Record<string, string>>;
};

// biome-ignore format: one line per group of fields keeps the registry readable
const REGISTRY = {
  // --- aml.ts ---
  // Rule parameters and their bounds are typed leaves (amounts, integers, ratios, closed choices)
  // declared once in src/ports/aml.ts: none can hold data about a person, so their paths come
  // from that declaration rather than being listed here a second time.
  AmlRuleParameters: { none: AML_PARAMETER_PATHS },
  AmlRuleParameterChanges: { none: AML_PARAMETER_PATHS },
  AmlRuleBounds: { none: AML_BOUND_PATHS },
  AmlParameterChange: { none: ['path', 'from', 'to'] },
  // `note` explains a parameter change to the approver; it is about the rules, not about a
  // transfer or a person (officers are told to name nobody in it).
  AmlRuleSetRequest: { none: ['jurisdiction', 'note'], include: { parameters: 'AmlRuleParameterChanges' } },
  AmlRuleSet: {
    // `proposedBy`, `activatedBy`: staff user ids.
    none: [
      'id', 'object', 'jurisdiction', 'version', 'status', 'note', 'proposedBy', 'proposedAt', 'shadowFrom',
      'activatedBy', 'activatedAt', 'retiredAt',
    ],
    include: { parameters: 'AmlRuleParameters', 'changesFromActive[]': 'AmlParameterChange' },
  },
  AmlRuleSetList: { none: ['object'], include: { 'data[]': 'AmlRuleSet' } },
  AmlRuleSetQuery: { none: ['jurisdiction', 'status'] },
  AmlRuleSetIdParam: { none: ['id'] },
  AmlJurisdictionParam: { none: ['code'] },
  AmlJurisdictionRules: {
    none: [
      'object', 'jurisdiction', 'currency', 'active.ruleSetId', 'active.version', 'active.activatedBy',
      'active.activatedAt', 'holdPolicy.timeoutHours', 'holdPolicy.onTimeout', 'sanctionsLists[]',
      'fatf.dataAsOf',
    ],
    include: {
      'active.parameters': 'AmlRuleParameters',
      shadow: 'AmlRuleSet',
      defaults: 'AmlRuleParameters',
      bounds: 'AmlRuleBounds',
    },
  },
  // A simulation or shadow report names transfers by id, with decisions, scores and reason codes.
  AmlDecisionChange: {
    none: ['transferId', 'createdAt', 'before', 'after', 'scoreBefore', 'scoreAfter', 'reasonsGained[]', 'reasonsLost[]'],
  },
  AmlSimulationRequest: { none: ['days'] },
  AmlSimulation: {
    none: [
      'object', 'ruleSetId', 'jurisdiction', 'version', 'days', 'from', 'to', 'replayed', 'skipped',
      'before.clear', 'before.review', 'before.reject', 'after.clear', 'after.review', 'after.reject',
      'changedCount', 'truncated',
    ],
    include: { 'changed[]': 'AmlDecisionChange' },
  },
  AmlShadowReport: {
    none: [
      'object', 'ruleSetId', 'jurisdiction', 'version', 'status', 'since', 'compared', 'live.clear',
      'live.review', 'live.reject', 'shadow.clear', 'shadow.review', 'shadow.reject', 'differingCount',
    ],
    include: { 'differing[]': 'AmlDecisionChange' },
  },
  BeneficiaryParam: { none: ['subjectId'] },
  // A life certificate's dates and a date of death are facts of the person's entitlement to a
  // benefit (alive on a day, entitlement ended, a survivor's benefit beginning): classified with
  // the benefit information, a special category here, so that they serve the benefit purpose only
  // and are not disclosed with the birth date (which AML screening may send to a partner).
  LifeCertificateRequest: { benefit_information: ['issuedOn', 'validUntil'] },
  LifeCertificate: {
    // `dataSubjectId`: pseudonymous, like every `ds_…` id; `recordedBy`: a staff user id.
    none: ['id', 'object', 'dataSubjectId', 'recordedBy', 'createdAt'],
    benefit_information: ['issuedOn', 'validUntil'],
  },
  DeathReportRequest: { benefit_information: ['dateOfDeath'] },
  DeathReport: {
    none: ['id', 'object', 'dataSubjectId', 'recordedBy', 'createdAt'],
    benefit_information: ['dateOfDeath'],
  },

  // --- common.ts ---
  PaginationQuery: { none: ['limit', 'starting_after'] },
  Problem: {
    // `*`: RFC 9457 extension members; problems never carry personal data (redaction layer).
    none: [
      'type', 'title', 'status', 'code', 'detail', 'instance', 'requestId', 'errors[].path',
      'errors[].message', 'errors[].code', '*',
    ],
  },

  // --- compliance.ts: the review queue ---
  // Ids, statuses, list data and staff user ids. An officer's reason or note is written about a
  // transfer and may point at its person indirectly (like a transfer's reference): transaction data,
  // shown to compliance roles and auditors, never put in audit events or logs.
  CaseIdParam: { none: ['id'] },
  SuppressionIdParam: { none: ['id'] },
  CaseListQuery: { none: ['status', 'priority', 'limit', 'starting_after'] },
  SuppressionQuery: { none: ['partyKey', 'active', 'limit'] },
  ReleaseRequest: { transaction: ['reason'] },
  ApproveReleaseRequest: { transaction: ['note'] },
  DeclineReleaseRequest: { transaction: ['reason'] },
  RejectRequest: { transaction: ['reason'] },
  SuppressionRequest: { none: ['entityId', 'partyKey', 'expiresAt'], transaction: ['reason'] },
  // A partner agency is an organisation, not a person.
  CaseInstitution: { none: ['partnerId', 'jurisdiction', 'name'] },
  // The screened name's tokens: shown only to a role that may see the person's name.
  CaseParty: {
    name: ['queryTokens[]'],
    include: { screening: 'ScreeningResult', person: 'InsuredPersonView', institution: 'CaseInstitution' },
  },
  CaseAmlDecision: {
    none: ['id', 'decision', 'score', 'ruleSetId', 'ruleSetVersion', 'decidedAt'],
    include: { 'reasons[]': 'AmlReason', 'listVersions[]': 'ListVersionRef' },
  },
  CaseDecisionEntry: { none: ['action', 'actor', 'at'], transaction: ['reason'] },
  CaseEvent: { none: ['id', 'at', 'actor', 'action', 'subjectType', 'subjectId', 'fromState', 'toState'] },
  CaseTransferSummary: {
    none: [
      'id', 'state', 'purpose', 'partnerJurisdiction', 'sourceJurisdiction', 'targetJurisdiction',
      'sourceCurrency', 'targetCurrency', 'sourceAmount', 'targetAmount', 'createdAt',
    ],
  },
  CaseSummary: {
    none: [
      'id', 'object', 'kind', 'status', 'priority', 'openedAt', 'holdExpiresAt', 'escalatedAt', 'subjectId',
      'topScore', 'reasonCodes[]', 'releaseRequestedBy',
    ],
    include: { transfer: 'CaseTransferSummary' },
  },
  CaseList: { none: ['object', 'has_more'], include: { 'data[]': 'CaseSummary' } },
  ComplianceCase: {
    none: [
      'id', 'object', 'kind', 'status', 'priority', 'openedAt', 'holdExpiresAt', 'escalatedAt', 'subjectId',
      'runId', 'releaseRequest.by', 'releaseRequest.at', 'decision.by', 'decision.at', 'suppressionIds[]',
    ],
    transaction: ['releaseRequest.reason', 'decision.reason'],
    include: {
      'decisions[]': 'CaseDecisionEntry',
      transfer: 'Transfer',
      'parties[]': 'CaseParty',
      aml: 'CaseAmlDecision',
      'listVersions[]': 'ListVersionRef',
      'history[]': 'CaseEvent',
    },
  },
  Suppression: {
    // `partyKey`: a pseudonymous `ds_…` id or a partner agency; `entityId`: a public list entry.
    none: [
      'id', 'object', 'partyKey', 'entityId', 'entrySha256', 'caseId', 'createdBy', 'createdAt', 'expiresAt',
      'revokedAt', 'revokedBy', 'status',
    ],
    transaction: ['reason'],
  },
  SuppressionList: { none: ['object'], include: { 'data[]': 'Suppression' } },
  SuspiciousActivityReport: {
    none: [
      'object', 'generatedAt', 'generatedBy', 'reportingEntity.name', 'reportingEntity.jurisdiction', 'case.id',
      'case.kind', 'case.status', 'case.priority', 'case.openedAt', 'case.holdExpiresAt', 'case.escalatedAt',
      'case.subjectId', 'case.runId', 'ruleSetVersion',
    ],
    include: {
      transfer: 'Transfer',
      'parties[]': 'CaseParty',
      aml: 'CaseAmlDecision',
      'listVersions[]': 'ListVersionRef',
      'decisions[]': 'CaseDecisionEntry',
      'timeline[]': 'CaseEvent',
    },
  },

  // --- fx.ts ---
  ReferenceRateQuery: { none: ['base', 'quote', 'date'] },
  ReferenceRateView: {
    none: [
      'object', 'base', 'quote', 'rate', 'source', 'asOf', 'ageTargetDays', 'basis.basePerEur',
      'basis.quotePerEur',
    ],
  },
  FxStatus: {
    none: [
      'object', 'status', 'newestRateDate', 'newestSource', 'oldestRateDate', 'days', 'ageTargetDays',
      'maxRateAgeTargetDays', 'imports[].id', 'imports[].source', 'imports[].trigger', 'imports[].origin',
      'imports[].status', 'imports[].firstDate', 'imports[].lastDate', 'imports[].days', 'imports[].rates',
      'imports[].inserted', 'imports[].revised', 'imports[].errorCode', 'imports[].error',
      'imports[].createdAt',
    ],
  },
  ManualRateRequest: {
    // `reference` describes the rate ("PBoC central parity …"), never a person.
    none: ['corridor', 'base', 'quote', 'rate', 'validFrom', 'validUntil', 'reference'],
  },
  ManualRate: {
    // `setBy`, `revokedBy`: staff user ids, not data of an insured person.
    none: [
      'id', 'object', 'corridor', 'version', 'base', 'quote', 'rate', 'validFrom', 'validUntil', 'reference',
      'setBy', 'createdAt', 'revokedAt', 'revokedBy',
    ],
  },
  ManualRateList: { none: ['object'], include: { 'data[]': 'ManualRate' } },
  ManualRateQuery: { none: ['corridor', 'active', 'limit'] },
  ManualRateParams: { none: ['id'] },

  // --- health.ts ---
  Health: { none: ['status', 'version'] },
  Readiness: {
    none: [
      'status', 'checks.database.status', 'checks.database.kind', 'checks.database.latencyMs',
      'checks.migrations.status', 'checks.migrations.applied', 'checks.migrations.expected',
      'checks.migrations.pending[]', 'checks.fxRates.status', 'checks.fxRates.newestRateDate',
      'checks.fxRates.source', 'checks.fxRates.ageTargetDays', 'checks.fxRates.maxRateAgeTargetDays',
      'checks.fxRates.lastRefresh.at', 'checks.fxRates.lastRefresh.status',
      'checks.fxRates.lastRefresh.errorCode', 'checks.fxRates.lastRefresh.error',
    ],
  },

  // --- jurisdictions.ts ---
  CorridorView: {
    none: [
      'id', 'pair', 'purpose', 'sourceJurisdiction', 'targetJurisdiction', 'sourceCurrency', 'targetCurrency',
      'spreadBps', 'fees.fixed', 'fees.percentBps', 'fees.currency', 'limits.min', 'limits.max',
      'limits.currency', 'rounding', 'quoteTtlSeconds', 'chargeBearer', 'rateSource', 'maxRateAgeTargetDays',
      'manualRates.allowed', 'manualRates.maxDeviationBps', 'manualRates.maxValidityHours',
    ],
  },
  Jurisdiction: {
    none: [
      'code', 'object', 'name', 'kind', 'currency', 'version', 'timeZone', 'languages[]',
      'capabilities.purposes[]', 'capabilities.identifiers[].id', 'capabilities.identifiers[].name',
      'capabilities.identifiers[].kind', 'capabilities.identifiers[].personal',
      'capabilities.settlement.rail', 'capabilities.settlement.message', 'capabilities.settlement.cutOff',
      'capabilities.settlement.settlementDays', 'capabilities.settlement.calendar.id',
      'capabilities.settlement.calendar.name', 'capabilities.settlement.calendar.coveredYears.from',
      'capabilities.settlement.calendar.coveredYears.to', 'capabilities.settlement.calendar.source',
      'capabilities.privacy.regime', 'capabilities.privacy.outboundTransfer.mechanism',
      'capabilities.privacy.outboundTransfer.reference', 'capabilities.signing.schemes[]',
      'capabilities.signing.algorithms[]', 'capabilities.fx.referenceSource',
      'capabilities.fx.maxRateAgeTargetDays', 'capabilities.fx.manualRatesAllowed',
    ],
    include: { 'corridors[]': 'CorridorView' },
  },
  JurisdictionList: { none: ['object'], include: { 'data[]': 'Jurisdiction' } },
  JurisdictionParams: { none: ['code'] },
  IdentifierValidationRequest: {
    // The value may be a person's identifier: never stored nor logged, classified as the most
    // protected thing it can be. The scheme alone names a kind of identifier, not a person.
    national_identifier: ['value'],
    none: ['scheme'],
  },
  IdentifierValidation: { none: ['object', 'scheme', 'valid', 'rule', 'message'] },
  // A creditor reference identifies a payment and, like a transfer's reference, may point at a
  // person indirectly (a contribution account): transaction data.
  CreditorReferenceRequest: { transaction: ['base'] },
  CreditorReference: { none: ['object'], transaction: ['reference', 'formatted'] },

  // --- ledger.ts ---
  Balance: { none: ['account', 'kind', 'jurisdiction', 'currency', 'posted', 'pending'] },
  BalanceList: { none: ['object', 'asOf'], include: { 'data[]': 'Balance' } },
  BalanceQuery: { none: ['currency'] },
  LedgerCheck: {
    none: [
      'balanced', 'journalsChecked', 'unbalanced[].journalId', 'unbalanced[].currency', 'unbalanced[].sum',
      'totals[].currency', 'totals[].sum', 'checkedAt',
    ],
  },

  // --- partners.ts: partner agencies are organisations; keys, certificates and URLs are theirs ---
  PartnerIdParam: { none: ['id'] },
  PartnerKeyParams: { none: ['id', 'kid'] },
  PartnerRequest: { none: ['id', 'jurisdiction', 'name', 'callbackUrl'] },
  PartnerKeyRequest: { none: ['key', 'kid', 'activatesAt'] },
  RetireKeyRequest: { none: ['at'] },
  PartnerKey: {
    none: [
      'kid', 'family', 'state', 'activatesAt', 'retiredAt', 'publicJwk{key}', 'publicJwk{}',
      'certificate.serial', 'certificate.issuer', 'certificate.subject', 'certificate.notBefore',
      'certificate.notAfter', 'createdAt',
    ],
  },
  Partner: {
    none: ['id', 'object', 'name', 'jurisdiction', 'status', 'callbackUrl', 'createdAt'],
    include: { 'keys[]': 'PartnerKey' },
  },
  PartnerList: { none: ['object'], include: { 'data[]': 'Partner' } },
  PartnerKeyList: { none: ['object'], include: { 'data[]': 'PartnerKey' } },
  TrustAnchorRequest: { none: ['jurisdiction', 'certificate'] },
  CrlRequest: { none: ['crl'] },
  TrustAnchor: {
    none: [
      'id', 'jurisdiction', 'subject', 'fingerprintSha256', 'notAfter', 'crl.thisUpdate', 'crl.nextUpdate',
      'crl.revoked',
    ],
  },
  TrustAnchorList: { none: ['object'], include: { 'data[]': 'TrustAnchor' } },
  CallbackQuery: { none: ['status'], include: { '': 'PaginationQuery' } },
  CallbackIdParam: { none: ['id'] },
  Callback: {
    // Callbacks carry no personal data: `subjectId` is the id of the transfer the event is about.
    none: [
      'id', 'object', 'partnerId', 'type', 'subjectId', 'status', 'attempts', 'nextAttemptAt',
      'lastAttemptAt', 'lastStatus', 'lastError', 'deliveredAt', 'createdAt',
    ],
  },
  CallbackList: { none: ['object', 'has_more'], include: { 'data[]': 'Callback' } },
  Jwks: { none: ['keys[]{key}', 'keys[]{}'] },
  VerifiedMessageIdParam: { none: ['id'] },
  VerifiedMessage: {
    none: [
      'id', 'object', 'partnerId', 'kid', 'keyState', 'scheme', 'algorithm', 'method', 'targetUri',
      'signatureInput', 'signature', 'contentDigest', 'signedAt', 'verifiedAt', 'certificate.serial',
      'certificate.issuer', 'requestId', 'reverified',
    ],
  },

  // --- privacy.ts: the insured person ---
  NationalIdentifier: {
    // The scheme travels with the value (it tells which country's register the number is in).
    national_identifier: ['scheme', 'value'],
  },
  PersonName: { name: ['given', 'family', 'original'] },
  PostalAddress: { address: ['lines[]', 'postalCode', 'city', 'country'] },
  ContactDetails: { contact: ['email', 'phone'] },
  BankAccount: { bank_account: ['iban', 'accountNumber', 'bic'] },
  // Special categories (GDPR Art. 9, PIPL Art. 28): a benefit reveals invalidity, widowhood, age…
  BenefitInformation: { benefit_information: ['type', 'period'] },
  HealthInformation: { health_information: ['incapacityPercent'] },
  InsuredPerson: {
    birth_date: ['birthDate'],
    // The language letters are written in: how to contact the person.
    contact: ['preferredLanguage'],
    include: {
      nationalIdentifier: 'NationalIdentifier',
      name: 'PersonName',
      address: 'PostalAddress',
      contact: 'ContactDetails',
      bankAccount: 'BankAccount',
      benefit: 'BenefitInformation',
      health: 'HealthInformation',
    },
  },
  InsuredPersonView: {
    // `dataSubjectId` is pseudonymous (a random `ds_…` id), not a direct identifier.
    none: ['dataSubjectId', 'disclosedCategories[]'],
    // The person's own fields, every one optional: classified as in InsuredPerson.
    include: { '': 'InsuredPerson' },
  },
  LegalBasis: { none: ['from', 'to', 'regime', 'mechanism', 'article', 'reference'] },

  // --- privacy.ts: the operator API ---
  DataSubjectIdParam: { none: ['id'] },
  ConsentParams: { none: ['id', 'consentId'] },
  SubjectSearchRequest: { include: { nationalIdentifier: 'NationalIdentifier' } },
  Consent: {
    // `dataSubjectId`: pseudonymous, like every `ds_…` id; `recordedBy`: a staff user id.
    none: [
      'id', 'object', 'dataSubjectId', 'purpose', 'kind', 'textVersion', 'givenAt', 'channel', 'recordedBy',
      'withdrawnAt', 'withdrawalChannel',
    ],
  },
  ConsentRequest: {
    none: ['purpose', 'kind', 'textVersion', 'givenAt', 'channel'],
    include: { nationalIdentifier: 'NationalIdentifier' },
  },
  ConsentWithdrawalRequest: { none: ['channel'] },
  DataSubject: {
    // `id` and the keyed pseudonyms are pseudonymous identifiers, not direct ones (GDPR Art. 4(5)):
    // without the pseudonym key and the subject's data key they do not single out a person.
    none: [
      'id', 'object', 'jurisdiction', 'pseudonyms.aml', 'pseudonyms.audit', 'heldCategories[]',
      'relationshipEndedAt', 'restriction.since', 'restriction.ground', 'restriction.until', 'erasedAt',
      'createdAt', 'updatedAt',
    ],
    include: { person: 'InsuredPersonView', 'consents[]': 'Consent' },
  },
  RectificationRequest: {
    // `reason`: the officer's explanation, kept in the audit trail; not a field of the person.
    none: ['reason'],
    birth_date: ['birthDate'],
    contact: ['preferredLanguage'],
    include: {
      nationalIdentifier: 'NationalIdentifier',
      name: 'PersonName',
      address: 'PostalAddress',
      contact: 'ContactDetails',
      bankAccount: 'BankAccount',
      benefit: 'BenefitInformation',
      health: 'HealthInformation',
    },
  },
  RelationshipEndRequest: { none: ['endedAt'] },
  ErasureRequest: { none: ['channel', 'receivedAt'] },
  ErasureOutcome: {
    none: [
      'object', 'dataSubjectId', 'outcome', 'explanation', 'legalGround', 'retainedUntil',
      'complaint.authority', 'complaint.url', 'complaint.article',
    ],
  },
  PurgeRun: {
    none: [
      'id', 'object', 'startedAt', 'finishedAt', 'trigger', 'subjectsExamined', 'subjectsShredded',
      'purged[].jurisdiction', 'purged[].category', 'purged[].subjects',
    ],
  },
  PurgeRunList: { none: ['object'], include: { 'data[]': 'PurgeRun' } },
  RewrapReport: { none: ['object', 'currentKeyId', 'rewrapped', 'remaining'] },
  RewrapRequest: { none: ['limit'] },
  ExportQuery: { none: ['format', 'lang'] },
  RecordsOfProcessing: {
    none: [
      'object', 'generatedAt', 'controller.jurisdiction', 'controller.name', 'records[].jurisdiction',
      'records[].purpose', 'records[].description', 'records[].dataSubjects', 'records[].categories[]',
      'records[].specialCategories[]', 'records[].recipients[].recipient',
      'records[].recipients[].categories[]', 'records[].thirdCountryTransfer.regime',
      'records[].thirdCountryTransfer.mechanism', 'records[].thirdCountryTransfer.article',
      'records[].thirdCountryTransfer.reference', 'records[].consent.kind', 'records[].consent.textVersion',
      'records[].retention[].category', 'records[].retention[].years', 'records[].amlRetentionYears',
      'records[].securityMeasures[]',
    ],
  },
  DisclosureRecord: { none: ['jurisdiction', 'recipient', 'purpose', 'categories[]'] },
  SubjectExport: {
    none: [
      'object', 'generatedAt', 'dataSubjectId', 'jurisdiction', 'controller.name', 'controller.jurisdiction',
      'heldCategories[]', 'transfers[].id', 'transfers[].purpose', 'transfers[].state',
      'transfers[].partnerJurisdiction', 'transfers[].sourceAmount', 'transfers[].sourceCurrency',
      'transfers[].targetAmount', 'transfers[].targetCurrency', 'transfers[].createdAt',
      'retention[].category', 'retention[].years', 'amlRetentionYears', 'relationshipEndedAt',
      'restriction.since', 'restriction.ground', 'restriction.until', 'complaint.authority', 'complaint.url',
      'complaint.article',
    ],
    include: {
      person: 'InsuredPerson',
      'transfers[].legalBases[]': 'LegalBasis',
      'consents[]': 'Consent',
      'disclosures[]': 'DisclosureRecord',
    },
  },

  // --- quotes.ts ---
  QuoteRequest: {
    none: [
      'purpose', 'partnerJurisdiction', 'sourceCurrency', 'targetCurrency', 'sourceAmount', 'targetAmount',
    ],
  },
  FeeLine: { none: ['type', 'bps', 'amount', 'currency'] },
  Quote: {
    none: [
      'id', 'object', 'purpose', 'partnerJurisdiction', 'sourceJurisdiction', 'targetJurisdiction',
      'sourceCurrency', 'targetCurrency', 'sourceAmount', 'targetAmount', 'fixedSide', 'corridor',
      'rate.reference', 'rate.applied', 'rate.spreadBps', 'rate.source', 'rate.asOf', 'rate.ageTargetDays',
      'rate.basis.kind', 'rate.basis.basePerEur', 'rate.basis.quotePerEur', 'rate.basis.manualRateId',
      'rate.basis.version', 'rate.basis.reference', 'rate.basis.entered.base', 'rate.basis.entered.quote',
      'rate.basis.entered.rate', 'rate.basis.validFrom', 'rate.basis.validUntil', 'settlement.executionDate',
      'settlement.valueDate', 'settlement.cutOff', 'settlement.rail', 'totalFee', 'chargeBearer', 'rounding',
      'createdAt', 'expiresAt',
    ],
    include: { 'fees[]': 'FeeLine' },
  },

  // --- sanctions.ts ---
  // Metadata of public sanctions lists (hashes, times, counts, file names or publisher URLs): no
  // entry and nothing about a person.
  SanctionsListVersion: {
    none: [
      'object', 'source', 'versionId', 'sha256', 'publishedAt', 'importedAt', 'trigger', 'origin', 'entryCount',
      'nameCount', 'added', 'changed', 'removed',
    ],
  },
  SanctionsLists: { none: ['object', 'missing[]'], include: { 'data[]': 'SanctionsListVersion' } },
  SanctionsImport: {
    none: [
      'id', 'object', 'source', 'trigger', 'origin', 'status', 'sha256', 'versionId', 'errorCode', 'error', 'createdAt',
    ],
  },
  SanctionsImports: { none: ['object'], include: { 'data[]': 'SanctionsImport' } },
  SanctionsImportQuery: { none: ['source', 'limit'] },
  // --- screening.ts ---
  // The screened name, birth date and country are the caller's data about a person; hits are
  // public sanctions-list data (names of listed entries), not data about the gateway's users.
  ScreeningSearchRequest: { name: ['name'], birth_date: ['birthDate'], address: ['country'], none: ['type', 'limit'] },
  ListVersionRef: { none: ['source', 'versionId', 'sha256', 'importedAt'] },
  Thresholds: { none: ['review', 'block'] },
  TokenMatch: { none: ['listToken', 'queryToken', 'score', 'how'] },
  HitExplanation: {
    none: [
      'matchedNameKind', 'matchedNameQuality', 'extraQueryTokens[]', 'nameScore', 'qualifiers[].qualifier',
      'qualifiers[].effect', 'qualifiers[].detail', 'script',
    ],
    include: { 'tokens[]': 'TokenMatch' },
  },
  ScreeningHit: {
    none: ['entityId', 'source', 'entryId', 'type', 'name', 'matchedName', 'score', 'suppressionId'],
    include: { explanation: 'HitExplanation' },
  },
  // The query's normalised tokens go back to the officer who sent them, nowhere else.
  ScreeningSearchResult: {
    name: ['queryTokens[]'],
    none: ['object'],
    include: { 'hits[]': 'ScreeningHit', 'listVersions[]': 'ListVersionRef', thresholds: 'Thresholds' },
  },
  ScreeningResult: {
    none: [
      'id', 'partyRole', 'partyType', 'partyKey', 'outcome', 'topScore', 'listVersions[].source',
      'listVersions[].versionId', 'listVersions[].sha256', 'listVersions[].importedAt', 'listVersions[].missing',
      'createdAt',
    ],
    include: { thresholds: 'Thresholds', 'hits[]': 'ScreeningHit' },
  },
  // Reasons carry amounts, counts, windows and codes only (never a name or an account).
  AmlReason: { transaction: ['details{}'], none: ['code', 'rule', 'score', 'action', 'details{key}'] },
  TransferCompliance: {
    none: [
      'object', 'transferId', 'partnerJurisdiction', 'decision', 'score', 'ruleSetVersion', 'decidedAt',
      'shadow[].ruleSetVersion', 'shadow[].decision', 'shadow[].score',
    ],
    include: {
      'reasons[]': 'AmlReason',
      'listVersions[]': 'ListVersionRef',
      'screening[]': 'ScreeningResult',
      'shadow[].reasons[]': 'AmlReason',
    },
  },

  // --- transfers.ts ---
  // A transfer's `reference` is the partner's free text carried to the rail (ISO 20022
  // EndToEndId): it may point at a person indirectly, so it is transaction data.
  TransferRequest: {
    none: ['quoteId'],
    transaction: ['reference'],
    include: { insuredPerson: 'InsuredPerson' },
  },
  IdempotencyHeaders: { none: ['idempotency-key'] },
  Transfer: {
    none: [
      'id', 'object', 'state', 'quoteId', 'purpose', 'partnerJurisdiction', 'sourceJurisdiction',
      'targetJurisdiction', 'sourceCurrency', 'targetCurrency', 'sourceAmount', 'targetAmount', 'totalFee',
      'appliedRate', 'ledger.journalId', 'ledger.phase', 'createdAt', 'updatedAt',
    ],
    transaction: ['reference'],
    include: { insuredPerson: 'InsuredPersonView', 'legalBases[]': 'LegalBasis' },
  },
  TransferList: { none: ['object', 'has_more'], include: { 'data[]': 'Transfer' } },
  TransferIdParam: { none: ['id'] },
} satisfies Record<string, RegistryEntry>;

/** Joins a path below `prefix`: `('keys[]', 'kid')` → `keys[].kid`, `('data', '[]')` → `data[]`. */
function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') || path.startsWith('{') ? `${prefix}${path}` : `${prefix}.${path}`;
}

function flatten(registry: Readonly<Record<string, RegistryEntry>>): Map<string, Classification> {
  const resolved = new Map<string, Map<string, Classification>>();
  const resolving: string[] = [];

  const resolve = (schemaName: string): Map<string, Classification> => {
    const done = resolved.get(schemaName);
    if (done) return done;
    const entry = registry[schemaName];
    if (!entry) throw new Error(`privacy classification: include of "${schemaName}", which has no entry`);
    if (resolving.includes(schemaName)) {
      throw new Error(`privacy classification: include cycle ${[...resolving, schemaName].join(' → ')}`);
    }
    resolving.push(schemaName);
    const fields = new Map<string, Classification>();
    const add = (path: string, classification: Classification) => {
      const previous = fields.get(path);
      if (previous !== undefined) {
        throw new Error(
          `privacy classification: ${joinPath(schemaName, path)} is classified twice (${previous}, ${classification})`,
        );
      }
      fields.set(path, classification);
    };
    for (const classification of [...DATA_CATEGORIES, 'none'] as const) {
      for (const path of entry[classification] ?? []) add(path, classification);
    }
    for (const [prefix, included] of Object.entries(entry.include ?? {})) {
      for (const [path, classification] of resolve(included)) add(joinPath(prefix, path), classification);
    }
    resolving.pop();
    resolved.set(schemaName, fields);
    return fields;
  };

  const flat = new Map<string, Classification>();
  for (const schemaName of Object.keys(registry)) {
    for (const [path, classification] of resolve(schemaName)) {
      flat.set(path === '' ? schemaName : joinPath(schemaName, path), classification);
    }
  }
  return flat;
}

/** Every classified field, `<SchemaName>.<path>` → its data category or `'none'`. */
export const CLASSIFIED_FIELDS: ReadonlyMap<string, Classification> = flatten(REGISTRY);

/** The classification of a field (`'InsuredPerson.name.given'` → `'name'`); undefined when unknown. */
export function classificationOf(path: string): Classification | undefined {
  return CLASSIFIED_FIELDS.get(path);
}

/** The names of the schemas the registry classifies. */
export const CLASSIFIED_SCHEMAS: readonly string[] = Object.keys(REGISTRY);

export function isSpecialCategory(classification: Classification): boolean {
  return classification !== 'none' && SPECIAL_CATEGORIES.includes(classification);
}

function belongsTo(path: string, schemaName: string): boolean {
  if (!path.startsWith(schemaName)) return false;
  const next = path[schemaName.length];
  return next === undefined || next === '.' || next === '[' || next === '{';
}

/** The personal (not `'none'`) fields of one schema, as full registry paths, in registry order. */
export function personalFieldPaths(schemaName: string): string[] {
  return [...CLASSIFIED_FIELDS]
    .filter(([path, classification]) => classification !== 'none' && belongsTo(path, schemaName))
    .map(([path]) => path);
}

/**
 * The data category of each part of an insured person: what stripping a category removes.
 * The registry says the same field by field (a test holds the two together).
 */
export const INSURED_PERSON_CATEGORIES: Readonly<Record<keyof InsuredPerson, DataCategory>> = {
  nationalIdentifier: 'national_identifier',
  name: 'name',
  birthDate: 'birth_date',
  address: 'address',
  contact: 'contact',
  bankAccount: 'bank_account',
  benefit: 'benefit_information',
  health: 'health_information',
  preferredLanguage: 'contact',
};

/** The data category of a top-level key of `InsuredPerson`; undefined for any other key. */
export function categoryOfInsuredPersonField(key: string): DataCategory | undefined {
  return Object.hasOwn(INSURED_PERSON_CATEGORIES, key)
    ? INSURED_PERSON_CATEGORIES[key as keyof InsuredPerson]
    : undefined;
}

// --- walker -----------------------------------------------------------------------------------

const PLAIN_KEY = /^[^.[\]{}*"]+$/;

function joinKey(base: string, key: string): string {
  const segment = PLAIN_KEY.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (segment.startsWith('[')) return `${base}${segment}`;
  return base === '' ? segment : `${base}.${segment}`;
}

/** Keys drawn from a closed set of names (an enum or literals) are not data; free-text keys are. */
function hasClosedKeys(key: z.core.$ZodType): boolean {
  const type = key._zod.def.type;
  if (type === 'enum' || type === 'literal') return true;
  if (key instanceof z.ZodUnion) return key.options.every((option) => hasClosedKeys(option));
  return false;
}

/** Called for every schema the walker meets, with its path (wrappers share their inner's path). */
export type SchemaVisitor = (path: string, schema: z.core.$ZodType) => void;

interface Walk {
  readonly ancestors: Set<z.core.$ZodType>;
  readonly out: Set<string>;
  readonly visit: SchemaVisitor | undefined;
}

function walk(schema: z.core.$ZodType, path: string, state: Walk): void {
  state.visit?.(path, schema);
  // A schema that contains itself (through `z.lazy` or a getter): the recursive part is one field.
  if (state.ancestors.has(schema)) {
    state.out.add(path);
    return;
  }
  state.ancestors.add(schema);
  try {
    walkInner(schema, path, state);
  } finally {
    state.ancestors.delete(schema);
  }
}

function walkInner(schema: z.core.$ZodType, path: string, state: Walk): void {
  const { out } = state;
  const recurse = (inner: z.core.$ZodType, innerPath: string) => walk(inner, innerPath, state);

  if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape)) recurse(field, joinKey(path, key));
    const catchall = schema._zod.def.catchall;
    if (catchall !== undefined && catchall._zod.def.type !== 'never')
      recurse(catchall, path === '' ? '*' : `${path}.*`);
    return;
  }
  if (schema instanceof z.ZodArray) {
    recurse(schema.element, `${path}[]`);
    return;
  }
  if (schema instanceof z.ZodSet) {
    recurse(schema._zod.def.valueType, `${path}[]`);
    return;
  }
  if (schema instanceof z.ZodTuple) {
    const { items, rest } = schema._zod.def;
    for (const [index, item] of items.entries()) recurse(item, `${path}[${index}]`);
    if (rest !== null) recurse(rest, `${path}[]`);
    return;
  }
  if (schema instanceof z.ZodRecord || schema instanceof z.ZodMap) {
    const { keyType, valueType } = schema._zod.def;
    if (!hasClosedKeys(keyType)) out.add(`${path}{key}`);
    recurse(valueType, `${path}{}`);
    return;
  }
  // Unions (also discriminated unions and `z.xor`): the fields of every option.
  if (schema instanceof z.ZodUnion) {
    for (const option of schema.options) recurse(option, path);
    return;
  }
  if (schema instanceof z.ZodIntersection) {
    recurse(schema._zod.def.left, path);
    recurse(schema._zod.def.right, path);
    return;
  }
  // Pipes (also `.transform()`, `z.preprocess`, codecs): the fields of both ends that have a shape.
  if (schema instanceof z.ZodPipe) {
    const ends = [schema.in, schema.out].filter((end) => !(end instanceof z.ZodTransform));
    if (ends.length === 0) out.add(path);
    for (const end of ends) recurse(end, path);
    return;
  }
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodExactOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodNonOptional ||
    schema instanceof z.ZodCatch ||
    schema instanceof z.ZodReadonly ||
    schema instanceof z.ZodSuccess ||
    schema instanceof z.ZodPromise
  ) {
    recurse(schema.unwrap(), path);
    return;
  }
  if (schema instanceof z.ZodLazy) {
    recurse(schema._zod.innerType, path); // evaluated once and cached, unlike `unwrap()`
    return;
  }
  // Anything else holds a value, not fields: strings, numbers, enums, literals, unknown, custom…
  out.add(path);
}

/**
 * The leaf field paths of a zod v4 schema, relative to it (`['id', 'rate.basis.kind', 'lines[]']`),
 * through nested objects, arrays, wrappers (optional, nullable, default, catch, readonly, lazy…),
 * pipes, unions, intersections, tuples, records and catchall. A schema that is itself a single
 * value (a string, an enum) gives `['']`.
 */
export function schemaFieldPaths(schema: z.core.$ZodType, visit?: SchemaVisitor): string[] {
  const state: Walk = { ancestors: new Set(), out: new Set(), visit };
  walk(schema, '', state);
  return [...state.out];
}

/** The field paths of an exported schema as the registry names them: `Quote.rate.reference`. */
export function qualifiedFieldPaths(schemaName: string, schema: z.core.$ZodType): string[] {
  return schemaFieldPaths(schema).map((path) => joinPath(schemaName, path));
}
