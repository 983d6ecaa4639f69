import { matchHmac } from '../../crypto/hmac.js';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { type ErrorCode, VerificationError } from '../../errors.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';

export const LINE_SIGNATURE_HEADER = 'x-line-signature';
const FORMAT = 'x-line-signature must be the base64 of a 32-byte HMAC-SHA256';

/**
 * `x-line-signature: base64(HMAC-SHA256(channel secret, body))` over the exact body bytes
 * (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/). LINE does not
 * publish its addresses, so this signature is the only proof a delivery has. Every configured
 * secret is tried (rotation: "Issue" a new channel secret in the LINE Developers Console).
 */
export function verifyLineSignature(secrets: readonly string[], input: VerifyInput): VerifyOutcome {
  const header = headerValue(input.headers, LINE_SIGNATURE_HEADER);
  if (header === undefined || header === '') {
    return fail(
      'SIGNATURE_MISSING',
      'x-line-signature header is missing; is this request from the LINE Platform?',
    );
  }
  const signature = decodeSignature(header, 'base64', 32);
  if (!signature) return fail('SIGNATURE_MALFORMED', FORMAT);
  const index = matchHmac('sha256', secrets, [input.body], signature);
  if (index === -1) return fail('SIGNATURE_MISMATCH', 'x-line-signature does not match the body');
  return { ok: true, secretIndex: index };
}

function fail(code: ErrorCode, message: string): VerifyOutcome {
  return { ok: false, error: new VerificationError(code, message) };
}
