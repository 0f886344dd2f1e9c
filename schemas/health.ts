import { z } from '@hono/zod-openapi';

export const Health = z.object({ status: z.literal('ok'), version: z.string() }).openapi('Health');

export const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({
      database: z.object({
        status: z.enum(['up', 'down']),
        kind: z.string(),
        latencyMs: z.number().optional(),
      }),
      migrations: z.object({
        status: z.enum(['current', 'pending', 'unknown']),
        applied: z.number().int().optional(),
        expected: z.number().int(),
        pending: z.array(z.string()).optional(),
      }),
    }),
  })
  .openapi('Readiness');
