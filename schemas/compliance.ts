/**
 * Wire contracts of the compliance review queue (`/v1/compliance`): cases of held transfers and
 * continuous-screening alerts, the officers' decisions (four eyes), suppressions of false
 * positives, and the suspicious-activity report.
 *
 * Every field is classified in `src/services/privacy/classification.ts`. List-side names (a hit's
 * `name`, `matchedName`, tokens) are public sanctions-list data; the screened person appears only
 * in `person`, reduced to what the caller's role may see.
 */
import { z } from '@hono/zod-openapi';
import { TRANSFER_STATES } from '../src/core/transfer-states.ts';
import { SANCTIONS_SOURCES } from '../src/ports/sanctions.ts';
import { CASE_KINDS, CASE_PRIORITIES, CASE_STATUSES } from '../src/services/review/case-status.ts';
import { MAX_SUPPRESSION_DAYS } from '../src/services/review/suppression-rules.ts';
import { Timestamp } from './common.ts';
import { InsuredPersonView } from './privacy.ts';
import { ConversionFields } from './quotes.ts';
import { AmlReason, ListVersionRef, ScreeningResult } from './screening.ts';
import { Transfer } from './transfers.ts';

/** An officer's words: required, trimmed, bounded. */
const Reason = (description: string) =>
  z
    .string()
    .trim()
    .min(3)
    .max(2000)
    .openapi({ description, example: 'Birth year and nationality differ from the listed person.' });

// --- parameters -----------------------------------------------------------------------------

export const CaseIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'case_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const SuppressionIdParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'sup_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
});

