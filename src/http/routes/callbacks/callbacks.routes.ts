import { Callback, CallbackIdParam, CallbackList, CallbackQuery } from '../../../../schemas/partners.ts';
import { defineRoute, problemResponse } from '../../route.ts';

const json = <T>(schema: T) => ({ 'application/json': { schema } });

export const listCallbacksRoute = defineRoute(['operator', 'auditor'], {
  method: 'get',
  path: '/v1/callbacks',
  tags: ['Partners'],
  summary: 'Callbacks to partners, newest first',
  description:
    'Filter with `status=dead` for the dead-letter queue. Delivery schedule: at once, then after 1 min, 5 min, 15 min, 30 min, 1 h, 2 h, 4 h, 6 h and 10 h (±20 % jitter), about 24 h in all; then `dead`.',
  request: { query: CallbackQuery },
  responses: { 200: { description: 'A page of callbacks.', content: json(CallbackList) } },
});

export const replayCallbackRoute = defineRoute(['operator'], {
  method: 'post',
  path: '/v1/callbacks/{id}/replay',
  tags: ['Partners'],
  summary: 'Send a dead or delivered callback again',
  description:
    'Same event id (partners deduplicate on it), fresh signature, schedule from the first attempt. Audited.',
  request: { params: CallbackIdParam },
  responses: {
    200: { description: 'The callback, pending again.', content: json(Callback) },
    404: problemResponse('No callback with this id (`callback_not_found`).'),
    409: problemResponse('Still being delivered (`invalid_state_transition`).'),
  },
});
