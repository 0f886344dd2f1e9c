import { createRouter } from '../../route.ts';
import { sanctionsImportsHandler, sanctionsListsHandler } from './sanctions.handlers.ts';
import { sanctionsImportsRoute, sanctionsListsRoute } from './sanctions.routes.ts';

export const sanctionsRouter = createRouter()
  .openapi(sanctionsListsRoute, sanctionsListsHandler)
  .openapi(sanctionsImportsRoute, sanctionsImportsHandler);
