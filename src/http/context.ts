/** What the HTTP layer is given (dependencies) and what it keeps per request (variables). */
import type { Context } from 'hono';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/database.ts';
import type { AdapterRegistry } from '../services/adapters/registry.ts';
import type { GatewayKeySet } from '../services/auth/gateway-keys.ts';
import type { Principal } from '../services/auth/roles.ts';
import type { TokenVerifier } from '../services/auth/tokens.ts';
import type { PrivacyKeys } from '../services/privacy/keys.ts';
import type { ScreeningIndexCache } from '../services/screening/index-cache.ts';

/** A database for one request, and how to give it back when the response is done. */
export interface RequestDatabase {
  db: Database;
  release?: () => Promise<void>;
}

export interface AppDeps {
  version: string;
  /** Base of absolute URLs (problem types); the request's origin when absent. */
  publicUrl?: string | undefined;
  registry: AdapterRegistry;
  verifyToken: TokenVerifier;
  /** The gateway's signing keys: the active one signs responses to partners and callbacks. */
  gatewayKeys: GatewayKeySet;
  /** Pseudonymisation key and key-encryption keys for personal data. */
  privacyKeys: PrivacyKeys;
  /** The sanctions-matching index of the active list versions, shared by this process's requests. */
  screening: ScreeningIndexCache;
  /** Node hands out one shared handle; a Worker opens a connection per request. */
  openDatabase: (c: Context) => Promise<RequestDatabase>;
  databaseKind: 'pglite' | 'postgres';
  clock: () => Date;
  logger: Logger;
  /** Serves the static files of the API reference (`/docs/assets/*`) where the runtime has them. */
  docsAsset?: (file: string) => Promise<Response | undefined>;
}

export interface AppVariables {
  requestId: string;
  deps: AppDeps;
  principal: Principal | undefined;
  /** Opens (once) and returns the request's database. */
  db: () => Promise<Database>;
  /**
   * The personal values the request's body carried (`core/redaction.ts`), read once
   * before validation; log lines and problem bodies of the request are redacted with them.
   */
  personalValues: string[];
}

export type AppEnv = { Variables: AppVariables };
export type AppContext = Context<AppEnv>;

/** The authenticated caller; routes behind `requireRoles` always have one. */
export function principalOf(c: AppContext) {
  const principal = c.get('principal');
  if (!principal) throw new Error('principalOf: route has no requireRoles middleware');
  return principal;
}
