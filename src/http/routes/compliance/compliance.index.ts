import { createRouter } from '../../route.ts';
import {
  approveReleaseHandler,
  createSuppressionHandler,
  declineReleaseHandler,
  getCaseHandler,
  listCasesHandler,
  listSuppressionsHandler,
  rejectCaseHandler,
  releaseCaseHandler,
  revokeSuppressionHandler,
  sarDocumentHandler,
  sarHandler,
} from './compliance.handlers.ts';
import {
  approveReleaseRoute,
  createSuppressionRoute,
  declineReleaseRoute,
  getCaseRoute,
  listCasesRoute,
  listSuppressionsRoute,
  rejectCaseRoute,
  releaseCaseRoute,
  revokeSuppressionRoute,
  sarDocumentRoute,
  sarRoute,
} from './compliance.routes.ts';

export const complianceRouter = createRouter()
  .openapi(listCasesRoute, listCasesHandler)
  .openapi(getCaseRoute, getCaseHandler)
  .openapi(sarDocumentRoute, sarDocumentHandler)
  .openapi(sarRoute, sarHandler)
  .openapi(releaseCaseRoute, releaseCaseHandler)
  .openapi(approveReleaseRoute, approveReleaseHandler)
  .openapi(declineReleaseRoute, declineReleaseHandler)
  .openapi(rejectCaseRoute, rejectCaseHandler)
  .openapi(createSuppressionRoute, createSuppressionHandler)
  .openapi(listSuppressionsRoute, listSuppressionsHandler)
  .openapi(revokeSuppressionRoute, revokeSuppressionHandler);
