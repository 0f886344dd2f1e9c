/**
 * The migrations this build knows about (drizzle-kit's journal, bundled), and how far a database
 * is: `/ready` compares the two on Node and on Workers alike.
 */
import { sql } from 'drizzle-orm';
import journal from '../../migrations/meta/_journal.json' with { type: 'json' };
import type { Executor } from './database.ts';

export interface MigrationStatus {
  current: boolean;
  applied: number;
  expected: number;
  /** Tags of the migrations this build has and the database lacks. */
  pending: string[];
}

export const KNOWN_MIGRATIONS: readonly { tag: string; when: number }[] = journal.entries.map((entry) => ({
  tag: entry.tag,
  when: entry.when,
}));

export async function migrationStatus(db: Executor): Promise<MigrationStatus> {
  const exists = await db.execute(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  const present = Boolean(rows<{ present: boolean }>(exists)[0]?.present);
  const applied = present
    ? rows<{ created_at: string | number }>(
        await db.execute(sql`select created_at from drizzle.__drizzle_migrations`),
      ).map((row) => Number(row.created_at))
    : [];
  const appliedSet = new Set(applied);
  const pending = KNOWN_MIGRATIONS.filter((migration) => !appliedSet.has(migration.when)).map((m) => m.tag);
  return {
    current: pending.length === 0,
    applied: applied.length,
    expected: KNOWN_MIGRATIONS.length,
    pending,
  };
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
