import { z } from '@hono/zod-openapi';
import { defineRoute, problemResponse } from '../../route.ts';

export const ProblemType = z
  .object({ code: z.string(), title: z.string(), status: z.number().int(), fix: z.string() })
  .openapi('ProblemType');

export const problemTypeRoute = defineRoute('public', {
  method: 'get',
  path: '/problems/{code}',
  tags: ['Operations'],
  summary: 'What a problem `type` means and how to fix it',
  request: {
    params: z.object({
      code: z
        .string()
        .max(64)
        .openapi({ param: { name: 'code', in: 'path' }, example: 'quote_expired' }),
    }),
  },
  responses: {
    200: { description: 'The problem type.', content: { 'application/json': { schema: ProblemType } } },
    404: problemResponse('No such problem type.'),
  },
});

export const problemTypesRoute = defineRoute('public', {
  method: 'get',
  path: '/problems',
  tags: ['Operations'],
  summary: 'Every error code the gateway can answer with',
  responses: {
    200: {
      description: 'All problem types.',
      content: { 'application/json': { schema: z.array(ProblemType) } },
    },
  },
});
