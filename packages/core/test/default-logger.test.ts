import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/default-logger.ts', import.meta.url));

/** Runs the fixture in its own process, so what reaches the real stderr is what is asserted. */
function run(...args: string[]) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fixture, ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.status).toBe(0);
  return { stdout: child.stdout, lines: child.stderr.split('\n').filter((line) => line !== '') };
}

it('writes warn and error to stderr with the [hookguard] prefix by default, and nothing for debug or info', () => {
  const { stdout, lines } = run();
  expect(stdout).toBe('401 500\n');
  expect(lines).toEqual([
    '[hookguard] warn: webhook refused provider=onebot code=SIGNATURE_MISMATCH',
    '[hookguard] error: webhook handler failed provider=onebot event=message.group.normal deliveryKey=message:10001000:group:114514:1868129 error="handler broke"',
    '[hookguard] warn: fields, printed readably text="two words" list=["a","b"]',
  ]);
});

it('prints nothing with logger: silentLogger', () => {
  const { stdout, lines } = run('silent');
  expect(stdout).toBe('401 500\n');
  expect(lines).toEqual([]);
});
