import { createPublicKey, type KeyObject } from 'node:crypto';
import { ED25519_KEY_BYTES, ed25519PrivateKey } from '../../crypto/ed25519.js';

/** The Ed25519 key pair QQ derives from one AppSecret. The receiver holds the private half. */
export interface QQBotKeyPair {
  /** Signs the answer to op 13 (callback URL validation). */
  readonly privateKey: KeyObject;
  /** Verifies `X-Signature-Ed25519` on every request. */
  readonly publicKey: KeyObject;
}

/**
 * The RFC 8032 seed of an AppSecret, as QQ's signing guide and botgo derive it: the secret's bytes
 * doubled until there are at least 32, then the first 32 (a longer secret is cut to 32 bytes).
 * https://bot.q.qq.com/wiki/develop/api-v2/dev-prepare/interface-framework/sign.html
 */
export function qqBotSeed(secret: string): Buffer {
  let seed = Buffer.from(secret, 'utf8');
  if (seed.byteLength === 0) throw new TypeError('a QQ bot AppSecret cannot be empty');
  while (seed.byteLength < ED25519_KEY_BYTES) seed = Buffer.concat([seed, seed]);
  return seed.subarray(0, ED25519_KEY_BYTES);
}

/** The key pair of an AppSecret, derived once at construction so no request parses a key. */
export function qqBotKeyPair(secret: string): QQBotKeyPair {
  const privateKey = ed25519PrivateKey(qqBotSeed(secret));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
