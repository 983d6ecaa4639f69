import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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
 * Starts a server in its own process (through tsx, like every other variant) and resolves once it
 * listens, pinned to `cpu`. It starts on any CPU (six start at once, that is faster) and is
 * pinned, every thread of it, before it serves a request. Its stderr is passed through.
 */
export async function spawnServer(
  framework: Framework,
  variant: Variant,
  options: SpawnOptions,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', SERVE, framework, variant, String(options.ttlSeconds)],
    { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const server = await listening(child, framework, variant);
  if (options.cpu !== undefined) await run('taskset', ['-a', '-p', '-c', options.cpu, String(child.pid)]);
  return server;
}

const run = promisify(execFile);

function listening(child: ChildProcess, framework: Framework, variant: Variant): Promise<ServerProcess> {
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
