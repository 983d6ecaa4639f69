import autocannon from 'autocannon';
import type { SignedRequest } from '../payloads.js';
import type { ServerProcess } from './spawn-server.js';

export interface LoadSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
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
  const warm = await autocannon({ ...options, duration: settings.warmupSeconds });
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
