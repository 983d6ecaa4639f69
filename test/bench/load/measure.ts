import autocannon from 'autocannon';
import type { SignedRequest } from '../payloads.js';
import type { ServerProcess } from './spawn-server.js';

export interface LoadSettings {
  readonly connections: number;
  /**
   * Whole seconds of warm-up right before each measured run (autocannon ends runs on its 1 s
   * ticks), or `shared`: every server of a framework warmed at once beforehand (quick mode).
   */
  readonly warmup: 'shared' | { readonly seconds: number };
  readonly seconds: number;
}

export interface Measurement {
  /** Completed requests divided by the measured wall time (warm-up excluded). */
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server CPU time (user + system) per request over the measured run, in µs. */
  readonly cpuMicrosPerRequest: number;
  /** The server's resident set after the run, MiB. */
  readonly rssMiB: number;
  readonly requests: number;
  /** Anything but 0 makes the run invalid: a refusal is cheaper than a verification. */
  readonly failures: number;
}

/**
 * Quick mode's warm-up: every server of one framework loaded at once for `seconds` (they share
 * the servers' CPU), so the JIT has compiled each hot path before its own short measured run.
 */
export async function warmTogether(
  servers: readonly { server: ServerProcess; request: SignedRequest }[],
  seconds: number,
): Promise<number> {
  const results = await Promise.all(
    servers.map(({ server, request }) =>
      autocannon({
        url: `${server.url}/hook`,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        connections: 8,
        duration: seconds,
      }),
    ),
  );
  return results.reduce((sum, result) => sum + result.non2xx + result.errors, 0);
}

/** A warm-up run (discarded), then the measured run, with the server's CPU time around it. */
export async function measure(
  server: ServerProcess,
  request: SignedRequest,
  settings: LoadSettings,
): Promise<Measurement> {
  const options = {
    url: `${server.url}/hook`,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: settings.connections,
    pipelining: 1,
    timeout: 10,
  };
  const warm =
    settings.warmup === 'shared'
      ? { non2xx: 0, errors: 0 }
      : await autocannon({ ...options, duration: settings.warmup.seconds });
  const before = await server.usage();
  const result = await autocannon({ ...options, duration: settings.seconds });
  const after = await server.usage();
  const requests = result.requests.total;
  return {
    rps: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / Math.max(1, requests),
    rssMiB: after.rss / 2 ** 20,
    requests,
    failures: warm.non2xx + warm.errors + result.non2xx + result.errors,
  };
}
