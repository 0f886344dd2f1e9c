/**
 * `pontis privacy …`: key generation for PONTIS_PSEUDONYM_KEY / PONTIS_KEKS, the retention purge
 * and KEK re-wrapping from the command line (the same services as the operator API, audited as
 * the `cli` actor).
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { DatabaseHandle } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { Config } from '../env.ts';
import { loadPrivacyKeys } from '../services/privacy/key-file.ts';
import { generatePrivacyKeyText } from '../services/privacy/keys.ts';
import { runRetentionPurge } from '../services/privacy/retention.ts';
import { rewrapDataKeys } from '../services/privacy/rewrap.ts';
import { registryFromConfig } from '../wiring.ts';
import { CLI_ACTOR } from './partners.ts';

type WithDatabase = <T>(run: (handle: DatabaseHandle) => Promise<T>, current?: Config) => Promise<T>;

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1_000_000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 1000000');
  }
  return limit;
}

export function addPrivacyCommands(program: Command, withDatabase: WithDatabase, config: () => Config): void {
  const privacy = program.command('privacy').description('personal-data keys, retention purge, key rotation');

  privacy
    .command('keygen')
    .description('print a new PONTIS_PSEUDONYM_KEY and a PONTIS_KEKS entry (keep both in a secret store)')
    .option(
      '--kek-id <id>',
      'id of the new key-encryption key',
      `kek-${new Date().toISOString().slice(0, 10)}`,
    )
    .action((options: { kekId: string }) => {
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(options.kekId)) {
        throw new InvalidArgumentError('--kek-id: letters, digits, ".", "_" or "-", at most 64');
      }
      const text = generatePrivacyKeyText();
      const kek = text.keks.slice(text.keks.indexOf(':') + 1);
      console.log(`PONTIS_PSEUDONYM_KEY=${text.pseudonymKey}`);
      console.log(`PONTIS_KEKS=${options.kekId}:${kek}`);
    });

  privacy
    .command('purge')
    .description('run the retention purge now and print its report')
    .action(async () => {
      const current = config();
      const { keys } = await loadPrivacyKeys(current);
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const report = await runRetentionPurge(
          handle.db,
          { keys, registry: registryFromConfig(current) },
          { trigger: 'operator', actor: CLI_ACTOR, now: new Date() },
        );
        console.log(JSON.stringify(report, null, 2));
      }, current);
    });

  privacy
    .command('rewrap')
    .description('re-wrap data keys under the current key-encryption key (the first of PONTIS_KEKS)')
    .option('--limit <n>', 'at most this many keys in this run', parseLimit, 10_000)
    .action(async (options: { limit: number }) => {
      const current = config();
      const { keys } = await loadPrivacyKeys(current);
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const report = await rewrapDataKeys(handle.db, keys, {
          limit: options.limit,
          actor: CLI_ACTOR,
          now: new Date(),
        });
        console.log(JSON.stringify(report, null, 2));
      }, current);
    });
}
