import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';

/** The headers NapCat attaches to a post (lower-case, as it writes them). */
export function signOnebot(
  body: string | Uint8Array,
  secret: string,
  selfId = '10001000',
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-self-id': selfId,
    'x-signature': `sha1=${hmacDigest('sha1', secret, [body]).toString('hex')}`,
  };
}

/** A request exactly as NapCat builds it: `JSON.stringify(event)` signed with HMAC-SHA1. */
export function onebotRequest(event: unknown, secret: string, url = '/onebot'): WebhookRequest {
  const text = JSON.stringify(event);
  return { method: 'POST', url, headers: signOnebot(text, secret), body: Buffer.from(text) };
}
