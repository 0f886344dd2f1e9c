/**
 * Builds the gateway on Node from its configuration: adapters, signing key, database (PGlite in
 * the data directory, or PostgreSQL), migrations, demo seed, and the app. Used by `pontis start`
 * and by `deploy/node/server.ts`.
 */
import { resolve } from 'node:path';
import { createApp } from '../app.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { MigrationStatus } from '../db/migrations-journal.ts';
import { openPglite } from '../db/pglite.ts';
import { openPostgres } from '../db/postgres.ts';
import type { Config } from '../env.ts';
import type { AppDeps } from '../http/context.ts';
import type { AdapterRegistry } from '../services/adapters/registry.ts';
import { gatewayKeySet } from '../services/auth/gateway-keys.ts';
import { loadSigningKey } from '../services/auth/key-file.ts';
import type { SigningKey } from '../services/auth/tokens.ts';
import { seedDemo, syncJurisdictions } from '../services/demo/seed.ts';
import { loadPrivacyKeys } from '../services/privacy/key-file.ts';
import { registryFromConfig, sharedDeps } from '../wiring.ts';
import { nodeDocsAsset } from './docs-assets.ts';
import { loadReferenceRatesAtStart, type RatesAtStart } from './reference-rates.ts';
import { loadSanctionsListsAtStart, type SanctionsAtStart } from './sanctions-files.ts';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in the data dir. */
export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { max: config.dbPoolSize })
    : openPglite(resolve(config.dataDir, 'pglite'));
}

export interface NodeGateway {
  config: Config;
  registry: AdapterRegistry;
  handle: DatabaseHandle;
  signingKey: SigningKey;
  signingKeySource: string;
  /** Where the pseudonymisation key and KEKs came from (never the keys themselves). */
  privacyKeySource: string;
  migrations: { before: MigrationStatus; after: MigrationStatus };
  /** true when this start seeded the demo, false when it was already there, undefined outside demo mode. */
  seeded: boolean | undefined;
  /** What the start did about reference rates, for the banner. */
  rates: RatesAtStart;
  /** Which sanctions lists are active (demo mode loads missing ones), for the banner. */
  sanctions: SanctionsAtStart;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  logger: Logger;
}

export async function bootGateway(
  config: Config,
  logger = createLogger(config.logLevel),
): Promise<NodeGateway> {
  const registry = registryFromConfig(config);
  const { key: signingKey, source: signingKeySource } = await loadSigningKey(config);
  // Checked before anything is migrated or seeded: a bad PONTIS_PUBLISHED_KEYS stops the start at once.
  const gatewayKeys = await gatewayKeySet(signingKey, config.publishedKeys);
  const { keys: privacyKeys, source: privacyKeySource } = await loadPrivacyKeys(config);
  const handle = await openConfiguredDatabase(config);
  try {
    const migrations = await applyMigrations(handle);
    await syncJurisdictions(handle.db, registry);
    const seeded = config.demo ? await seedDemo(handle.db, registry, new Date()) : undefined;
    const rates = await loadReferenceRatesAtStart(handle.db, registry, config, logger);
    const sanctions = await loadSanctionsListsAtStart(handle.db, config, logger);
    const deps: AppDeps = {
      ...sharedDeps(config, gatewayKeys, privacyKeys, { registry, logger }),
      openDatabase: async () => ({ db: handle.db }),
      databaseKind: handle.kind,
      docsAsset: nodeDocsAsset,
    };
    // Built now rather than in the first transfer's request (OFAC and UN: about a second).
    await deps.screening.current(handle.db);
    return {
      config,
      registry,
      handle,
      signingKey,
      signingKeySource,
      privacyKeySource,
      migrations,
      seeded,
      rates,
      sanctions,
      deps,
      app: createApp(deps),
      logger,
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
