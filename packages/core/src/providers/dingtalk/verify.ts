import { parseJsonBody } from '../../body/parse-json.js';
import { VerificationError, WebhookError } from '../../errors.js';
import type { VerifyInput, VerifyOutcome } from '../../provider.js';
import { refused } from '../../sender-toolkit/refused.js';
import type { SignedParts, WxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';

/**
 * DingTalk's proof, in the query: `signature = sha1(sort(token, timestamp, nonce, encrypt))` over
 * the body's `encrypt`. Older and ISV subscriptions name them `msg_signature` and `timeStamp`;
 * either spelling is read, the documented one first.
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 */
export const DINGTALK_SIGNATURE_PARAMS = ['signature', 'msg_signature'] as const;
const TIMESTAMP_PARAMS = ['timestamp', 'timeStamp'] as const;

/** The body's `encrypt`, read once per request: verify checks it, decode decrypts it. */
const encryptedTexts = new WeakMap<Uint8Array, string>();

export function verifyDingtalk(crypt: WxBizMsgCrypt, input: VerifyInput): VerifyOutcome {
  const signature = firstOf(input.query, DINGTALK_SIGNATURE_PARAMS);
  const timestamp = firstOf(input.query, TIMESTAMP_PARAMS);
  const nonce = input.query.get('nonce');
  if (!signature || timestamp === undefined || nonce === null) {
    return refused(
      'SIGNATURE_MISSING',
      'signature, timestamp and nonce are missing from the query; is this the URL in the app\'s "事件订阅" settings?',
    );
  }
  const encrypt = encryptOf(input.body);
  if (encrypt instanceof VerificationError) return { ok: false, error: encrypt };
  const parts: SignedParts = { timestamp, nonce, encrypt };
  if (!crypt.signatureMatches(signature, parts)) {
    return refused('SIGNATURE_MISMATCH', 'signature does not match the request');
  }
  return { ok: true, secretIndex: 0 };
}

/** The verified body's `encrypt`; only called after `verifyDingtalk` accepted the same bytes. */
export function verifiedEncrypt(body: Uint8Array): string {
  const encrypt = encryptedTexts.get(body) ?? encryptOf(body);
  if (encrypt instanceof VerificationError) throw encrypt;
  return encrypt;
}

/** The `encrypt` the signature covers; a body without one is unsigned. */
function encryptOf(body: Uint8Array): string | VerificationError {
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

/** The first of `names` present, so a request carrying both spellings is read one way only. */
function firstOf(query: URLSearchParams, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = query.get(name);
    if (value !== null) return value;
  }
  return undefined;
}
