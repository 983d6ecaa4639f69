import { randomUUID } from 'node:crypto';
import { hmacDigest } from '../crypto/hmac.js';
import type { WebhookRequest } from '../http/types.js';
import { decodeStandardSecret } from '../providers/standard-webhooks/secret.js';

export interface StandardWebhookMessage {
  /** Default: `msg_<uuid>`. */
  readonly id?: string;
  /** Unix seconds. Default: now. */
  readonly timestamp?: number;
}

/**
 * The three headers a Standard Webhooks sender attaches; with several secrets, one `v1,`
 * signature per secret, space-separated, as senders do during a key rotation.
 */
export function signStandardWebhook(
  body: string | Uint8Array,
  secret: string | readonly string[],
  message: StandardWebhookMessage = {},
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
export function standardWebhookRequest(
  payload: unknown,
  secret: string | readonly string[],
  message: StandardWebhookMessage = {},
  url = '/webhooks',
): WebhookRequest {
  const text = JSON.stringify(payload);
  return {
    method: 'POST',
    url,
    headers: signStandardWebhook(text, secret, message),
    body: Buffer.from(text),
  };
}

const at = '2026-01-02T03:04:05.000Z';
const contact = { id: 'c_2Yq8XbLz', type: 'contact', name: 'Jane Doe', email: 'jane@example.com' };

/**
 * Example payloads in the spec's recommended shape `{type, timestamp, data}`. Standard Webhooks
 * leaves event types to each sender, so these are illustrations (a contacts-and-invoices app),
 * not a list of every event: the provider names an event by the payload's `type`.
 */
export const standardWebhooksFixtures: Readonly<Record<string, Record<string, unknown>>> = {
  'contact.created': { type: 'contact.created', timestamp: at, data: contact },
  'contact.updated': { type: 'contact.updated', timestamp: at, data: { ...contact, name: 'Jane Roe' } },
  'contact.deleted': { type: 'contact.deleted', timestamp: at, data: { id: contact.id, type: 'contact' } },
  'invoice.paid': {
    type: 'invoice.paid',
    timestamp: at,
    data: {
      id: 'in_7Hn2',
      type: 'invoice',
      amount: 4200,
      currency: 'EUR',
      note: 'Q1 <consulting> & support',
    },
  },
};
