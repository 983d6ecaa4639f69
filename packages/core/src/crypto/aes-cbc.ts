import { createCipheriv, createDecipheriv } from 'node:crypto';

export const AES_BLOCK_BYTES = 16;
const KEY_BYTES = 32;

/**
 * AES-256-CBC with PKCS#7 padding removed and checked here rather than by OpenSSL, so that a bad
 * pad is an `undefined` the caller answers for, never an exception, and every pad byte is checked
 * in the same way whatever its value. `padBlock` is the block the sender pads to: AES's 16 bytes
 * (Feishu), or 32 (the WXBizMsgCrypt senders: OpenSSL's own padding throws on their pads of 17..32).
 * Without integrity of its own: callers check a signature over the ciphertext first, or treat the
 * plaintext as unproven.
 */
export function aesCbcDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  ciphertext: Uint8Array,
  padBlock = AES_BLOCK_BYTES,
): Buffer | undefined {
  if (key.byteLength !== KEY_BYTES || iv.byteLength !== AES_BLOCK_BYTES) return undefined;
  if (ciphertext.byteLength === 0 || ciphertext.byteLength % AES_BLOCK_BYTES !== 0) return undefined;
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return unpad(padded, padBlock);
}

/** The inverse: PKCS#7 to `padBlock` bytes (a whole block of pad when the text fills its blocks). */
export function aesCbcEncrypt(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  padBlock = AES_BLOCK_BYTES,
): Buffer {
  if (key.byteLength !== KEY_BYTES) throw new TypeError('aesCbcEncrypt: the key must be 32 bytes');
  if (iv.byteLength !== AES_BLOCK_BYTES) throw new TypeError('aesCbcEncrypt: the IV must be 16 bytes');
  const pad = padBlock - (plaintext.byteLength % padBlock);
  const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([cipher.update(Buffer.concat([plaintext, Buffer.alloc(pad, pad)])), cipher.final()]);
}

/** PKCS#7 to `padBlock`-byte blocks: a last byte of 1..padBlock, and every pad byte equal to it. */
function unpad(padded: Buffer, padBlock: number): Buffer | undefined {
  const pad = padded[padded.byteLength - 1] ?? 0;
  if (pad < 1 || pad > padBlock || pad > padded.byteLength) return undefined;
  let bad = 0;
  for (let index = padded.byteLength - pad; index < padded.byteLength; index++) bad |= padded[index]! ^ pad;
  return bad === 0 ? padded.subarray(0, padded.byteLength - pad) : undefined;
}