export const CaseListQuery = z
  .object({
    status: z
      .enum([...CASE_STATUSES, 'undecided', 'all'])
      .default('undecided')
      .openapi({
        param: { name: 'status', in: 'query' },
        description:
          '`undecided` (default: `open` and `release_requested`, the work queue), one status, or `all`.',
      }),
    priority: z
      .enum(CASE_PRIORITIES)
      .optional()
      .openapi({ param: { name: 'priority', in: 'query' } }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(20)
      .openapi({ param: { name: 'limit', in: 'query' }, example: 20 }),
    starting_after: z
      .string()
      .max(64)
      .optional()
      .openapi({
        param: { name: 'starting_after', in: 'query' },
        description: 'The `id` of the last case of the previous page.',
      }),
  })
  .strict();

export const SuppressionQuery = z
  .object({
    partyKey: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .openapi({
        param: { name: 'partyKey', in: 'query' },
        description: 'A screened party: `ds_…` (a person), `partner:<id>` or `home:<code>`.',
      }),
    active: z
      .enum(['true', 'false'])
      .optional()
      .openapi({
        param: { name: 'active', in: 'query' },
        description: '`true`: only those that still apply; `false`: only those that no longer do.',
      }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(50)
      .openapi({ param: { name: 'limit', in: 'query' } }),
  })
  .strict();

// --- requests -------------------------------------------------------------------------------

export const ReleaseRequest = z
  .object({ reason: Reason('Why the hits and reasons do not stop this transfer.') })
  .strict()
  .openapi('ReleaseRequest');

export const ApproveReleaseRequest = z
  .object({
    note: z
      .string()
      .trim()
      .min(1)
      .max(2000)
      .optional()
      .openapi({ description: 'The second officer’s note.' }),
  })
  .strict()
  .openapi('ApproveReleaseRequest');

export const DeclineReleaseRequest = z
  .object({ reason: Reason('Why the release is sent back.') })
  .strict()
  .openapi('DeclineReleaseRequest');

export const RejectRequest = z
  .object({ reason: Reason('Why the transfer is refused; kept with the case, never shown to the partner.') })
  .strict()
  .openapi('RejectRequest');

export const SuppressionRequest = z
  .object({
    entityId: z
      .string()
      .regex(
        new RegExp(`^(${SANCTIONS_SOURCES.join('|')}):\\S{1,64}$`),
        'a list entry as `<source>:<id>`, such as "ofac:36"',
      )
      .openapi({ description: 'A hit of this case, as `<source>:<id>`.', example: 'ofac:36' }),
    partyKey: z.string().min(1).max(128).optional().openapi({
      description: 'Which screened party, when the entry is a hit of more than one party of the case.',
    }),
    reason: Reason('Why this hit is not this party.'),
    expiresAt: Timestamp.openapi({
      description: `When the suppression stops applying: in the future, at most ${MAX_SUPPRESSION_DAYS} days ahead.`,
    }),
  })
  .strict()
  .openapi('SuppressionRequest');

// --- the pieces of a case -------------------------------------------------------------------

export const CaseInstitution = z
  .object({
    partnerId: z.string(),
    jurisdiction: z.string().nullable(),
    name: z.string().nullable(),
  })
  .openapi('CaseInstitution', { description: 'A partner agency screened as a party.' });

export const CaseParty = z
  .object({
    screening: ScreeningResult.openapi({ description: 'The party’s screening result, as stored.' }),
    person: InsuredPersonView.nullable().openapi({
      description: 'The screened person, as your role may see them; null for an institution.',
    }),
    institution: CaseInstitution.nullable(),
    queryTokens: z.array(z.string()).nullable().openapi({
      description:
        'The screened name’s normalised tokens, that the explanations’ `queryToken` positions point at; null when your role may not see names.',
    }),
  })
  .openapi('CaseParty');

export const CaseAmlDecision = z
  .object({
    id: z.string(),
    decision: z.enum(['clear', 'review', 'reject']),
    score: z.number(),
    reasons: z.array(AmlReason),
    ruleSetId: z
      .string()
      .nullable()
      .openapi({ description: 'Null: the adapter’s default parameters (version 0).' }),
    ruleSetVersion: z.number().int(),
    listVersions: z.array(ListVersionRef),
    decidedAt: Timestamp,
  })
  .openapi('CaseAmlDecision');

export const CaseDecisionEntry = z
  .object({
    action: z.enum([
      'release_requested',
      'release_approved',
      'release_declined',
      'release_withdrawn',
      'rejected',
    ]),
    actor: z.string().openapi({ description: 'The officer’s user id.' }),
    at: Timestamp,
    reason: z.string().nullable(),
  })
  .openapi('CaseDecisionEntry');

export const CaseEvent = z
  .object({
    id: z.string(),
    at: Timestamp,
    actor: z.string(),
    action: z.string().openapi({ example: 'compliance_case.release_requested' }),
    subjectType: z.string(),
    subjectId: z.string(),
    fromState: z.string().nullable(),
    toState: z.string().nullable(),
  })
  .openapi('CaseEvent');

const caseFields = {
  id: z.string().openapi({ example: 'case_01KAT2Y8N0D4R9W2G6B3C5M7QX' }),
  kind: z.enum(CASE_KINDS),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES).openapi({
    description:
      '`high`: a hit at the block threshold; the funds stay frozen and a timeout never returns them.',
  }),
  openedAt: Timestamp,
  holdExpiresAt: Timestamp.nullable(),
  escalatedAt: Timestamp.nullable(),
  subjectId: z.string().nullable().openapi({ description: 'The person of the case (`ds_…`), if any.' }),
};

export const CaseTransferSummary = z
  .object({
    id: z.string(),
    state: z.enum(TRANSFER_STATES),
    ...ConversionFields,
    createdAt: Timestamp,
  })
  .openapi('CaseTransferSummary');

export const CaseSummary = z
  .object({
    ...caseFields,
    object: z.literal('compliance_case_summary'),
    transfer: CaseTransferSummary.nullable(),
    topScore: z
      .number()
      .min(0)
      .max(1)
      .nullable()
      .openapi({ description: 'The highest screening score of the case.' }),
    reasonCodes: z.array(z.string()).openapi({ description: 'The AML reason codes of the live decision.' }),
    releaseRequestedBy: z.string().nullable(),
  })
  .openapi('CaseSummary');

export const CaseList = z
  .object({
    object: z.literal('list'),
    data: z.array(CaseSummary),
    has_more: z.boolean(),
  })
  .openapi('CaseList');

export const ComplianceCase = z
  .object({
    ...caseFields,
    object: z.literal('compliance_case'),
    runId: z
      .string()
      .nullable()
      .openapi({ description: 'Continuous screening: the run that raised the alert.' }),
    releaseRequest: z
      .object({ by: z.string(), at: Timestamp, reason: z.string() })
      .nullable()
      .openapi({ description: 'The pending release request, waiting for a second officer.' }),
    decision: z
      .object({ by: z.string(), at: Timestamp, reason: z.string().nullable() })
      .nullable()
      .openapi({ description: 'The final decision (release approved or rejection).' }),
    decisions: z.array(CaseDecisionEntry).openapi({ description: 'Every officer decision, oldest first.' }),
    transfer: Transfer.nullable().openapi({
      description: 'The held transfer, with its insured person as your role may see them.',
    }),
    parties: z.array(CaseParty),
    aml: CaseAmlDecision.nullable(),
    listVersions: z
      .array(ListVersionRef)
      .openapi({ description: 'Every list version the screening and the decision used.' }),
    suppressionIds: z.array(z.string()).openapi({ description: 'Suppressions created from this case.' }),
    history: z
      .array(CaseEvent)
      .openapi({ description: 'Audit events of the case, its transfer and its suppressions, oldest first.' }),
  })
  .openapi('ComplianceCase');

// --- suppressions ---------------------------------------------------------------------------

export const Suppression = z
  .object({
    id: z.string(),
    object: z.literal('suppression'),
    partyKey: z.string(),
    entityId: z.string(),
    entrySha256: z
      .string()
      .openapi({ description: 'The list entry’s content hash: a changed entry ends the suppression.' }),
    reason: z.string(),
    caseId: z.string().nullable(),
    createdBy: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    revokedAt: Timestamp.nullable(),
    revokedBy: z.string().nullable(),
    status: z.enum(['active', 'expired', 'revoked', 'entry_changed']).openapi({
      description: '`entry_changed`: the active list version no longer holds the entry as it was.',
    }),
  })
  .openapi('Suppression');

export const SuppressionList = z
  .object({ object: z.literal('list'), data: z.array(Suppression) })
  .openapi('SuppressionList');

// --- suspicious-activity report -------------------------------------------------------------

export const SuspiciousActivityReport = z
  .object({
    object: z.literal('suspicious_activity_report'),
    generatedAt: Timestamp,
    generatedBy: z.string(),
    reportingEntity: z.object({ name: z.string(), jurisdiction: z.string() }),
    case: z.object({ ...caseFields, runId: z.string().nullable() }),
    transfer: Transfer.nullable(),
    parties: z.array(CaseParty),
    aml: CaseAmlDecision.nullable(),
    listVersions: z.array(ListVersionRef),
    ruleSetVersion: z.number().int().nullable(),
    decisions: z.array(CaseDecisionEntry),
    timeline: z.array(CaseEvent),
  })
  .openapi('SuspiciousActivityReport');
export type SuspiciousActivityReport = z.infer<typeof SuspiciousActivityReport>;
export type ComplianceCase = z.infer<typeof ComplianceCase>;
export type CaseSummary = z.infer<typeof CaseSummary>;
export type CaseParty = z.infer<typeof CaseParty>;
export type Suppression = z.infer<typeof Suppression>;
