/**
 * The micro benchmarks, in their own processes (pinned like the servers):
 * `node --import tsx micro/main.ts speed [--quick]` times verify, parse and the pipeline stages
 * with Node's default heap settings; `node --expose-gc --min-semi-space-size=64
 * --max-semi-space-size=64 --import tsx micro/main.ts memory` counts bytes per request, which needs
 * a young generation big enough that no collection runs mid-batch, but whose size would skew
 * timings (every allocation lands on cold cache lines). Each prints one JSON object on stdout.
 */
import { memoryPerRequest } from './memory.js';
import { parseCost } from './parse-cost.js';
import { pipelineCost } from './pipeline-cost.js';
import { verifyThroughput } from './verify-throughput.js';

export type SpeedResult = {
  readonly verify: Awaited<ReturnType<typeof verifyThroughput>>;
  readonly parse: ReturnType<typeof parseCost>;
  readonly pipeline: Awaited<ReturnType<typeof pipelineCost>>;
};
export type MemoryResult = { readonly memory: Awaited<ReturnType<typeof memoryPerRequest>> };
export type MicroResult = SpeedResult & MemoryResult;

async function main(): Promise<void> {
  const part = process.argv[2];
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 3 : 9;
  const batchMs = quick ? 60 : 250;
  let result: SpeedResult | MemoryResult;
  if (part === 'speed') {
    // Whole-request timings first: the 1 MiB verify bodies leave a bigger heap behind.
    const pipeline = await pipelineCost(['1k', '64k'], rounds, batchMs);
    const parse = parseCost(['1k', '64k'], rounds, batchMs);
    result = { verify: await verifyThroughput(rounds, batchMs), parse, pipeline };
  } else if (part === 'memory') {
    result = { memory: await memoryPerRequest(['1k', '64k'], quick) };
  } else {
    throw new Error('usage: micro/main.ts speed|memory [--quick]');
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
