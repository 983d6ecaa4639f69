import { matchHmac } from '../crypto/hmac.js';
import { decodeSignature } from '../crypto/signature-encoding.js';
import { type ErrorCode, VerificationError } from '../errors.js';
import { headerValue } from '../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';

const HEADER = 'x-hub-signature-256';
const PREFIX = 'sha256=';
const FORMAT = 'X-Hub-Signature-256 must be "sha256=<64 hex digits>"';

/**
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>` over the exact body bytes: the
 * scheme GitHub introduced and go-whatsapp-web-multidevice copied. Every configured secret is
 * tried (rotation); the outcome says which one matched. `missingHint` tells the operator where
 * the sender's secret is configured, since a missing header usually means a misconfigured sender.
 */
export function verifyHubSignature(
  secrets: readonly string[],
  input: VerifyInput,
  missingHint = '',
): VerifyOutcome {
  const header = headerValue(input.headers, HEADER);
  if (header === undefined || header === '') {
    return fail(
      'SIGNATURE_MISSING',
      `X-Hub-Signature-256 header is missing${missingHint ? `; ${missingHint}` : ''}`,
    );
  }
  if (!header.startsWith(PREFIX)) return fail('SIGNATURE_MALFORMED', FORMAT);
  const signature = decodeSignature(header.slice(PREFIX.length), 'hex', 32);
  if (!signature) return fail('SIGNATURE_MALFORMED', FORMAT);
  const index = matchHmac('sha256', secrets, [input.body], signature);
  if (index === -1) return fail('SIGNATURE_MISMATCH', 'X-Hub-Signature-256 does not match the body');
  return { ok: true, secretIndex: index };
}

function fail(code: ErrorCode, message: string): VerifyOutcome {
  return { ok: false, error: new VerificationError(code, message) };
}
