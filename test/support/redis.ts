import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe } from 'vitest';

/**
 * Real Redis for tests: `REDIS_URL` when set, otherwise a private `redis-server` on a free
 * loopback port, started per test file with persistence off and killed afterwards.
 * With neither: locally the suite is skipped with a message saying why; under `CI=true` it
 * fails, so a CI machine without Redis can never pass these tests by skipping them.
 */
export interface RedisServer {
  /** `redis://host:port`, for any client; readable once the suite's `beforeAll` ran. */
  readonly url: string;
  /** A fresh key prefix, so suites sharing one `REDIS_URL` never see each other's keys. */
  prefix(): string;
}

export const binary = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

export function redisServerInstalled(): boolean {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export function describeWithRedis(name: string, body: (redis: RedisServer) => void): void {
  const external = process.env['REDIS_URL'];
  const installed = external === undefined && redisServerInstalled();
  if (external === undefined && !installed && process.env['CI'] !== 'true') {
    console.warn(`[hookguard tests] skipping "${name}": no redis-server binary and no REDIS_URL`);
    describe.skip(`${name} [skipped: no redis-server binary and no REDIS_URL; apt-get install redis-server]`, () => {
      body(unavailable());
    });
    return;
  }

  let url: string | undefined;
  let server: ChildProcess | undefined;
  const handle: RedisServer = {
    get url() {
      if (url === undefined) throw new Error('Redis is not running');
      return url;
    },
    prefix: () => `test:${randomUUID().slice(0, 8)}:`,
  };

  describe(name, () => {
    beforeAll(async () => {
      if (external !== undefined) {
        url = external;
      } else if (!installed) {
        throw new Error('CI=true but Redis is unavailable: install redis-server or set REDIS_URL');
      } else {
        const port = await freePort();
        server = spawn(
          binary,
          ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
          {
            stdio: 'ignore',
          },
        );
        url = `redis://127.0.0.1:${port}`;
      }
      await waitForPing(url);
    });
    afterAll(async () => {
      if (server && server.exitCode === null) {
        const exited = new Promise((resolve) => server?.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
    });
    body(handle);
  });
}

function unavailable(): RedisServer {
  const fail = (): never => {
    throw new Error('Redis is not available');
  };
  return {
    get url(): string {
      return fail();
    },
    prefix: fail,
  };
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Sends a raw `PING` until the server answers `+PONG`: no client library needed here. */
export async function waitForPing(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port || 6379), hostname);
      socket.setTimeout(1000, () => socket.destroy());
      socket.once('connect', () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        resolve(data.toString());
        socket.destroy();
      });
      socket.once('error', (error) => resolve(error.message));
      socket.once('close', () => resolve('closed'));
    });
    // A password-protected REDIS_URL answers NOAUTH: it is up, the client will authenticate.
    if (answer.startsWith('+PONG') || answer.startsWith('-NOAUTH')) return;
    if (Date.now() > deadline) throw new Error(`Redis at ${hostname}:${port} did not answer PING: ${answer}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
