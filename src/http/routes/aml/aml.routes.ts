import {
  AmlJurisdictionParam,
  AmlJurisdictionRules,
  AmlRuleSet,
  AmlRuleSetIdParam,
  AmlRuleSetList,
  AmlRuleSetQuery,
  AmlRuleSetRequest,
  AmlShadowReport,
  AmlSimulation,
  AmlSimulationRequest,
  BeneficiaryParam,
  DeathReport,
  DeathReportRequest,
  LifeCertificate,
  LifeCertificateRequest,
} from '../../../../schemas/aml.ts';
import { IdempotencyHeaders } from '../../../../schemas/transfers.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const body = <T>(schema: T) => ({ content: json(schema), required: true });
const TAG = ['AML'];

/** Who reads rule sets and their reports: the compliance roles and auditors. */
const READERS = ['compliance_officer', 'compliance_approver', 'auditor'] as const;
/** Who records what the benefit rules check: operations staff and compliance officers. */
const LIFE_EVENT_RECORDERS = ['operator', 'compliance_officer'] as const;

const NOT_FOUND = problemResponse('No rule-set version has this id (`rule_set_not_found`).');
const STATE = problemResponse(
  'The version is not in a state that allows this (`rule_set_state_conflict`); `details.ruleSetStatus` says which it is in.',
);
const INVALID = problemResponse(
  'A parameter is outside the bounds the jurisdiction declares (`rule_parameters_invalid`); `errors` names each one. Or the jurisdiction is not enabled (`jurisdiction_unknown`).',
);

export const proposeRuleSetRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/aml/rule-sets',
  tags: TAG,
  summary: 'Propose a rule-set version for a jurisdiction',
  description:
    'The given parameters are laid over those in force (the active version, or the adapter defaults) and checked against the bounds the jurisdiction’s adapter declares. The new version is `proposed`: it changes nothing until another officer activates it. Audited. Requires an `Idempotency-Key`.',
  request: { headers: IdempotencyHeaders, body: body(AmlRuleSetRequest) },
  responses: {
    201: { description: 'The proposed version.', content: json(AmlRuleSet) },
    409: problemResponse('The Idempotency-Key was used with a different body (`idempotency_conflict`).'),
    422: INVALID,
  },
});

export const listRuleSetsRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/aml/rule-sets',
  tags: TAG,
  summary: 'Rule-set versions, by jurisdiction and newest first',
  request: { query: AmlRuleSetQuery },
  responses: { 200: { description: 'The versions.', content: json(AmlRuleSetList) } },
});

export const getRuleSetRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/aml/rule-sets/{id}',
  tags: TAG,
  summary: 'A rule-set version, with how it differs from the parameters in force',
  request: { params: AmlRuleSetIdParam },
  responses: { 200: { description: 'The version.', content: json(AmlRuleSet) }, 404: NOT_FOUND },
});

export const shadowRuleSetRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/aml/rule-sets/{id}/shadow',
  tags: TAG,
  summary: 'Run a proposed version in shadow on live traffic',
  description:
    'From now on every transfer of the jurisdiction is also decided under this version; its decisions are stored beside the live ones (not acted on) and compared in the shadow report. One version per jurisdiction runs in shadow. Audited.',
  request: { params: AmlRuleSetIdParam },
  responses: {
    200: { description: 'The version, in shadow.', content: json(AmlRuleSet) },
    404: NOT_FOUND,
    409: STATE,
    422: INVALID,
  },
});

export const shadowReportRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/aml/rule-sets/{id}/shadow-report',
  tags: TAG,
  summary: 'Live and shadow decisions since the version started in shadow',
  description:
    'Counts of both, and every transfer (up to 500) whose shadow decision differs, with the reason codes gained and lost.',
  request: { params: AmlRuleSetIdParam },
  responses: {
    200: { description: 'The report.', content: json(AmlShadowReport) },
    404: NOT_FOUND,
    409: problemResponse('The version never ran in shadow (`rule_set_state_conflict`).'),
  },
});

