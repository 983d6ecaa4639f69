import { VerificationError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import type { SignedParts, WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { jsonEncryptOf } from '../../sender-toolkit/wx-json-envelope.js';
import { repeatedParam } from '../../sender-toolkit/wx-query-proof.js';

/**
 * DingTalk's proof, in the query: `signature = sha1(sort(token, timestamp, nonce, encrypt))` over
 * the body's `encrypt`. Older and ISV subscriptions name them `msg_signature` and `timeStamp`;
 * either spelling is read, the documented one first.
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 */
export const DINGTALK_SIGNATURE_PARAMS = ['signature', 'msg_signature'] as const;
const TIMESTAMP_PARAMS = ['timestamp', 'timeStamp'] as const;
const SIGNED_PARAMS = [...DINGTALK_SIGNATURE_PARAMS, ...TIMESTAMP_PARAMS, 'nonce'];

export function verifyDingtalk(crypt: WxBizMsgCrypt, input: VerifyInput): VerifyOutcome {
  // Either spelling, each at most once: a repeated proof is refused as every sender's is.
  const repeated = repeatedParam(input.query, SIGNED_PARAMS);
  if (repeated !== undefined) return { ok: false, error: repeated };
  const signature = oneSpelling(input.query, DINGTALK_SIGNATURE_PARAMS);
  if (signature instanceof VerificationError) return { ok: false, error: signature };
  const timestamp = oneSpelling(input.query, TIMESTAMP_PARAMS);
  if (timestamp instanceof VerificationError) return { ok: false, error: timestamp };
  const nonce = input.query.get('nonce');
  if (!signature || timestamp === undefined || nonce === null) {
    return refused(
      'SIGNATURE_MISSING',
      'signature, timestamp and nonce are missing from the query; is this the URL in the app\'s "事件订阅" settings?',
    );
  }
  const encrypt = jsonEncryptOf(input.body);
  if (encrypt instanceof VerificationError) return { ok: false, error: encrypt };
  const parts: SignedParts = { timestamp, nonce, encrypt };
  if (!crypt.signatureMatches(signature, parts)) {
    return refused('SIGNATURE_MISMATCH', 'signature does not match the request');
  }
  return { ok: true, secretIndex: 0 };
}

/**
 * The one spelling present. Both at once is refused like a repeated proof: which one counts would
 * be a guess, and a proxy in front may have checked the other.
 */
function oneSpelling(
  query: URLSearchParams,
  names: readonly string[],
): string | VerificationError | undefined {
  const present = names.filter((name) => query.has(name));
  if (present.length > 1) {
    return new VerificationError('SIGNATURE_MALFORMED', `${present.join(' and ')} are both in the query`);
  }
  return present.length === 1 ? (query.get(present[0]!) ?? undefined) : undefined;
}
