import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { freePort } from '../../../test/support/redis.js';

/**
 * A redis-server this test starts, kills and restarts on one port, for outages a shared server
 * (test/support/redis.ts) cannot stage. No persistence: a restart loses every key, as a fresh
 * instance or a failover to an empty replica would.
 */
export interface RedisProcess {
  readonly url: string;
  start(): Promise<void>;
  /** SIGKILL: no goodbye to clients, the way a crash or OOM kill looks to them. */
  kill(): Promise<void>;
}

const binary = process.env['REDIS_SERVER_BIN'] ?? 'redis-server';

export function redisServerInstalled(): boolean {
  const probe = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

export async function redisProcess(): Promise<RedisProcess> {
  const port = await freePort();
  let server: ChildProcess | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const child = spawn(
        binary,
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      server = child;
      await new Promise<void>((resolve, reject) => {
        let output = '';
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
      });
    },
    async kill() {
      const child = server;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
