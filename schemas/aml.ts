/**
 * Wire contracts of AML monitoring: rule-set versions of a jurisdiction (propose, shadow,
 * simulate, activate, withdraw), the rules in force with their bounds, shadow reports and
 * simulations, and the life certificates and death reports the benefit rules check.
 */
import { z } from '@hono/zod-openapi';
import {
  AML_PARAMETER_KINDS,
  amlRuleBoundsShape,
  amlRuleParametersShape,
  HOLD_TIMEOUT_ACTIONS,
  SANCTIONS_LISTS,
} from '../src/ports/aml.ts';
import { JurisdictionCode, Timestamp } from './common.ts';

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .openapi({ format: 'date', example: '2026-11-02' });

const DECISIONS = ['clear', 'review', 'reject'] as const;
const RULE_SET_STATUSES = ['proposed', 'shadow', 'active', 'retired', 'withdrawn'] as const;

export const AmlRuleParameters = amlRuleParametersShape().openapi('AmlRuleParameters', {
  description: `Every rule parameter (groups: ${Object.keys(AML_PARAMETER_KINDS).join(', ')}). Amounts are decimal strings in the partner currency; scores are integer points; \`action\` is \`score\` (adds to the summed score only), \`review\` (holds) or \`reject\`. docs/aml-rules.md explains each one.`,
});

export const AmlRuleParameterChanges = amlRuleParametersShape({ partial: true }).openapi(
  'AmlRuleParameterChanges',
  {
    description:
      'Any part of the parameters; what is left out keeps the value in force (the active version, or the adapter defaults).',
  },
);

export const AmlRuleBounds = amlRuleBoundsShape().openapi('AmlRuleBounds', {
  description:
    'Per parameter, the bounds the adapter declares: `{ min, max }` (inclusive; amounts as decimal strings) or `{ values }` for a choice.',
});

export const AmlRuleSetRequest = z
  .object({
    jurisdiction: JurisdictionCode,
    parameters: AmlRuleParameterChanges,
    note: z.string().trim().min(1).max(1000).openapi({
      description: 'Why the change: kept with the version and shown to the approver. Name no person.',
      example: 'Raise the per-transfer threshold after the Q3 review: 40% of holds were pension lump sums.',
    }),
  })
  .strict()
  .openapi('AmlRuleSetRequest');

export const AmlParameterChange = z
  .object({
    path: z.string().openapi({ example: 'amount.perTransfer.threshold' }),
    from: z.union([z.string(), z.number()]),
    to: z.union([z.string(), z.number()]),
  })
  .openapi('AmlParameterChange');

