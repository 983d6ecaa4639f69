import type { SizeName } from '../payloads.js';
import { median, type Summary, summarise } from '../report/stats.js';
import { renderTable } from '../report/tables.js';
import { FRAMEWORK_LABEL, FRAMEWORKS, type Framework, VARIANT_LABEL, type Variant } from '../variants.js';
import type { Side } from './plan.js';

export interface AbRun {
  readonly round: number;
  readonly framework: Framework;
  readonly size: SizeName;
  readonly variant: Variant;
  readonly side: Side;
  readonly rps: number;
  /** The server's own CPU time per request over the measured run, µs: less swayed by other load. */
  readonly cpuMicrosPerRequest: number;
  readonly failures: number;
}

export interface AbCell {
  readonly framework: Framework;
  readonly size: SizeName;
  readonly variant: Variant;
  readonly before: Summary;
  readonly after: Summary;
  /** after ÷ before, computed per round from that round's pair, then summarised. */
  readonly ratio: Summary;
  /** Server CPU µs per request, each side's median over rounds. */
  readonly cpu: { readonly before: number; readonly after: number };
  readonly failures: number;
}

/** One cell per (framework, size, variant), in the order the runs first appear. */
export function abCells(runs: readonly AbRun[]): AbCell[] {
  const keyOf = (run: AbRun) => `${run.framework}|${run.size}|${run.variant}`;
  const keys = [...new Set(runs.map(keyOf))];
  return keys.map((key) => {
    const mine = runs.filter((run) => keyOf(run) === key);
    const first = mine[0]!;
    const side = (which: Side) => mine.filter((run) => run.side === which);
    const rounds = [...new Set(mine.map((run) => run.round))];
    const ratios = rounds.flatMap((round) => {
      const before = side('before').find((run) => run.round === round);
      const after = side('after').find((run) => run.round === round);
      return before && after ? [after.rps / before.rps] : [];
    });
    return {
      framework: first.framework,
      size: first.size,
      variant: first.variant,
      before: summarise(side('before').map((run) => run.rps)),
      after: summarise(side('after').map((run) => run.rps)),
      ratio: summarise(ratios),
      cpu: {
        before: median(side('before').map((run) => run.cpuMicrosPerRequest)),
        after: median(side('after').map((run) => run.cpuMicrosPerRequest)),
      },
      failures: mine.reduce((sum, run) => sum + run.failures, 0),
    };
  });
}

const rps = ({ median, min, max }: Summary) =>
  `${Math.round(median)} (${Math.round(min)}–${Math.round(max)})`;

/** Median req/s with its lowest–highest, and the median paired ratio with its range, per cell. */
export function abTable(cells: readonly AbCell[], markdown: boolean): string {
  const sorted = [...cells].sort(
    (a, b) =>
      FRAMEWORKS.indexOf(a.framework) - FRAMEWORKS.indexOf(b.framework) || a.size.localeCompare(b.size),
  );
  const rows = sorted.map((cell) => [
    FRAMEWORK_LABEL[cell.framework],
    cell.size,
    VARIANT_LABEL[cell.variant],
    rps(cell.before),
    rps(cell.after),
    `${cell.ratio.median.toFixed(3)} (${cell.ratio.min.toFixed(3)}–${cell.ratio.max.toFixed(3)})`,
    `${cell.cpu.before.toFixed(1)} → ${cell.cpu.after.toFixed(1)}`,
    String(cell.failures),
  ]);
  return renderTable(
    [
      'framework',
      'body',
      'variant',
      'before req/s median (min–max)',
      'after req/s median (min–max)',
      'after/before per round: median (min–max)',
      'server CPU µs/req, before → after',
      'failed',
    ],
    rows,
    markdown,
  );
}
