/**
 * `pontis compliance …`: the hold-timeout job from the command line (the same job the Node timer
 * and the Workers cron run), audited as the `cli` actor.
 */
import type { Command } from 'commander';
import type { DatabaseHandle } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { Config } from '../env.ts';
import { expireHolds } from '../services/review/timeouts.ts';
import { registryFromConfig } from '../wiring.ts';
import { CLI_ACTOR } from './partners.ts';

type WithDatabase = <T>(run: (handle: DatabaseHandle) => Promise<T>, current?: Config) => Promise<T>;

export function addComplianceCommands(
  program: Command,
  withDatabase: WithDatabase,
  config: () => Config,
): void {
  const compliance = program.command('compliance').description('the compliance review queue');

  compliance
    .command('expire-holds')
    .description(
      "apply each jurisdiction's hold policy to held transfers whose review timed out (expire, reject or escalate)",
    )
    .action(async () => {
      const current = config();
      const registry = registryFromConfig(current);
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const result = await expireHolds(handle.db, registry, new Date(), CLI_ACTOR);
        console.log(JSON.stringify(result, null, 2));
        if (result.failed > 0) process.exitCode = 1;
      }, current);
    });
}
