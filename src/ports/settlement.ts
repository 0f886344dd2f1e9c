/** How money reaches its destination in a jurisdiction: rail, message, cut-off and calendar. */
import { z } from 'zod';

export const RAILS = [
  'sepa-credit-transfer',
  'cross-border-credit-transfer',
  'cnaps',
  'book-transfer',
] as const;
export const SETTLEMENT_MESSAGES = ['pain.001.001.10', 'pacs.008.001.09'] as const;

export const settlementPolicySchema = z
  .object({
    rail: z.enum(RAILS),
    message: z.enum(SETTLEMENT_MESSAGES),
    /** Latest local time at which a payment still settles the same business day. */
    cutOff: z
      .object({ time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/), timeZone: z.string().min(1) })
      .strict(),
    /** ISO weekdays the rail settles on (1 = Monday … 7 = Sunday). */
    businessDays: z.array(z.number().int().min(1).max(7)).min(1),
    /** Closing days of the rail (ISO dates), beyond weekends. */
    closingDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  })
  .strict();

export type SettlementPolicy = z.infer<typeof settlementPolicySchema>;
