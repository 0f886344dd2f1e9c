import {
  ScreeningSearchRequest,
  ScreeningSearchResult,
  TransferCompliance,
} from '../../../../schemas/screening.ts';
import { TransferIdParam } from '../../../../schemas/transfers.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const searchScreeningRoute = defineRoute(['compliance_officer', 'compliance_approver'], {
  method: 'post',
  path: '/v1/screening/search',
  tags: ['Screening'],
  summary: 'Screen a name against the sanctions lists',
  description:
    'The same matcher the pipeline uses for payers and beneficiaries: names in any script are transliterated inside the gateway (nothing leaves it), compared token by token, and moved by the qualifiers given (birth date, country, type). Every hit explains itself: the list entry, the name of it that matched, per-token scores and the qualifiers. The name is neither logged nor stored (the answer shows its normalised tokens to you only); the search is audited without it.',
  request: { body: { content: json(ScreeningSearchRequest), required: true } },
  responses: {
    200: {
      description: 'Hits, best first, with the list versions and thresholds.',
      content: json(ScreeningSearchResult),
    },
    503: problemResponse('No sanctions list is active (`screening_unavailable`); import one first.'),
  },
});

export const transferComplianceRoute = defineRoute(['compliance_officer', 'compliance_approver', 'auditor'], {
  method: 'get',
  path: '/v1/transfers/{id}/compliance',
  tags: ['Screening'],
  summary: 'The compliance decision of a transfer',
  description:
    'What was decided when the transfer was screened: clear, review or reject, every reason with its score, the rule-set version, each party’s screening with hits and explanations, the list versions, and the decisions of any rule set running in shadow.',
  request: { params: TransferIdParam },
  responses: {
    200: { description: 'The decision and its grounds.', content: json(TransferCompliance) },
    404: problemResponse('No transfer with this id (`not_found`).'),
  },
});
