/**
 * Wire contracts of sanctions screening: a name searched by a compliance officer, the hits with
 * their explanations, the list versions and thresholds; and a transfer's stored compliance
 * decision. The screened name is personal data and is never echoed back; hits are public list data.
 */
import { z } from '@hono/zod-openapi';
import { RULE_ACTIONS } from '../src/ports/aml.ts';
import { ENTITY_TYPES, NAME_KINDS, SANCTIONS_SOURCES } from '../src/ports/sanctions.ts';
import { JurisdictionCode, Timestamp } from './common.ts';

export const ScreeningSearchRequest = z
  .object({
    name: z.string().trim().min(2).max(300).openapi({
      description: 'The name in any script (Latin, Arabic, Cyrillic, Greek, Chinese, kana, Hangul).',
      example: 'Mohammed Al-Ahmad',
    }),
    type: z.enum(['person', 'organization']).optional(),
    birthDate: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a year, YYYY-MM or YYYY-MM-DD')
      .optional()
      .openapi({ example: '1961' }),
    country: JurisdictionCode.optional().openapi({
      description: 'A country the person or organisation is tied to (nationality, residence).',
    }),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .openapi('ScreeningSearchRequest');

export const ListVersionRef = z
  .object({
    source: z.enum(SANCTIONS_SOURCES),
    versionId: z.string(),
    sha256: z.string(),
    importedAt: Timestamp,
  })
  .openapi('ListVersionRef');

export const Thresholds = z
  .object({
    review: z.number().openapi({ description: 'At or above: held for a human.' }),
    block: z
      .number()
      .openapi({ description: 'At or above: a strong match; the money is frozen while held.' }),
  })
  .openapi('ScreeningThresholds');

export const TokenMatch = z.object({
  listToken: z.string().openapi({ description: 'A token of the listed name (normalised).' }),
  queryToken: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Position of the matching token among the normalised query tokens.' }),
  score: z.number(),
  how: z.enum(['exact', 'fuzzy', 'phonetic', 'transliteration', 'initial', 'missing']),
});

export const HitExplanation = z
  .object({
    matchedNameKind: z.enum(NAME_KINDS),
    matchedNameQuality: z.enum(['strong', 'weak']).optional(),
    tokens: z.array(TokenMatch),
    extraQueryTokens: z.array(z.number().int()),
    nameScore: z.number(),
    qualifiers: z.array(
      z.object({
        qualifier: z.enum(['birth_date', 'country', 'type', 'identifier']),
        effect: z.number(),
        detail: z.string(),
      }),
    ),
    script: z.string().optional(),
  })
  .openapi('HitExplanation');

export const ScreeningHit = z
  .object({
    entityId: z.string().openapi({ example: 'ofac:36' }),
    source: z.enum(SANCTIONS_SOURCES),
    entryId: z.string(),
    type: z.enum(ENTITY_TYPES),
    name: z.string().openapi({ description: 'The primary name of the listed entry.' }),
    matchedName: z
      .string()
      .openapi({ description: 'The name of the entry that matched (primary, alias, original script).' }),
    score: z.number().min(0).max(1),
    explanation: HitExplanation,
    suppressionId: z.string().optional().openapi({
      description: 'In a stored result: the false-positive suppression that covers this hit.',
    }),
  })
  .openapi('ScreeningHit');

export const ScreeningSearchResult = z
  .object({
    object: z.literal('screening_search'),
    queryTokens: z.array(z.string()).openapi({
      description:
        'The normalised (and transliterated) tokens of your query; `queryToken` positions point into it.',
    }),
    hits: z.array(ScreeningHit),
    listVersions: z.array(ListVersionRef),
    thresholds: Thresholds,
  })
  .openapi('ScreeningSearchResult');

export const ScreeningResult = z
  .object({
    id: z.string(),
    partyRole: z.enum(['payer', 'beneficiary']),
    partyType: z.enum(['person', 'organization']),
    partyKey: z.string().openapi({ description: '`ds_…` (insured person) or `partner:<id>` (agency).' }),
    outcome: z.enum(['clear', 'review', 'block', 'unavailable']),
    topScore: z.number(),
    thresholds: Thresholds,
    listVersions: z.array(
      z.object({
        source: z.string(),
        versionId: z.string().nullable(),
        sha256: z.string().optional(),
        importedAt: z.string().optional(),
        missing: z.boolean().optional(),
      }),
    ),
    hits: z.array(ScreeningHit),
    createdAt: Timestamp,
  })
  .openapi('ScreeningResult');

export const AmlReason = z
  .object({
    code: z.string().openapi({ example: 'VELOCITY_PERSON_COUNT' }),
    rule: z.string(),
    score: z.number(),
    action: z.enum(RULE_ACTIONS).openapi({
      description:
        '`score`: adds its score only; `review`: holds for a human; `reject`: refuses the transfer.',
    }),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  })
  .openapi('AmlReason');

export const TransferCompliance = z
  .object({
    object: z.literal('transfer_compliance'),
    transferId: z.string(),
    partnerJurisdiction: JurisdictionCode,
    decision: z.enum(['clear', 'review', 'reject']).nullable().openapi({
      description: 'Null for a transfer made before screening existed.',
    }),
    score: z.number().nullable(),
    ruleSetVersion: z.number().int().nullable(),
    reasons: z.array(AmlReason),
    listVersions: z.array(ListVersionRef),
    screening: z.array(ScreeningResult),
    shadow: z
      .array(
        z.object({
          ruleSetVersion: z.number().int(),
          decision: z.enum(['clear', 'review', 'reject']),
          score: z.number(),
          reasons: z.array(AmlReason),
        }),
      )
      .openapi({ description: 'Decisions of rule-set versions running in shadow (not acted on).' }),
    decidedAt: Timestamp.nullable(),
  })
  .openapi('TransferCompliance');
