import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

/**
 * docs/load.md tells users to run `pnpm soak -- --seconds 600`; pnpm hands the `--` to the script.
 * A value that is not a number shows the script read the option (rather than refusing it as a positional)
 * without starting any traffic.
 */
describe('the load scripts read their options after pnpm’s `--`', () => {
  for (const [script, option] of [
    ['test/load/soak.ts', '--seconds'],
    ['test/load/soak-cluster.ts', '--seconds'],
  ] as const) {
    it(script, async () => {
      const failure = await run('npx', ['tsx', script, '--', option, 'many'], { cwd: root }).then(
        () => undefined,
        (error: { stderr: string }) => error.stderr,
      );
      expect(failure).toContain(`${option} must be`);
      expect(failure).not.toContain('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL');
    }, 30_000);
  }
});
