/**
 * The shared data directory (real published files, too large or too foreign for the repository).
 * `PONTIS_SHARED_DATA_DIR` overrides the default `../shared/data` next to the repository. Tests
 * that need a file skip visibly when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));

/** Absolute path of the shared data directory (it may not exist). */
export function sharedDataDir(): string {
  return path.resolve(process.env.PONTIS_SHARED_DATA_DIR ?? path.resolve(repoRoot, '../shared/data'));
}

/** Absolute path of `relative` inside the shared data directory, or undefined when it does not exist. */
export function sharedFile(relative: string): string | undefined {
  const file = path.resolve(sharedDataDir(), relative);
  return existsSync(file) ? file : undefined;
}

/** The warning to print when a test is skipped for want of a shared file. */
export function skipMessage(relative: string): string {
  return `[pontis tests] SKIPPED: shared data file ${path.resolve(sharedDataDir(), relative)} not found (set PONTIS_SHARED_DATA_DIR to the shared data directory)`;
}
