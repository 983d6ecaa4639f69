import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { type BodySignature, verifyBodySignature } from '../../sender-toolkit/body-signature.js';

export const LINE_SIGNATURE_HEADER = 'x-line-signature';

/**
 * `x-line-signature: base64(HMAC-SHA256(channel secret, body))` over the exact body bytes
 * (https://developers.line.biz/en/docs/messaging-api/verify-webhook-signature/). LINE does not
 * publish its addresses, so this signature is the only proof a delivery has. Every configured
 * secret is tried (rotation: "Issue" a new channel secret in the LINE Developers Console).
 */
const LINE_SIGNATURE: BodySignature = {
  header: LINE_SIGNATURE_HEADER,
  name: LINE_SIGNATURE_HEADER,
  prefix: '',
  encoding: 'base64',
  format: 'x-line-signature must be the base64 of a 32-byte HMAC-SHA256',
  missingHint: 'is this request from the LINE Platform?',
};

export function verifyLineSignature(secrets: readonly string[], input: VerifyInput): VerifyOutcome {
  return verifyBodySignature(LINE_SIGNATURE, secrets, input);
}
