import { Health, Readiness } from '../../../../schemas/health.ts';
import { defineRoute } from '../../route.ts';

export const health = defineRoute('public', {
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Liveness: the process answers',
  responses: {
    200: { description: 'The process is alive.', content: { 'application/json': { schema: Health } } },
  },
});

export const ready = defineRoute('public', {
  method: 'get',
  path: '/ready',
  tags: ['Operations'],
  summary: 'Readiness: the database answers and its migrations are current',
  responses: {
    200: { description: 'Ready to serve.', content: { 'application/json': { schema: Readiness } } },
    503: {
      description: 'Not ready; `checks` says why.',
      content: { 'application/json': { schema: Readiness } },
    },
  },
});
