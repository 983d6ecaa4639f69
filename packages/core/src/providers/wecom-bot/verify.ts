import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import type { WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { jsonEncryptOf } from '../../sender-toolkit/wx-json-envelope.js';
import { verifyMsgSignature } from '../../sender-toolkit/wx-query-proof.js';

/**
 * The smart bot's proof, in the query of both requests: `msg_signature = sha1(sort(token,
 * timestamp, nonce, X))`, where X is the GET's `echostr` or the POSTed JSON's `encrypt`.
 * https://developer.work.weixin.qq.com/document/path/101033
 */
export const WECOM_BOT_SIGNATURE_PARAM = 'msg_signature';

const check = {
  postedEncrypt: (input: VerifyInput) => jsonEncryptOf(input.body),
  settings: 'the smart bot\'s API mode settings ("API模式")',
};

export function verifyWecomBot(crypt: WxBizMsgCrypt, input: VerifyInput): VerifyOutcome {
  return verifyMsgSignature(crypt, input, check);
}
