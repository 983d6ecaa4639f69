/**
 * `pnpm soak`: mixed valid and invalid webhook traffic at saturation through every adapter, on
 * loopback only, bounded in time and in requests; it stops by itself. Prints its figures and
 * exits 1 on a 5xx, a wrong refusal, an event lost or handled twice, or RSS growth past the bound.
 *
 *   pnpm soak                                   # 20 s per adapter after a 5 s warm-up
 *   pnpm soak -- --warmup 15 --seconds 600      # the long run (docs/load.md)
 *   pnpm soak -- --adapters koa,fastify --rss-growth-mib 32
 *   pnpm soak -- --seconds 600 --rate 1500 --json soak.json   # then: pnpm soak:chart soak.json
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { adapters } from '../conformance/adapters.js';
import { runSoak, type SoakReport } from './run-soak.js';
import { scriptArgs } from './script-args.js';

const { values } = parseArgs({
  args: scriptArgs(),
  options: {
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    'max-requests': { type: 'string', default: '5000000' },
    'rss-growth-mib': { type: 'string', default: '64' },
    rate: { type: 'string' },
    'sample-seconds': { type: 'string', default: '5' },
    json: { type: 'string' },
    adapters: { type: 'string', default: adapters.map((adapter) => adapter.name).join(',') },
  },
});

function number(name: Exclude<keyof typeof values, 'json'>): number {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const table = (reports: readonly SoakReport[]) =>
  reports.map((r) => ({
    adapter: r.adapter,
    requests: r.requests,
    'req/s': Math.round(r.requests / (r.seconds + number('warmup'))),
    valid: r.validEvents,
    replays: r.replays,
    refused: r.refusals,
    '5xx': r.serverErrors,
    'conn errors': r.clientErrors,
    'handler calls': r.handlerCalls,
    lost: r.lost,
    duplicated: r.duplicated,
    'in flight': r.inFlight,
    'RSS start MiB': r.rssStartMiB.toFixed(1),
    'RSS end MiB': r.rssEndMiB.toFixed(1),
    'RSS peak MiB': r.rssPeakMiB.toFixed(1),
    'heap start MiB': r.heapStartMiB.toFixed(1),
    'heap end MiB': r.heapEndMiB.toFixed(1),
  }));

const reports: SoakReport[] = [];
for (const adapter of String(values.adapters).split(',')) {
  console.log(
    `soak: ${adapter} — ${number('warmup')} s warm-up, ${number('seconds')} s measured, ${number('connections')} connections`,
  );
  reports.push(
    await runSoak({
      adapter,
      seconds: number('seconds'),
      warmupSeconds: number('warmup'),
      connections: number('connections'),
      maxRequests: number('max-requests'),
      rssGrowthMiB: number('rss-growth-mib'),
      sampleSeconds: number('sample-seconds'),
      rate: values.rate === undefined ? undefined : number('rate'),
    }),
  );
}
console.table(table(reports));
for (const report of reports) {
  const series = report.samples.map(
    (s) => `${s.second}s ${s.rssMiB.toFixed(0)}/${s.heapMiB.toFixed(0)}/${s.externalMiB.toFixed(1)}`,
  );
  console.log(`memory ${report.adapter} (RSS/heap/external MiB after GC): ${series.join('  ')}`);
}
if (values.json !== undefined) {
  const settings = {
    warmupSeconds: number('warmup'),
    connections: number('connections'),
    rate: values.rate ?? null,
  };
  writeFileSync(values.json, `${JSON.stringify({ node: process.version, settings, reports }, null, 1)}\n`);
}
const failed = reports.filter((report) => report.failures.length > 0);
for (const report of failed) console.error(`FAIL ${report.adapter}: ${report.failures.join('; ')}`);
console.log(failed.length === 0 ? `soak passed (RSS bound ${number('rss-growth-mib')} MiB)` : 'soak FAILED');
process.exit(failed.length === 0 ? 0 : 1);
