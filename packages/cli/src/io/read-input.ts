import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { usageError } from '../cli-error.js';

/** Reads a body file, or stdin for `-`, as the exact bytes (no trimming: the bytes are signed). */
export async function readInput(path: string, stdin: Readable): Promise<Uint8Array> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
    return Buffer.concat(chunks);
  }
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw usageError(`no such file: ${path}`);
    if (code === 'EISDIR') throw usageError(`${path} is a directory, not a body file`);
    throw usageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}
