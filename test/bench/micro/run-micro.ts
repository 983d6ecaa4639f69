import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { MemoryResult, MicroResult, SpeedResult } from './main.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

/** One part of the micro benchmarks in its own process, on the servers' CPU. */
function runPart<T>(
  part: 'speed' | 'memory',
  flags: readonly string[],
  quick: boolean,
  cpu: string | undefined,
): Promise<T> {
  const node = [process.execPath, ...flags, '--import', 'tsx', MAIN, part, ...(quick ? ['--quick'] : [])];
  const command = cpu === undefined ? node : ['taskset', '-c', cpu, ...node];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`micro benchmarks (${part}) exited with ${code}`));
      resolve(JSON.parse(out) as T);
    });
  });
}

/**
 * Timings with Node's default heap; byte counts with --expose-gc and a 64 MiB young generation,
 * so a batch of requests is measured without a collection in between.
 */
export async function runMicro(quick: boolean, cpu: string | undefined): Promise<MicroResult> {
  const speed = await runPart<SpeedResult>('speed', [], quick, cpu);
  const memory = await runPart<MemoryResult>(
    'memory',
    ['--expose-gc', '--min-semi-space-size=64', '--max-semi-space-size=64'],
    quick,
    cpu,
  );
  return { ...speed, ...memory };
}
