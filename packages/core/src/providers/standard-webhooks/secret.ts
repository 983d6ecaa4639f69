const PREFIX = 'whsec_';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A Standard Webhooks secret is base64 key bytes, usually shown with a `whsec_` prefix. It is
 * decoded strictly: only the one canonical spelling of the key (standard alphabet, `=` padding,
 * unused low bits zero) is accepted, which is what senders print. The reference library would also
 * take unpadded text, extra low bits or stray trailing characters and silently drop them, so a typo
 * could become another key; here it fails at startup. The error never echoes the secret; it says
 * which entry of a rotation list is wrong, by position.
 */
export function decodeStandardSecret(secret: string, position: number): Uint8Array {
  const text = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const bytes = BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
  if (!bytes || bytes.byteLength === 0 || bytes.toString('base64') !== text) {
    throw new TypeError(
      `hookguard standardWebhooks(): secret #${position + 1} is not a "whsec_<base64>" signing secret ` +
        '(standard base64 with its "=" padding, exactly as the sender shows it)',
    );
  }
  return new Uint8Array(bytes);
}
