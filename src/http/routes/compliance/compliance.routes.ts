import { z } from '@hono/zod-openapi';
import {
  ApproveReleaseRequest,
  CaseIdParam,
  CaseList,
  CaseListQuery,
  ComplianceCase,
  DeclineReleaseRequest,
  RejectRequest,
  ReleaseRequest,
  Suppression,
  SuppressionIdParam,
  SuppressionList,
  SuppressionQuery,
  SuppressionRequest,
  SuspiciousActivityReport,
} from '../../../../schemas/compliance.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ content: json(schema), required: true });
const TAG = ['Compliance'];

/** Who reads cases: the officers who decide them, and auditors. */
const READERS = ['compliance_officer', 'compliance_approver', 'auditor'] as const;
/** Who checks a release: the second pair of eyes is an officer or an approver. */
const CHECKERS = ['compliance_officer', 'compliance_approver'] as const;

const NOT_FOUND = problemResponse('No compliance case with this id (`case_not_found`).');
const CONFLICT = (what: string) =>
  problemResponse(
    `${what} (\`case_state_conflict\`; \`details\` gives the case's status). The transfer did not move.`,
  );

export const listCasesRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/compliance/cases',
  tags: TAG,
  summary: 'The review queue',
  description:
    'Cases in the order to take them: `high` priority (possible sanctions matches, funds frozen) first, then the oldest first. By default the undecided ones (`open`, `release_requested`). Each with its transfer, top screening score and AML reason codes.',
  request: { query: CaseListQuery },
  responses: {
    200: { description: 'One page of the queue.', content: json(CaseList) },
  },
});

export const getCaseRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/compliance/cases/{id}',
  tags: TAG,
  summary: 'A case, with its evidence',
  description:
    'The held transfer, every screened party with hits and their explanations, the AML decision with its reasons, list and rule-set versions, the officers’ decisions and the audit history. The person is shown as your role may see them (auditors: the pseudonymous id only).',
  request: { params: CaseIdParam },
  responses: { 200: { description: 'The case.', content: json(ComplianceCase) }, 404: NOT_FOUND },
});

export const releaseCaseRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/compliance/cases/{id}/release',
  tags: TAG,
  summary: 'Ask to release a held transfer (first officer)',
  description:
    'The transfer goes `held → released` and waits for a different officer’s approval (four eyes); nothing settles before. Audited.',
  request: { params: CaseIdParam, body: body(ReleaseRequest) },
  responses: {
    200: { description: 'The case, now `release_requested`.', content: json(ComplianceCase) },
    404: NOT_FOUND,
    409: CONFLICT('The case is not `open`'),
  },
});

export const approveReleaseRoute = defineRoute(CHECKERS, {
  method: 'post',
  path: '/v1/compliance/cases/{id}/approve-release',
  tags: TAG,
  summary: 'Approve a release (second officer)',
  description:
    'A different officer than the one who asked: the transfer goes `released → approved`. The same officer gets `four_eyes_required`. Audited.',
  request: { params: CaseIdParam, body: body(ApproveReleaseRequest) },
  responses: {
    200: { description: 'The case, now `released` (an alert: `closed`).', content: json(ComplianceCase) },
    404: NOT_FOUND,
    409: problemResponse(
      '`four_eyes_required`: you asked for this release yourself; or `case_state_conflict`: no release is pending.',
    ),
  },
});

export const declineReleaseRoute = defineRoute(CHECKERS, {
  method: 'post',
  path: '/v1/compliance/cases/{id}/decline-release',
  tags: TAG,
  summary: 'Send a release request back',
  description:
    'The transfer returns `released → held` and the case is `open` again; the officer who asked may withdraw their own request this way. Audited.',
  request: { params: CaseIdParam, body: body(DeclineReleaseRequest) },
  responses: {
    200: { description: 'The case, `open` again.', content: json(ComplianceCase) },
    404: NOT_FOUND,
    409: CONFLICT('No release is pending'),
  },
});

export const rejectCaseRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/compliance/cases/{id}/reject',
  tags: TAG,
  summary: 'Reject a held transfer',
  description:
    'The transfer goes `held → rejected` and its ledger reservation is voided; the reason stays with the case (the partner sees only the state). A `high` case is never rejected: its funds stay frozen until released by two officers. Audited.',
  request: { params: CaseIdParam, body: body(RejectRequest) },
  responses: {
    200: { description: 'The case, now `rejected`.', content: json(ComplianceCase) },
    404: NOT_FOUND,
    409: CONFLICT('The case is not `open`, or is `high` priority (funds frozen)'),
  },
});

export const createSuppressionRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/compliance/cases/{id}/suppressions',
  tags: TAG,
  summary: 'Mark a hit of this case as a false positive',
  description:
    'For that party and list entry, until `expiresAt` (at most a year), and only while the entry is unchanged: later screenings of the party leave the hit out. It releases nothing; the case is still decided by the officers. Audited.',
  request: { params: CaseIdParam, body: body(SuppressionRequest) },
  responses: {
    201: { description: 'The suppression.', content: json(Suppression) },
    404: NOT_FOUND,
    409: problemResponse('Already suppressed, or the list entry is not stored (`case_state_conflict`).'),
  },
});

export const listSuppressionsRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/compliance/suppressions',
  tags: TAG,
  summary: 'Suppressions, newest first',
  request: { query: SuppressionQuery },
  responses: { 200: { description: 'The suppressions.', content: json(SuppressionList) } },
});

export const revokeSuppressionRoute = defineRoute(CHECKERS, {
  method: 'post',
  path: '/v1/compliance/suppressions/{id}/revoke',
  tags: TAG,
  summary: 'Revoke a suppression',
  description: 'The hit counts again from the next screening on. Audited.',
  request: { params: SuppressionIdParam },
  responses: {
    200: { description: 'The revoked suppression.', content: json(Suppression) },
    404: problemResponse('No suppression with this id (`suppression_not_found`).'),
    409: problemResponse('Already revoked (`case_state_conflict`).'),
  },
});

export const sarRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/compliance/cases/{id}/sar',
  tags: TAG,
  summary: 'Suspicious-activity report (JSON)',
  description:
    'Reporting entity, case, transfer, parties (the person as your role may see them), hits with explanations, AML reasons, list and rule-set versions, the officers’ decisions and the timeline. Audited.',
  request: { params: CaseIdParam },
  responses: { 200: { description: 'The report.', content: json(SuspiciousActivityReport) }, 404: NOT_FOUND },
});

export const sarDocumentRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/compliance/cases/{id}/sar.html',
  tags: TAG,
  summary: 'Suspicious-activity report (printable document)',
  description:
    'The same report as one self-contained HTML page that loads nothing, for printing or filing. Audited.',
  request: { params: CaseIdParam },
  responses: {
    200: { description: 'The document.', content: { 'text/html': { schema: z.string() } } },
    404: NOT_FOUND,
  },
});
