export type Raced<T> = { readonly settled: true; readonly value: T } | { readonly settled: false };

/**
 * Waits for `work` at most `ms`. The work is never cancelled here: past the deadline the caller
 * answers with a fallback and keeps tracking the promise in the background. One promise and one
 * timer per delivery (no Promise.race over extra promises): this runs on every request.
 */
export function raceDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<Raced<T>> {
  if (ms === undefined || !Number.isFinite(ms)) return work.then((value) => ({ settled: true, value }));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve({ settled: false }), Math.max(0, ms));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ settled: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
