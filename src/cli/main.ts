/**
 * The `pontis` command. Each failure prints one line, `pontis: <what went wrong>`, to stderr and
 * exits non-zero.
 */

import { basename } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { GatewayError } from '../core/errors.ts';
import { createLogger } from '../core/logger.ts';
import { applyMigrations } from '../db/migrate.ts';
import { type Config, parseConfig } from '../env.ts';
import { loadSigningKey } from '../services/auth/key-file.ts';
import { isRole, ROLES, type Role } from '../services/auth/roles.ts';
import { generateSigningKey, issueToken } from '../services/auth/tokens.ts';
import { rateAgeInTargetDays } from '../services/calendar/target-age.ts';
import { demoUserFor, seedDemo, syncJurisdictions } from '../services/demo/seed.ts';
import { listImports, rateStatus, recordFailedImport } from '../services/fx/rate-store.ts';
import { refreshEcbRates } from '../services/fx/refresh.ts';
import { checkLedger } from '../services/ledger/ledger.ts';
import { addUser, listUsers, setUserActive } from '../services/users/users.ts';
import { VERSION } from '../version.ts';
import { registryFromConfig } from '../wiring.ts';
import { openConfiguredDatabase } from './boot.ts';
import { addComplianceCommands } from './compliance.ts';
import { addPartnerCallCommands } from './partner-call.ts';
import { addPartnerCommands } from './partners.ts';
import { addPrivacyCommands } from './privacy.ts';
import { importRateFile } from './reference-rates.ts';
import { addSanctionsCommands } from './sanctions.ts';
import { startCommand } from './start.ts';

function config(): Config {
  return parseConfig(process.env);
}

async function withDatabase<T>(
  run: (handle: Awaited<ReturnType<typeof openConfiguredDatabase>>) => Promise<T>,
  current: Config = config(),
): Promise<T> {
  const handle = await openConfiguredDatabase(current);
  try {
    return await run(handle);
  } finally {
    await handle.close();
  }
}

function parseRole(value: string, previous: Role[] = []): Role[] {
  if (!isRole(value)) throw new InvalidArgumentError(`expected one of ${ROLES.join(', ')}`);
  return [...previous, value];
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 60 || seconds > 86_400) {
    throw new InvalidArgumentError('expected whole seconds from 60 to 86400');
  }
  return seconds;
}

