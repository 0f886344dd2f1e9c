import type { RouteHandler } from '@hono/zod-openapi';
import { SANCTIONS_SOURCES } from '../../../ports/sanctions.ts';
import { activeListVersionDetails, listImports } from '../../../services/sanctions/versions.ts';
import type { AppEnv } from '../../context.ts';
import type { sanctionsImportsRoute, sanctionsListsRoute } from './sanctions.routes.ts';

export const sanctionsListsHandler: RouteHandler<typeof sanctionsListsRoute, AppEnv> = async (c) => {
  const versions = await activeListVersionDetails(await c.get('db')());
  const data = versions
    .sort((a, b) => SANCTIONS_SOURCES.indexOf(a.source) - SANCTIONS_SOURCES.indexOf(b.source))
    .map(({ active: _active, ...version }) => ({ object: 'sanctions_list_version' as const, ...version }));
  const missing = SANCTIONS_SOURCES.filter(
    (source) => !versions.some((version) => version.source === source),
  );
  return c.json({ object: 'list' as const, data, missing }, 200);
};

export const sanctionsImportsHandler: RouteHandler<typeof sanctionsImportsRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const attempts = await listImports(await c.get('db')(), {
    limit: query.limit,
    ...(query.source ? { source: query.source } : {}),
  });
  return c.json(
    {
      object: 'list' as const,
      data: attempts.map((attempt) => ({ object: 'sanctions_import' as const, ...attempt })),
    },
    200,
  );
};
