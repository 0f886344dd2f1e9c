import { z } from '@hono/zod-openapi';
import { TRANSFER_STATES } from '../src/core/transfer-states.ts';
import { IDEMPOTENCY_KEY_PATTERN } from '../src/services/idempotency/idempotency.ts';
import { DecimalAmount, Timestamp } from './common.ts';
import { InsuredPerson, InsuredPersonView, LegalBasis } from './privacy.ts';
import { ConversionFields } from './quotes.ts';

/** ISO 20022 restricted character set for references (EndToEndId). */
const ISO20022_TEXT = /^[A-Za-z0-9/\-?:().,'+ ]+$/;

export const TransferRequest = z
  .object({
    quoteId: z.string().min(1).max(64).openapi({ example: 'qt_01KAT2Y0SJ3W6M0Q9ZC4X1V7B8' }),
    reference: z
      .string()
      .min(1)
      .max(35)
      .regex(ISO20022_TEXT, "letters, digits, spaces and / - ? : ( ) . , ' + only (ISO 20022)")
      .optional()
      .openapi({
        description: 'Your reference, up to 35 characters; carried to the rail.',
        example: 'CONTRIB-2026-11',
      }),
    insuredPerson: InsuredPerson.optional().openapi({
      description:
        'The person the money is for. Stored encrypted; only what the purpose needs ever leaves. A transfer without one carries no personal data.',
    }),
  })
  .strict()
  .openapi('TransferRequest');
export type TransferRequest = z.infer<typeof TransferRequest>;

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY_PATTERN)
    .openapi({
      param: { name: 'idempotency-key', in: 'header', required: true },
      description:
        'Unique per operation, 1 to 255 visible ASCII characters. A retry with the same key and body returns the first response; a different body answers 409.',
      example: '5f2b8a1e-3c1d-4b7a-9f20-6d5a8c3e1b47',
    }),
});

export const Transfer = z
  .object({
    id: z.string().openapi({ example: 'tr_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
    object: z.literal('transfer'),
    state: z.enum(TRANSFER_STATES),
    quoteId: z.string(),
    ...ConversionFields,
    totalFee: DecimalAmount,
    appliedRate: z.string(),
    reference: z.string().nullable(),
    insuredPerson: InsuredPersonView.nullable().openapi({
      description:
        'The person, reduced to what this reader may see (their agency for the purpose, or their staff role). Null when the transfer names nobody.',
    }),
    legalBases: z.array(LegalBasis).openapi({
      description:
        'The legal bases of the personal-data flows of this transfer, as recorded when it was made.',
    }),
    ledger: z
      .object({
        journalId: z.string(),
        phase: z.enum(['pending', 'posted', 'voided']),
      })
      .openapi({ description: 'The reserve journal written with the transfer.' }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Transfer');
export type Transfer = z.infer<typeof Transfer>;

export const TransferList = z
  .object({
    object: z.literal('list'),
    data: z.array(Transfer),
    has_more: z.boolean(),
  })
  .openapi('TransferList');

export const TransferIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'tr_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});
