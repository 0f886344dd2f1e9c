/**
 * Wire contracts for personal data: the insured person a transfer names, its projections, and the
 * operator API for data-subject rights, consent, retention and records of processing.
 *
 * Every field here is classified in `src/services/privacy/classification.ts`; a field without a
 * classification fails the tests.
 */
import { z } from '@hono/zod-openapi';
import { CONSENT_KINDS, PROCESSING_PURPOSES, RECIPIENTS } from '../src/ports/privacy.ts';
import { JurisdictionCode, Timestamp } from './common.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .openapi({ format: 'date', example: '1956-03-14' });

const Text = (max: number) => z.string().trim().min(1).max(max);

export const BENEFIT_TYPES = [
  'old_age_pension',
  'survivors_pension',
  'invalidity_pension',
  'orphans_pension',
  'lump_sum',
  'contribution_refund',
] as const;

export const INSURED_PERSON_LANGUAGES = ['en', 'de', 'fr', 'nl', 'it', 'zh', 'ja', 'ko'] as const;

export const NationalIdentifier = z
  .object({
    scheme: z.string().min(3).max(64).openapi({
      description:
        'An identifier scheme of a jurisdiction (`GET /v1/jurisdictions/{code}` lists them), of kind `person`.',
      example: 'de-rentenversicherungsnummer',
    }),
    value: Text(64).openapi({ example: '65170839J003' }),
  })
  .strict();

export const PersonName = z
  .object({
    given: Text(200).openapi({ example: 'Wei' }),
    family: Text(200).openapi({ example: 'Zhang' }),
    /** The name as written in its own script, when it is not Latin. */
    original: Text(200).optional().openapi({ example: '张伟' }),
  })
  .strict();

export const PostalAddress = z
  .object({
    lines: z.array(Text(140)).min(1).max(4),
    postalCode: Text(16).optional(),
    city: Text(100),
    country: JurisdictionCode,
  })
  .strict();

export const ContactDetails = z
  .object({
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9][0-9]{6,14}$/, 'an E.164 number such as "+4930123456"')
      .optional(),
  })
  .strict();

export const BankAccount = z
  .object({
    iban: z.string().min(15).max(34).optional().openapi({ example: 'DE89370400440532013000' }),
    accountNumber: z.string().min(4).max(34).optional().openapi({
      description: 'Where the country has no IBAN: the domestic account number.',
    }),
    bic: z
      .string()
      .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'a BIC of 8 or 11 characters')
      .optional()
      .openapi({ example: 'COBADEFFXXX' }),
  })
  .strict()
  .refine((account) => account.iban !== undefined || account.accountNumber !== undefined, {
    message: 'give an iban or an accountNumber',
  });

export const BenefitInformation = z
  .object({
    type: z.enum(BENEFIT_TYPES),
    /** The month the payment is for. */
    period: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
      .optional(),
  })
  .strict();

export const HealthInformation = z
  .object({
    /** Degree of reduced earning capacity behind an invalidity benefit, in percent. */
    incapacityPercent: z.number().int().min(0).max(100),
  })
  .strict();

export const InsuredPerson = z
  .object({
    nationalIdentifier: NationalIdentifier,
    name: PersonName,
    birthDate: IsoDate,
    address: PostalAddress.optional(),
    contact: ContactDetails.optional(),
    bankAccount: BankAccount.optional(),
    benefit: BenefitInformation.optional(),
    health: HealthInformation.optional(),
    preferredLanguage: z.enum(INSURED_PERSON_LANGUAGES).optional().openapi({
      description: 'Language of letters and of the access document (with English beside it).',
    }),
  })
  .strict()
  .openapi('InsuredPerson', {
    description:
      'The data subject of a transfer. Stored encrypted per person; only what the purpose allows ever leaves the gateway.',
  });
export type InsuredPerson = z.infer<typeof InsuredPerson>;

