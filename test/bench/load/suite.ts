import type { BenchOptions } from '../options.js';
import { githubRequest, type SignedRequest, type SizeName, standardRequest } from '../payloads.js';
import { type Framework, PAYLOAD_OF, VARIANTS, type Variant } from '../variants.js';
import { type Measurement, measure, warmTogether } from './measure.js';
import { type ServerProcess, spawnServer } from './spawn-server.js';

export interface Run {
  readonly round: number;
  readonly framework: Framework;
  readonly size: SizeName;
  readonly variant: Variant;
  readonly result: Measurement;
}

/**
 * Rounds of every (framework, size, variant). Within a round the variants run back to back
 * (a, b, b+zod, c, d, c-sw, e), and each round starts one variant later, so slow drifts in the shared
 * machine's load fall on every variant alike instead of on whichever ran last.
 */
export async function runLoadSuite(options: BenchOptions, progress: (line: string) => void): Promise<Run[]> {
  const runs: Run[] = [];
  const ttlSeconds = Math.ceil(
    60 + options.sizes.length * VARIANTS.length * (warmupSeconds(options) + options.seconds + 2) * 2,
  );
  for (let round = 1; round <= options.rounds; round++) {
    const order = VARIANTS.map((_, index) => VARIANTS[(index + round - 1) % VARIANTS.length]!);
    for (const framework of options.frameworks) {
      const servers = await Promise.all(
        VARIANTS.map((variant) => spawnServer(framework, variant, { cpu: options.pin?.server, ttlSeconds })),
      );
      try {
        for (const size of options.sizes) {
          if (options.warmup === 'shared') {
            const failed = await warmTogether(
              servers.map((server) => ({ server, request: requestFor(server.variant, size) })),
              2,
            );
            if (failed > 0) progress(`!! ${failed} requests failed while warming ${framework} ${size}`);
          }
          for (const variant of order) {
            const server = servers.find((one) => one.variant === variant)!;
            const result = await measure(server, requestFor(variant, size), options);
            runs.push({ round, framework, size, variant, result });
            progress(line(round, framework, size, variant, result));
          }
        }
      } finally {
        await Promise.all(servers.map((server: ServerProcess) => server.stop()));
      }
    }
  }
  return runs;
}

function warmupSeconds(options: BenchOptions): number {
  return options.warmup === 'shared' ? 1 : options.warmup.seconds;
}

/** Standard Webhooks requests are signed right before their run: the timestamp window is 5 minutes. */
export function requestFor(variant: Variant, size: SizeName): SignedRequest {
  return PAYLOAD_OF[variant] === 'github' ? githubRequest(size) : standardRequest(size);
}

function line(round: number, framework: Framework, size: SizeName, variant: Variant, result: Measurement) {
  const failed = result.failures > 0 ? `  !! ${result.failures} failed requests` : '';
  return (
    `round ${round}  ${framework.padEnd(8)} ${size.padEnd(4)} ${variant.padEnd(5)}` +
    `${Math.round(result.rps).toString().padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms` +
    `  ${result.cpuMicrosPerRequest.toFixed(1)} µs CPU/req${failed}`
  );
}
