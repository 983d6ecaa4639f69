export type Raced<T> = { readonly settled: true; readonly value: T } | { readonly settled: false };

/**
 * Waits for `work` at most `ms`. The work is never cancelled here: past the deadline the caller
 * answers with a fallback and keeps tracking the promise in the background.
 */
export async function raceDeadline<T>(work: Promise<T>, ms: number | undefined): Promise<Raced<T>> {
  if (ms === undefined || !Number.isFinite(ms)) return { settled: true, value: await work };
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<{ settled: false }>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then((value) => ({ settled: true as const, value })), expired]);
  } finally {
    clearTimeout(timer);
  }
}
