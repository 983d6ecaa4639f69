import { compileHmacScheme, type HmacScheme } from '../../sender-toolkit/scheme.js';

/**
 * The Standard Webhooks signature (standard-webhooks.md): HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{body}`, sent base64 in `webhook-signature` as a
 * space-separated list of `v1,<sig>` entries, any of which may match (so a sender can sign with
 * an old and a new key during a rotation). Other versions (`v1a,` asymmetric) are skipped.
 */
export function standardWebhooksScheme(toleranceSeconds: number): HmacScheme {
  return compileHmacScheme({
    algorithm: 'sha256',
    signature: { header: 'webhook-signature', prefix: 'v1,', encoding: 'base64', separator: ' ' },
    signed: '{id}.{timestamp}.{body}',
    timestamp: { header: 'webhook-timestamp', unit: 'seconds', toleranceSeconds },
    id: { header: 'webhook-id' },
  });
}
