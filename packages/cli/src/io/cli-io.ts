import type { Readable, Writable } from 'node:stream';

/** A writable the CLI prints to; `isTTY` decides colour and progress lines. */
export type OutputStream = Writable & {
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
};

/**
 * Everything a command touches outside itself, so tests can run commands in-process over real
 * loopback HTTP and read exactly what a user would see.
 */
export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Stops long-running commands (`listen`); the binary wires it to SIGINT/SIGTERM. */
  readonly signal?: AbortSignal | undefined;
}

export function processIo(signal?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, signal };
}
