/** A fresh, migrated database for one test file: PGlite in memory, or a copy of the PostgreSQL template. */
import { inject } from 'vitest';
import type { DatabaseHandle } from '../../src/db/database.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { serverUrl } from '../global-setup.ts';

export type TestDatabase = DatabaseHandle & { url?: string };

let counter = 0;

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) {
    const handle = await openPglite();
    await applyMigrations(handle);
    return handle;
  }
  counter += 1;
  const name = `${template.replace(/_template$/, '')}_${process.pid}_${counter}`;
  const admin = openPostgres(url, { max: 1 });
  await admin.sql.unsafe(`create database ${name} template ${template}`);
  const dbUrl = serverUrl(url, name);
  const handle = openPostgres(dbUrl, { max: 20 });
  return {
    ...handle,
    url: dbUrl,
    async close() {
      await handle.close();
      await admin.sql.unsafe(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}
