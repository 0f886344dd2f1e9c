import type { RouteHandler } from '@hono/zod-openapi';
import { GatewayError } from '../../../core/errors.ts';
import { jurisdictionView } from '../../../services/adapters/jurisdiction-view.ts';
import type { AdapterRegistry } from '../../../services/adapters/registry.ts';
import {
  createCreditorReference,
  formatCreditorReference,
} from '../../../services/identifiers/creditor-reference.ts';
import { validateIdentifier } from '../../../services/identifiers/validate-identifier.ts';
import type { AppEnv } from '../../context.ts';
import type {
  createCreditorReferenceRoute,
  getJurisdictionRoute,
  listJurisdictionsRoute,
  validateIdentifierRoute,
} from './jurisdictions.routes.ts';

export const listJurisdictionsHandler: RouteHandler<typeof listJurisdictionsRoute, AppEnv> = (c) => {
  const { registry } = c.get('deps');
  return c.json(
    { object: 'list' as const, data: registry.list().map((adapter) => jurisdictionView(registry, adapter)) },
    200,
  );
};

/** A path lookup answers 404 `not_found` (a code in a request body is `jurisdiction_unknown`, 422). */
function adapterFor(registry: AdapterRegistry, code: string) {
  const adapter = registry.get(code);
  if (!adapter) throw new GatewayError('not_found', 'No enabled jurisdiction has this code.');
  return adapter;
}

export const getJurisdictionHandler: RouteHandler<typeof getJurisdictionRoute, AppEnv> = (c) => {
  const adapter = adapterFor(c.get('deps').registry, c.req.valid('param').code);
  return c.json(jurisdictionView(c.get('deps').registry, adapter), 200);
};

export const validateIdentifierHandler: RouteHandler<typeof validateIdentifierRoute, AppEnv> = (c) => {
  const adapter = adapterFor(c.get('deps').registry, c.req.valid('param').code);
  const body = c.req.valid('json');
  return c.json(validateIdentifier(adapter, body.scheme, body.value), 200);
};

export const createCreditorReferenceHandler: RouteHandler<typeof createCreditorReferenceRoute, AppEnv> = (
  c,
) => {
  const reference = createCreditorReference(c.req.valid('json').base);
  return c.json(
    { object: 'creditor_reference' as const, reference, formatted: formatCreditorReference(reference) },
    200,
  );
};
