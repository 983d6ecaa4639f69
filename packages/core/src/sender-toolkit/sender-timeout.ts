/** How long a sender waits for an answer, and what it does with one that comes later. */
export interface SenderTimeout {
  readonly ms: number;
  /** As a warning names it: "WeCom's 5 s limit". */
  readonly name: string;
  /** "WeCom retries what it got no answer to." */
  readonly consequence: string;
}

/**
 * A configuration warning when a factory's `deadlineMs` is not under the sender's own timeout:
 * the deadline's fallback answer would come too late for the sender to read it.
 */
export function lateDeadlineWarnings(deadlineMs: number, timeout: SenderTimeout, factory: string): string[] {
  if (deadlineMs < timeout.ms) return [];
  return [`${factory}: deadlineMs ${deadlineMs} is not below ${timeout.name}; ${timeout.consequence}`];
}
