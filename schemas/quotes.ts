import { z } from '@hono/zod-openapi';
import { CurrencyCode, DecimalAmount, JurisdictionCode, refineAmount, Timestamp } from './common.ts';

export const Purpose = z.enum(['contribution', 'benefit']).openapi({
  description:
    '`contribution`: paid abroad, settled to the home fund. `benefit`: paid by the home fund to a person abroad.',
});

export const QuoteRequest = z
  .object({
    purpose: Purpose,
    partnerJurisdiction: JurisdictionCode.openapi({
      description: 'The partner country: the source of a contribution, the destination of a benefit.',
    }),
    sourceCurrency: CurrencyCode,
    targetCurrency: CurrencyCode,
    sourceAmount: DecimalAmount.optional().openapi({
      description: 'Fix the amount paid (exactly one side).',
    }),
    targetAmount: DecimalAmount.optional().openapi({
      description: 'Fix the amount received (exactly one side).',
    }),
  })
  .strict()
  .superRefine((value, ctx) => {
    const sides = [value.sourceAmount, value.targetAmount].filter((amount) => amount !== undefined).length;
    if (sides !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [value.sourceAmount === undefined ? 'sourceAmount' : 'targetAmount'],
        message: 'give exactly one of sourceAmount and targetAmount',
      });
      return;
    }
    if (value.sourceAmount !== undefined)
      refineAmount(ctx, 'sourceAmount', value.sourceAmount, value.sourceCurrency);
    if (value.targetAmount !== undefined)
      refineAmount(ctx, 'targetAmount', value.targetAmount, value.targetCurrency);
  })
  .openapi('QuoteRequest', {
    example: {
      purpose: 'contribution',
      partnerJurisdiction: 'DE',
      sourceCurrency: 'EUR',
      targetCurrency: 'CNY',
      sourceAmount: '250.00',
    },
  });
export type QuoteRequest = z.infer<typeof QuoteRequest>;

/** The corridor and both amounts: what a quote prices and a transfer carries. */
export const ConversionFields = {
  purpose: Purpose,
  partnerJurisdiction: JurisdictionCode,
  sourceJurisdiction: JurisdictionCode,
  targetJurisdiction: JurisdictionCode,
  sourceCurrency: CurrencyCode,
  targetCurrency: CurrencyCode,
  sourceAmount: DecimalAmount,
  targetAmount: DecimalAmount,
};

export const FeeLine = z
  .object({
    type: z.enum(['fixed', 'percentage']),
    bps: z.number().int().optional().openapi({ description: 'Rate of a percentage fee, in basis points.' }),
    amount: DecimalAmount,
    currency: CurrencyCode,
  })
  .openapi('FeeLine');

export const Quote = z
  .object({
    id: z.string().openapi({ example: 'qt_01KAT2Y0SJ3W6M0Q9ZC4X1V7B8' }),
    object: z.literal('quote'),
    ...ConversionFields,
    fixedSide: z.enum(['source', 'target']),
    rate: z
      .object({
        reference: z
          .string()
          .openapi({ description: 'Reference rate: target units per source unit.', example: '8.215' }),
        applied: z.string().openapi({ description: 'Reference rate less the spread.', example: '8.190355' }),
        spreadBps: z.number().int(),
        source: z.string().openapi({ example: 'demo-table' }),
        asOf: z.string().openapi({ format: 'date', example: '2026-01-02' }),
      })
      .openapi('QuoteRate'),
    fees: z.array(FeeLine),
    totalFee: DecimalAmount,
    chargeBearer: z.enum(['DEBT', 'CRED', 'SHAR']),
    rounding: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .openapi('Quote');
export type Quote = z.infer<typeof Quote>;
