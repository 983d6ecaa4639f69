/**
 * One bench server as its own process: `node --import tsx serve.ts <framework> <variant> <ttl-s>`.
 * It reports its port over IPC, answers usage queries (CPU time, memory) so the load generator
 * can charge CPU per request to the server alone, and stops by itself: when the parent goes
 * away, or when its time-to-live runs out, whichever comes first.
 */
import { isFramework, isVariant } from '../variants.js';
import { startServer } from './start.js';

export interface ServerUsage {
  readonly cpuMicros: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly maxRssKiB: number;
}

export type ServerMessage = { readonly ready: number } | { readonly usage: ServerUsage };

function usage(): ServerUsage {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
}

async function main(): Promise<void> {
  const [framework = '', variant = '', ttl = '600'] = process.argv.slice(2);
  if (!isFramework(framework) || !isVariant(variant) || !process.send) {
    console.error('usage (as a child with IPC): serve.ts <framework> <variant> [ttl-seconds]');
    process.exit(2);
  }
  setTimeout(() => process.exit(0), Number(ttl) * 1000).unref();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message === 'usage') process.send?.({ usage: usage() } satisfies ServerMessage);
  });
  const running = await startServer(framework, variant);
  process.send({ ready: running.port } satisfies ServerMessage);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
