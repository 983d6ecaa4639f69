import { hmacDigest } from '../../crypto/hmac.js';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { safeEqual } from '../../crypto/timing-safe-equal.js';
import { headerValue } from '../../http/headers.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';

export const SIGNATURE_HEADER = 'stripe-signature';

export interface StripeVerifyConfig {
  /** The endpoint secrets (`whsec_…`), used as the HMAC key as written, not decoded. */
  readonly secrets: readonly string[];
  readonly toleranceMs: number;
}

/** `t=<unix seconds>` and every `v1=<hex>`; other schemes (`v0`, Stripe's test-mode decoy) are skipped. */
export interface StripeSignatureHeader {
  readonly timestamp: string;
  readonly signatures: readonly Buffer[];
}

const FORMAT = 'Stripe-Signature must be "t=<unix seconds>,v1=<64 hex digits>[,v1=…]"';
const DIGITS = /^\d{1,16}$/;
// Stripe's schemes are short lower-case words (`t`, `v1`, `v0`); anything else (" t", after a
// header sent twice was joined with ", ") is not a Stripe header, rather than a scheme to skip.
const SCHEME = /^[a-z][a-z0-9]*$/;

/**
 * Reads `t=…,v1=…[,v1=…][,v0=…]` strictly: exactly one `t`, schemes without spaces (a header sent
 * twice arrives joined as "t=…,v1=…, t=…,v1=…", and its copies must not be picked apart), every `v1` exactly 32 bytes of
 * hex. Undefined when the header cannot be a Stripe signature.
 */
export function parseStripeSignature(header: string): StripeSignatureHeader | undefined {
  let timestamp: string | undefined;
  const signatures: Buffer[] = [];
  for (const item of header.split(',')) {
    const at = item.indexOf('=');
    const key = item.slice(0, at);
    if (at <= 0 || !SCHEME.test(key)) return undefined;
    const value = item.slice(at + 1);
    if (key === 't') {
      if (timestamp !== undefined || !DIGITS.test(value)) return undefined;
      timestamp = value;
    } else if (key === 'v1') {
      const signature = decodeSignature(value, 'hex', 32);
      if (!signature) return undefined;
      signatures.push(signature);
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * HMAC-SHA256 of `t + "." + raw body` with each endpoint secret, compared in constant time with
 * every `v1` the header carries: during a secret roll Stripe signs with both, and either may be
 * the one configured here. The window is checked before any HMAC is computed.
 * https://docs.stripe.com/webhooks#verify-manually
 */
export function verifyStripe(config: StripeVerifyConfig, input: VerifyInput): VerifyOutcome {
  const header = headerValue(input.headers, SIGNATURE_HEADER);
  if (header === undefined || header === '') {
    return refused(
      'SIGNATURE_MISSING',
      "The Stripe-Signature header is missing; is this endpoint's signing secret the one configured here?",
    );
  }
  const parsed = parseStripeSignature(header);
  if (!parsed) return refused('SIGNATURE_MALFORMED', FORMAT);
  if (Math.abs(input.now - Number(parsed.timestamp) * 1000) > config.toleranceMs) {
    return refused(
      'TIMESTAMP_OUT_OF_RANGE',
      'The Stripe-Signature timestamp is outside the accepted window; check the clocks or a replay',
    );
  }
  const parts = [parsed.timestamp, '.', input.body];
  for (let index = 0; index < config.secrets.length; index++) {
    const expected = hmacDigest('sha256', config.secrets[index]!, parts);
    if (parsed.signatures.some((signature) => safeEqual(expected, signature))) {
      return { ok: true, secretIndex: index };
    }
  }
  return refused('SIGNATURE_MISMATCH', 'Stripe-Signature does not match the timestamp and body');
}
