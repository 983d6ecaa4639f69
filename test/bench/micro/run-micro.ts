import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MicroResult } from './main.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/**
 * Runs the micro benchmarks in their own process, on the servers' CPU, with --expose-gc and a
 * 64 MiB young generation so a batch of requests is measured without a collection in between.
 */
export function runMicro(quick: boolean, cpu: string | undefined): Promise<MicroResult> {
  const node = [
    process.execPath,
    '--expose-gc',
    '--min-semi-space-size=64',
    '--max-semi-space-size=64',
    '--import',
    'tsx',
    MAIN,
    ...(quick ? ['--quick'] : []),
  ];
  const command = cpu === undefined ? node : ['taskset', '-c', cpu, ...node];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`micro benchmarks exited with ${code}`));
      resolve(JSON.parse(out) as MicroResult);
    });
  });
}
