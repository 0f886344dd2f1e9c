/** `pontis start`: boot, listen, print where to go next, and shut down cleanly on Ctrl-C. */
import type { Config } from '../env.ts';
import { handleSignals, startNodeServer } from '../http/node-server.ts';
import { purgeIdempotencyKeys } from '../services/idempotency/idempotency.ts';
import { bootGateway, type NodeGateway } from './boot.ts';

const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;

function banner(gateway: NodeGateway, url: string): string {
  const { config, handle, migrations, seeded } = gateway;
  const publicUrl =
    config.publicUrl ?? url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//127.0.0.1:');
  const applied = migrations.after.applied - migrations.before.applied;
  const jurisdictions = gateway.registry
    .list()
    .map((adapter) => `${adapter.identity.code} (${adapter.identity.currency}, ${adapter.identity.kind})`)
    .join(', ');
  const lines = [
    '',
    `Pontis gateway ${gateway.deps.version} is listening on ${url}`,
    '',
    `  database        ${handle.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} at ${handle.location}`,
    `  migrations      ${applied > 0 ? `${applied} applied now` : 'already current'} (${migrations.after.applied} in all)`,
    `  jurisdictions   ${jurisdictions}`,
    `  demo mode       ${config.demo ? (seeded ? 'on — demo users and partner agency seeded' : 'on — demo data already present') : 'off'}`,
    `  signing key     ${gateway.signingKeySource}`,
    '',
    'Where to go next:',
    `  API reference   ${publicUrl}/docs`,
    `  OpenAPI         ${publicUrl}/openapi.json`,
    `  Readiness       ${publicUrl}/ready`,
  ];
  if (config.demo) {
    const quoteBody = `'{"purpose":"contribution","partnerJurisdiction":"DE","sourceCurrency":"EUR","targetCurrency":"CNY","sourceAmount":"250.00"}'`;
    const auth = '-H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json"';
    lines.push(
      '',
      'Request a quote (from this folder, in another terminal):',
      '',
      '  export TOKEN=$(npm run -s pontis -- token --role operator)',
      `  curl -s ${publicUrl}/v1/quotes ${auth} \\`,
      `    -d ${quoteBody}`,
      '',
      'Turn a fresh quote into a transfer:',
      '',
      `  QUOTE_ID=$(curl -s ${publicUrl}/v1/quotes ${auth} -d ${quoteBody} | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')`,
      `  curl -s ${publicUrl}/v1/transfers ${auth} \\`,
      `    -H "Idempotency-Key: $(node -pe 'crypto.randomUUID()')" -d "{\\"quoteId\\":\\"$QUOTE_ID\\"}"`,
    );
  }
  lines.push('', 'Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

export async function startCommand(config: Config): Promise<void> {
  const gateway = await bootGateway(config);
  const housekeeping = setInterval(() => {
    purgeIdempotencyKeys(gateway.handle.db, new Date()).then(
      (purged) => purged > 0 && gateway.logger.info('purged idempotency keys', { purged }),
      () => gateway.logger.warn('idempotency key purge failed'),
    );
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  let running: Awaited<ReturnType<typeof startNodeServer>>;
  try {
    running = await startNodeServer({
      fetch: gateway.app.fetch,
      port: config.port,
      host: config.host,
      timeoutMs: config.shutdownTimeoutSeconds * 1000,
      logger: gateway.logger,
      cleanup: async () => {
        clearInterval(housekeeping);
        await gateway.handle.close();
      },
    });
  } catch (error) {
    clearInterval(housekeeping);
    await gateway.handle.close();
    throw error;
  }
  handleSignals(running);
  process.stdout.write(banner(gateway, running.url));
  gateway.logger.info('started', { url: running.url, database: gateway.handle.kind, demo: config.demo });
}
