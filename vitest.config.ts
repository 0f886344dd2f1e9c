import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'sdk/**/*.test.ts',
      'adapters/**/*.test.ts',
      'schemas/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['test/runtime/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
