const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A Standard Webhooks secret is base64 key bytes, usually shown with a `whsec_` prefix. The
 * error never echoes the secret; it says which entry of a rotation list is wrong, by position.
 */
export function decodeStandardSecret(secret: string, position: number): Uint8Array {
  const text = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const bytes = BASE64.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64') : undefined;
  if (!bytes || bytes.byteLength === 0) {
    throw new TypeError(
      `hookguard standardWebhooks(): secret #${position + 1} is not a "whsec_<base64>" signing secret`,
    );
  }
  return new Uint8Array(bytes);
}
