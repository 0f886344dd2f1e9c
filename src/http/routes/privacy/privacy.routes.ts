import { z } from '@hono/zod-openapi';
import {
  Consent,
  ConsentParams,
  ConsentRequest,
  ConsentWithdrawalRequest,
  DataSubject,
  DataSubjectIdParam,
  ErasureOutcome,
  ErasureRequest,
  ExportQuery,
  PurgeRun,
  PurgeRunList,
  RecordsOfProcessing,
  RectificationRequest,
  RelationshipEndRequest,
  RewrapReport,
  RewrapRequest,
  SubjectExport,
  SubjectSearchRequest,
} from '../../../../schemas/privacy.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ content: json(schema), required: true });
const TAG = ['Privacy'];

/** Who reads a person: the privacy officer (requests), compliance (reviews), auditors (pseudonyms). */
const SUBJECT_READERS = ['privacy_officer', 'compliance_officer', 'compliance_approver', 'auditor'] as const;

const NOT_FOUND = problemResponse('No data subject with this id (`data_subject_not_found`).');
const ERASED = problemResponse('The person’s data key was destroyed (`data_subject_erased`).');
const PERSON_INVALID = problemResponse(
  'A national identifier, IBAN or date was rejected (`person_invalid`); `errors` names the field and rule, never the value.',
);

export const searchSubjectRoute = defineRoute(['privacy_officer', 'compliance_officer'], {
  method: 'post',
  path: '/v1/privacy/subjects/search',
  tags: TAG,
  summary: 'Find a person by national identifier',
  description:
    'The identifier is validated and turned into its keyed pseudonym; the gateway looks the pseudonym up, never the identifier. The person is shown as the caller’s role may see them. Audited.',
  request: { body: body(SubjectSearchRequest) },
  responses: {
    200: { description: 'The data subject.', content: json(DataSubject) },
    404: NOT_FOUND,
    422: PERSON_INVALID,
  },
});

export const getSubjectRoute = defineRoute(SUBJECT_READERS, {
  method: 'get',
  path: '/v1/privacy/subjects/{id}',
  tags: TAG,
  summary: 'A data subject, as your role may see them',
  description:
    'Privacy officers see every field; compliance roles what screening and review need; auditors pseudonyms and categories only.',
  request: { params: DataSubjectIdParam },
  responses: { 200: { description: 'The data subject.', content: json(DataSubject) }, 404: NOT_FOUND },
});

export const exportSubjectRoute = defineRoute(['privacy_officer'], {
  method: 'get',
  path: '/v1/privacy/subjects/{id}/export',
  tags: TAG,
  summary: 'Access: everything held about a person',
  description:
    'GDPR Art. 15 / PIPL Art. 45. `format=json` (machine-readable) or `format=html`: a printable document in the person’s language beside English. Audited.',
  request: { params: DataSubjectIdParam, query: ExportQuery },
  responses: {
    200: {
      description: 'The export.',
      content: { ...json(SubjectExport), 'text/html': { schema: z.string() } },
    },
    404: NOT_FOUND,
  },
});

export const rectifySubjectRoute = defineRoute(['privacy_officer'], {
  method: 'patch',
  path: '/v1/privacy/subjects/{id}',
  tags: TAG,
  summary: 'Rectification: correct a person’s data',
  description:
    'GDPR Art. 16 / PIPL Art. 46. The given parts replace the stored ones; `null` removes an optional part. A corrected national identifier changes the pseudonyms. Audited with the field names, never the values.',
  request: { params: DataSubjectIdParam, body: body(RectificationRequest) },
  responses: {
    200: { description: 'The data subject after correction.', content: json(DataSubject) },
    404: NOT_FOUND,
    409: problemResponse('Another person already has the corrected identifier (`data_subject_conflict`).'),
    410: ERASED,
    422: PERSON_INVALID,
  },
});

export const eraseSubjectRoute = defineRoute(['privacy_officer'], {
  method: 'post',
  path: '/v1/privacy/subjects/{id}/erasure',
  tags: TAG,
  summary: 'Erasure: destroy a person’s data, or restrict it where the law requires keeping it',
  description:
    'GDPR Art. 17 / PIPL Art. 47. Without a retention obligation the data key is destroyed (crypto-shredding). While AML records must be kept, processing is restricted instead, and the answer gives the legal ground, the end date and where to complain. Audited.',
  request: { params: DataSubjectIdParam, body: body(ErasureRequest) },
  responses: {
    200: { description: 'What was done, and why.', content: json(ErasureOutcome) },
    404: NOT_FOUND,
    410: ERASED,
  },
});

