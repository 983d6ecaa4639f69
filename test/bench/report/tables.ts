import { FRAMEWORK_LABEL, FRAMEWORKS, RATIOS, VARIANT_LABEL, VARIANTS } from '../variants.js';
import type { Aggregate, RatioCell } from './aggregate.js';

type Rows = readonly (readonly string[])[];

/** Markdown table, or the same columns padded for a terminal. */
export function renderTable(header: readonly string[], rows: Rows, markdown: boolean): string {
  if (markdown) {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  }
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function ratioText(cell: RatioCell | undefined): string {
  if (!cell) return '–';
  const { median, min, max, runs } = cell.paired;
  const range = runs.length > 1 ? ` (${fixed(min)}–${fixed(max)})` : '';
  const mark = cell.met === undefined ? '' : cell.met ? ' ✓' : ' ✗';
  return `${fixed(median)}${range}${mark}`;
}

/** One row per framework and size; each cell the median paired ratio, its range over rounds, and ✓/✗. */
export function ratioTable(result: Aggregate, markdown: boolean): string {
  const keys = [...new Set(result.ratios.map((cell) => `${cell.framework}|${cell.size}`))].sort(byFramework);
  const rows = keys.map((key) => {
    const [framework, size] = key.split('|') as [keyof typeof FRAMEWORK_LABEL, string];
    const cells = RATIOS.map((ratio) =>
      ratioText(
        result.ratios.find((cell) => `${cell.framework}|${cell.size}` === key && cell.ratio === ratio.name),
      ),
    );
    return [FRAMEWORK_LABEL[framework], size, ...cells];
  });
  const header = [
    'framework',
    'body',
    ...RATIOS.map((ratio) => `${ratio.name}${ratio.target ? ` (≥ ${ratio.target})` : ''}`),
  ];
  return renderTable(header, rows, markdown);
}

/** Every configuration: median req/s with spread and each run, latency, server CPU per request, RSS. */
export function variantTable(result: Aggregate, markdown: boolean): string {
  const cells = [...result.cells].sort(
    (a, b) =>
      byFramework(`${a.framework}|${a.size}`, `${b.framework}|${b.size}`) ||
      VARIANTS.indexOf(a.variant) - VARIANTS.indexOf(b.variant),
  );
  const rows = cells.map((cell) => [
    FRAMEWORK_LABEL[cell.framework],
    cell.size,
    VARIANT_LABEL[cell.variant],
    Math.round(cell.rps.median).toString(),
    `${fixed(cell.rps.spread * 100, 0)}%`,
    cell.rps.runs.map((value) => Math.round(value)).join(', '),
    fixed(cell.p50Ms.median, 1),
    fixed(cell.p99Ms.median, 1),
    fixed(cell.cpuMicros.median, 1),
    fixed(cell.rssMiB.median, 0),
    cell.failures === 0 ? '0' : `${cell.failures} !!`,
  ]);
  const header = [
    'framework',
    'body',
    'variant',
    'req/s (median)',
    'spread',
    'req/s per round',
    'p50 ms',
    'p99 ms',
    'server CPU µs/req',
    'RSS MiB',
    'failed',
  ];
  return renderTable(header, rows, markdown);
}

function byFramework(a: string, b: string): number {
  const [fa, sa] = a.split('|') as [string, string];
  const [fb, sb] = b.split('|') as [string, string];
  return (
    FRAMEWORKS.indexOf(fa as (typeof FRAMEWORKS)[number]) -
      FRAMEWORKS.indexOf(fb as (typeof FRAMEWORKS)[number]) || sa.localeCompare(sb, 'en', { numeric: true })
  );
}
