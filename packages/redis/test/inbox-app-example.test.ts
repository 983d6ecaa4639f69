import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { napcatGroupMessage, onebotRequest } from '@hookguard/core/testing';
import { afterEach, expect, it, vi } from 'vitest';
import { post } from '../../../test/support/http.js';
import { describeWithRedis, freePort } from '../../../test/support/redis.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const repositoryRoot = here('../../../');
const example = here('../examples/inbox-app.ts');
const SECRET = 'napcat-token';

it('the README shows exactly the example file this test runs', () => {
  const readme = readFileSync(here('../README.md'), 'utf8');
  const block = /```ts example=inbox-app\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBe(readFileSync(example, 'utf8'));
});

describeWithRedis('the README example, run as a process', (server) => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('handles a signed delivery through its worker, then exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const app = spawn(process.execPath, ['--import', 'tsx', example], {
      cwd: repositoryRoot,
      env: { ...process.env, REDIS_URL: server.url, ONEBOT_SECRET: SECRET, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = app;
    let stdout = '';
    let stderr = '';
    app.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    app.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(stdout).toContain(`listening on port ${port}`), {
      timeout: 20_000,
      interval: 50,
    });

    const request = onebotRequest({ ...napcatGroupMessage, message_id: 4242 }, SECRET);
    // While Redis is still connecting the app answers 503 and the sender retries, as here.
    await vi.waitFor(
      async () => {
        const response = await post(`http://127.0.0.1:${port}/onebot`, request.body, {
          headers: request.headers as Record<string, string>,
        });
        expect(response.status).toBe(204);
      },
      { timeout: 10_000, interval: 100 },
    );
    await vi.waitFor(() => expect(stdout).toContain('handled message 4242 from group'), {
      timeout: 10_000,
      interval: 50,
    });

    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    // What it printed (a 503 while Redis was still connecting) is hookguard's one-line reports only.
    for (const line of stderr.split('\n').filter(Boolean))
      expect(line).toMatch(/^\[hookguard\] (warn|error): /);
  }, 60_000);
});
