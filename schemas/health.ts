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
      fxRates: z
        .object({
          status: z.enum(['fresh', 'stale', 'missing']),
          newestRateDate: z.string().nullable(),
          source: z.string().nullable(),
          ageTargetDays: z.number().int().nullable(),
          maxRateAgeTargetDays: z.number().int(),
          lastRefresh: z
            .object({
              at: z.string(),
              status: z.enum(['loaded', 'unchanged', 'failed']),
              errorCode: z.string().nullable(),
              error: z.string().nullable(),
            })
            .nullable()
            .openapi({
              description: 'The last scheduled download; a failure here keeps the last good rates.',
            }),
        })
        .optional()
        .openapi({
          description:
            'Freshness of the reference rates. Informational: stale or missing rates make quotes fail with a clear code but do not make the gateway unready.',
        }),
    }),
  })
  .openapi('Readiness');
