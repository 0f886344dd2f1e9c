import {
  FxStatus,
  ManualRate,
  ManualRateList,
  ManualRateParams,
  ManualRateQuery,
  ManualRateRequest,
  ReferenceRateQuery,
  ReferenceRateView,
} from '../../../../schemas/fx.ts';
import { IdempotencyHeaders } from '../../../../schemas/transfers.ts';
import { ROLES } from '../../../services/auth/roles.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const COMPLIANCE_READERS = ['compliance_officer', 'compliance_approver', 'auditor', 'operator'] as const;

export const referenceRateRoute = defineRoute(ROLES, {
  method: 'get',
  path: '/v1/fx/rates',
  tags: ['FX'],
  summary: 'The published reference rate for a currency pair',
  description:
    'The newest ECB (or demo) reference rate on or before `date`, as a cross rate through EUR with the two per-EUR rates it comes from. Manual rates are listed under /v1/fx/manual-rates.',
  request: { query: ReferenceRateQuery },
  responses: {
    200: { description: 'The rate.', content: json(ReferenceRateView) },
    422: problemResponse('No rate was published for the pair on or before the day (`fx_rate_unavailable`).'),
  },
});

export const fxStatusRoute = defineRoute(COMPLIANCE_READERS, {
  method: 'get',
  path: '/v1/fx/status',
  tags: ['FX'],
  summary: 'How fresh the reference rates are, and the last imports and downloads',
  responses: { 200: { description: 'The status.', content: json(FxStatus) } },
});

export const setManualRateRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/fx/manual-rates',
  tags: ['FX'],
  summary: 'Set a manual rate for a corridor pair',
  description:
    'While it is valid, the rate replaces the published reference rate for both directions of the pair (for example the PBoC central parity for `CN-DE`), and quotes say `"source": "manual"` with the rate\'s id and version. Each setting is a new version, audited. Refused when the adapters do not allow manual rates, when the window is longer than they allow or starts in the past, or when the rate is further from the newest reference rate than they allow. Requires an `Idempotency-Key`.',
  request: { headers: IdempotencyHeaders, body: { required: true, content: json(ManualRateRequest) } },
  responses: {
    201: { description: 'The manual rate.', content: json(ManualRate) },
    409: problemResponse('The Idempotency-Key was used with a different body (`idempotency_conflict`).'),
    422: problemResponse('`corridor_unsupported` or `manual_rate_invalid`; `details` says which bound.'),
  },
});

export const listManualRatesRoute = defineRoute(COMPLIANCE_READERS, {
  method: 'get',
  path: '/v1/fx/manual-rates',
  tags: ['FX'],
  summary: 'Manual rates, newest first',
  request: { query: ManualRateQuery },
  responses: { 200: { description: 'The manual rates.', content: json(ManualRateList) } },
});

export const revokeManualRateRoute = defineRoute(['compliance_officer'], {
  method: 'post',
  path: '/v1/fx/manual-rates/{id}/revoke',
  tags: ['FX'],
  summary: 'Revoke a manual rate',
  description:
    'From now on quotes use the published reference rate again (or another manual rate in force). Audited; a rate is revoked once.',
  request: { params: ManualRateParams },
  responses: {
    200: { description: 'The revoked rate.', content: json(ManualRate) },
    404: problemResponse('No manual rate has this id (`manual_rate_not_found`).'),
    422: problemResponse('Already revoked (`manual_rate_invalid`).'),
  },
});
