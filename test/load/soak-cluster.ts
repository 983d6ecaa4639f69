/**
 * `pnpm soak:cluster`: the multi-process deployment under load (docs/load.md), long. Receiver
 * processes (Express, Koa, Fastify) and inbox workers share one Redis: REDIS_URL when set,
 * otherwise a private redis-server on a free loopback port, stopped at the end. A worker and a
 * receiver are SIGKILLed and restarted every few seconds. Prints the figures; exits 1 when a
 * delivery that got a 2xx was lost, an answer was a 5xx other than 503, or nothing drained.
 *
 *   pnpm soak:cluster                                  # 60 s at 40 deliveries/s, chaos every 10 s
 *   pnpm soak:cluster -- --seconds 600 --rate 100 --workers 3 --chaos 3
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { binary, freePort, waitForPing } from '../support/redis.js';
import { runClusterLoad } from './run-cluster-load.js';
import { scriptArgs } from './script-args.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '40' },
    copies: { type: 'string', default: '3' },
    workers: { type: 'string', default: '2' },
    receivers: { type: 'string', default: 'express,koa,fastify' },
    chaos: { type: 'string', default: '10' },
    drain: { type: 'string', default: '60' },
  },
});

function number(name: keyof typeof values, { zero = false } = {}): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zero)) {
    throw new Error(`--${name} must be a positive number`);
  }
  return value;
}

let server: ChildProcess | undefined;
let redisUrl = process.env['REDIS_URL'];
if (redisUrl === undefined) {
  const port = await freePort();
  server = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  redisUrl = `redis://127.0.0.1:${port}`;
}
try {
  await waitForPing(redisUrl);
  const receivers = String(values.receivers).split(',');
  console.log(
    `soak:cluster — ${receivers.length} receivers (${receivers.join(', ')}), ${number('workers')} workers, ` +
      `${number('rate')} deliveries/s × ${number('copies')} copies for ${number('seconds')} s, ` +
      `chaos every ${number('chaos', { zero: true })} s`,
  );
  const report = await runClusterLoad({
    redisUrl,
    receivers,
    workers: number('workers'),
    seconds: number('seconds'),
    rate: number('rate'),
    copies: number('copies'),
    chaosEverySeconds: number('chaos', { zero: true }),
    drainTimeoutSeconds: number('drain'),
  });
  const median = (list: readonly number[]) =>
    [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  console.table({
    deliveries: report.deliveries,
    acknowledged: report.acknowledged,
    requests: report.requests,
    'req/s answered': Math.round(report.requestsPerSecond),
    'p50 ms': Math.round(report.p50Ms),
    'p99 ms': Math.round(report.p99Ms),
    statuses: JSON.stringify(report.statuses),
    'kills (workers/receivers)': `${report.kills.workers}/${report.kills.receivers}`,
    'restart ms, median (worker/receiver)': `${median(report.recoveryMs.worker)}/${median(report.recoveryMs.receiver)}`,
    lost: report.lost,
    'unhandled at the end': report.unhandled,
    'dead letters': report.deadLetters,
    'handler re-runs': report.reruns,
    'drained after s': report.drainSeconds.toFixed(1),
    'deliveries/s drained': report.deliveriesPerSecondDrained.toFixed(1),
  });
  for (const failure of report.failures) console.error(`FAIL: ${failure}`);
  console.log(report.failures.length === 0 ? 'soak:cluster passed' : 'soak:cluster FAILED');
  process.exitCode = report.failures.length === 0 ? 0 : 1;
} finally {
  server?.kill('SIGTERM');
}
