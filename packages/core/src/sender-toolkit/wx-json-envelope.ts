import { parseJsonBody, parseJsonText } from '../body/parse-json.js';
import { VerificationError, WebhookError } from '../errors.js';
import type { VerifyInput } from '../provider.js';
import type { WxBizMsgCrypt } from './wx-biz-msg-crypt.js';

/**
 * The JSON side of the WXBizMsgCrypt envelope (DingTalk's event subscription, WeCom's smart bots):
 * a POSTed `{"encrypt": "…"}` whose ciphertext the query's signature covers, decrypted to JSON.
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 * https://developer.work.weixin.qq.com/document/path/101033
 */

/** The body's `encrypt`, read once per request: verify checks it, decode decrypts it. */
const encryptedTexts = new WeakMap<Uint8Array, string>();

/** The `encrypt` the signature covers; a body without one is unsigned. */
export function jsonEncryptOf(body: Uint8Array): string | VerificationError {
  const cached = encryptedTexts.get(body);
  if (cached !== undefined) return cached;
  let outer: unknown;
  try {
    outer = parseJsonBody(body);
  } catch (error) {
    // What cannot be parsed has nothing signed in it: refused unread, as any unsigned request.
    const reason = error instanceof WebhookError ? error.message : 'the body is not JSON';
    return new VerificationError('SIGNATURE_MISSING', `No signed encrypt: ${reason}`);
  }
  const encrypt =
    typeof outer === 'object' && outer !== null && !Array.isArray(outer)
      ? (outer as Record<string, unknown>)['encrypt']
      : undefined;
  if (typeof encrypt !== 'string' || encrypt === '') {
    return new VerificationError('SIGNATURE_MISSING', 'The body has no {"encrypt": "…"}');
  }
  encryptedTexts.set(body, encrypt);
  return encrypt;
}

/**
 * The decrypted JSON of each request: the senders encrypt every attempt with fresh random bytes,
 * so a retry's envelope differs while its message does not.
 */
const decryptedBytes = new WeakMap<VerifyInput, Uint8Array>();

/** The verified body's message, parsed; only called after the signature over its `encrypt` matched. */
export function decryptJsonEnvelope(crypt: WxBizMsgCrypt, input: VerifyInput): unknown {
  const encrypt = jsonEncryptOf(input.body);
  if (encrypt instanceof VerificationError) throw encrypt;
  const outcome = crypt.decrypt(encrypt);
  if (!outcome.ok) throw outcome.error;
  const payload = parseJsonText(outcome.message, 'The decrypted message');
  decryptedBytes.set(input, Buffer.from(outcome.message, 'utf8'));
  return payload;
}

/** The decrypted JSON's bytes for `dedupeBytes`, once `decryptJsonEnvelope` read the request. */
export function decryptedJsonBytes(input: VerifyInput): Uint8Array | undefined {
  return decryptedBytes.get(input);
}
