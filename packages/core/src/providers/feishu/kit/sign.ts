import { randomBytes } from 'node:crypto';
import type { WebhookRequest } from '../../../http/types.js';
import { encryptFeishu } from '../envelope.js';
import { feishuSignature } from '../verify.js';

export interface FeishuSigning {
  /** The app's Encrypt Key. */
  readonly encryptKey: string;
  /** `X-Lark-Request-Timestamp`, Unix seconds. Default: the current time. */
  readonly timestamp?: number | string;
  /** `X-Lark-Request-Nonce`. Default: fresh random digits. */
  readonly nonce?: string;
}

/**
 * The headers Feishu attaches once the app has an Encrypt Key: `X-Lark-Signature`, the hex
 * SHA-256 of timestamp + nonce + Encrypt Key + the body's bytes exactly as sent.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case
 */
export function signFeishu(body: string | Uint8Array, signing: FeishuSigning): Record<string, string> {
  const timestamp = String(signing.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = signing.nonce ?? freshNonce();
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const signature = feishuSignature({ timestamp, nonce, encryptKey: signing.encryptKey }, bytes);
  return {
    'X-Lark-Request-Timestamp': timestamp,
    'X-Lark-Request-Nonce': nonce,
    'X-Lark-Signature': signature.toString('hex'),
  };
}

/** `{"encrypt":"…"}`: the body Feishu posts for `payload` once the app has an Encrypt Key. */
export function feishuEncryptedBody(payload: unknown, encryptKey: string, iv?: Uint8Array): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return JSON.stringify({ encrypt: encryptFeishu(encryptKey, text, iv) });
}

export interface FeishuRequestOptions extends Partial<FeishuSigning> {
  /** Encrypt the body and sign it with this key, as Feishu does for an app that has one. Absent: plaintext, unsigned. */
  readonly encryptKey?: string;
  readonly url?: string;
}

/**
 * A delivery as `receiver.handle` takes it (header names lower-case, as every adapter passes them):
 * with an Encrypt Key the payload encrypted and signed, without one its JSON as it is (a string is
 * sent as it is, before any encryption).
 */
export function feishuRequest(payload: unknown, options: FeishuRequestOptions = {}): WebhookRequest {
  const text =
    options.encryptKey === undefined
      ? typeof payload === 'string'
        ? payload
        : JSON.stringify(payload)
      : feishuEncryptedBody(payload, options.encryptKey);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (options.encryptKey !== undefined) {
    const signed = signFeishu(text, { ...options, encryptKey: options.encryptKey });
    for (const [name, value] of Object.entries(signed)) headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', url: options.url ?? '/feishu', headers, body: Buffer.from(text, 'utf8') };
}

/** Random digits: Feishu documents the nonce only as a string it picks per push. */
function freshNonce(): string {
  return randomBytes(8).readBigUInt64BE().toString().padStart(19, '0').slice(0, 19);
}
