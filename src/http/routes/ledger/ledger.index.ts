import { createRouter } from '../../route.ts';
import { balancesHandler, ledgerCheckHandler } from './ledger.handlers.ts';
import { balancesRoute, ledgerCheckRoute } from './ledger.routes.ts';

export const ledgerRouter = createRouter()
  .openapi(balancesRoute, balancesHandler)
  .openapi(ledgerCheckRoute, ledgerCheckHandler);
