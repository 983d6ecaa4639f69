import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough, Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { type CliIo, main } from '@hookguard/cli';

/** A stdout/stderr stand-in that keeps what was written; `isTTY` decides colour as a terminal would. */
export class Capture extends Writable {
  text = '';
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Record<string, string | undefined>;
  readonly stdin?: string;
  readonly tty?: boolean;
}

/** Runs a command line in-process, as the binary would, and returns what a user would see. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<Run> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const io: CliIo = {
    stdout,
    stderr,
    stdin: options.stdin === undefined ? new PassThrough() : Readable.from([Buffer.from(options.stdin)]),
    env: options.env ?? {},
  };
  const code = await main(argv, io);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export interface Background {
  readonly stdout: Capture;
  readonly stderr: Capture;
  /** Resolves when stdout has a line matching `pattern`; rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Stops the command (as Ctrl-C does) and returns its exit code. */
  stop(): Promise<number>;
}

/** Starts a long-running command (`listen`) in-process. */
export function startCli(argv: readonly string[], env: Record<string, string | undefined> = {}): Background {
  const stdout = new Capture();
  const stderr = new Capture();
  const abort = new AbortController();
  const done = main(argv, { stdout, stderr, stdin: new PassThrough(), env, signal: abort.signal });
  let exited: number | undefined;
  done.then((code) => {
    exited = code;
  });
  return {
    stdout,
    stderr,
    async waitFor(pattern, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = stdout.text.match(pattern);
        if (match) return match;
        if (exited !== undefined) throw new Error(`command exited (${exited}): ${stderr.text}`);
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${pattern}; stdout: ${stdout.text}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async stop() {
      abort.abort();
      return done;
    },
  };
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const binPath = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));

/** Runs a command as a real child process (tsx, no build), with stdout and stderr piped. */
export function spawnCommand(
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env: { ...withoutColourSettings(process.env), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** The test runner sets FORCE_COLOR; a child should decide colour from its own pipes, as for a user. */
function withoutColourSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...rest } = env;
  return rest;
}

export const tsxPath = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

export function spawnCli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return spawnCommand(tsxPath, [binPath, ...args], env);
}

export interface HangUp {
  /** The first line the binary printed; never resolves if the reader hung up before reading. */
  readonly firstLine: Promise<string>;
  /** How the binary ended, and everything it wrote to stderr. */
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/**
 * The real binary with its stdout read by something that stops reading, as `| head -1` does:
 * `at: 'start'` hangs up before the first byte, `at: 'first line'` once a line has arrived. The
 * read side is destroyed, so the binary's next write to stdout fails with EPIPE.
 */
export function spawnCliIntoHangUp(args: readonly string[], at: 'start' | 'first line'): HangUp {
  const child = spawn(tsxPath, [binPath, ...args], {
    cwd: repoRoot,
    env: withoutColourSettings(process.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    },
  );
  if (at === 'start') {
    child.stdout.destroy();
    return { firstLine: new Promise(() => {}), exit };
  }
  const firstLine = new Promise<string>((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf('\n');
      if (end === -1) return;
      child.stdout.off('data', onData);
      child.stdout.destroy();
      resolve(text.slice(0, end));
    };
    child.stdout.on('data', onData);
  });
  return { firstLine, exit };
}

export interface Received {
  readonly method: string;
  readonly url: string;
  /** Header names in the case and order they arrived. */
  readonly rawHeaders: [string, string][];
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

/**
 * A bare node:http server that records each request's exact bytes and answers as told: the
 * receiving end for tests of what `send` puts on the wire.
 */
export async function recordingServer(
  answer: (received: Received) => {
    status: number;
    body?: string;
    headers?: Record<string, string>;
  } = () => ({
    status: 204,
  }),
): Promise<{ url: string; received: Received[]; close(): Promise<void>; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawHeaders: [string, string][] = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const one = {
        method: req.method ?? '',
        url: req.url ?? '',
        rawHeaders,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      received.push(one);
      const reply = answer(one);
      res.writeHead(reply.status, reply.headers ?? {});
      res.end(reply.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every line of NDJSON output, parsed. */
export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
