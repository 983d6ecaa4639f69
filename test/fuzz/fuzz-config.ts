import type { Parameters } from 'fast-check';

/** The seed CI always uses, so a red CI run replays exactly on any machine. */
export const CI_SEED = 20_261_122;

const CI_RUNS = 150;
const LOCAL_RUNS = 400;

function positiveInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, got "${text}"`);
  return value;
}

/**
 * fast-check parameters for every property in test/fuzz:
 * - in CI (`CI=true`): the fixed seed and a bounded number of runs, so the suite stays within budget;
 * - locally: a fresh seed each time (fast-check prints it on failure) and more runs;
 * - `HOOKGUARD_FUZZ_RUNS=100000` and `HOOKGUARD_FUZZ_SEED=<n>` override either, for long local runs
 *   or to replay a failure. `weight` scales the runs for properties that cost more per run.
 */
export function fuzzParameters<T>(weight = 1): Parameters<T> {
  const ci = process.env['CI'] === 'true' || process.env['CI'] === '1';
  const runs = positiveInteger('HOOKGUARD_FUZZ_RUNS') ?? (ci ? CI_RUNS : LOCAL_RUNS);
  const seed = positiveInteger('HOOKGUARD_FUZZ_SEED') ?? (ci ? CI_SEED : undefined);
  return {
    numRuns: Math.max(1, Math.round(runs * weight)),
    ...(seed === undefined ? {} : { seed }),
    endOnFailure: true,
  };
}

/** Long runs need a longer vitest timeout: about 5 ms a run at worst, plus headroom. */
export function fuzzTimeoutMs(weight = 1): number {
  const runs = fuzzParameters(weight).numRuns ?? CI_RUNS;
  return Math.max(30_000, runs * 5);
}
