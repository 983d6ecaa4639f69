import { createHash } from 'node:crypto';
import type { EventDef } from '../../event-map.js';
import { jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { type WxBizMsgCrypt, wxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { decryptedJsonBytes, decryptJsonEnvelope } from '../../sender-toolkit/wx-json-envelope.js';
import {
  type DingtalkEventName,
  type DingtalkEventOf,
  dingtalkEventSchemas,
  dingtalkEventType,
} from './events.js';
import { DINGTALK_SIGNATURE_PARAMS, verifyDingtalk } from './verify.js';

export interface DingtalkOptions {
  /** The signing Token (签名 token) from the app's event subscription (事件订阅) settings. */
  readonly token: string;
  /** The 43-character encryption key (加密 aes_key) from the same settings. */
  readonly aesKey: string;
  /**
   * Who the events are encrypted for: the app's AppKey (Client ID) for a self-built app, the
   * SuiteKey for an ISV app, the CorpId for the older registered callbacks (注册回调).
   */
  readonly appKey: string;
  /**
   * Budget for handlers before the encrypted `success` is sent. Default 1 200 ms, under DingTalk's
   * 1 500 ms with room for the network; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
}

/** Every event is only acknowledged: DingTalk reads nothing but the encrypted `success`. */
export type DingtalkEvents = {
  readonly [N in DingtalkEventName]: EventDef<DingtalkEventOf<N>, never>;
};

export interface DingtalkMeta {
  /** The query's `timestamp`: when DingTalk pushed, Unix milliseconds as text. */
  readonly timestamp: string | undefined;
}

export interface DingtalkProvider extends Provider<DingtalkEvents, DingtalkMeta> {
  readonly eventNames: readonly DingtalkEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(dingtalkEventSchemas).filter(
  (name) => name !== 'check_url',
) as DingtalkEventName[];
const DEFAULT_DEADLINE_MS = 1_200;
/** "在1500ms内" DingTalk must read `success`, or it counts the push as failed. */
const DINGTALK_TIMEOUT: SenderTimeout = {
  ms: 1_500,
  name: "DingTalk's 1.5 s limit",
  consequence: 'DingTalk counts what it got no success for as failed.',
};
const SUCCESS = 'success';

/**
 * DingTalk (钉钉) event subscription over HTTP (事件订阅, "HTTP 推送"): POSTed `{"encrypt"}`
 * bodies signed in the query, decrypted and typed by `EventType`; the `check_url` push and every
 * event answered with `success`, encrypted and signed again.
 * https://github.com/open-dingtalk/DingTalk-Callback-Crypto
 */
export function dingtalk(options: DingtalkOptions): DingtalkProvider {
  if (typeof options?.appKey !== 'string' || options.appKey === '') {
    throw new TypeError(
      'hookguard dingtalk(): appKey is required: the AppKey (or SuiteKey, or CorpId) events are encrypted for',
    );
  }
  const crypt = wxBizMsgCrypt({
    token: options.token,
    encodingAESKey: options.aesKey,
    receiveId: options.appKey,
    label: 'dingtalk()',
  });
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'dingtalk()');
  const success = () => encryptedSuccess(crypt);
  return {
    name: 'dingtalk',
    proofNames: { headers: [], query: [...DINGTALK_SIGNATURE_PARAMS] },
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, DINGTALK_TIMEOUT, 'dingtalk()'),
    verify: (input) => verifyDingtalk(crypt, input),
    decode: (input) => decryptJsonEnvelope(crypt, input),
    handshake: (payload) => (dingtalkEventType(payload) === 'check_url' ? success() : undefined),
    parse(payload, input): ParsedEvent<DingtalkMeta> {
      const resolved = resolveEvent(dingtalkEventSchemas, [dingtalkEventType(payload)], payload);
      const plain = decryptedJsonBytes(input);
      const meta = { timestamp: input.query.get('timestamp') ?? input.query.get('timeStamp') ?? undefined };
      const event = parsedEvent(resolved, plain === undefined ? undefined : deliveryKey(plain), meta);
      return { ...event, dedupeBytes: plain };
    },
    respond(reply, event) {
      if (reply !== undefined && reply !== null) {
        throw new TypeError(`dingtalk: a ${event.name} handler cannot reply; DingTalk reads only success`);
      }
      return success();
    },
    fallback: () => success(),
  };
}

/**
 * `success` as DingTalk reads it: `{"msg_signature","timeStamp","nonce","encrypt"}`, with fresh
 * random bytes and nonce, a millisecond timestamp as DingTalk's own samples send, and the
 * signature over them.
 */
function encryptedSuccess(crypt: WxBizMsgCrypt): WebhookResponse {
  const now = Date.now();
  const sealed = crypt.seal(SUCCESS, { now, timestamp: String(now) });
  return jsonResponse(200, {
    msg_signature: sealed.signature,
    timeStamp: sealed.timestamp,
    nonce: sealed.nonce,
    encrypt: sealed.encrypt,
  });
}

/**
 * DingTalk's HTTP push carries no event id. A retry repeats the decrypted event byte for byte,
 * and two events differ in their fields or their millisecond `TimeStamp`: the digest of the
 * decrypted JSON is the key.
 */
function deliveryKey(plain: Uint8Array): string {
  return createHash('sha256').update(plain).digest('base64url');
}
