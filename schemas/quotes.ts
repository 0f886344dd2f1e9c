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
    corridor: z.string().openapi({
      description: '`<source>-<target>` jurisdiction codes of the corridor priced.',
      example: 'DE-CN',
    }),
    rate: z
      .object({
        reference: z.string().openapi({
          description: 'Reference rate: target units per source unit.',
          example: '7.98270000000',
        }),
        applied: z
          .string()
          .openapi({ description: 'Reference rate less the spread.', example: '7.95875190000' }),
        spreadBps: z.number().int(),
        source: z.enum(['ecb', 'demo-table', 'manual']).openapi({
          description:
            '`ecb`: ECB euro reference rates (a cross rate through EUR); `manual`: a rate a compliance officer set for the corridor; `demo-table`: illustrative demo rates.',
        }),
        asOf: z.string().openapi({
          format: 'date',
          description: 'The business day of the reference rate (the start of a manual rate).',
          example: '2026-04-13',
        }),
        ageTargetDays: z.number().int().openapi({
          description: 'Age of the reference rate in TARGET business days when the quote was made.',
        }),
        basis: z
          .union([
            z.object({
              kind: z.literal('published'),
              basePerEur: z.string().openapi({ description: 'Source currency per 1 EUR, as published.' }),
              quotePerEur: z.string().openapi({ description: 'Target currency per 1 EUR, as published.' }),
            }),
            z.object({
              kind: z.literal('manual'),
              manualRateId: z.string(),
              version: z.number().int(),
              reference: z.string(),
              entered: z.object({ base: CurrencyCode, quote: CurrencyCode, rate: z.string() }),
              validFrom: Timestamp,
              validUntil: Timestamp,
            }),
          ])
          .openapi({ description: 'What the reference rate was derived from.' }),
      })
      .openapi('QuoteRate'),
    settlement: z
      .object({
        executionDate: z.string().openapi({
          format: 'date',
          description: 'The business day the payment is executed on the source rail, if accepted now.',
        }),
        valueDate: z.string().openapi({
          format: 'date',
          description: 'The expected value date on the target side.',
        }),
        cutOff: z.string().openapi({ example: '15:00 Europe/Berlin' }),
        rail: z.string(),
      })
      .nullable()
      .openapi('QuoteSettlement'),
    fees: z.array(FeeLine),
    totalFee: DecimalAmount,
    chargeBearer: z.enum(['DEBT', 'CRED', 'SHAR']),
    rounding: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
  })
  .openapi('Quote');
export type Quote = z.infer<typeof Quote>;
