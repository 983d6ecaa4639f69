import { VerificationError } from '../errors.js';
import type { VerifyInput } from '../provider.js';
import { describeSource, normaliseSource, type RequestSource, readRequestSource } from './sources.js';

export type TimestampUnit = 'seconds' | 'milliseconds';

/** Where the sender puts its send time, and how far from our clock it may be, either way. */
export type TimestampOptions = RequestSource & {
  /** Default `seconds` (Unix time). */
  readonly unit?: TimestampUnit;
  /** Accepted distance from `now()`, past and future alike. Default 300 (5 minutes). */
  readonly toleranceSeconds?: number;
};

export interface TimestampRule {
  readonly source: RequestSource;
  readonly unit: TimestampUnit;
  readonly toleranceMs: number;
}

export const DEFAULT_TOLERANCE_SECONDS = 300;

export function compileTimestampRule(options: TimestampOptions, option = 'timestamp'): TimestampRule {
  const source = normaliseSource(options, option);
  const unit = options.unit ?? 'seconds';
  if (unit !== 'seconds' && unit !== 'milliseconds') {
    throw new TypeError(`hookguard: ${option}.unit must be "seconds" or "milliseconds"`);
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance <= 0) {
    throw new TypeError(`hookguard: ${option}.toleranceSeconds must be a positive number of seconds`);
  }
  return { source, unit, toleranceMs: tolerance * 1000 };
}

export type TimestampCheck =
  | { readonly ok: true; readonly text: string; readonly ms: number }
  | { readonly ok: false; readonly error: VerificationError };

// Digits only: no sign, fraction or exponent, so "1e3" or " 17" cannot stand in for a time.
const DIGITS = /^\d{1,16}$/;

/**
 * Reads the timestamp and refuses it when it is further than the tolerance from `now`, in the past
 * (a replay) or the future (a forged or badly skewed clock). The message never says by how much.
 */
export function checkTimestamp(rule: TimestampRule, input: VerifyInput): TimestampCheck {
  const text = readRequestSource(rule.source, input);
  if (text === undefined) {
    return fail('TIMESTAMP_MISSING', `The ${describeSource(rule.source)} with the send time is missing`);
  }
  if (!DIGITS.test(text)) {
    return fail(
      'TIMESTAMP_OUT_OF_RANGE',
      `The ${describeSource(rule.source)} must be a Unix time in ${rule.unit}`,
    );
  }
  const ms = Number(text) * (rule.unit === 'seconds' ? 1000 : 1);
  if (Math.abs(input.now - ms) > rule.toleranceMs) {
    return fail(
      'TIMESTAMP_OUT_OF_RANGE',
      'The request timestamp is outside the accepted window; check the clocks or a replay',
    );
  }
  return { ok: true, text, ms };
}

function fail(code: 'TIMESTAMP_MISSING' | 'TIMESTAMP_OUT_OF_RANGE', message: string): TimestampCheck {
  return { ok: false, error: new VerificationError(code, message) };
}
