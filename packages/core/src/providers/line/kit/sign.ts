import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';

/** `x-line-signature` for these exact bytes: base64(HMAC-SHA256(channel secret, body)). */
export function signLine(body: string | Uint8Array, channelSecret: string): string {
  return hmacDigest('sha256', channelSecret, [body]).toString('base64');
}

/**
 * JSON as LINE writes it: compact, with every character outside ASCII escaped as `\uXXXX`
 * (an emoji as its surrogate pair, `\uD83E\uDD28`). LINE signs these escaped bytes, so a
 * receiver that parses and re-serialises the body computes another signature: the most reported
 * LINE webhook failure (line/line-bot-sdk-nodejs issues #46 and #922).
 */
export function lineJson(payload: unknown): string {
  return JSON.stringify(payload).replace(
    /[\u0080-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/** A POST of `payload` (or of these exact bytes), laid out and signed as the LINE Platform sends it. */
export function lineRequest(payload: unknown, channelSecret: string, url = '/webhooks'): WebhookRequest {
  const body = payload instanceof Uint8Array ? payload : Buffer.from(lineJson(payload));
  return {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-line-signature': signLine(body, channelSecret),
      'user-agent': 'LineBotWebhook/2.0',
    },
    body,
  };
}