export const AmlRuleSet = z
  .object({
    id: z.string().openapi({ example: 'aml_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
    object: z.literal('aml_rule_set'),
    jurisdiction: JurisdictionCode,
    version: z.number().int(),
    status: z.enum(RULE_SET_STATUSES),
    parameters: AmlRuleParameters,
    changesFromActive: z.array(AmlParameterChange).openapi({
      description:
        'How this version differs from the parameters in force now (the active version or the defaults).',
    }),
    note: z.string(),
    proposedBy: z.string(),
    proposedAt: Timestamp,
    shadowFrom: Timestamp.nullable(),
    activatedBy: z.string().nullable(),
    activatedAt: Timestamp.nullable(),
    retiredAt: Timestamp.nullable().openapi({ description: 'When it was retired or withdrawn.' }),
  })
  .openapi('AmlRuleSet');

export const AmlRuleSetList = z
  .object({ object: z.literal('list'), data: z.array(AmlRuleSet) })
  .openapi('AmlRuleSetList');

export const AmlRuleSetQuery = z.object({
  jurisdiction: JurisdictionCode.optional().openapi({ param: { name: 'jurisdiction', in: 'query' } }),
  status: z
    .enum(RULE_SET_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
});

export const AmlRuleSetIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'aml_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const AmlJurisdictionParam = z.object({
  code: JurisdictionCode.openapi({ param: { name: 'code', in: 'path' }, example: 'DE' }),
});

export const AmlJurisdictionRules = z
  .object({
    object: z.literal('aml_jurisdiction_rules'),
    jurisdiction: JurisdictionCode,
    currency: z.string().openapi({ description: 'The currency of every amount parameter.', example: 'EUR' }),
    active: z
      .object({
        ruleSetId: z.string().nullable().openapi({ description: 'Null while the adapter defaults apply.' }),
        version: z.number().int().openapi({ description: '0: the adapter defaults.' }),
        parameters: AmlRuleParameters,
        activatedBy: z.string().nullable(),
        activatedAt: Timestamp.nullable(),
      })
      .openapi({ description: 'The parameters in force.' }),
    shadow: AmlRuleSet.nullable().openapi({ description: 'The version running in shadow, if any.' }),
    defaults: AmlRuleParameters,
    bounds: AmlRuleBounds,
    holdPolicy: z.object({ timeoutHours: z.number().int(), onTimeout: z.enum(HOLD_TIMEOUT_ACTIONS) }),
    sanctionsLists: z.array(z.enum(SANCTIONS_LISTS)),
    fatf: z.object({
      dataAsOf: IsoDate.openapi({
        description: 'The newest FATF public statement the high-risk rule knows.',
      }),
    }),
  })
  .openapi('AmlJurisdictionRules');

const DecisionCounts = z
  .object({ clear: z.number().int(), review: z.number().int(), reject: z.number().int() })
  .openapi('AmlDecisionCounts');

export const AmlDecisionChange = z
  .object({
    transferId: z.string(),
    createdAt: Timestamp,
    before: z.enum(DECISIONS),
    after: z.enum(DECISIONS),
    scoreBefore: z.number(),
    scoreAfter: z.number(),
    reasonsGained: z.array(z.string()),
    reasonsLost: z.array(z.string()),
  })
  .openapi('AmlDecisionChange');

export const AmlSimulationRequest = z
  .object({
    days: z
      .number()
      .int()
      .min(1)
      .max(90)
      .openapi({ description: 'Replay the transfers of the last N days.', example: 30 }),
  })
  .strict()
  .openapi('AmlSimulationRequest');

export const AmlSimulation = z
  .object({
    object: z.literal('aml_simulation'),
    ruleSetId: z.string(),
    jurisdiction: JurisdictionCode,
    version: z.number().int(),
    days: z.number().int(),
    from: Timestamp,
    to: Timestamp,
    replayed: z.number().int(),
    skipped: z.number().int().openapi({ description: 'Decisions stored without facts (nothing to replay).' }),
    before: DecisionCounts,
    after: DecisionCounts,
    changedCount: z.number().int(),
    changed: z.array(AmlDecisionChange).openapi({ description: 'Oldest first, at most 500.' }),
    truncated: z.boolean(),
  })
  .openapi('AmlSimulation');

export const AmlShadowReport = z
  .object({
    object: z.literal('aml_shadow_report'),
    ruleSetId: z.string(),
    jurisdiction: JurisdictionCode,
    version: z.number().int(),
    status: z.enum(RULE_SET_STATUSES),
    since: Timestamp,
    compared: z.number().int(),
    live: DecisionCounts,
    shadow: DecisionCounts,
    differingCount: z.number().int(),
    differing: z.array(AmlDecisionChange).openapi({
      description: '`before` is the live decision, `after` the shadow one; oldest first, at most 500.',
    }),
  })
  .openapi('AmlShadowReport');

export const BeneficiaryParam = z.object({
  subjectId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'subjectId', in: 'path' }, example: 'ds_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const LifeCertificateRequest = z
  .object({
    issuedOn: IsoDate.openapi({ description: 'The day the person was seen alive; not in the future.' }),
    validUntil: IsoDate.openapi({ description: 'After `issuedOn`.', example: '2027-11-01' }),
  })
  .strict()
  .openapi('LifeCertificateRequest');

export const LifeCertificate = z
  .object({
    id: z.string(),
    object: z.literal('life_certificate'),
    dataSubjectId: z.string(),
    issuedOn: IsoDate,
    validUntil: IsoDate,
    recordedBy: z.string(),
    createdAt: Timestamp,
  })
  .openapi('LifeCertificate');

export const DeathReportRequest = z
  .object({ dateOfDeath: IsoDate.openapi({ description: 'Not in the future.' }) })
  .strict()
  .openapi('DeathReportRequest');

export const DeathReport = z
  .object({
    id: z.string(),
    object: z.literal('death_report'),
    dataSubjectId: z.string(),
    dateOfDeath: IsoDate,
    recordedBy: z.string(),
    createdAt: Timestamp,
  })
  .openapi('DeathReport');
