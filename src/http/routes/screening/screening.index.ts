import { createRouter } from '../../route.ts';
import { searchScreeningHandler, transferComplianceHandler } from './screening.handlers.ts';
import { searchScreeningRoute, transferComplianceRoute } from './screening.routes.ts';

export const screeningRouter = createRouter()
  .openapi(searchScreeningRoute, searchScreeningHandler)
  .openapi(transferComplianceRoute, transferComplianceHandler);
