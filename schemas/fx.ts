/** Reference rates, the import log and manual rates as the API shows them. */
import { z } from '@hono/zod-openapi';
import { CurrencyCode, Timestamp } from './common.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date such as 2026-04-13')
  .openapi({ format: 'date' });

export const ReferenceRateQuery = z.object({
  base: CurrencyCode.openapi({ param: { name: 'base', in: 'query' }, example: 'EUR' }),
  quote: CurrencyCode.openapi({ param: { name: 'quote', in: 'query' }, example: 'CNY' }),
  date: IsoDate.optional().openapi({
    param: { name: 'date', in: 'query' },
    description: 'The newest rate on or before this day; today (Frankfurt) when absent.',
  }),
});

export const ReferenceRateView = z
  .object({
    object: z.literal('reference_rate'),
    base: CurrencyCode,
    quote: CurrencyCode,
    rate: z.string().openapi({ description: 'Units of `quote` per unit of `base`.', example: '7.9827' }),
    source: z.enum(['ecb', 'demo-table']),
    asOf: IsoDate,
    ageTargetDays: z.number().int().openapi({ description: 'TARGET business days since `asOf`, today.' }),
    basis: z.object({ basePerEur: z.string(), quotePerEur: z.string() }),
  })
  .openapi('ReferenceRate');

const ImportEntry = z
  .object({
    id: z.string(),
    source: z.enum(['ecb', 'demo-table']),
    trigger: z.enum(['file', 'refresh', 'demo']),
    origin: z.string(),
    status: z.enum(['loaded', 'unchanged', 'failed']),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    days: z.number().int(),
    rates: z.number().int(),
    inserted: z.number().int(),
    revised: z.number().int(),
    errorCode: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: Timestamp,
  })
  .openapi('RateImport');
export type ImportEntry = z.infer<typeof ImportEntry>;

export const FxStatus = z
  .object({
    object: z.literal('fx_status'),
    status: z.enum(['fresh', 'stale', 'missing']).openapi({
      description: '`stale`: the newest rate is older than the strictest corridor accepts.',
    }),
    newestRateDate: z.string().nullable(),
    newestSource: z.enum(['ecb', 'demo-table']).nullable(),
    oldestRateDate: z.string().nullable(),
    days: z.number().int(),
    ageTargetDays: z.number().int().nullable(),
    maxRateAgeTargetDays: z.number().int(),
    imports: z.array(ImportEntry),
  })
  .openapi('FxStatus');

export const ManualRateRequest = z
  .object({
    corridor: z
      .string()
      .regex(/^[A-Z]{2}-[A-Z]{2}$/, '`<home>-<partner>`, e.g. CN-DE')
      .openapi({ example: 'CN-DE' }),
    base: CurrencyCode.openapi({ example: 'EUR' }),
    quote: CurrencyCode.openapi({ example: 'CNY' }),
    rate: z
      .string()
      .max(40)
      .openapi({ description: 'Units of `quote` per unit of `base`.', example: '7.9712' }),
    validFrom: Timestamp.optional().openapi({ description: 'Now when absent; never in the past.' }),
    validUntil: Timestamp,
    reference: z.string().max(200).openapi({
      description: 'What the rate is; shown on receipts. Never personal data.',
      example: 'PBoC central parity 2026-11-23',
    }),
  })
  .strict()
  .openapi('ManualRateRequest');

export const ManualRate = z
  .object({
    id: z.string().openapi({ example: 'mr_01KAT2Y0SJ3W6M0Q9ZC4X1V7B8' }),
    object: z.literal('manual_rate'),
    corridor: z.string(),
    version: z.number().int(),
    base: CurrencyCode,
    quote: CurrencyCode,
    rate: z.string(),
    validFrom: Timestamp,
    validUntil: Timestamp,
    reference: z.string(),
    setBy: z.string(),
    createdAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    revokedBy: z.string().nullable(),
  })
  .openapi('ManualRate');

export const ManualRateList = z
  .object({ object: z.literal('list'), data: z.array(ManualRate) })
  .openapi('ManualRateList');

export const ManualRateQuery = z.object({
  corridor: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z]{2}$/)
    .optional()
    .openapi({ param: { name: 'corridor', in: 'query' }, example: 'CN-DE' }),
  active: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'active', in: 'query' }, description: 'Only rates in force now.' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

export const ManualRateParams = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
