import { createRouter } from '../../route.ts';
import { createTransferHandler, getTransferHandler, listTransfersHandler } from './transfers.handlers.ts';
import { createTransferRoute, getTransferRoute, listTransfersRoute } from './transfers.routes.ts';

export const transfersRouter = createRouter()
  .openapi(createTransferRoute, createTransferHandler)
  .openapi(listTransfersRoute, listTransfersHandler)
  .openapi(getTransferRoute, getTransferHandler);
