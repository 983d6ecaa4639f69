import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import type { WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { verifyMsgSignature } from '../../sender-toolkit/wx-query-proof.js';
import { encryptOf } from '../../sender-toolkit/wx-xml-envelope.js';

/**
 * WeCom's proof, in the query of both requests: `msg_signature = sha1(sort(token, timestamp,
 * nonce, X))`, where X is the GET's `echostr` or the POSTed XML's `<Encrypt>`.
 * https://developer.work.weixin.qq.com/document/path/90930
 */
export const WECOM_SIGNATURE_PARAM = 'msg_signature';

const check = { postedEncrypt: encryptOf, settings: 'the app\'s "接收消息" settings' };

export function verifyWecom(crypt: WxBizMsgCrypt, input: VerifyInput): VerifyOutcome {
  return verifyMsgSignature(crypt, input, check);
}
