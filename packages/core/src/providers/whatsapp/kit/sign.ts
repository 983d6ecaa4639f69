import { hmacDigest } from '../../../crypto/hmac.js';
import type { WebhookRequest } from '../../../http/types.js';
import { goJson } from '../../../testing/go-json.js';

/**
 * The headers GOWA sets on a webhook (`webhook.go`), plus Go's default User-Agent. Go adds
 * Content-Length (v9.0.1+) or sends chunked (older) on the wire; that is the transport's job.
 */
export function signWhatsapp(body: string | Uint8Array, secret: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Go-http-client/1.1',
    'x-hub-signature-256': `sha256=${hmacDigest('sha256', secret, [body]).toString('hex')}`,
  };
}

/** A request exactly as GOWA builds it: `json.Marshal(payload)` signed with HMAC-SHA256. */
export function whatsappRequest(event: unknown, secret: string, url = '/whatsapp'): WebhookRequest {
  const text = goJson(event);
  return { method: 'POST', url, headers: signWhatsapp(text, secret), body: Buffer.from(text) };
}
