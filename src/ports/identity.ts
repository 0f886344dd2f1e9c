/** Who a jurisdiction adapter is: country, currency, version and role in the gateway. */
import { z } from 'zod';

export const JURISDICTION_KINDS = ['home', 'partner', 'example'] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const jurisdictionIdentitySchema = z
  .object({
    /** ISO 3166-1 alpha-2; example adapters use a user-assigned code (XA–XZ, QM–QZ, AA, ZZ). */
    code: z.string().regex(/^[A-Z]{2}$/),
    name: z.string().min(1).max(120),
    /** ISO 4217 code of the currency contributions are paid and benefits are paid out in. */
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** Semantic version of the adapter; recorded with every decision it takes part in. */
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/),
    kind: z.enum(JURISDICTION_KINDS),
    /** IANA time zone of the jurisdiction's agency and rails. */
    timeZone: z.string().min(1),
    /** BCP 47 languages used for texts shown to people in this jurisdiction, first is default. */
    languages: z.array(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)).min(1),
  })
  .strict();

export type JurisdictionIdentity = z.infer<typeof jurisdictionIdentitySchema>;
