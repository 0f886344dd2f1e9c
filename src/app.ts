/**
 * The gateway as one Hono app, built from its dependencies with no I/O at import or build time.
 * Node (`src/http/node-server.ts`) and Workers (`deploy/cloudflare/worker.ts`) serve the same app.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { GatewayError } from './core/errors.ts';
import { isPrivacyOperation, readPersonalValues, redactDeep } from './core/redaction.ts';
import type { AppDeps, AppEnv } from './http/context.ts';
import { requestDatabase } from './http/middleware/database.ts';
import { requestLog } from './http/middleware/request-log.ts';
import {
  errorFingerprint,
  PROBLEM_CATALOGUE_FIELDS,
  problemResponse,
  toGatewayError,
} from './http/problem.ts';
import { createRouter } from './http/route.ts';
import { amlRouter } from './http/routes/aml/aml.index.ts';
import { callbacksRouter } from './http/routes/callbacks/callbacks.index.ts';
import { complianceRouter } from './http/routes/compliance/compliance.index.ts';
import { docsRouter } from './http/routes/docs/docs.index.ts';
import { fxRouter } from './http/routes/fx/fx.index.ts';
import { healthRouter } from './http/routes/health/health.index.ts';
import { jurisdictionsRouter } from './http/routes/jurisdictions/jurisdictions.index.ts';
import { ledgerRouter } from './http/routes/ledger/ledger.index.ts';
import { partnersRouter } from './http/routes/partners/partners.index.ts';
import { privacyRouter } from './http/routes/privacy/privacy.index.ts';
import { problemsRouter } from './http/routes/problems/problems.index.ts';
import { quotesRouter } from './http/routes/quotes/quotes.index.ts';
import { sanctionsRouter } from './http/routes/sanctions/sanctions.index.ts';
import { screeningRouter } from './http/routes/screening/screening.index.ts';
import { transfersRouter } from './http/routes/transfers/transfers.index.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** `X-Request-Id` on every response: the caller's when well-formed, else a new one. */
export const requestIdMiddleware = () => requestId({ limitLength: 128 });
export const securityHeadersMiddleware = () =>
  secureHeaders({ crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'no-referrer' });

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = createRouter();

  app.use('*', requestIdMiddleware());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('principal', undefined);
    c.set('personalValues', []);
    await next();
  });
  app.use('*', requestLog());
  app.use('*', securityHeadersMiddleware());
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(
          c,
          new GatewayError('method_not_allowed', `Use ${methods.join(', ')} on this path.`, {
            headers: { Allow: methods.join(', ') },
          }),
        ),
    }),
  );
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new GatewayError('body_too_large', 'The request body is larger than 64 KiB.');
      },
    }),
  );
  // After the body limit, before any route reads or validates the body: the personal values it
  // carries, from a clone (the request's own bytes stay unread for partner signatures), so that
  // the request's log line and problem bodies can be redacted with them.
  app.use('*', async (c, next) => {
    c.set(
      'personalValues',
      await readPersonalValues(c.req.raw, {
        maxBytes: MAX_BODY_BYTES,
        personFields: isPrivacyOperation(c.req.path),
      }),
    );
    await next();
  });
  // Hono hands only Error instances to onError; anything else thrown becomes an internal_error here.
  app.use('*', async (_c, next) => {
    try {
      await next();
    } catch (error) {
      throw error instanceof Error ? error : toGatewayError(error);
    }
  });
  app.use('*', requestDatabase());

  app.route('/', healthRouter);
  app.route('/', jurisdictionsRouter);
  app.route('/', fxRouter);
  app.route('/', quotesRouter);
  app.route('/', transfersRouter);
  app.route('/', ledgerRouter);
  app.route('/', partnersRouter);
  app.route('/', callbacksRouter);
  app.route('/', privacyRouter);
  app.route('/', sanctionsRouter);
  app.route('/', screeningRouter);
  app.route('/', complianceRouter);
  app.route('/', amlRouter);
  app.route('/', problemsRouter);
  app.route('/', docsRouter);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A token signed by the gateway (`pontis token --role <role>` in demo mode).',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'partnerSignature', {
    type: 'apiKey',
    in: 'header',
    name: 'Signature',
    description:
      "Partner agencies: an RFC 9421 signature (`Signature-Input`, `Signature`, `Content-Digest`; FAPI 2.0 Message Signing profile) or a detached JWS (`x-jws-signature`), as docs/partner-integration.md describes. Responses carry the gateway's signature, bound to the request; keys at /.well-known/jwks.json.",
  });
  app.doc31('/openapi.json', (c) => ({
    openapi: '3.1.0',
    info: {
      title: 'Pontis gateway API',
      version: deps.version,
      description:
        'Cross-border social-security payments: contributions paid home by insured persons abroad, benefits paid out to them. Amounts are decimal strings; errors are RFC 9457 problem+json with a stable `code`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: deps.publicUrl ?? new URL(c.req.url).origin }],
    tags: [
      { name: 'Quotes', description: 'Priced, single-use conversions.' },
      { name: 'Transfers', description: 'Money on its way, with its state and ledger reservation.' },
      { name: 'Ledger', description: 'Double-entry balances and their check.' },
      {
        name: 'Partners',
        description: 'Partner agencies, their keys and certificates, callbacks, and the gateway keys.',
      },
      {
        name: 'Privacy',
        description:
          'Data-subject rights (access, rectification, erasure), consent, retention purges, key rotation and the records of processing.',
      },
      {
        name: 'Screening',
        description:
          'Sanctions lists, name screening with explained hits, and transfers’ compliance decisions.',
      },
      {
        name: 'Compliance',
        description:
          'The review queue of held transfers and screening alerts: four-eyes release, rejection, suppressions of false positives, suspicious-activity reports.',
      },
      {
        name: 'AML',
        description:
          'AML rule sets per jurisdiction (propose, shadow, simulate, four-eyes activation) and the life certificates and death reports the benefit rules check.',
      },
      { name: 'Operations', description: 'Health, readiness and error reference.' },
    ],
  }));

  app.notFound((c) => problemResponse(c, new GatewayError('not_found', 'No route matches this path.')));
  app.onError((error, c) => {
    const gatewayError = toGatewayError(error);
    if (gatewayError.status >= 500) {
      deps.logger.error(
        'request failed',
        redactDeep(
          {
            requestId: c.get('requestId'),
            code: gatewayError.code,
            ...errorFingerprint(gatewayError.cause ?? error),
          },
          c.get('personalValues') ?? [],
          PROBLEM_CATALOGUE_FIELDS,
        ),
      );
    }
    return problemResponse(c, gatewayError);
  });
  return app;
}
