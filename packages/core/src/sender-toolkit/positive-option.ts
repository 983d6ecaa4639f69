/**
 * A factory's numeric option (a deadline, a tolerance): a positive, finite number, or a TypeError
 * naming the factory and the option, thrown when the provider is built rather than on a request.
 */
export function positiveOption(value: number, factory: string, option: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`hookguard ${factory}: ${option} must be a positive number`);
  }
  return value;
}

/** A factory's `deadlineMs` option: a positive, finite number of milliseconds. */
export function positiveDeadline(value: number, factory: string): number {
  return positiveOption(value, factory, 'deadlineMs');
}
