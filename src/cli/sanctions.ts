/**
 * `pontis sanctions …`: import a list from disk, show the active versions and the last imports,
 * and download the lists from their publishers now (the same services as the scheduled refresh,
 * recorded with the `cli` actor).
 */
import type { Command } from 'commander';
import { GatewayError } from '../core/errors.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { Config } from '../env.ts';
import type { SanctionsSource } from '../ports/sanctions.ts';
import { loadPrivacyKeys } from '../services/privacy/key-file.ts';
import {
  activeListVersionDetails,
  type ImportOutcome,
  importSanctionsList,
  listImports,
} from '../services/sanctions/import.ts';
import { sanctionsSource } from '../services/sanctions/parsers/index.ts';
import { refreshSanctionsLists } from '../services/sanctions/refresh.ts';
import { describeRun, screenLoadedVersions } from '../services/screening/continuous.ts';
import { registryFromConfig } from '../wiring.ts';
import { CLI_ACTOR } from './partners.ts';
import { readSanctionsSource } from './sanctions-files.ts';

type WithDatabase = <T>(run: (handle: DatabaseHandle) => Promise<T>, current?: Config) => Promise<T>;

const STATUS_IMPORTS = 10;

/** What an import did, for the terminal. */
export function describeImport(outcome: ImportOutcome): string[] {
  const { version } = outcome;
  if (outcome.status === 'unchanged') {
    return [
      `${version.source}: unchanged — the same file as active version ${version.versionId} (${version.entryCount} entries); nothing loaded`,
      `  sha256 ${version.sha256}`,
    ];
  }
  return [
    `${version.source}: loaded version ${version.versionId} from ${version.origin}: ${version.entryCount} entries, ${outcome.nameCount} names (${outcome.added} added, ${outcome.changed} changed, ${outcome.removed} removed)`,
    `  sha256 ${version.sha256}${version.publishedAt ? `; published ${version.publishedAt}` : ''}`,
  ];
}

/** A rejected file names its code, so that an operator can look it up at /problems/{code}. */
function withCode(error: unknown): unknown {
  if (error instanceof GatewayError && error.code === 'sanctions_file_invalid') {
    return new GatewayError(error.code, `${error.code}: ${error.message}`, {
      details: error.details,
      cause: error,
    });
  }
  return error;
}

/** Screens what new versions added against the active beneficiaries (continuous screening). */
async function screenAdditions(handle: DatabaseHandle, current: Config, versionIds: string[]) {
  if (versionIds.length === 0) return;
  const { keys } = await loadPrivacyKeys(current);
  const runs = await screenLoadedVersions(
    handle.db,
    { registry: registryFromConfig(current), privacyKeys: keys },
    versionIds,
    { actor: CLI_ACTOR, now: new Date() },
  );
  for (const run of runs) console.log(describeRun(run));
}

export function addSanctionsCommands(
  program: Command,
  withDatabase: WithDatabase,
  config: () => Config,
): void {
  const sanctions = program.command('sanctions').description('sanctions lists: import, status, refresh');

  sanctions
    .command('import <list> <path>')
    .description(
      'load a list, all or nothing: ofac <folder with sdn.csv, alt.csv, add.csv, sdn_comments.csv>, un|eu|uk <xml file>',
    )
    .action(async (list: string, path: string) => {
      const source = sanctionsSource(list);
      const set = readSanctionsSource(source, path);
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        try {
          const outcome = await importSanctionsList(handle.db, {
            source,
            ...set,
            trigger: 'file',
            actor: CLI_ACTOR,
            now: new Date(),
          });
          for (const line of describeImport(outcome)) console.log(line);
          if (outcome.status === 'loaded')
            await screenAdditions(handle, config(), [outcome.version.versionId]);
        } catch (error) {
          throw withCode(error);
        }
      });
    });

  sanctions
    .command('status')
    .description('the active version of each list and the last imports')
    .action(async () => {
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const versions = await activeListVersionDetails(handle.db);
        if (versions.length === 0)
          console.log('no sanctions list is active (pontis sanctions import <list> <path>)');
        for (const version of versions) {
          console.log(
            `${version.source.padEnd(4)} ${version.versionId}  ${version.entryCount} entries, ${version.nameCount} names  imported ${version.importedAt} (${version.trigger}, ${version.origin})${version.publishedAt ? `  published ${version.publishedAt}` : ''}`,
          );
          console.log(
            `     sha256 ${version.sha256}  +${version.added} ~${version.changed} -${version.removed}`,
          );
        }
        const imports = await listImports(handle.db, { limit: STATUS_IMPORTS });
        if (imports.length > 0) console.log('', `last ${imports.length} imports:`);
        for (const attempt of imports) {
          console.log(
            `${attempt.createdAt}  ${attempt.source.padEnd(4)} ${attempt.status.padEnd(9)} ${attempt.trigger.padEnd(7)} ${attempt.origin}${attempt.errorCode ? `  ${attempt.errorCode}: ${attempt.error}` : ''}`,
          );
        }
      });
    });

  sanctions
    .command('refresh [lists...]')
    .description('download lists from their publishers now (all by default; PONTIS_SANCTIONS_*_URL)')
    .action(async (lists: string[]) => {
      const sources: SanctionsSource[] =
        lists.length > 0 ? lists.map(sanctionsSource) : ['ofac', 'un', 'eu', 'uk'];
      const current = config();
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const results = await refreshSanctionsLists(handle.db, {
          sources,
          fetch: globalThis.fetch,
          urls: current.sanctionsUrls,
          now: () => new Date(),
          actor: CLI_ACTOR,
        });
        const failed: string[] = [];
        for (const result of results) {
          if (result.status === 'failed')
            failed.push(`${result.source} (${result.errorCode}: ${result.error})`);
          else if (result.status === 'skipped') console.log(`${result.source}: skipped — ${result.reason}`);
          else {
            console.log(
              `${result.source}: ${result.status} version ${result.versionId}, ${result.entryCount} entries (${result.added} added, ${result.changed} changed, ${result.removed} removed)`,
            );
          }
        }
        await screenAdditions(
          handle,
          current,
          results.flatMap((result) => (result.status === 'loaded' ? [result.versionId] : [])),
        );
        if (failed.length > 0) {
          throw new Error(`refresh failed for ${failed.join('; ')}; the active versions stay in use`);
        }
      }, current);
    });
}
