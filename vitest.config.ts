import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the workspace packages from their TypeScript sources, so `pnpm test` needs no build.
const packages = ['core', 'express', 'koa', 'fastify', 'redis', 'cli'];
const sourceOf = (name: string) => fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@hookguard\/core\/testing$/,
        replacement: fileURLToPath(new URL('./packages/core/src/testing/index.ts', import.meta.url)),
      },
      {
        find: /^@hookguard\/core\/adapter$/,
        replacement: fileURLToPath(new URL('./packages/core/src/adapter.ts', import.meta.url)),
      },
      {
        find: /^@hookguard\/core\/schemas$/,
        replacement: fileURLToPath(new URL('./packages/core/src/schemas.ts', import.meta.url)),
      },
      ...packages.map((name) => ({ find: new RegExp(`^@hookguard/${name}$`), replacement: sourceOf(name) })),
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Most test files wait on sockets, timers and child processes rather than the CPU, so a small
    // machine gets more workers than it has cores less one (vitest's default: one worker on a
    // 2-core CI machine). BENCHMARKS.md ("The test suite's wall time") has the measurements.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
