import type { KeyObject } from 'node:crypto';
import { ED25519_SIGNATURE_BYTES, verifyEd25519 } from '../crypto/ed25519.js';
import { decodeSignature } from '../crypto/signature-encoding.js';
import { headerValue } from '../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { refused } from './refused.js';

/** Where an Ed25519 sender puts its proof, and which keys may have signed. */
export interface Ed25519Rule {
  /** Lower-case header holding the hex signature (Discord and QQ: `x-signature-ed25519`). */
  readonly signatureHeader: string;
  /** Lower-case header holding the timestamp that is signed before the body. */
  readonly timestampHeader: string;
  /** Public keys tried in order (rotation); the outcome's `secretIndex` says which one verified. */
  readonly publicKeys: readonly KeyObject[];
  /** Refuse timestamps further than this from now; no window when undefined (none is documented). */
  readonly toleranceMs?: number | undefined;
}

const DIGITS = /^\d{1,16}$/;

/**
 * `hex(Ed25519(timestamp ‖ raw body))` in one header and the timestamp in another: the scheme of
 * Discord's interactions endpoint and of QQ's official bot callbacks. The timestamp is signed as
 * the exact header text, so its format is checked only when a window is asked for.
 */
export function verifyEd25519Signature(rule: Ed25519Rule, input: VerifyInput): VerifyOutcome {
  const header = headerValue(input.headers, rule.signatureHeader);
  if (header === undefined || header === '')
    return refused('SIGNATURE_MISSING', `The ${rule.signatureHeader} header is missing`);
  const timestamp = headerValue(input.headers, rule.timestampHeader);
  if (timestamp === undefined || timestamp === '') {
    return refused('TIMESTAMP_MISSING', `The ${rule.timestampHeader} header is missing`);
  }
  const signature = decodeSignature(header, 'hex', ED25519_SIGNATURE_BYTES);
  if (!signature) {
    return refused(
      'SIGNATURE_MALFORMED',
      `${rule.signatureHeader} must be ${ED25519_SIGNATURE_BYTES * 2} hex digits`,
    );
  }
  if (rule.toleranceMs !== undefined) {
    if (!DIGITS.test(timestamp)) {
      return refused('TIMESTAMP_OUT_OF_RANGE', `${rule.timestampHeader} must be a Unix time in seconds`);
    }
    if (Math.abs(input.now - Number(timestamp) * 1000) > rule.toleranceMs) {
      return refused(
        'TIMESTAMP_OUT_OF_RANGE',
        'The request timestamp is outside the accepted window; check the clocks or a replay',
      );
    }
  }
  // Header text is Latin-1 (one char per byte), so this gives back the bytes the sender sent.
  const parts = [Buffer.from(timestamp, 'latin1'), input.body];
  for (let index = 0; index < rule.publicKeys.length; index++) {
    if (verifyEd25519(rule.publicKeys[index] as KeyObject, parts, signature))
      return { ok: true, secretIndex: index };
  }
  return refused('SIGNATURE_MISMATCH', `${rule.signatureHeader} does not match the timestamp and body`);
}
