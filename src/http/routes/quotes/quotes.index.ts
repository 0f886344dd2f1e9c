import { createRouter } from '../../route.ts';
import { createQuoteHandler } from './quotes.handlers.ts';
import { createQuoteRoute } from './quotes.routes.ts';

export const quotesRouter = createRouter().openapi(createQuoteRoute, createQuoteHandler);
