/**
 * Runtime tests: the gateway in workerd through `wrangler dev` (test/runtime). Separate from the
 * unit and integration suite (vitest.config.ts): slower, and it needs DATABASE_URL (skipped
 * without it).   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run test:worker
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/runtime/**/*.test.ts'],
    pool: 'forks',
    // One wrangler at a time: each starts workerd and bundles the Worker.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
