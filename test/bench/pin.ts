import { execFileSync } from 'node:child_process';
import type { BenchOptions } from './options.js';

/** Pins this process (every thread: -a) to the load generator's CPU; the servers get the other. */
export function pinSelf(options: Pick<BenchOptions, 'pin'>, log: (line: string) => void): void {
  if (!options.pin) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', options.pin.client, String(process.pid)], { stdio: 'ignore' });
  } catch {
    log('taskset failed: running unpinned');
  }
}
