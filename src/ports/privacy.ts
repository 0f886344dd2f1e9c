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

export const privacyPolicySchema = z
  .object({
    regime: z.enum(PRIVACY_REGIMES),
    /** Legal basis under which personal data leaves this jurisdiction. */
    outboundTransfer: z
      .object({ mechanism: z.enum(TRANSFER_MECHANISMS), reference: z.string().min(1).max(300) })
      .strict(),
    /** Data categories that may leave, per purpose; anything not listed is stripped. */
    allowedCategories: z.record(z.enum(PROCESSING_PURPOSES), z.array(z.enum(DATA_CATEGORIES))),
    /** Retention per data category, in years after the end of the relationship. */
    retentionYears: z.record(z.enum(DATA_CATEGORIES), z.number().int().min(0).max(100)),
  })
  .strict();

export type PrivacyPolicy = z.infer<typeof privacyPolicySchema>;