export const endRelationshipRoute = defineRoute(['privacy_officer', 'operator'], {
  method: 'post',
  path: '/v1/privacy/subjects/{id}/relationship-end',
  tags: TAG,
  summary: 'Record the end of the relationship: retention periods start',
  description: 'A new transfer for the person starts the relationship again. Audited.',
  request: { params: DataSubjectIdParam, body: body(RelationshipEndRequest) },
  responses: {
    200: { description: 'The data subject.', content: json(DataSubject) },
    404: NOT_FOUND,
    410: ERASED,
  },
});

export const recordConsentRoute = defineRoute(['privacy_officer', 'operator'], {
  method: 'post',
  path: '/v1/privacy/consents',
  tags: TAG,
  summary: 'Record a consent',
  description:
    'Who (by national identifier; a person not yet known is recorded), for which purpose, which kind (`pipl_separate_consent` for PIPL Art. 39 cross-border provision), which text version, when and through which channel. Audited.',
  request: { body: body(ConsentRequest) },
  responses: {
    201: { description: 'The consent.', content: json(Consent) },
    409: problemResponse('Processing of the person’s data is restricted (`processing_restricted`).'),
    410: ERASED,
    422: PERSON_INVALID,
  },
});

export const withdrawConsentRoute = defineRoute(['privacy_officer', 'operator'], {
  method: 'post',
  path: '/v1/privacy/subjects/{id}/consents/{consentId}/withdrawal',
  tags: TAG,
  summary: 'Withdraw a consent',
  description:
    'Takes effect at once for new processing: the next transfer that needs the consent is refused with `consent_required`. Audited.',
  request: { params: ConsentParams, body: body(ConsentWithdrawalRequest) },
  responses: {
    200: { description: 'The withdrawn consent.', content: json(Consent) },
    404: problemResponse('No such person or consent (`data_subject_not_found`, `consent_not_found`).'),
    409: problemResponse('Already withdrawn (`consent_withdrawn`).'),
  },
});

export const runPurgeRoute = defineRoute(['privacy_officer'], {
  method: 'post',
  path: '/v1/privacy/purge-runs',
  tags: TAG,
  summary: 'Run the retention purge now',
  description:
    'The same job runs on a timer (PONTIS_PURGE_HOURS on Node, the daily Cron Trigger on Workers). Categories past their retention are deleted; a person with nothing left is crypto-shredded.',
  responses: { 201: { description: 'The report of this run.', content: json(PurgeRun) } },
});

export const listPurgeRunsRoute = defineRoute(['privacy_officer', 'auditor'], {
  method: 'get',
  path: '/v1/privacy/purge-runs',
  tags: TAG,
  summary: 'Purge reports, newest first',
  responses: { 200: { description: 'The last 50 runs.', content: json(PurgeRunList) } },
});

export const rewrapKeysRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/privacy/keys/rewrap',
  tags: TAG,
  summary: 'Re-wrap data keys under the current key-encryption key',
  description:
    'After a KEK rotation (new KEK first in PONTIS_KEKS, the old one after it). Safe while the gateway serves traffic; repeat until `remaining` is 0, then remove the old KEK. Audited.',
  request: { body: body(RewrapRequest) },
  responses: { 200: { description: 'How many keys moved, how many are left.', content: json(RewrapReport) } },
});

export const recordsOfProcessingRoute = defineRoute(
  ['privacy_officer', 'auditor', 'compliance_officer', 'operator'],
  {
    method: 'get',
    path: '/v1/privacy/records-of-processing',
    tags: TAG,
    summary: 'Records of processing (GDPR Art. 30)',
    description:
      'Generated from the adapters’ declarations: purposes, categories, recipients, third-country transfers and their safeguards, consent, retention and security measures. The same records are in docs/records-of-processing.md.',
    responses: { 200: { description: 'The records.', content: json(RecordsOfProcessing) } },
  },
);
