/**
 * With DATABASE_URL set, the suite runs on that PostgreSQL: one migrated template database is
 * made here, and every test file gets a fresh copy of it (CREATE DATABASE … TEMPLATE), dropped at
 * the end. Without DATABASE_URL, every test file uses its own in-memory PGlite.
 */
import type { TestProject } from 'vitest/node';
import { applyMigrations } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

export function serverUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('[pontis tests] database: PGlite in memory (set DATABASE_URL to run on PostgreSQL)');
    project.provide('pgTemplate', '');
    return;
  }
  const prefix = `pontis_test_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = openPostgres(url, { max: 1 });
  await admin.sql.unsafe(`drop database if exists ${template}`);
  await admin.sql.unsafe(`create database ${template}`);
  const handle = openPostgres(serverUrl(url, template), { max: 2 });
  await applyMigrations(handle);
  await handle.close();
  console.log(`[pontis tests] database: PostgreSQL ${admin.location} (template ${template})`);
  project.provide('pgTemplate', template);

  return async () => {
    const leftovers = await admin.sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix}_%`}`;
    for (const { datname } of leftovers) {
      await admin.sql.unsafe(`drop database if exists ${datname} with (force)`);
    }
    await admin.close();
  };
}
