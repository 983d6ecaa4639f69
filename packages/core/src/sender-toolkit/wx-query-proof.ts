import { VerificationError } from '../errors.js';
import type { WebhookResponse } from '../http/types.js';
import type { VerifyInput, VerifyOutcome } from '../provider.js';
import { refused } from './refused.js';
import type { WxBizMsgCrypt } from './wx-biz-msg-crypt.js';

/**
 * The query side of the WXBizMsgCrypt envelope, whatever the body: `msg_signature`, `timestamp`
 * and `nonce` in the URL, over the GET check's `echostr` or the POSTed ciphertext (WeCom's
 * `<Encrypt>`, the smart bot's `{"encrypt"}`), and the GET check's answer.
 * https://developer.work.weixin.qq.com/document/path/90930
 * https://developer.work.weixin.qq.com/document/path/101033
 */

/** The signature over an echostr or a ciphertext, in the query with the timestamp and nonce. */
export interface QuerySignature {
  readonly signature: string;
  readonly timestamp: string;
  readonly nonce: string;
}

/**
 * A base64 query value (`echostr`) decoded exactly once. URLSearchParams turns a `+` into a space,
 * as form encoding says; a sender that leaves `+` unencoded means a `+` (base64 has no space),
 * and one that sends `%2B` gets its `+` either way.
 */
export function base64Query(query: URLSearchParams, name: string): string | undefined {
  return query.get(name)?.replaceAll(' ', '+');
}

/**
 * SIGNATURE_MALFORMED for the first of `names` sent more than once: `get` would read the first
 * copy where a proxy in front may have checked the other, so a proof is never "first wins".
 */
export function repeatedParam(
  query: URLSearchParams,
  names: readonly string[],
): VerificationError | undefined {
  const repeated = names.find((name) => query.getAll(name).length > 1);
  return repeated === undefined
    ? undefined
    : new VerificationError('SIGNATURE_MALFORMED', `${repeated} is repeated in the query`);
}

/**
 * The signature, timestamp and nonce, or undefined when one is absent; a repeated one is refused
 * (`repeatedParam`). `alsoOnce` names other signed parameters (WeCom's `echostr`) held to the
 * same rule.
 */
export function querySignature(
  query: URLSearchParams,
  name: string,
  alsoOnce: readonly string[] = [],
): QuerySignature | VerificationError | undefined {
  const repeated = repeatedParam(query, [name, 'timestamp', 'nonce', ...alsoOnce]);
  if (repeated !== undefined) return repeated;
  const signature = query.get(name);
  const timestamp = query.get('timestamp');
  const nonce = query.get('nonce');
  if (!signature || timestamp === null || nonce === null) return undefined;
  return { signature, timestamp, nonce };
}

export interface MsgSignatureCheck {
  /** The POSTed ciphertext the signature covers, or why the body has none. */
  readonly postedEncrypt: (input: VerifyInput) => string | VerificationError;
  /** Where the user finds the URL the sender calls, for a request with no signature. */
  readonly settings: string;
}

/**
 * `msg_signature = sha1(sort(token, timestamp, nonce, X))`, where X is the GET check's `echostr`
 * or the POSTed ciphertext; constant-time, every signed parameter once.
 */
export function verifyMsgSignature(
  crypt: WxBizMsgCrypt,
  input: VerifyInput,
  check: MsgSignatureCheck,
): VerifyOutcome {
  const signed = querySignature(input.query, 'msg_signature', ['echostr']);
  if (signed instanceof VerificationError) return { ok: false, error: signed };
  if (signed === undefined) {
    return refused(
      'SIGNATURE_MISSING',
      `msg_signature, timestamp and nonce are missing from the query; is this the URL in ${check.settings}?`,
    );
  }
  const encrypt = input.method === 'GET' ? base64Query(input.query, 'echostr') : check.postedEncrypt(input);
  if (encrypt instanceof VerificationError) return { ok: false, error: encrypt };
  if (encrypt === undefined) return refused('SIGNATURE_MISSING', 'The URL check has no echostr');
  if (!crypt.signatureMatches(signed.signature, { ...signed, encrypt })) {
    return refused('SIGNATURE_MISMATCH', 'msg_signature does not match the request');
  }
  return { ok: true, secretIndex: 0 };
}

/**
 * The GET URL check, once verified: the decrypted echostr as the whole body, with no quotes, BOM
 * or newline ("不能加引号，不能带bom头，不能带换行符").
 */
export function echostrAnswer(crypt: WxBizMsgCrypt, input: VerifyInput): WebhookResponse {
  const outcome = crypt.decrypt(base64Query(input.query, 'echostr') ?? '');
  if (!outcome.ok) throw outcome.error;
  return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: outcome.message };
}
