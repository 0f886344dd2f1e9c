/** How money reaches its destination in a jurisdiction: rail, message, cut-off and calendar. */
import { z } from 'zod';

export const RAILS = [
  'sepa-credit-transfer',
  'cross-border-credit-transfer',
  'cnaps',
  'sic',
  'zengin',
  'bok-wire',
  'lynx',
  'book-transfer',
] as const;
export const SETTLEMENT_MESSAGES = ['pain.001.001.10', 'pacs.008.001.09'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * A business calendar as data: the weekdays a rail settles on, the days it is closed beyond
 * weekends, and weekend days it is open (China's adjusted working days, 调休). Only the years in
 * `coveredYears` are known; a date outside them is refused rather than guessed.
 */
export const businessCalendarSchema = z
  .object({
    /** Stable id, e.g. `target2`, `cn-cnaps`, `jp-zengin`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    /** ISO weekdays the rail settles on (1 = Monday … 7 = Sunday). */
    businessDays: z.array(z.number().int().min(1).max(7)).min(1),
    /** Closing days beyond the weekly rest days (ISO dates, ascending). */
    closingDays: z.array(isoDate),
    /** Rest-day dates on which the rail is nevertheless open (ISO dates, ascending). */
    openDays: z.array(isoDate),
    /** First and last year the data covers, inclusive. */
    coveredYears: z
      .object({ from: z.number().int().min(1990).max(2100), to: z.number().int().min(1990).max(2100) })
      .strict(),
    /** Where the data comes from (an official notice or rulebook). */
    source: z.string().min(1),
  })
  .strict();

export type BusinessCalendar = z.infer<typeof businessCalendarSchema>;

export const settlementPolicySchema = z
  .object({
    rail: z.enum(RAILS),
    message: z.enum(SETTLEMENT_MESSAGES),
    /** Latest local time at which a payment is still executed the same business day. */
    cutOff: z
      .object({ time: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/), timeZone: z.string().min(1) })
      .strict(),
    /** Business days from execution to the value date on this rail (SEPA SCT: D+1 at most). */
    settlementDays: z.number().int().min(0).max(5),
    calendar: businessCalendarSchema,
  })
  .strict();

export type SettlementPolicy = z.infer<typeof settlementPolicySchema>;
