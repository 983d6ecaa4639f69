import type { Logger } from '../logger.js';

/** At most one "webhook refused" line per error code in this window. */
export const REFUSAL_WARNING_INTERVAL_MS = 60_000;

/**
 * Warns about refused requests without letting a flood of them flood the log. A refusal matters
 * (a wrong secret in the sender's settings refuses every real delivery), but an endpoint on the
 * internet is also probed by strangers, and one stderr line per forged request would bury
 * everything else. So the first refusal of each code is logged at once, and later ones at most
 * once per interval, with the count of those left out since the last line. Memory is bounded by
 * the number of error codes.
 */
export function createRefusalWarnings(
  provider: string,
  logger: Logger,
  now: () => number,
): (code: string) => void {
  const byCode = new Map<string, { nextAt: number; suppressed: number }>();
  return (code) => {
    const at = now();
    const seen = byCode.get(code);
    if (seen !== undefined && at < seen.nextAt) {
      seen.suppressed++;
      return;
    }
    const suppressed = seen?.suppressed ?? 0;
    byCode.set(code, { nextAt: at + REFUSAL_WARNING_INTERVAL_MS, suppressed: 0 });
    logger.warn('webhook refused', {
      provider,
      code,
      ...(suppressed > 0 ? { alsoRefusedSinceLastLine: suppressed } : {}),
    });
  };
}
