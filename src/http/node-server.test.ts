import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../core/logger.ts';
import { startNodeServer } from './node-server.ts';

function slowApp() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const app = new Hono()
    .get('/slow', async (c) => {
      await gate;
      return c.text('finished');
    })
    .get('/fast', (c) => c.text('fast'));
  return { app, release };
}

describe('node server shutdown', () => {
  it('lets in-flight requests finish, refuses new ones, then cleans up', async () => {
    const { app, release } = slowApp();
    const events: string[] = [];
    const running = await startNodeServer({
      fetch: app.fetch,
      port: 0,
      host: '127.0.0.1',
      timeoutMs: 5_000,
      logger: createLogger('silent'),
      cleanup: async () => {
        events.push('cleanup');
      },
    });
    expect(await (await fetch(`${running.url}/fast`)).text()).toBe('fast');
    const inFlight = fetch(`${running.url}/slow`).then(async (response) => {
      events.push('response');
      return response.text();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = running.shutdown('test');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${running.url}/fast`)).rejects.toThrow();
    expect(events).toEqual([]);
    release();
    expect(await inFlight).toBe('finished');
    await stopped;
    await running.closed;
    expect(events).toEqual(['response', 'cleanup']);
  });

  it('closes connections that outlive the timeout, then cleans up anyway', async () => {
    const { app } = slowApp();
    let cleaned = false;
    const running = await startNodeServer({
      fetch: app.fetch,
      port: 0,
      host: '127.0.0.1',
      timeoutMs: 200,
      logger: createLogger('silent'),
      cleanup: async () => {
        cleaned = true;
      },
    });
    const stuck = fetch(`${running.url}/slow`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await running.shutdown('test');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(cleaned).toBe(true);
    expect(await stuck).toBeInstanceOf(Error);
  });
});
