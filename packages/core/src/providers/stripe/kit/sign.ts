import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';

export interface StripeSignOptions {
  /** The endpoint secret (`whsec_…`), or several: one `v1` each, as Stripe signs during a roll. */
  readonly secret: string | readonly string[];
  /** `t`, Unix seconds; default now. */
  readonly timestamp?: number;
}

/**
 * `Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` for exactly these
 * bytes, one `v1` per secret (https://docs.stripe.com/webhooks#verify-manually).
 */
export function signStripe(body: string | Uint8Array, options: StripeSignOptions): string {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  const v1 = secrets.map(
    (secret) => `v1=${hmacDigest('sha256', secret, [timestamp, '.', body]).toString('hex')}`,
  );
  return [`t=${timestamp}`, ...v1].join(',');
}

/**
 * A delivery as `receiver.handle` takes it (header names lower-case): `payload` as
 * `JSON.stringify` writes it (a string is sent as it is), signed as Stripe signs it.
 */
export function stripeRequest(
  payload: unknown,
  options: StripeSignOptions & { readonly url?: string },
): WebhookRequest {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return {
    method: 'POST',
    url: options.url ?? '/stripe',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'stripe-signature': signStripe(text, options),
    },
    body: Buffer.from(text, 'utf8'),
  };
}
