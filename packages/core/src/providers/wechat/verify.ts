import { createHash } from 'node:crypto';
import { decodeSignature } from '../../crypto/signature-encoding.js';
import { safeEqual } from '../../crypto/timing-safe-equal.js';
import { VerificationError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import type { WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { querySignature } from '../../sender-toolkit/wx-query-proof.js';
import { encryptOf } from '../../sender-toolkit/wx-xml-envelope.js';

/**
 * WeChat's proofs, in the query. Every request carries `signature = sha1(sort(token, timestamp,
 * nonce))`, which covers **no body byte**; in compatible and safe mode (`encrypt_type=aes`) a
 * POST also carries `msg_signature`, which covers the `<Encrypt>` as WeCom's does.
 * https://developers.weixin.qq.com/doc/service/en/guide/dev/push/index.html
 */
export const WECHAT_SIGNATURE_PARAM = 'signature';
export const WECHAT_MSG_SIGNATURE_PARAM = 'msg_signature';

export interface WechatVerifyConfig {
  readonly token: string;
  /** Present when an EncodingAESKey is configured: encrypted POSTs are read with it. */
  readonly crypt: WxBizMsgCrypt | undefined;
  /** How far the signed timestamp may be from now, in ms; undefined: no window. */
  readonly toleranceMs: number | undefined;
}

const SECONDS = /^\d{1,12}$/;

/** Whether a request is read through the envelope: encrypted, and this receiver has the key. */
export function isEncrypted(config: WechatVerifyConfig, input: VerifyInput): boolean {
  return config.crypt !== undefined && input.method === 'POST' && input.query.get('encrypt_type') === 'aes';
}

export function verifyWechat(config: WechatVerifyConfig, input: VerifyInput): VerifyOutcome {
  const encrypted = isEncrypted(config, input);
  // With a key, only the encrypted message is proven: a plain-mode POST's signature covers no
  // body byte, so anyone who once saw a signed URL could post any XML under it.
  if (config.crypt !== undefined && input.method === 'POST' && !encrypted) {
    return refused(
      'SIGNATURE_MISSING',
      'This receiver has an EncodingAESKey, so it reads only encrypted messages (encrypt_type=aes with msg_signature); is the account in compatible or safe mode?',
    );
  }
  const name = encrypted ? WECHAT_MSG_SIGNATURE_PARAM : WECHAT_SIGNATURE_PARAM;
  // encrypt_type picks which signature is checked: one reading of it, like the proof itself.
  const signed = querySignature(input.query, name, ['encrypt_type']);
  if (signed instanceof VerificationError) return { ok: false, error: signed };
  if (signed === undefined) {
    return refused('SIGNATURE_MISSING', `${name}, timestamp and nonce are missing from the query`);
  }
  if (config.toleranceMs !== undefined) {
    if (!SECONDS.test(signed.timestamp))
      return refused('TIMESTAMP_OUT_OF_RANGE', 'timestamp must be Unix seconds');
    if (Math.abs(input.now - Number(signed.timestamp) * 1000) > config.toleranceMs) {
      return refused('TIMESTAMP_OUT_OF_RANGE', 'The request timestamp is outside the accepted window');
    }
  }
  if (encrypted) {
    const encrypt = encryptOf(input);
    if (encrypt instanceof VerificationError) return { ok: false, error: encrypt };
    if (!config.crypt!.signatureMatches(signed.signature, { ...signed, encrypt })) {
      return refused('SIGNATURE_MISMATCH', 'msg_signature does not match the request');
    }
    return { ok: true, secretIndex: 0 };
  }
  const given = decodeSignature(signed.signature, 'hex', 20);
  const expected = createHash('sha1')
    .update([config.token, signed.timestamp, signed.nonce].sort().join(''))
    .digest();
  if (given === undefined || !safeEqual(given, expected)) {
    return refused('SIGNATURE_MISMATCH', 'signature does not match the request');
  }
  return { ok: true, secretIndex: 0 };
}
