import { hash } from 'node:crypto';

/**
 * A fingerprint of a delivery's raw body, kept with its dedupe record so that two deliveries
 * sharing a key but not their bytes (NapCat's `message_id` is a 31-bit hash, so distinct messages
 * collide) are never taken for one another. SHA-256: the bodies are already authenticated, but an
 * unsigned sender (OneBot's `allowUnsigned`) could otherwise aim crafted collisions at a weaker
 * hash, and with SHA extensions it costs about what SHA-1 does. The one-shot `crypto.hash`, not
 * `createHash`: no Hash object per deduped delivery.
 */
export function bodyDigest(body: Uint8Array): string {
  return hash('sha256', body, 'base64url');
}
