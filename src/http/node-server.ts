/**
 * Serves the app on Node and shuts down cleanly: on SIGINT/SIGTERM it stops accepting
 * connections, lets in-flight requests finish (up to a timeout), then runs the cleanup (closing
 * the database). A second signal exits at once.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Logger } from '../core/logger.ts';

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting, waits for in-flight requests (at most `timeoutMs`), then runs cleanup. */
  shutdown(reason: string): Promise<void>;
  /** Resolves when the server has shut down. */
  closed: Promise<void>;
}

export interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  host: string;
  timeoutMs: number;
  logger: Logger;
  cleanup: () => Promise<void>;
}

export async function startNodeServer(options: ServeOptions): Promise<RunningServer> {
  const server = await new Promise<Server>((resolveServer, reject) => {
    const created = serve({ fetch: options.fetch, port: options.port, hostname: options.host }, () =>
      resolveServer(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let shutting: Promise<void> | undefined;

  const shutdown = (reason: string) => {
    shutting ??= (async () => {
      options.logger.info('shutting down', { reason });
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
      });
      if ((await Promise.race([drained, timedOut])) === 'timeout') {
        options.logger.warn('in-flight requests did not finish in time; closing connections', {
          timeoutMs: options.timeoutMs,
        });
        server.closeAllConnections();
        await drained;
      }
      clearTimeout(timer);
      await options.cleanup();
      options.logger.info('stopped');
      resolveClosed();
    })();
    return shutting;
  };

  return { server, url: `http://${host}:${address.port}`, shutdown, closed };
}

/** Wires SIGINT/SIGTERM to a clean shutdown, and a second signal to an immediate exit. */
export function handleSignals(running: RunningServer): void {
  let signalled = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      process.exit(130);
    }
    signalled = true;
    void running.shutdown(signal).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
