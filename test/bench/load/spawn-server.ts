import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
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
  /**
   * Another checkout of the repository (already built) to serve from: its own servers and its own
   * `packages/*\/dist`, through its `test/bench/tsconfig.json`. Default: this one. For `pnpm bench:ab`.
   */
  readonly tree?: string | undefined;
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
  const serve = options.tree === undefined ? SERVE : join(options.tree, 'test/bench/servers/serve.ts');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', serve, framework, variant, String(options.ttlSeconds)],
    {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // tsx resolves `--import tsx` and the tsconfig (whose paths point @hookguard/* at dist/)
      // from the working directory, so another tree is served with its own of both.
      ...(options.tree === undefined
        ? {}
        : {
            cwd: options.tree,
            env: { ...process.env, TSX_TSCONFIG_PATH: join(options.tree, 'test/bench/tsconfig.json') },
          }),
    },
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
