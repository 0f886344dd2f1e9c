/**
 * Privacy policy of a jurisdiction: its data-protection regime, the legal basis for sending
 * personal data out of it, which fields may leave for which purpose, and how long data is kept.
 */
import { z } from 'zod';

export const PROCESSING_PURPOSES = [
  'contribution_collection',
  'benefit_payment',
  'aml_screening',
  'life_certificate',
  'statistics',
] as const;
export type ProcessingPurpose = (typeof PROCESSING_PURPOSES)[number];

export const DATA_CATEGORIES = [
  'national_identifier',
  'name',
  'birth_date',
  'address',
  'contact',
  'bank_account',
  'benefit_information',
  'health_information',
  'transaction',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const PRIVACY_REGIMES = ['GDPR', 'PIPL', 'FADP', 'APPI', 'PIPA', 'PIPEDA', 'none'] as const;

/**
 * Transfer mechanisms: GDPR Art. 45 (adequacy), Art. 46(2)(c) (standard contractual clauses),
 * Art. 46(2)(a) (a binding instrument between public authorities, such as a social-security
 * agreement), Art. 49 (derogations); PIPL Art. 38 mechanisms and its contract-necessity exemption.
 */
export const TRANSFER_MECHANISMS = [
  'gdpr_adequacy',
  'gdpr_standard_contractual_clauses',
  'gdpr_public_authority_instrument',
  'gdpr_derogation',
  'pipl_standard_contract',
  'pipl_certification',
  'pipl_security_assessment',
  'pipl_contract_necessity',
  'national_law',
  'not_applicable',
] as const;

/** Data categories of special protection (GDPR Art. 9, PIPL Art. 28 sensitive information). */
export const SPECIAL_CATEGORIES: readonly DataCategory[] = ['benefit_information', 'health_information'];

/** Who receives data across the border: the partner agency itself, or the bank rail that settles. */
export const RECIPIENTS = ['partner_agency', 'settlement_rail'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

export const CONSENT_KINDS = ['gdpr_consent', 'pipl_separate_consent'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

const categoryList = z.array(z.enum(DATA_CATEGORIES));

export const privacyPolicySchema = z
  .object({
    regime: z.enum(PRIVACY_REGIMES),
    /** Legal basis under which personal data leaves this jurisdiction. */
    outboundTransfer: z
      .object({
        mechanism: z.enum(TRANSFER_MECHANISMS),
        /** The article, e.g. "GDPR Art. 46(2)(a)" or "PIPL Art. 38(1)(3)". */
        article: z.string().min(1).max(100),
        reference: z.string().min(1).max(300),
      })
      .strict(),
    /**
     * Data categories that may be sent, per purpose and recipient; anything not listed is stripped
     * before a byte leaves. A purpose absent here sends nothing.
     */
    disclosures: z.record(
      z.enum(PROCESSING_PURPOSES),
      z.object({ partner_agency: categoryList, settlement_rail: categoryList }).strict(),
    ),
    /** Purposes that need the person's consent, and the text version that must have been accepted. */
    consent: z
      .partialRecord(
        z.enum(PROCESSING_PURPOSES),
        z.object({ kind: z.enum(CONSENT_KINDS), textVersion: z.string().min(1).max(64) }).strict(),
      )
      .optional(),
    /** Where a person complains (named in a refused erasure): GDPR Art. 77, PIPL Art. 65. */
    supervisoryAuthority: z
      .object({ name: z.string().min(1).max(200), url: z.url(), article: z.string().min(1).max(100) })
      .strict(),
    /** Retention per data category, in years after the end of the relationship. */
    retentionYears: z.record(z.enum(DATA_CATEGORIES), z.number().int().min(0).max(100)),
    /**
     * Years after the end of the relationship during which AML records must be kept (EU AMLR
     * 2024/1624 Art. 77: five); erasure is refused and processing restricted until then.
     */
    amlRetentionYears: z.number().int().min(0).max(30),
  })
  .strict();

export type PrivacyPolicy = z.infer<typeof privacyPolicySchema>;
