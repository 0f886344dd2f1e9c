import { createRouter } from '../../route.ts';
import {
  fxStatusHandler,
  listManualRatesHandler,
  referenceRateHandler,
  revokeManualRateHandler,
  setManualRateHandler,
} from './fx.handlers.ts';
import {
  fxStatusRoute,
  listManualRatesRoute,
  referenceRateRoute,
  revokeManualRateRoute,
  setManualRateRoute,
} from './fx.routes.ts';

export const fxRouter = createRouter()
  .openapi(referenceRateRoute, referenceRateHandler)
  .openapi(fxStatusRoute, fxStatusHandler)
  .openapi(setManualRateRoute, setManualRateHandler)
  .openapi(listManualRatesRoute, listManualRatesHandler)
  .openapi(revokeManualRateRoute, revokeManualRateHandler);
