import { z } from '@hono/zod-openapi';
import { CurrencyCode, Timestamp } from './common.ts';

export const Balance = z
  .object({
    account: z.string().openapi({ example: 'collection:DE:EUR' }),
    kind: z.enum(['collection', 'fund', 'fx_position', 'fees', 'in_transit', 'payable']),
    jurisdiction: z.string().nullable(),
    currency: CurrencyCode,
    posted: z.string().openapi({ description: 'Sum of posted postings (debit positive).', example: '0.00' }),
    pending: z.string().openapi({ description: 'Sum of pending (reserved) postings.', example: '250.00' }),
  })
  .openapi('Balance');

export const BalanceList = z
  .object({ object: z.literal('list'), data: z.array(Balance), asOf: Timestamp })
  .openapi('BalanceList');

export const BalanceQuery = z.object({ currency: CurrencyCode.optional() }).strict();

export const LedgerCheck = z
  .object({
    balanced: z.boolean(),
    journalsChecked: z.number().int(),
    unbalanced: z.array(z.object({ journalId: z.string(), currency: z.string(), sum: z.string() })),
    totals: z
      .array(z.object({ currency: z.string(), sum: z.string() }))
      .openapi({ description: 'Sum of all non-voided postings per currency: zero when the books balance.' }),
    checkedAt: Timestamp,
  })
  .openapi('LedgerCheck');
