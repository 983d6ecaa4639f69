/**
 * `pnpm soak:chart <soak.json>`: the BENCHMARKS.md section for a long `pnpm soak -- --json` run.
 * Memory over time as one sparkline per adapter (a shared scale, so adapters compare by eye) and
 * the trend as a least-squares slope after the first minute, when the dedupe store and the JIT
 * have filled up: a slope that stays positive over ten minutes is a leak to chase.
 */
import { readFileSync } from 'node:fs';
import type { MemorySample, SoakReport } from './run-soak.js';
import { scriptArgs } from './script-args.js';

interface SoakFile {
  readonly node: string;
  readonly settings: {
    readonly warmupSeconds: number;
    readonly connections: number;
    readonly rate: string | null;
  };
  readonly reports: readonly SoakReport[];
}

const BARS = '▁▂▃▄▅▆▇█';
const POINTS = 40;

/** Every sample's value, averaged into at most POINTS buckets, drawn against min..max. */
function sparkline(values: readonly number[], [min, max]: readonly [number, number]): string {
  const buckets = Math.min(POINTS, values.length);
  let line = '';
  for (let bucket = 0; bucket < buckets; bucket++) {
    const from = Math.floor((bucket * values.length) / buckets);
    const to = Math.max(from + 1, Math.floor(((bucket + 1) * values.length) / buckets));
    const slice = values.slice(from, to);
    const mean = slice.reduce((sum, value) => sum + value, 0) / slice.length;
    line += BARS[Math.min(BARS.length - 1, Math.floor(((mean - min) / (max - min || 1)) * BARS.length))];
  }
  return line;
}

/** MiB per minute, least squares over the samples after `skipSeconds`. */
export function slopePerMinute(
  samples: readonly MemorySample[],
  pick: (s: MemorySample) => number,
  skipSeconds = 60,
): number {
  const points = samples.filter((sample) => sample.second >= skipSeconds);
  if (points.length < 3) return Number.NaN;
  const meanX = points.reduce((sum, p) => sum + p.second, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + pick(p), 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.second - meanX) * (pick(point) - meanY);
    variance += (point.second - meanX) ** 2;
  }
  return (covariance / variance) * 60;
}

const range = (values: readonly number[]): [number, number] => [Math.min(...values), Math.max(...values)];
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const signed = (value: number) =>
  Number.isFinite(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(2)}` : 'n/a';

function section(file: SoakFile): string {
  const { settings } = file;
  // The last sample is taken after the run ends; an interval sample may land just after it.
  const reports = file.reports.map((r) => ({
    ...r,
    samples: [...r.samples].sort((a, b) => a.second - b.second),
  }));
  const heap = range(reports.flatMap((r) => r.samples.map((s) => s.heapMiB)));
  const rss = range(reports.flatMap((r) => r.samples.map((s) => s.rssMiB)));
  const seconds = Math.round(Math.max(...reports.map((r) => r.seconds)));
  const lines = [
    `Node ${file.node}, ${seconds} s per adapter after a ${settings.warmupSeconds} s warm-up, ${settings.connections} connections, ` +
      `${settings.rate === null ? 'at saturation' : `${settings.rate} req/s`}; memory sampled after a forced GC.`,
    '',
    '| adapter | requests | req/s | 5xx | lost | handled twice | RSS start → end (peak) MiB | heap start → end MiB | heap trend MiB/min | RSS trend MiB/min |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: |',
    ...reports.map(
      (r) =>
        `| ${r.adapter} | ${r.requests} | ${Math.round(r.requests / (r.seconds + settings.warmupSeconds))} | ${r.serverErrors} | ${r.lost} | ${r.duplicated} | ` +
        `${fixed(r.rssStartMiB)} → ${fixed(r.rssEndMiB)} (${fixed(r.rssPeakMiB)}) | ${fixed(r.heapStartMiB)} → ${fixed(r.heapEndMiB)} | ` +
        `${signed(slopePerMinute(r.samples, (s) => s.heapMiB))} | ${signed(slopePerMinute(r.samples, (s) => s.rssMiB))} |`,
    ),
    '',
    `Heap used after GC over the run (▁ = ${fixed(heap[0])}, █ = ${fixed(heap[1])} MiB) and RSS ` +
      `(▁ = ${fixed(rss[0])}, █ = ${fixed(rss[1])} MiB), all adapters on one scale:`,
    '',
    '```',
    ...reports.flatMap((r) => [
      `${r.adapter.padEnd(13)} heap ${sparkline(
        r.samples.map((s) => s.heapMiB),
        heap,
      )}`,
      `${''.padEnd(13)} RSS  ${sparkline(
        r.samples.map((s) => s.rssMiB),
        rss,
      )}`,
    ]),
    '```',
  ];
  return lines.join('\n');
}

const [path] = scriptArgs();
if (path === undefined) {
  console.error('usage: pnpm soak:chart <file written by pnpm soak -- --json>');
  process.exit(2);
}
console.log(section(JSON.parse(readFileSync(path, 'utf8')) as SoakFile));
