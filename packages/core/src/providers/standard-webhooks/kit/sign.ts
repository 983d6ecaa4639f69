import { randomUUID } from 'node:crypto';
import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';
import { decodeStandardSecret } from '../secret.js';

export interface StandardWebhooksMessage {
  /** Default: `msg_<uuid>`. */
  readonly id?: string;
  /** Unix seconds. Default: now. */
  readonly timestamp?: number;
}

/**
 * The three headers a Standard Webhooks sender attaches; with several secrets, one `v1,`
 * signature per secret, space-separated, as senders do during a key rotation.
 */
export function signStandardWebhooks(
  body: string | Uint8Array,
  secret: string | readonly string[],
  message: StandardWebhooksMessage = {},
): Record<string, string> {
  const id = message.id ?? `msg_${randomUUID()}`;
  const timestamp = String(message.timestamp ?? Math.floor(Date.now() / 1000));
  const secrets = typeof secret === 'string' ? [secret] : secret;
  const signatures = secrets.map(
    (one, index) =>
      `v1,${hmacDigest('sha256', decodeStandardSecret(one, index), [id, '.', timestamp, '.', body]).toString('base64')}`,
  );
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': signatures.join(' '),
  };
}

/** A POST of `JSON.stringify(payload)` signed as a Standard Webhooks sender signs it. */
export function standardWebhooksRequest(
  payload: unknown,
  secret: string | readonly string[],
  message: StandardWebhooksMessage = {},
  url = '/webhooks',
): WebhookRequest {
  const text = JSON.stringify(payload);
  return {
    method: 'POST',
    url,
    headers: signStandardWebhooks(text, secret, message),
    body: Buffer.from(text),
  };
}
