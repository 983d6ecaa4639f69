import { median } from '../report/stats.js';

export interface Contender {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Timed {
  readonly name: string;
  /** Median over rounds of the mean time per call in one round, in µs. */
  readonly micros: number;
  /** Each round's µs per call. */
  readonly rounds: readonly number[];
}

/**
 * Times synchronous contenders in alternation (A, B, A, B, …), each round a batch sized to take
 * about `batchMs`, so a load spike on the shared machine hits every contender alike. The result
 * of every call is kept in a sink, so the optimiser cannot drop the work.
 */
export function timeAlternating(contenders: readonly Contender[], rounds: number, batchMs: number): Timed[] {
  let sink = 0;
  const keep = (value: unknown) => {
    sink ^= value === undefined ? 1 : typeof value === 'object' && value !== null ? 2 : 3;
  };
  const sizes = contenders.map((contender) => {
    for (let index = 0; index < 20; index++) keep(contender.run()); // warm up and JIT
    let count = 1;
    for (;;) {
      const started = performance.now();
      for (let index = 0; index < count; index++) keep(contender.run());
      const elapsed = performance.now() - started;
      if (elapsed >= batchMs / 4 || count > 1e7)
        return Math.max(1, Math.round((count * batchMs) / Math.max(elapsed, 0.001)));
      count *= 4;
    }
  });
  const times = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    contenders.forEach((contender, index) => {
      const count = sizes[index]!;
      const started = performance.now();
      for (let call = 0; call < count; call++) keep(contender.run());
      times[index]!.push(((performance.now() - started) * 1000) / count);
    });
  }
  if (sink === -1) console.log(sink);
  return contenders.map((contender, index) => ({
    name: contender.name,
    micros: median(times[index]!),
    rounds: times[index]!,
  }));
}

/** Median over rounds of a/b, pairing each round's two batches, which ran next to each other. */
export function pairedRatio(a: Timed, b: Timed): number {
  return median(a.rounds.map((value, index) => value / b.rounds[index]!));
}

export interface AsyncContender {
  readonly name: string;
  readonly run: () => Promise<unknown>;
}

/** `timeAlternating` for work that must be awaited (a request through the receiver). */
export async function timeAlternatingAsync(
  contenders: readonly AsyncContender[],
  rounds: number,
  batchMs: number,
): Promise<Timed[]> {
  const sizes: number[] = [];
  for (const contender of contenders) {
    for (let index = 0; index < 50; index++) await contender.run();
    let count = 1;
    for (;;) {
      const started = performance.now();
      for (let index = 0; index < count; index++) await contender.run();
      const elapsed = performance.now() - started;
      if (elapsed >= batchMs / 4 || count > 1e6) {
        sizes.push(Math.max(1, Math.round((count * batchMs) / Math.max(elapsed, 0.001))));
        break;
      }
      count *= 4;
    }
  }
  const times = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let index = 0; index < contenders.length; index++) {
      const count = sizes[index]!;
      const run = contenders[index]!.run;
      const started = performance.now();
      for (let call = 0; call < count; call++) await run();
      times[index]!.push(((performance.now() - started) * 1000) / count);
    }
  }
  return contenders.map((contender, index) => ({
    name: contender.name,
    micros: median(times[index]!),
    rounds: times[index]!,
  }));
}
