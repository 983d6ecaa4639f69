import { createHash, randomBytes } from 'node:crypto';
import { AES_BLOCK_BYTES, aesCbcDecrypt, aesCbcEncrypt } from '../../crypto/aes-cbc.js';

/**
 * Feishu/Lark's encrypted body, sent when the app has an Encrypt Key: `{"encrypt":"<base64>"}`,
 * the base64 of a 16-byte IV followed by AES-256-CBC (key: SHA-256 of the Encrypt Key's UTF-8,
 * PKCS#7 to 16-byte blocks) of the event's JSON.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 * https://open.larksuite.com/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The AES key of an Encrypt Key: its SHA-256, computed once per configured key. */
export function feishuAesKey(encryptKey: string): Buffer {
  return createHash('sha256').update(encryptKey, 'utf8').digest();
}

export type Decrypted =
  | { readonly ok: true; readonly text: string; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: string };

/** The plaintext of an `encrypt` value, or why there is none (never the bytes themselves). */
export function decryptFeishu(aesKey: Uint8Array, encrypt: string): Decrypted {
  // Strict base64: Buffer.from(text, 'base64') skips characters it does not know.
  if (encrypt === '' || !BASE64.test(encrypt)) return { ok: false, reason: 'encrypt is not base64' };
  const bytes = Buffer.from(encrypt, 'base64');
  if (bytes.byteLength < 2 * AES_BLOCK_BYTES) {
    return { ok: false, reason: 'encrypt is shorter than an IV and one block' };
  }
  const plain = aesCbcDecrypt(aesKey, bytes.subarray(0, AES_BLOCK_BYTES), bytes.subarray(AES_BLOCK_BYTES));
  if (plain === undefined) {
    return { ok: false, reason: 'the ciphertext is not whole AES blocks ending in PKCS#7 padding' };
  }
  try {
    return { ok: true, text: strictUtf8.decode(plain), bytes: plain };
  } catch {
    return { ok: false, reason: 'the decrypted text is not UTF-8' };
  }
}

/**
 * `text` as Feishu encrypts it, with a fresh IV unless one is given (for reproducible vectors).
 * The sender's side, for the kit and tests.
 */
export function encryptFeishu(encryptKey: string, text: string, iv: Uint8Array = randomBytes(16)): string {
  const ciphertext = aesCbcEncrypt(feishuAesKey(encryptKey), iv, Buffer.from(text, 'utf8'));
  return Buffer.concat([iv, ciphertext]).toString('base64');
}
