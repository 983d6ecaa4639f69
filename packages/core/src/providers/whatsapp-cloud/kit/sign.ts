import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';

/** `X-Hub-Signature-256` for these exact bytes: `sha256=` + hex HMAC-SHA256(app secret, body). */
export function signWhatsappCloud(body: string | Uint8Array, appSecret: string): string {
  return `sha256=${hmacDigest('sha256', appSecret, [body]).toString('hex')}`;
}

/**
 * JSON as Meta writes a webhook: compact, with every character outside ASCII escaped as
 * `\uXXXX` in lower-case hex (`äöå` as `\u00e4\u00f6\u00e5`, an emoji as its surrogate pair).
 * Meta signs these escaped bytes, so a receiver that parses and re-serialises the body signs
 * other bytes (https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads).
 */
export function whatsappCloudJson(payload: unknown): string {
  return JSON.stringify(payload).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A POST of `payload` (or of these exact bytes), laid out and signed as Meta sends it. */
export function whatsappCloudRequest(
  payload: unknown,
  appSecret: string,
  url = '/whatsapp-cloud',
): WebhookRequest {
  const body = payload instanceof Uint8Array ? payload : Buffer.from(whatsappCloudJson(payload));
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signWhatsappCloud(body, appSecret),
      'user-agent': 'facebookexternalua',
    },
    body,
  };
}

/** Meta's subscription check for `verifyToken`, as it GETs the callback URL. */
export function whatsappCloudCheck(
  verifyToken: string,
  challenge = '1158201444',
  url = '/whatsapp-cloud',
): WebhookRequest {
  const query = new URLSearchParams({
    'hub.mode': 'subscribe',
    'hub.challenge': challenge,
    'hub.verify_token': verifyToken,
  });
  return {
    method: 'GET',
    url: `${url}?${query}`,
    headers: { 'user-agent': 'facebookplatform/1.0' },
    body: new Uint8Array(),
  };
}
