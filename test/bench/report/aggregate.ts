import type { Run } from '../load/suite.js';
import type { SizeName } from '../payloads.js';
import { type Framework, RATIOS, type RatioName, type Variant } from '../variants.js';
import { type Summary, summarise } from './stats.js';

export interface Cell {
  readonly framework: Framework;
  readonly size: SizeName;
  readonly variant: Variant;
  readonly rps: Summary;
  readonly p50Ms: Summary;
  readonly p99Ms: Summary;
  readonly cpuMicros: Summary;
  readonly rssMiB: Summary;
  readonly failures: number;
}

export interface RatioCell {
  readonly framework: Framework;
  readonly size: SizeName;
  readonly ratio: RatioName;
  /** Each round's (numerator req/s ÷ denominator req/s): the two ran back to back, so they pair. */
  readonly paired: Summary;
  readonly target: number | undefined;
  readonly met: boolean | undefined;
}

export interface Aggregate {
  readonly cells: readonly Cell[];
  readonly ratios: readonly RatioCell[];
}

export function aggregate(runs: readonly Run[]): Aggregate {
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.framework}|${run.size}|${run.variant}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const cells: Cell[] = [...groups.values()].map((group) => {
    const { framework, size, variant } = group[0]!;
    const pick = (read: (run: Run) => number) => summarise(group.map(read));
    return {
      framework,
      size,
      variant,
      rps: pick((run) => run.result.rps),
      p50Ms: pick((run) => run.result.p50Ms),
      p99Ms: pick((run) => run.result.p99Ms),
      cpuMicros: pick((run) => run.result.cpuMicrosPerRequest),
      rssMiB: pick((run) => run.result.rssMiB),
      failures: group.reduce((sum, run) => sum + run.result.failures, 0),
    };
  });
  const ratios: RatioCell[] = [];
  const pairs = new Set(cells.map((cell) => `${cell.framework}|${cell.size}`));
  for (const pair of pairs) {
    const [framework, size] = pair.split('|') as [Framework, SizeName];
    for (const ratio of RATIOS) {
      const over = groups.get(`${pair}|${ratio.over}`) ?? [];
      const under = groups.get(`${pair}|${ratio.under}`) ?? [];
      const values = over.flatMap((one) => {
        const partner = under.find((other) => other.round === one.round);
        return partner ? [one.result.rps / partner.result.rps] : [];
      });
      if (values.length === 0) continue;
      const paired = summarise(values);
      ratios.push({
        framework,
        size,
        ratio: ratio.name,
        paired,
        target: ratio.target,
        met: ratio.target === undefined ? undefined : paired.median >= ratio.target,
      });
    }
  }
  return { cells, ratios };
}
