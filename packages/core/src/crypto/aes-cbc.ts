import { createCipheriv, createDecipheriv } from 'node:crypto';

export const AES_BLOCK_BYTES = 16;
const KEY_BYTES = 32;

/**
 * AES-256-CBC with PKCS#7 padding to 16-byte blocks, removed and checked here rather than by
 * OpenSSL, so that a bad pad is an `undefined` the caller answers for, never an exception, and
 * every pad byte is checked in the same way whatever its value. Without integrity of its own:
 * callers check a signature over the ciphertext first, or treat the plaintext as unproven.
 */
export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Buffer | undefined {
  if (key.byteLength !== KEY_BYTES || iv.byteLength !== AES_BLOCK_BYTES) return undefined;
  if (ciphertext.byteLength === 0 || ciphertext.byteLength % AES_BLOCK_BYTES !== 0) return undefined;
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return unpad(padded);
}

/** The inverse: PKCS#7 to 16-byte blocks (a whole block of 16s when the text fills its blocks). */
export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Buffer {
  if (key.byteLength !== KEY_BYTES) throw new TypeError('aesCbcEncrypt: the key must be 32 bytes');
  if (iv.byteLength !== AES_BLOCK_BYTES) throw new TypeError('aesCbcEncrypt: the IV must be 16 bytes');
  const pad = AES_BLOCK_BYTES - (plaintext.byteLength % AES_BLOCK_BYTES);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.alloc(pad, pad)])), cipher.final()]);
}

/** PKCS#7 to 16-byte blocks: a last byte of 1..16, and every pad byte equal to it. */
function unpad(padded: Buffer): Buffer | undefined {
  const pad = padded[padded.byteLength - 1] ?? 0;
  if (pad < 1 || pad > AES_BLOCK_BYTES) return undefined;
  let bad = 0;
  for (let index = padded.byteLength - pad; index < padded.byteLength; index++) bad |= padded[index]! ^ pad;
  return bad === 0 ? padded.subarray(0, padded.byteLength - pad) : undefined;
}
