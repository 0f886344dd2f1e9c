import { createRouter } from '../../route.ts';
import {
  createCreditorReferenceHandler,
  getJurisdictionHandler,
  listJurisdictionsHandler,
  validateIdentifierHandler,
} from './jurisdictions.handlers.ts';
import {
  createCreditorReferenceRoute,
  getJurisdictionRoute,
  listJurisdictionsRoute,
  validateIdentifierRoute,
} from './jurisdictions.routes.ts';

export const jurisdictionsRouter = createRouter()
  .openapi(listJurisdictionsRoute, listJurisdictionsHandler)
  .openapi(getJurisdictionRoute, getJurisdictionHandler)
  .openapi(validateIdentifierRoute, validateIdentifierHandler)
  .openapi(createCreditorReferenceRoute, createCreditorReferenceHandler);
