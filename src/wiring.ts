/**
 * The dependencies both runtimes build the same way from a Config: the adapter registry, the
 * gateway's keys and token verifier, the clock and the logger. Node (`src/cli/boot.ts`) and Workers
 * (`deploy/cloudflare/worker.ts`) add what differs: the database and the documentation assets.
 */
import { adapterDefinitions } from '../adapters/index.ts';
import { createLogger, type Logger } from './core/logger.ts';
import type { Config } from './env.ts';
import type { AppDeps } from './http/context.ts';
import { type AdapterRegistry, createAdapterRegistry } from './services/adapters/registry.ts';
import type { GatewayKeySet } from './services/auth/gateway-keys.ts';
import { createTokenVerifier } from './services/auth/tokens.ts';
import type { PrivacyKeys } from './services/privacy/keys.ts';
import { createScreeningIndexCache } from './services/screening/index-cache.ts';
import { VERSION } from './version.ts';

/** The enabled adapters: example adapters only in demo mode. */
export function registryFromConfig(config: Config): AdapterRegistry {
  return createAdapterRegistry(adapterDefinitions, {
    home: config.homeJurisdiction,
    overrides: config.adapterOptions,
    enabled: config.jurisdictions,
    includeExamples: config.demo,
  });
}

export type SharedDeps = Omit<AppDeps, 'openDatabase' | 'databaseKind' | 'docsAsset'>;

export function sharedDeps(
  config: Config,
  gatewayKeys: GatewayKeySet,
  privacyKeys: PrivacyKeys,
  options: { registry?: AdapterRegistry; logger?: Logger } = {},
): SharedDeps {
  return {
    version: VERSION,
    publicUrl: config.publicUrl,
    registry: options.registry ?? registryFromConfig(config),
    verifyToken: createTokenVerifier(gatewayKeys.published),
    gatewayKeys,
    privacyKeys,
    screening: createScreeningIndexCache(),
    clock: () => new Date(),
    logger: options.logger ?? createLogger(config.logLevel),
  };
}
