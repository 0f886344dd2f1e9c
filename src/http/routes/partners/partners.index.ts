import { createRouter } from '../../route.ts';
import {
  addPartnerKeyHandler,
  addTrustAnchorHandler,
  getPartnerHandler,
  getVerifiedMessageHandler,
  importCrlHandler,
  jwksHandler,
  listPartnersHandler,
  listTrustAnchorsHandler,
  retirePartnerKeyHandler,
  upsertPartnerHandler,
} from './partners.handlers.ts';
import {
  addPartnerKeyRoute,
  addTrustAnchorRoute,
  getPartnerRoute,
  getVerifiedMessageRoute,
  importCrlRoute,
  jwksRoute,
  listPartnersRoute,
  listTrustAnchorsRoute,
  retirePartnerKeyRoute,
  upsertPartnerRoute,
} from './partners.routes.ts';

export const partnersRouter = createRouter()
  .openapi(listPartnersRoute, listPartnersHandler)
  .openapi(getPartnerRoute, getPartnerHandler)
  .openapi(upsertPartnerRoute, upsertPartnerHandler)
  .openapi(addPartnerKeyRoute, addPartnerKeyHandler)
  .openapi(retirePartnerKeyRoute, retirePartnerKeyHandler)
  .openapi(listTrustAnchorsRoute, listTrustAnchorsHandler)
  .openapi(addTrustAnchorRoute, addTrustAnchorHandler)
  .openapi(importCrlRoute, importCrlHandler)
  .openapi(getVerifiedMessageRoute, getVerifiedMessageHandler)
  .openapi(jwksRoute, jwksHandler);
