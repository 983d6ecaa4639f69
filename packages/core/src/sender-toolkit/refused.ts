import { type ErrorCode, VerificationError } from '../errors.js';
import type { VerifyOutcome } from '../provider.js';

/** A failed verification: the code the receiver answers with and a message safe to show the sender. */
export function refused(code: ErrorCode, message: string): VerifyOutcome {
  return { ok: false, error: new VerificationError(code, message) };
}
