/**
 * Serves the agency simulator on Node (`@hono/node-server`). Port 0 picks a free port; the URL
 * reported is the one actually bound.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AgencySimulatorOptions, createAgencySimulator } from './agency-simulator.ts';

export interface RunningAgencySimulator {
  /** The simulator's base URL, e.g. http://127.0.0.1:4010 (its callbacks are at `${url}/callbacks`). */
  url: string;
  close(): Promise<void>;
  simulator: ReturnType<typeof createAgencySimulator>;
}

export async function startAgencySimulator(
  options: AgencySimulatorOptions & { port: number; host?: string },
): Promise<RunningAgencySimulator> {
  const { port, host = '127.0.0.1', ...simulatorOptions } = options;
  const simulator = createAgencySimulator(simulatorOptions);
  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: simulator.app.fetch, port, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const hostname = ['0.0.0.0', '::'].includes(address.address)
    ? 'localhost'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url: `http://${hostname}:${address.port}`, close, simulator };
}
