/**
 * `pontis partners …`: the partner registry from the command line (the same operations as the
 * operator API, audited as the `cli` actor), and `pontis callbacks …` for the dead-letter queue.
 */
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import type { DatabaseHandle } from '../db/database.ts';
import { applyMigrations } from '../db/migrate.ts';
import type { Config } from '../env.ts';
import { listCallbacks, replayCallback } from '../services/callbacks/outbox.ts';
import { syncJurisdictions } from '../services/demo/seed.ts';
import {
  addPartnerKeys,
  addTrustAnchor,
  importCrl,
  listPartners,
  listTrustAnchors,
  retirePartnerKey,
  upsertPartner,
} from '../services/partners/registry.ts';
import { registryFromConfig } from '../wiring.ts';

type WithDatabase = <T>(run: (handle: DatabaseHandle) => Promise<T>, current?: Config) => Promise<T>;

export const CLI_ACTOR = 'cli';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no such file: ${file}`);
    throw error;
  }
}

export function parseInstant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError('expected an ISO 8601 date-time such as 2026-12-01T00:00:00Z');
  }
  return date;
}

const context = () => ({ actor: CLI_ACTOR, now: new Date() });

export function addPartnerCommands(program: Command, withDatabase: WithDatabase, config: () => Config): void {
  const partners = program.command('partners').description('partner agencies, their keys and trust anchors');

  partners
    .command('add <partner-id>')
    .description('register a partner agency (if new) and its public key, JWKS or certificate')
    .requiredOption('-j, --jurisdiction <CC>', 'the partner jurisdiction, e.g. DE')
    .requiredOption('-k, --key <file>', 'PEM public key, JWK, JWKS, or PEM certificate (chain)')
    .option('-n, --name <name>', 'display name of the agency')
    .option('--kid <kid>', 'key id signatures will name (default: the JWK kid or its thumbprint)')
    .option('--callback-url <url>', 'where signed callbacks are sent')
    .option('--activates-at <date-time>', 'when the key may start signing (default now)', parseInstant)
    .action(
      async (
        partnerId: string,
        options: {
          jurisdiction: string;
          key: string;
          name?: string;
          kid?: string;
          callbackUrl?: string;
          activatesAt?: Date;
        },
      ) => {
        const current = config();
        const keyText = readText(options.key);
        await withDatabase(async (handle) => {
          await applyMigrations(handle);
          const registry = registryFromConfig(current);
          await syncJurisdictions(handle.db, registry);
          // All or nothing: a refused key must not leave a new partner behind without it.
          const keys = await handle.db.transaction(async (tx) => {
            await upsertPartner(
              tx,
              registry,
              {
                id: partnerId,
                jurisdiction: options.jurisdiction.toUpperCase(),
                name: options.name,
                callbackUrl: options.callbackUrl,
              },
              context(),
            );
            return addPartnerKeys(
              tx,
              { partnerId, keyText, kid: options.kid, activatesAt: options.activatesAt },
              context(),
            );
          });
          for (const key of keys) {
            console.log(
              `partner ${partnerId}: key ${key.kid} (${key.family}) ${key.state} from ${key.activatesAt}${key.certificate ? `, certificate ${key.certificate.serial} by ${key.certificate.issuer}` : ''}`,
            );
          }
        }, current);
      },
    );

  partners
    .command('list')
    .description('partner agencies and their keys')
    .action(async () => {
      await withDatabase(async (handle) => {
        for (const partner of await listPartners(handle.db, new Date())) {
          console.log(
            `${partner.id}\t${partner.jurisdiction}\t${partner.status}\t${partner.name}${partner.callbackUrl ? `\tcallbacks → ${partner.callbackUrl}` : ''}`,
          );
          for (const key of partner.keys) {
            console.log(
              `  ${key.kid}\t${key.family}\t${key.state}\tfrom ${key.activatesAt}${key.retiredAt ? ` until ${key.retiredAt}` : ''}${key.certificate ? `\tcert ${key.certificate.serial} valid to ${key.certificate.notAfter}` : ''}`,
            );
          }
        }
      });
    });

  partners
    .command('retire-key <partner-id> <kid>')
    .description('stop accepting a key (it still verifies archived messages)')
    .option('--at <date-time>', 'when it stops being accepted (default now)', parseInstant)
    .action(async (partnerId: string, kid: string, options: { at?: Date }) => {
      await withDatabase(async (handle) => {
        const key = await retirePartnerKey(handle.db, { partnerId, kid, at: options.at }, context());
        console.log(`partner ${partnerId}: key ${kid} retired from ${key.retiredAt} (${key.state} now)`);
      });
    });

  const anchors = partners.command('trust-anchor').description('CA certificates agency seals must chain to');
  anchors
    .command('add <CC> <certificate-file>')
    .description('trust a CA certificate (PEM) for the agencies of a jurisdiction')
    .action(async (code: string, file: string) => {
      const current = config();
      const pem = readText(file);
      await withDatabase(async (handle) => {
        await applyMigrations(handle);
        const registry = registryFromConfig(current);
        await syncJurisdictions(handle.db, registry);
        const anchor = await addTrustAnchor(
          handle.db,
          registry,
          { jurisdiction: code.toUpperCase(), pem },
          context(),
        );
        console.log(
          `trust anchor ${anchor.id} for ${anchor.jurisdiction}: ${anchor.subject} (sha-256 ${anchor.fingerprintSha256})`,
        );
      }, current);
    });
  anchors
    .command('list')
    .description('trust anchors and their revocation lists')
    .action(async () => {
      await withDatabase(async (handle) => {
        for (const anchor of await listTrustAnchors(handle.db)) {
          console.log(
            `${anchor.id}\t${anchor.jurisdiction}\t${anchor.subject}\tvalid to ${anchor.notAfter}\t${anchor.crl ? `CRL ${anchor.crl.thisUpdate}, ${anchor.crl.revoked} revoked` : 'no CRL'}`,
          );
        }
      });
    });

  partners
    .command('crl <crl-file>')
    .description("load a trust anchor's certificate revocation list (PEM or DER), all or nothing")
    .action(async (file: string) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new Error(`no such file: ${file}`);
      }
      const text = bytes.includes('-----BEGIN') ? bytes.toString('utf8') : bytes.toString('base64');
      await withDatabase(async (handle) => {
        const anchor = await importCrl(handle.db, { crlText: text }, context());
        console.log(
          `CRL loaded for ${anchor.subject}: ${anchor.crl?.revoked ?? 0} revoked, issued ${anchor.crl?.thisUpdate}`,
        );
      });
    });

  const callbacks = program.command('callbacks').description('signed callbacks to partner agencies');
  callbacks
    .command('list')
    .description('the newest callbacks (--dead: the dead-letter queue)')
    .option('--dead', 'only dead callbacks')
    .action(async (options: { dead?: boolean }) => {
      await withDatabase(async (handle) => {
        const page = await listCallbacks(handle.db, { status: options.dead ? 'dead' : undefined, limit: 50 });
        for (const item of page.data) {
          console.log(
            `${item.id}\t${item.status}\t${item.partnerId}\t${item.type}\t${item.subjectId}\tattempts ${item.attempts}${item.lastError ? `\t${item.lastError}` : ''}`,
          );
        }
      });
    });
  callbacks
    .command('replay <event-id>')
    .description('send a dead or delivered callback again (same event id, fresh signature)')
    .action(async (id: string) => {
      await withDatabase(async (handle) => {
        const item = await replayCallback(handle.db, id, context());
        console.log(`callback ${item.id} pending again (${item.type} to ${item.partnerId})`);
      });
    });
}
