/**
 * Gives each request a lazily opened database, and gives it back when the response is done
 * (on Workers after the response is sent, through `waitUntil`).
 */
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/database.ts';
import type { AppEnv, RequestDatabase } from '../context.ts';

export function requestDatabase(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let opened: Promise<RequestDatabase> | undefined;
    c.set('db', async (): Promise<Database> => {
      opened ??= c.get('deps').openDatabase(c);
      return (await opened).db;
    });
    try {
      await next();
    } finally {
      if (opened) {
        const release = opened.then((handle) => handle.release?.()).catch(() => {});
        let waitUntil: ((promise: Promise<unknown>) => void) | undefined;
        try {
          waitUntil = c.executionCtx.waitUntil.bind(c.executionCtx);
        } catch {
          // No execution context (Node): release inline.
        }
        if (waitUntil) waitUntil(release);
        else await release;
      }
    }
  };
}
