/** A database handle over a real PostgreSQL server through postgres.js (Node and Workers). */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { type DatabaseHandle, describePostgresUrl } from './database.ts';
import { schema } from './schema.ts';

export interface PostgresOptions {
  /** Pool size; a Worker uses 1 per request (Hyperdrive pools behind it). */
  max?: number;
  /** Fetch array/enum type OIDs at connect; off on Workers to save a round trip. */
  fetchTypes?: boolean;
}

export function openPostgres(
  url: string,
  options: PostgresOptions = {},
): DatabaseHandle & { sql: postgres.Sql } {
  const sql = postgres(url, {
    max: options.max ?? 10,
    fetch_types: options.fetchTypes ?? true,
    onnotice: () => {},
    connection: { application_name: 'pontis' },
  });
  return {
    db: drizzle({ client: sql, schema }),
    kind: 'postgres',
    location: describePostgresUrl(url),
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}
