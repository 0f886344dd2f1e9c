import { createRouter } from '../../route.ts';
import {
  endRelationshipHandler,
  eraseSubjectHandler,
  exportSubjectHandler,
  getSubjectHandler,
  listPurgeRunsHandler,
  recordConsentHandler,
  recordsOfProcessingHandler,
  rectifySubjectHandler,
  rewrapKeysHandler,
  runPurgeHandler,
  searchSubjectHandler,
  withdrawConsentHandler,
} from './privacy.handlers.ts';
import {
  endRelationshipRoute,
  eraseSubjectRoute,
  exportSubjectRoute,
  getSubjectRoute,
  listPurgeRunsRoute,
  recordConsentRoute,
  recordsOfProcessingRoute,
  rectifySubjectRoute,
  rewrapKeysRoute,
  runPurgeRoute,
  searchSubjectRoute,
  withdrawConsentRoute,
} from './privacy.routes.ts';

export const privacyRouter = createRouter()
  .openapi(searchSubjectRoute, searchSubjectHandler)
  .openapi(recordsOfProcessingRoute, recordsOfProcessingHandler)
  .openapi(runPurgeRoute, runPurgeHandler)
  .openapi(listPurgeRunsRoute, listPurgeRunsHandler)
  .openapi(rewrapKeysRoute, rewrapKeysHandler)
  .openapi(recordConsentRoute, recordConsentHandler)
  .openapi(getSubjectRoute, getSubjectHandler)
  .openapi(exportSubjectRoute, exportSubjectHandler)
  .openapi(rectifySubjectRoute, rectifySubjectHandler)
  .openapi(eraseSubjectRoute, eraseSubjectHandler)
  .openapi(endRelationshipRoute, endRelationshipHandler)
  .openapi(withdrawConsentRoute, withdrawConsentHandler);
