/**
 * Applies the SQL migrations in `migrations/` (Node only: it reads files). On PostgreSQL a session
 * advisory lock makes concurrent starts of several gateway processes apply them once.
 */
import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type postgres from 'postgres';
import type { DatabaseHandle } from './database.ts';
import { type MigrationStatus, migrationStatus } from './migrations-journal.ts';
import type { Schema } from './schema.ts';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** An arbitrary constant: the advisory lock key under which migrations run. */
const MIGRATION_LOCK_KEY = 7_020_514_001;

export async function applyMigrations(
  handle: DatabaseHandle & { sql?: postgres.Sql },
): Promise<{ before: MigrationStatus; after: MigrationStatus }> {
  const before = await migrationStatus(handle.db);
  if (before.current) return { before, after: before };
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase<Schema>, config);
  } else {
    if (!handle.sql) throw new Error('applyMigrations: a postgres handle needs its sql client');
    const session = await handle.sql.reserve();
    try {
      await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      await migratePostgres(handle.db as unknown as PostgresJsDatabase<Schema>, config);
    } finally {
      await session`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      session.release();
    }
  }
  return { before, after: await migrationStatus(handle.db) };
}
