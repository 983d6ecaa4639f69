import { VerificationError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import type { WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { base64Query, encryptOf, querySignature } from '../../sender-toolkit/wx-xml-envelope.js';

/**
 * WeCom's proof, in the query of both requests: `msg_signature = sha1(sort(token, timestamp,
 * nonce, X))`, where X is the GET's `echostr` or the POSTed XML's `<Encrypt>`.
 * https://developer.work.weixin.qq.com/document/path/90930
 */
export const WECOM_SIGNATURE_PARAM = 'msg_signature';

export function verifyWecom(crypt: WxBizMsgCrypt, input: VerifyInput): VerifyOutcome {
  const signed = querySignature(input.query, WECOM_SIGNATURE_PARAM, ['echostr']);
  if (signed instanceof VerificationError) return { ok: false, error: signed };
  if (signed === undefined) {
    return refused(
      'SIGNATURE_MISSING',
      'msg_signature, timestamp and nonce are missing from the query; is this the URL in the app\'s "接收消息" settings?',
    );
  }
  const encrypt = input.method === 'GET' ? base64Query(input.query, 'echostr') : encryptOf(input);
  if (encrypt instanceof VerificationError) return { ok: false, error: encrypt };
  if (encrypt === undefined) return refused('SIGNATURE_MISSING', 'The URL check has no echostr');
  if (!crypt.signatureMatches(signed.signature, { ...signed, encrypt })) {
    return refused('SIGNATURE_MISMATCH', 'msg_signature does not match the request');
  }
  return { ok: true, secretIndex: 0 };
}
