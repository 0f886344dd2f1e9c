/**
 * Server entry for containers and process managers: `node --import tsx deploy/node/server.ts`.
 * The same as `pontis start`: configuration from the environment, migrations on start, clean
 * shutdown on SIGTERM/SIGINT.
 */

import { describeError } from '../../src/cli/main.ts';
import { startCommand } from '../../src/cli/start.ts';
import { parseConfig } from '../../src/env.ts';

try {
  await startCommand(parseConfig(process.env));
} catch (error) {
  process.stderr.write(`pontis: ${describeError(error)}\n`);
  process.exit(1);
}
