import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Exposed at run time rather than with `--expose-gc`, so a test file needs no runner
// configuration of its own; vitest runs each test file in its own worker, so only the files
// that import this one get it.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory in use right after a full collection: what is still held, not garbage not yet collected. */
export function liveBytes(): number {
  // The memory of a collected ArrayBuffer is released (and leaves `external`) only as the next
  // collection begins, so a single gc() still counts the buffers it just found dead.
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/**
 * The largest growth of live memory over its level before `work`, sampled while it runs and
 * once more as it ends. A sample is a full collection, so the interval is kept coarse.
 */
export async function peakGrowth<T>(
  work: () => Promise<T>,
  intervalMs = 100,
): Promise<{ readonly result: T; readonly growth: number }> {
  const before = liveBytes();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, liveBytes());
  }, intervalMs);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, liveBytes()) - before };
  } finally {
    clearInterval(sampler);
  }
}
