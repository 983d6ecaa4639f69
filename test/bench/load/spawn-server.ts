import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerMessage, ServerUsage } from '../servers/serve.js';
import type { Framework, Variant } from '../variants.js';

const SERVE = fileURLToPath(new URL('../servers/serve.ts', import.meta.url));

export interface ServerProcess {
  readonly framework: Framework;
  readonly variant: Variant;
  readonly url: string;
  usage(): Promise<ServerUsage>;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** CPU list for `taskset -c`, or undefined to leave the scheduler free. */
  readonly cpu: string | undefined;
  /** The server exits by itself after this many seconds. */
  readonly ttlSeconds: number;
}

/**
 * Starts a server in its own process (through tsx, like every other variant), pinned to `cpu`,
 * and resolves once it listens. Its stderr is passed through, so a crash is visible.
 */
export function spawnServer(framework: Framework, variant: Variant, options: SpawnOptions): Promise<ServerProcess> {
  const node = [process.execPath, '--import', 'tsx', SERVE, framework, variant, String(options.ttlSeconds)];
  const command = options.cpu === undefined ? node : ['taskset', '-c', options.cpu, ...node];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) =>
      reject(new Error(`bench server ${framework}/${variant} exited (${code}) before listening`));
    child.once('exit', failed);
    child.once('error', reject);
    child.once('message', (message: ServerMessage) => {
      if (!('ready' in message)) return;
      child.off('exit', failed);
      resolve(handle(child, framework, variant, `http://127.0.0.1:${message.ready}`));
    });
  });
}

function handle(child: ChildProcess, framework: Framework, variant: Variant, url: string): ServerProcess {
  return {
    framework,
    variant,
    url,
    usage: () =>
      new Promise((resolve) => {
        const onMessage = (message: ServerMessage) => {
          if (!('usage' in message)) return;
          child.off('message', onMessage);
          resolve(message.usage);
        };
        child.on('message', onMessage);
        child.send('usage');
      }),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}
