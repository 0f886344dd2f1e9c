import { createRouter } from '../../route.ts';
import { healthHandler, readyHandler } from './health.handlers.ts';
import { health, ready } from './health.routes.ts';

export const healthRouter = createRouter().openapi(health, healthHandler).openapi(ready, readyHandler);
