/** A factory's `deadlineMs` option: a positive, finite number of milliseconds, or a TypeError. */
export function positiveDeadline(value: number, factory: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`hookguard ${factory}: deadlineMs must be a positive number`);
  }
  return value;
}
