import { createRouter } from '../../route.ts';
import { listCallbacksHandler, replayCallbackHandler } from './callbacks.handlers.ts';
import { listCallbacksRoute, replayCallbackRoute } from './callbacks.routes.ts';

export const callbacksRouter = createRouter()
  .openapi(listCallbacksRoute, listCallbacksHandler)
  .openapi(replayCallbackRoute, replayCallbackHandler);