/** The same person as one reader may see it: every part is optional, absent when not disclosed. */
export const InsuredPersonView = z
  .object({
    dataSubjectId: z.string().openapi({ example: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
    disclosedCategories: z.array(z.string()).openapi({
      description: 'The data categories this reader may see; the other fields are left out.',
    }),
    nationalIdentifier: NationalIdentifier.optional(),
    name: PersonName.optional(),
    birthDate: IsoDate.optional(),
    address: PostalAddress.optional(),
    contact: ContactDetails.optional(),
    bankAccount: BankAccount.optional(),
    benefit: BenefitInformation.optional(),
    health: HealthInformation.optional(),
    preferredLanguage: z.enum(INSURED_PERSON_LANGUAGES).optional(),
  })
  .openapi('InsuredPersonView');
export type InsuredPersonView = z.infer<typeof InsuredPersonView>;

export const LegalBasis = z
  .object({
    from: JurisdictionCode,
    to: JurisdictionCode,
    regime: z.string().openapi({ example: 'GDPR' }),
    mechanism: z.string().openapi({ example: 'gdpr_public_authority_instrument' }),
    article: z.string().openapi({ example: 'GDPR Art. 46(2)(a)' }),
    reference: z.string(),
  })
  .openapi('LegalBasis', { description: 'The legal basis of one direction of a personal-data flow.' });
export type LegalBasis = z.infer<typeof LegalBasis>;

// --- operator API ---------------------------------------------------------------------------

export const DataSubjectIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const ConsentParams = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
  consentId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'consentId', in: 'path' }, example: 'cs_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const SubjectSearchRequest = z
  .object({ nationalIdentifier: NationalIdentifier })
  .strict()
  .openapi('SubjectSearchRequest');

const PURPOSES = PROCESSING_PURPOSES;
/** How a request or a consent reached the gateway. */
const Channel = z.enum(['paper_form', 'partner_agency', 'online', 'in_person']);

export const Consent = z
  .object({
    id: z.string(),
    object: z.literal('consent'),
    dataSubjectId: z.string().optional(),
    purpose: z.enum(PURPOSES),
    kind: z.enum(CONSENT_KINDS),
    textVersion: z.string(),
    givenAt: Timestamp,
    channel: z.string(),
    recordedBy: z.string(),
    withdrawnAt: Timestamp.nullable(),
    withdrawalChannel: z.string().nullable(),
  })
  .openapi('Consent');

export const ConsentRequest = z
  .object({
    nationalIdentifier: NationalIdentifier.openapi({
      description: 'Whose consent: the person is found (or recorded) by their national identifier.',
    }),
    purpose: z.enum(PURPOSES),
    kind: z.enum(CONSENT_KINDS),
    textVersion: z.string().min(1).max(64).openapi({ example: 'cn-cross-border-2026-01' }),
    givenAt: Timestamp.optional().openapi({ description: 'When the person consented; now when absent.' }),
    channel: Channel,
  })
  .strict()
  .openapi('ConsentRequest');

export const ConsentWithdrawalRequest = z
  .object({ channel: Channel })
  .strict()
  .openapi('ConsentWithdrawalRequest');

export const DataSubject = z
  .object({
    id: z.string(),
    object: z.literal('data_subject'),
    jurisdiction: JurisdictionCode,
    pseudonyms: z
      .object({ aml: z.string(), audit: z.string() })
      .openapi({ description: 'Keyed pseudonyms (HMAC-SHA-256, a key per domain).' }),
    person: InsuredPersonView.nullable().openapi({
      description: 'Null once the data key has been destroyed (erasure, retention).',
    }),
    heldCategories: z.array(z.string()),
    consents: z.array(Consent),
    relationshipEndedAt: Timestamp.nullable(),
    restriction: z.object({ since: Timestamp, ground: z.string(), until: Timestamp.nullable() }).nullable(),
    erasedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('DataSubject');
export type DataSubject = z.infer<typeof DataSubject>;

/** Rectification: the parts given replace the stored ones; `null` removes an optional part. */
export const RectificationRequest = z
  .object({
    nationalIdentifier: NationalIdentifier.optional(),
    name: PersonName.optional(),
    birthDate: IsoDate.optional(),
    address: PostalAddress.nullable().optional(),
    contact: ContactDetails.nullable().optional(),
    bankAccount: BankAccount.nullable().optional(),
    benefit: BenefitInformation.nullable().optional(),
    health: HealthInformation.nullable().optional(),
    preferredLanguage: z.enum(INSURED_PERSON_LANGUAGES).nullable().optional(),
    reason: Text(500).openapi({ description: 'Why the data was wrong (kept in the audit trail).' }),
  })
  .strict()
  .openapi('RectificationRequest');

export const RelationshipEndRequest = z
  .object({ endedAt: Timestamp.optional().openapi({ description: 'Now when absent.' }) })
  .strict()
  .openapi('RelationshipEndRequest');

export const ErasureRequest = z
  .object({
    channel: Channel,
    receivedAt: Timestamp.optional(),
  })
  .strict()
  .openapi('ErasureRequest');

export const ErasureOutcome = z
  .object({
    object: z.literal('erasure'),
    dataSubjectId: z.string(),
    outcome: z.enum(['erased', 'restricted']),
    explanation: z.string(),
    legalGround: z.string().nullable(),
    retainedUntil: Timestamp.nullable().openapi({
      description: 'When restricted: the day the retention obligation ends and the data is destroyed.',
    }),
    complaint: z
      .object({ authority: z.string(), url: z.string(), article: z.string() })
      .openapi({ description: 'Where the person can complain.' }),
  })
  .openapi('ErasureOutcome');

export const PurgeRun = z
  .object({
    id: z.string(),
    object: z.literal('purge_run'),
    startedAt: Timestamp,
    finishedAt: Timestamp,
    trigger: z.enum(['schedule', 'operator']),
    subjectsExamined: z.number().int(),
    subjectsShredded: z.number().int(),
    purged: z
      .array(z.object({ jurisdiction: JurisdictionCode, category: z.string(), subjects: z.number().int() }))
      .openapi({ description: 'Per jurisdiction and data category: how many people lost it.' }),
  })
  .openapi('PurgeRun');

export const PurgeRunList = z
  .object({ object: z.literal('list'), data: z.array(PurgeRun) })
  .openapi('PurgeRunList');

export const RewrapReport = z
  .object({
    object: z.literal('rewrap'),
    currentKeyId: z.string(),
    rewrapped: z.number().int(),
    remaining: z.number().int(),
  })
  .openapi('RewrapReport');

export const RewrapRequest = z
  .object({ limit: z.number().int().min(1).max(10_000).default(1_000) })
  .strict()
  .openapi('RewrapRequest');

export const ExportQuery = z
  .object({
    format: z.enum(['json', 'html']).default('json'),
    lang: z.enum(INSURED_PERSON_LANGUAGES).optional().openapi({
      description:
        'The document language besides English; the person’s preferred or country language when absent.',
    }),
  })
  .strict();

export const RecordsOfProcessing = z
  .object({
    object: z.literal('records_of_processing'),
    generatedAt: Timestamp,
    controller: z.object({ jurisdiction: JurisdictionCode, name: z.string() }),
    records: z.array(
      z.object({
        jurisdiction: JurisdictionCode,
        purpose: z.enum(PURPOSES),
        description: z.string(),
        dataSubjects: z.string(),
        categories: z.array(z.string()),
        specialCategories: z.array(z.string()),
        recipients: z.array(z.object({ recipient: z.string(), categories: z.array(z.string()) })),
        thirdCountryTransfer: z.object({
          regime: z.string(),
          mechanism: z.string(),
          article: z.string(),
          reference: z.string(),
        }),
        consent: z.object({ kind: z.string(), textVersion: z.string() }).nullable(),
        retention: z.array(z.object({ category: z.string(), years: z.number().int() })),
        amlRetentionYears: z.number().int(),
        securityMeasures: z.array(z.string()),
      }),
    ),
  })
  .openapi('RecordsOfProcessing');

export const DisclosureRecord = z.object({
  jurisdiction: JurisdictionCode,
  recipient: z.enum(RECIPIENTS),
  purpose: z.enum(PURPOSES),
  categories: z.array(z.string()),
});

/** Access (GDPR Art. 15, PIPL Art. 45): everything held about a person, machine-readable. */
export const SubjectExport = z
  .object({
    object: z.literal('subject_export'),
    generatedAt: Timestamp,
    dataSubjectId: z.string(),
    jurisdiction: JurisdictionCode,
    controller: z.object({ name: z.string(), jurisdiction: JurisdictionCode }),
    person: InsuredPerson.nullable().openapi({ description: 'Null when the data has been destroyed.' }),
    heldCategories: z.array(z.string()),
    transfers: z.array(
      z.object({
        id: z.string(),
        purpose: z.enum(PURPOSES),
        state: z.string(),
        partnerJurisdiction: JurisdictionCode,
        sourceAmount: z.string(),
        sourceCurrency: z.string(),
        targetAmount: z.string(),
        targetCurrency: z.string(),
        createdAt: Timestamp,
        legalBases: z.array(LegalBasis),
      }),
    ),
    consents: z.array(Consent),
    disclosures: z.array(DisclosureRecord).openapi({
      description: 'Who may receive which categories of the data, for which purpose (GDPR Art. 15(1)(c)).',
    }),
    retention: z.array(z.object({ category: z.string(), years: z.number().int() })),
    amlRetentionYears: z.number().int(),
    relationshipEndedAt: Timestamp.nullable(),
    restriction: z.object({ since: Timestamp, ground: z.string(), until: Timestamp.nullable() }).nullable(),
    complaint: z.object({ authority: z.string(), url: z.string(), article: z.string() }),
  })
  .openapi('SubjectExport');
export type SubjectExport = z.infer<typeof SubjectExport>;
