/**
 * Shared wire types. Amounts are decimal strings; currencies are upper-case ISO 4217 codes.
 * Refinements attach a stable error `code` (in `params.code`) that the HTTP layer reports.
 */
import { z } from '@hono/zod-openapi';
import { ERROR_CODES, GatewayError } from '../src/core/errors.ts';
import { isCurrencyCode, parseAmount } from '../src/core/money.ts';

export const CurrencyCode = z
  .string()
  .superRefine((value, ctx) => {
    if (!isCurrencyCode(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'not an active ISO 4217 currency code in upper case, such as "EUR"',
        params: { code: 'currency_unknown' },
      });
    }
  })
  .openapi({ description: 'ISO 4217 currency code, upper case.', example: 'EUR', pattern: '^[A-Z]{3}$' });

/** A positive decimal string; its precision is checked against the currency by the object. */
export const DecimalAmount = z.string().max(40).openapi({
  description: 'Amount as a decimal string, never a number; no more decimals than the currency has.',
  example: '250.00',
  pattern: '^(0|[1-9][0-9]*)(\\.[0-9]+)?$',
});

/** Adds an issue for `field` unless `text` is a valid positive amount in `currencyCode`. */
export function refineAmount(ctx: z.RefinementCtx, field: string, text: string, currencyCode: string): void {
  if (!isCurrencyCode(currencyCode)) return; // reported on the currency field
  try {
    parseAmount(text, currencyCode);
  } catch (error) {
    if (!(error instanceof GatewayError)) throw error;
    ctx.addIssue({ code: 'custom', path: [field], message: error.message, params: { code: error.code } });
  }
}

export const Timestamp = z.string().openapi({ format: 'date-time', example: '2026-11-23T10:15:00.000Z' });

export const JurisdictionCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code in upper case, such as "DE"')
  .openapi({ example: 'DE' });

export const Problem = z
  .object({
    type: z.string().openapi({ example: 'https://gateway.example/problems/quote_expired' }),
    title: z.string(),
    status: z.number().int(),
    code: z
      .enum(ERROR_CODES as [string, ...string[]])
      .openapi({ description: 'Stable machine-readable code.' }),
    detail: z.string(),
    instance: z.string().openapi({ description: 'The request id, as a URN.' }),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .openapi({ description: 'Field-level problems of a request that failed validation.' }),
  })
  .catchall(z.unknown())
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

export const PaginationQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
    starting_after: z
      .string()
      .max(64)
      .optional()
      .openapi({ description: 'The `id` of the last object of the previous page.' }),
  })
  .strict();
