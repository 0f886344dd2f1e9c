/** AML policy of a jurisdiction: thresholds, travel-rule fields, lists and high-risk countries. */
import { z } from 'zod';
import { decimalText } from './decimal-text.ts';

export const SANCTIONS_LISTS = ['ofac', 'un', 'eu', 'uk'] as const;

export const amlPolicySchema = z
  .object({
    /** A single transfer at or above this source amount is held for review. */
    reviewThreshold: decimalText,
    /** From this amount the travel-rule fields must accompany the transfer. */
    travelRuleThreshold: decimalText,
    travelRuleFields: z.array(z.string().min(1)),
    sanctionsLists: z.array(z.enum(SANCTIONS_LISTS)).min(1),
    /** ISO 3166-1 alpha-2 codes treated as high risk. */
    highRiskCountries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  })
  .strict();

export type AmlPolicy = z.infer<typeof amlPolicySchema>;