export function buildProgram(): Command {
  const program = new Command('pontis')
    .description('Pontis — cross-border social-security payment gateway')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .addHelpText(
      'after',
      '\nConfiguration comes from environment variables (README.md lists them all).\nWith no DATABASE_URL the gateway uses embedded PGlite in ./data.',
    );

  program
    .command('start')
    .description('apply migrations, seed the demo (demo mode) and serve the gateway')
    .addOption(new Option('-p, --port <port>', 'port to listen on').env('PORT'))
    .addOption(new Option('-H, --host <host>', 'address to listen on').env('HOST'))
    .action(async (options: { port?: string; host?: string }) => {
      const env = {
        ...process.env,
        PORT: options.port ?? process.env.PORT,
        HOST: options.host ?? process.env.HOST,
      };
      await startCommand(parseConfig(env));
    });

  program
    .command('migrate')
    .description('apply pending database migrations and exit')
    .action(async () => {
      const current = config();
      const registry = registryFromConfig(current);
      await withDatabase(async (handle) => {
        const { before, after } = await applyMigrations(handle);
        // Keep the jurisdictions table in step with the adapters (Workers never do it themselves).
        await syncJurisdictions(handle.db, registry);
        console.log(
          `migrations: ${after.applied - before.applied} applied, ${after.applied} in all (${handle.kind} at ${handle.location})`,
        );
      }, current);
    });

  program
    .command('seed-demo')
    .description('seed demo users and the demo partner agency (idempotent)')
    .action(async () => {
      const current = config();
      const registry = registryFromConfig({ ...current, demo: true });
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        await syncJurisdictions(handle.db, registry);
        const seeded = await seedDemo(handle.db, registry, new Date());
        console.log(seeded ? 'demo data seeded' : 'demo data already present');
      }, current);
    });

  program
    .command('token')
    .description('print a bearer token signed by the gateway key (demo key, or PONTIS_SIGNING_KEY)')
    .requiredOption('-r, --role <role>', `role, repeatable: ${ROLES.join(', ')}`, parseRole)
    .option('-s, --sub <user>', 'user id the token is for (default: the demo user of the role)')
    .option('--ttl <seconds>', 'lifetime in seconds (60 to 86400)', parseSeconds, 3600)
    .action(async (options: { role: Role[]; sub?: string; ttl: number }) => {
      const { key } = await loadSigningKey(config());
      const subject = options.sub ?? demoUserFor(options.role[0] ?? 'operator');
      console.log(await issueToken(key, { subject, roles: options.role, ttlSeconds: options.ttl }));
    });

  program
    .command('keygen')
    .description('print a new private signing key (JWK) for PONTIS_SIGNING_KEY')
    .action(async () => {
      const key = await generateSigningKey();
      console.log(JSON.stringify(key.privateJwk));
    });

  const users = program.command('users').description('manage staff users');
  users
    .command('list')
    .description('list users and their roles')
    .action(async () => {
      await withDatabase(async (handle) => {
        for (const user of await listUsers(handle.db)) {
          console.log(
            `${user.id}\t${user.active ? 'active' : 'disabled'}\t${user.roles.join(',')}\t${user.displayName}`,
          );
        }
      });
    });
  users
    .command('add <id>')
    .description('add a user, or update the roles of an existing one')
    .requiredOption('-r, --role <role>', 'role, repeatable', parseRole)
    .option('-n, --name <display name>', 'display name')
    .action(async (id: string, options: { role: Role[]; name?: string }) => {
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        await addUser(handle.db, { id, displayName: options.name ?? id, roles: options.role });
        console.log(`user ${id}: ${options.role.join(', ')}`);
      });
    });
  for (const [name, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    users
      .command(`${name} <id>`)
      .description(`${name} a user (a disabled user's tokens stop working at once)`)
      .action(async (id: string) => {
        await withDatabase(async (handle) => {
          await setUserActive(handle.db, id, active);
          console.log(`user ${id} ${name}d`);
        });
      });
  }

  const fx = program.command('fx').description('reference exchange rates');
  fx.command('import <file>')
    .description(
      'load an ECB rate file (eurofxref-hist.csv, eurofxref-hist.zip or eurofxref-daily.xml), all or nothing',
    )
    .action(async (file: string) => {
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const now = new Date();
        try {
          const result = await importRateFile(handle.db, file, 'file', now);
          const entry = result.import;
          console.log(
            result.status === 'unchanged'
              ? `${basename(file)} was already loaded (${entry.firstDate} … ${entry.lastDate}); nothing changed`
              : `loaded ${basename(file)}: ${entry.days} business days ${entry.firstDate} … ${entry.lastDate}, ${entry.rates} rates (${entry.inserted} new, ${entry.revised} revised)`,
          );
        } catch (error) {
          await recordFailedImport(
            handle.db,
            { source: 'ecb', trigger: 'file', origin: basename(file), now },
            error,
          );
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no such file: ${file}`);
          throw error;
        }
      });
    });
  fx.command('refresh')
    .description('download the newest rates from the ECB now (PONTIS_ECB_BASE_URL)')
    .action(async () => {
      const current = config();
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const outcome = await refreshEcbRates({
          db: handle.db,
          fetch: globalThis.fetch,
          baseUrl: current.ecbBaseUrl,
          now: () => new Date(),
          logger: createLogger('silent'),
        });
        if (outcome.status === 'failed') {
          throw new Error(
            `download from ${outcome.url} failed (${outcome.errorCode}): ${outcome.error}; the last good rates stay in use`,
          );
        }
        for (const result of outcome.imports) {
          console.log(
            `${result.status}: ${result.firstDate} … ${result.lastDate}, ${result.inserted} new rates`,
          );
        }
      }, current);
    });
  fx.command('status')
    .description('newest rate date, its age in TARGET days, and the last imports')
    .action(async () => {
      const current = config();
      await withDatabase(async (handle) => {
        const status = await rateStatus(handle.db);
        const now = new Date();
        const age = status.newest ? rateAgeInTargetDays(status.newest.date, now) : undefined;
        console.log(
          status.newest
            ? `newest rates: ${status.newest.date} (${status.newest.source}), ${age} TARGET business days old; ${status.days} days since ${status.oldest}`
            : 'no reference rates loaded',
        );
        for (const entry of await listImports(handle.db, 10)) {
          console.log(
            `${entry.createdAt.toISOString()}  ${entry.status.padEnd(9)} ${entry.trigger.padEnd(7)} ${entry.origin}${entry.lastDate ? `  ${entry.firstDate} … ${entry.lastDate}` : ''}${entry.errorCode ? `  ${entry.errorCode}: ${entry.error}` : ''}`,
          );
        }
      }, current);
    });

  addPartnerCommands(program, withDatabase, config);
  addPartnerCallCommands(program);
  addPrivacyCommands(program, withDatabase, config);
  addSanctionsCommands(program, withDatabase, config);
  addComplianceCommands(program, withDatabase, config);

  program
    .command('ledger-check')
    .description('prove that every journal balances per currency; exits 1 when not')
    .action(async () => {
      await withDatabase(async (handle) => {
        const result = await checkLedger(handle.db);
        console.log(JSON.stringify(result, null, 2));
        if (!result.balanced) process.exitCode = 1;
      });
    });

  return program;
}

export function describeError(error: unknown): string {
  // A rejected rate file names its code, so that an operator can look it up at /problems/{code}.
  if (error instanceof GatewayError)
    return error.code === 'fx_file_invalid' ? `${error.code}: ${error.message}` : error.message;
  if (error instanceof CommanderError) return `${error.message.replace(/^error: /, '')} (see pontis --help)`;
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n')[0] ?? 'unexpected error';
  return String(error);
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    // --help and --version end through exitOverride as well, successfully.
    if (error instanceof CommanderError && error.exitCode === 0) return;
    process.stderr.write(`pontis: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
