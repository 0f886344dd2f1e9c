/**
 * The Worker bundle as `wrangler deploy` would upload it (`--dry-run`, no network): it must build,
 * and it must not pull in what cannot run on Workers (PGlite, the file system, tsx, the CLI).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler');

describe('the Worker bundle (wrangler deploy --dry-run)', () => {
  let outdir = '';
  let code = '';
  let sources: string[] = [];

  beforeAll(async () => {
    outdir = mkdtempSync(join(tmpdir(), 'pontis-worker-dist-'));
    const output: string[] = [];
    const exitCode = await new Promise<number | null>((done, fail) => {
      const child = spawn(WRANGLER, ['deploy', '--dry-run', '--outdir', outdir], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          CI: '1',
          NO_COLOR: '1',
          WRANGLER_SEND_METRICS: 'false',
          WRANGLER_SEND_ERROR_REPORTS: 'false',
          WRANGLER_LOG_PATH: outdir,
          CLOUDFLARE_API_TOKEN: undefined,
        },
      });
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.on('error', fail);
      child.on('exit', done);
    });
    expect(exitCode, output.join('')).toBe(0);
    code = readFileSync(join(outdir, 'worker.js'), 'utf8');
    const map = JSON.parse(readFileSync(join(outdir, 'worker.js.map'), 'utf8')) as { sources: string[] };
    sources = map.sources.map((source) => source.replaceAll('\\', '/'));
  });

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('bundles the app, the adapters and the postgres.js build for workerd', () => {
    expect(sources.some((source) => source.endsWith('deploy/cloudflare/worker.ts'))).toBe(true);
    expect(sources.some((source) => source.endsWith('src/app.ts'))).toBe(true);
    expect(sources.some((source) => source.endsWith('adapters/index.ts'))).toBe(true);
    expect(sources.some((source) => source.includes('node_modules/postgres/cf/'))).toBe(true);
  });

  it('leaves out PGlite, the CLI, tsx and the file system', () => {
    const forbidden = sources.filter((source) =>
      /node_modules\/@electric-sql\/pglite\/|node_modules\/tsx\/|node_modules\/commander\/|\/src\/cli\/|\/src\/db\/(pglite|migrate)\.ts$|\/src\/services\/auth\/key-file\.ts$/.test(
        source,
      ),
    );
    expect(forbidden).toEqual([]);
    // Only the node: modules postgres.js needs (nodejs_compat); never the file system.
    const nodeImports = new Set(
      [...code.matchAll(/from\s*["'](node:[a-z_/]+)["']/g)].map((match) => match[1]),
    );
    const allowed = new Set(['node:buffer', 'node:events', 'node:stream']);
    expect([...nodeImports].filter((name) => !allowed.has(name ?? ''))).toEqual([]);
    expect(code).not.toMatch(/["'](node:)?fs(\/promises)?["']/);
  });
});
