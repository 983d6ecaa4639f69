import type { WebhookRequest } from '../../../http/types.js';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';

export interface DingtalkSignOptions {
  readonly token: string;
  readonly aesKey: string;
  /** The AppKey (or SuiteKey, or CorpId) the event is encrypted for. */
  readonly appKey: string;
  /** Unix milliseconds as text, as DingTalk sends; default now. */
  readonly timestamp?: string;
  /** Default: fresh digits. */
  readonly nonce?: string;
  readonly now?: number;
}

/** One DingTalk push: the query it signs in and the `{"encrypt"}` body. */
export interface DingtalkSigned {
  readonly query: readonly (readonly [string, string])[];
  readonly body: string;
}

/**
 * A push as DingTalk's event subscription sends it: the event JSON encrypted for the AppKey in
 * `{"encrypt": "…"}`, with `signature`, `timestamp` and `nonce` in the query.
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 */
export function signDingtalk(eventJson: string | Uint8Array, options: DingtalkSignOptions): DingtalkSigned {
  const crypt = wxBizMsgCrypt({
    token: options.token,
    encodingAESKey: options.aesKey,
    receiveId: options.appKey,
    label: 'signDingtalk()',
  });
  const now = options.now ?? Date.now();
  const sealed = crypt.seal(eventJson, {
    now,
    timestamp: options.timestamp ?? String(now),
    ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
  });
  return {
    query: [
      ['signature', sealed.signature],
      ['timestamp', sealed.timestamp],
      ['nonce', sealed.nonce],
    ],
    body: JSON.stringify({ encrypt: sealed.encrypt }),
  };
}

/** `signDingtalk` as `receiver.handle` takes it. */
export function dingtalkRequest(
  eventJson: string,
  options: DingtalkSignOptions & { readonly url?: string },
): WebhookRequest {
  const signed = signDingtalk(eventJson, options);
  const query = new URLSearchParams(signed.query as [string, string][]).toString();
  return {
    method: 'POST',
    url: `${options.url ?? '/dingtalk'}?${query}`,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(signed.body, 'utf8'),
  };
}