export const simulateRuleSetRoute = defineRoute(['compliance_officer', 'compliance_approver'], {
  method: 'post',
  path: '/v1/aml/rule-sets/{id}/simulate',
  tags: TAG,
  summary: 'Replay the last N days of transfers through a version',
  description:
    'Each live decision of the jurisdiction in the window is decided again under this version, over the facts stored with it (linked history, amounts, countries, screening results as they were). Reports the decisions before and after, and each transfer (up to 500) whose decision would change, with the reason codes gained and lost. Changes nothing; the run is audited. Approvers may run it before they activate.',
  request: { params: AmlRuleSetIdParam, body: body(AmlSimulationRequest) },
  responses: {
    200: { description: 'The simulation.', content: json(AmlSimulation) },
    404: NOT_FOUND,
    422: INVALID,
  },
});

export const activateRuleSetRoute = defineRoute(['compliance_officer', 'compliance_approver'], {
  method: 'post',
  path: '/v1/aml/rule-sets/{id}/activate',
  tags: TAG,
  summary: 'Activate a proposed or shadow version (four eyes)',
  description:
    'An approver or a compliance officer other than the one who proposed it. The version in force retires; from now on transfers of the jurisdiction are decided under this one. Audited.',
  request: { params: AmlRuleSetIdParam },
  responses: {
    200: { description: 'The version, active.', content: json(AmlRuleSet) },
    404: NOT_FOUND,
    409: problemResponse(
      'You proposed this version (`four_eyes_required`), or it is not proposed or in shadow (`rule_set_state_conflict`).',
    ),
    422: INVALID,
  },
});

export const withdrawRuleSetRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/aml/rule-sets/{id}/withdraw',
  tags: TAG,
  summary: 'Withdraw a proposal, or stop a shadow run',
  description: 'The version is kept, `withdrawn`, and can no longer be activated. Audited.',
  request: { params: AmlRuleSetIdParam },
  responses: {
    200: { description: 'The withdrawn version.', content: json(AmlRuleSet) },
    404: NOT_FOUND,
    409: STATE,
  },
});

export const jurisdictionRulesRoute = defineRoute(READERS, {
  method: 'get',
  path: '/v1/aml/jurisdictions/{code}/rules',
  tags: TAG,
  summary: 'A jurisdiction’s AML rules: in force, in shadow, defaults and bounds',
  description:
    'The parameters in force (version 0: the adapter defaults), the version running in shadow, the bounds within which officers may set each parameter, the hold policy, the sanctions lists and how current the FATF data is.',
  request: { params: AmlJurisdictionParam },
  responses: {
    200: { description: 'The rules.', content: json(AmlJurisdictionRules) },
    404: problemResponse('The jurisdiction declares no rules: the home jurisdiction (`rule_set_not_found`).'),
    422: problemResponse('The jurisdiction is not enabled (`jurisdiction_unknown`).'),
  },
});

const SUBJECT_NOT_FOUND = problemResponse('No data subject with this id (`data_subject_not_found`).');

export const recordLifeCertificateRoute = defineRoute(LIFE_EVENT_RECORDERS, {
  method: 'post',
  path: '/v1/beneficiaries/{subjectId}/life-certificates',
  tags: TAG,
  summary: 'Record a life certificate',
  description:
    'The person was seen alive on `issuedOn`; benefits are paid without a hold while a certificate is valid. Audited with ids only. `validation_failed` for a date in the future or `validUntil` not after `issuedOn`.',
  request: { params: BeneficiaryParam, body: body(LifeCertificateRequest) },
  responses: {
    201: { description: 'The certificate.', content: json(LifeCertificate) },
    404: SUBJECT_NOT_FOUND,
  },
});

export const recordDeathReportRoute = defineRoute(LIFE_EVENT_RECORDERS, {
  method: 'post',
  path: '/v1/beneficiaries/{subjectId}/death-reports',
  tags: TAG,
  summary: 'Record a reported death',
  description:
    'Benefits for the person on or after `dateOfDeath` give the reason `PAYOUT_AFTER_DEATH`. Audited with ids only. `validation_failed` for a date in the future.',
  request: { params: BeneficiaryParam, body: body(DeathReportRequest) },
  responses: {
    201: { description: 'The report.', content: json(DeathReport) },
    404: SUBJECT_NOT_FOUND,
  },
});
