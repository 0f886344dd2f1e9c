/** Jurisdictions as the API shows them: identity, corridors, capabilities; and identifier checks. */
import { z } from '@hono/zod-openapi';
import { CurrencyCode, DecimalAmount, JurisdictionCode } from './common.ts';

export const CorridorView = z
  .object({
    id: z.string().openapi({ description: '`<source>-<target>`.', example: 'DE-CN' }),
    pair: z
      .string()
      .openapi({ description: '`<home>-<partner>`: manual rates are set for the pair.', example: 'CN-DE' }),
    purpose: z.enum(['contribution', 'benefit']),
    sourceJurisdiction: JurisdictionCode,
    targetJurisdiction: JurisdictionCode,
    sourceCurrency: CurrencyCode,
    targetCurrency: CurrencyCode,
    spreadBps: z.number().int(),
    fees: z.object({
      fixed: DecimalAmount,
      percentBps: z.number().int(),
      currency: CurrencyCode.openapi({ description: 'Fees are charged in the source currency.' }),
    }),
    limits: z.object({ min: DecimalAmount, max: DecimalAmount, currency: CurrencyCode }),
    rounding: z.enum(['half_up', 'half_even']),
    quoteTtlSeconds: z.number().int(),
    chargeBearer: z.enum(['DEBT', 'CRED', 'SHAR']),
    rateSource: z.literal('ecb'),
    maxRateAgeTargetDays: z.number().int(),
    manualRates: z.object({
      allowed: z.boolean(),
      maxDeviationBps: z.number().int(),
      maxValidityHours: z.number().int(),
    }),
  })
  .openapi('Corridor');

const IdentifierSchemeView = z
  .object({
    id: z.string().openapi({ example: 'de-rentenversicherungsnummer' }),
    name: z.string(),
    kind: z.enum(['person', 'account', 'bank', 'reference']),
    personal: z.boolean().openapi({ description: 'Identifies a person: never stored or logged in clear.' }),
  })
  .openapi('IdentifierScheme');

export const Jurisdiction = z
  .object({
    code: JurisdictionCode,
    object: z.literal('jurisdiction'),
    name: z.string(),
    kind: z.enum(['home', 'partner', 'example']),
    currency: CurrencyCode,
    version: z
      .string()
      .openapi({ description: 'Adapter version, recorded with every quote.', example: '0.2.0' }),
    timeZone: z.string(),
    languages: z.array(z.string()),
    corridors: z.array(CorridorView),
    capabilities: z.object({
      purposes: z.array(z.enum(['contribution', 'benefit'])),
      identifiers: z.array(IdentifierSchemeView),
      settlement: z.object({
        rail: z.string(),
        message: z.string(),
        cutOff: z.string().openapi({ example: '15:00 Europe/Berlin' }),
        settlementDays: z.number().int(),
        calendar: z.object({
          id: z.string(),
          name: z.string(),
          coveredYears: z.object({ from: z.number().int(), to: z.number().int() }),
          source: z.string(),
        }),
      }),
      privacy: z.object({
        regime: z.string(),
        outboundTransfer: z.object({ mechanism: z.string(), reference: z.string() }),
      }),
      signing: z.object({ schemes: z.array(z.string()), algorithms: z.array(z.string()) }),
      fx: z.object({
        referenceSource: z.literal('ecb'),
        maxRateAgeTargetDays: z.number().int(),
        manualRatesAllowed: z.boolean(),
      }),
    }),
  })
  .openapi('Jurisdiction');
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const JurisdictionList = z
  .object({ object: z.literal('list'), data: z.array(Jurisdiction) })
  .openapi('JurisdictionList');

export const JurisdictionParams = z.object({
  code: JurisdictionCode.openapi({ param: { name: 'code', in: 'path' } }),
});

export const IdentifierValidationRequest = z
  .object({
    scheme: z.string().min(1).max(64).openapi({ example: 'de-rentenversicherungsnummer' }),
    value: z.string().max(64).openapi({
      description: 'The identifier as written; separators are allowed. It is neither stored nor logged.',
      example: '65170839J003',
    }),
  })
  .strict()
  .openapi('IdentifierValidationRequest');

export const IdentifierValidation = z
  .object({
    object: z.literal('identifier_validation'),
    scheme: z.string(),
    valid: z.boolean(),
    rule: z
      .enum(['format', 'checksum', 'date', 'range', 'country'])
      .optional()
      .openapi({ description: 'The rule the value failed.' }),
    message: z.string().optional(),
  })
  .openapi('IdentifierValidation', {
    description: 'The answer never repeats the value.',
  });

export const CreditorReferenceRequest = z
  .object({
    base: z.string().min(1).max(40).openapi({
      description: 'Up to 21 letters and digits identifying the payment (spaces are ignored).',
      example: '539007547034',
    }),
  })
  .strict()
  .openapi('CreditorReferenceRequest');

export const CreditorReference = z
  .object({
    object: z.literal('creditor_reference'),
    reference: z.string().openapi({ example: 'RF18539007547034' }),
    formatted: z
      .string()
      .openapi({ description: 'Groups of four, as printed.', example: 'RF18 5390 0754 7034' }),
  })
  .openapi('CreditorReference');
