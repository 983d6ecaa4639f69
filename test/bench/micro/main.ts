/**
 * The micro benchmarks, in their own process (pinned like the servers, run with --expose-gc and
 * a large young generation): `node --expose-gc --import tsx micro/main.ts [--quick]`.
 * Prints one JSON object on stdout.
 */
import { memoryPerRequest } from './memory.js';
import { parseCost } from './parse-cost.js';
import { pipelineCost } from './pipeline-cost.js';
import { verifyThroughput } from './verify-throughput.js';

export type MicroResult = {
  readonly verify: Awaited<ReturnType<typeof verifyThroughput>>;
  readonly parse: ReturnType<typeof parseCost>;
  readonly memory: Awaited<ReturnType<typeof memoryPerRequest>>;
  readonly pipeline: Awaited<ReturnType<typeof pipelineCost>>;
};

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 3 : 9;
  const batchMs = quick ? 60 : 250;
  const result: MicroResult = {
    verify: await verifyThroughput(rounds, batchMs),
    parse: parseCost(['1k', '64k'], rounds, batchMs),
    memory: await memoryPerRequest(['1k', '64k'], quick),
    pipeline: await pipelineCost(['1k', '64k'], rounds, batchMs),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
