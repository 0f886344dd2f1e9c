/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly), in memory or persisted in a
 * directory. One process at a time may open a directory; a lock file says which.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { GatewayError } from '../core/errors.ts';
import type { DatabaseHandle } from './database.ts';
import { schema } from './schema.ts';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the directory's lock file, or explains who holds it. Returns the release function. */
export function lockDataDir(dir: string): () => void {
  const lockPath = join(dir, 'pontis.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
        throw new GatewayError(
          'database_in_use',
          `The embedded database in ${dir} is open in another Pontis process (pid ${holder}). Stop that process, or set DATABASE_URL to share a PostgreSQL server.`,
        );
      }
      rmSync(lockPath, { force: true }); // a stale lock left by a process that died
    }
  }
  throw new GatewayError('database_in_use', `Could not lock the embedded database in ${dir}.`);
}

/** Opens PGlite in `dataDir` (created if missing), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<DatabaseHandle & { client: PGlite }> {
  let release = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const client = await PGlite.create(dataDir ? { dataDir: join(dataDir, 'pgdata') } : {});
    return {
      db: drizzle({ client, schema }),
      kind: 'pglite',
      location: dataDir ? join(dataDir, 'pgdata') : 'memory',
      client,
      async close() {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
