import { PerformanceObserver } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { getHeapStatistics } from 'node:v8';
import { githubRequest, type SizeName } from '../payloads.js';
import { githubReceiver } from '../servers/hookguard.js';
import { handWrittenVerifyAndParse, readAll } from '../servers/raw.js';
import { countBodySizedAllocations } from './count-copies.js';

export interface MemoryRow {
  readonly size: SizeName;
  readonly variant: 'b' | 'c';
  /** JS heap bytes allocated per request (GC held off, so nothing is collected in between). */
  readonly heapBytesPerRequest: number;
  /** Off-heap bytes (Buffers) per request. */
  readonly externalBytesPerRequest: number;
  /** Body-sized byte buffers made per request: 1 is the read itself (chunks joined into one). */
  readonly bodySizedBuffers: number;
  /** How many requests were measured, and whether a GC ran anyway (then the row is a lower bound). */
  readonly requests: number;
  readonly gcRuns: number;
}

type Gc = () => void;

/**
 * Allocation per request, in process: the request's body arrives as a stream of 16 KiB chunks
 * (as from a socket); (b) joins them, verifies and JSON.parses, (c) is `receiver.handleStream`,
 * the call every hookguard adapter makes. Needs `--expose-gc` and a young generation large
 * enough for the whole batch (the runner passes `--min-semi-space-size`/`--max-semi-space-size`).
 */
export async function memoryPerRequest(sizes: readonly SizeName[], quick: boolean): Promise<MemoryRow[]> {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('memory micro bench needs node --expose-gc');
  const receiver = githubReceiver();
  const rows: MemoryRow[] = [];
  for (const size of sizes) {
    const request = githubRequest(size);
    const chunks: Buffer[] = [];
    for (let at = 0; at < request.body.length; at += 16 * 1024)
      chunks.push(request.body.subarray(at, at + 16 * 1024));
    const head = {
      method: 'POST',
      url: '/hook',
      headers: { ...request.headers, 'content-length': String(request.body.length) },
    };
    const variants = {
      b: async () => {
        const body = await readAll(Readable.from(chunks) as unknown as Parameters<typeof readAll>[0]);
        if (handWrittenVerifyAndParse(body, request.headers['x-hub-signature-256']) === undefined)
          throw new Error('b refused');
      },
      c: async () => {
        const answer = await receiver.handleStream(head, Readable.from(chunks));
        if (answer.status !== 204) throw new Error(`c answered ${answer.status}`);
      },
    };
    for (const variant of ['b', 'c'] as const) {
      const run = variants[variant];
      for (let index = 0; index < 200; index++) await run(); // warm up and JIT before counting
      const copies = await countBodySizedAllocations(request.body.length, run);
      // As many requests as fit in ~half the 64 MiB young generation, from a 20-request pilot.
      gc();
      const pilotBefore = getHeapStatistics().used_heap_size;
      for (let index = 0; index < 20; index++) await run();
      const pilot = Math.max(1, (getHeapStatistics().used_heap_size - pilotBefore) / 20);
      const requests = Math.max(20, Math.min(quick ? 500 : 2000, Math.floor((32 * 2 ** 20) / pilot)));
      let gcRuns = 0;
      const observer = new PerformanceObserver((list) => {
        gcRuns += list.getEntries().length;
      });
      gc();
      await new Promise((resolve) => setImmediate(resolve));
      observer.observe({ entryTypes: ['gc'] });
      const heapBefore = getHeapStatistics().used_heap_size;
      const externalBefore = process.memoryUsage().arrayBuffers;
      for (let index = 0; index < requests; index++) await run();
      const heapAfter = getHeapStatistics().used_heap_size;
      const externalAfter = process.memoryUsage().arrayBuffers;
      // GC entries reach the observer asynchronously: give them a moment before counting.
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      rows.push({
        size,
        variant,
        heapBytesPerRequest: (heapAfter - heapBefore) / requests,
        externalBytesPerRequest: (externalAfter - externalBefore) / requests,
        bodySizedBuffers: copies,
        requests,
        gcRuns,
      });
    }
  }
  return rows;
}
