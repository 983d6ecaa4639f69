import { createHmac } from 'node:crypto';
import { safeEqual } from './timing-safe-equal.js';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

export const DIGEST_BYTES: Readonly<Record<HmacAlgorithm, number>> = { sha1: 20, sha256: 32, sha512: 64 };

export type SignedPart = Uint8Array | string;

/** HMAC over the parts in order, without concatenating them into a new buffer. */
export function hmacDigest(
  algorithm: HmacAlgorithm,
  key: string | Uint8Array,
  parts: readonly SignedPart[],
): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/**
 * Returns the index of the first key whose HMAC over `parts` equals `signature`, or -1.
 * Each comparison is constant-time with a length check.
 */
export function matchHmac(
  algorithm: HmacAlgorithm,
  keys: readonly (string | Uint8Array)[],
  parts: readonly SignedPart[],
  signature: Uint8Array,
): number {
  for (let index = 0; index < keys.length; index++) {
    if (safeEqual(hmacDigest(algorithm, keys[index]!, parts), signature)) return index;
  }
  return -1;
}
