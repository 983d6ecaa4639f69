import type { EventDef } from '../../event-map.js';
import { emptyResponse, jsonResponse } from '../../http/responses.js';
import type { WebhookResponse } from '../../http/types.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { type WxBizMsgCrypt, wxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { decryptedJsonBytes, decryptJsonEnvelope } from '../../sender-toolkit/wx-json-envelope.js';
import { echostrAnswer } from '../../sender-toolkit/wx-query-proof.js';
import {
  type WecomBotEventName,
  type WecomBotEventOf,
  type WecomBotMessageName,
  wecomBotEventCandidates,
  wecomBotEventSchemas,
  wecomBotMsgId,
} from './events.js';
import {
  replyJson,
  type WecomBotMessageReply,
  type WecomBotStreamRefreshReply,
  type WecomBotUpdateCardReply,
  type WecomBotWelcomeReply,
} from './replies.js';
import { verifyWecomBot, WECOM_BOT_SIGNATURE_PARAM } from './verify.js';

export interface WecomBotOptions {
  /** The Token from the smart bot's API mode settings (API模式 → 接收消息). */
  readonly token: string;
  /** The 43-character EncodingAESKey from the same settings. */
  readonly encodingAESKey: string;
  /**
   * Budget for handlers before the empty 200 is sent. Default 4 000 ms, under the 5 s after which
   * WeCom drops the connection, with room for the network; the receiver's own `deadlineMs`
   * overrides it.
   */
  readonly deadlineMs?: number;
}

/** The reply each callback accepts, as WeCom's passive-reply page lists them. */
type ReplyOf<N extends WecomBotEventName> = N extends 'stream'
  ? WecomBotStreamRefreshReply
  : N extends WecomBotMessageName
    ? WecomBotMessageReply
    : N extends 'event.enter_chat'
      ? WecomBotWelcomeReply
      : N extends 'event.template_card_event'
        ? WecomBotUpdateCardReply
        : never;

export type WecomBotEvents = {
  readonly [N in WecomBotEventName]: EventDef<WecomBotEventOf<N>, ReplyOf<N>>;
};

export interface WecomBotMeta {
  /** The query's `timestamp`: when WeCom sent the callback, Unix seconds as text. */
  readonly timestamp: string | undefined;
}

export interface WecomBotProvider extends Provider<WecomBotEvents, WecomBotMeta> {
  readonly eventNames: readonly WecomBotEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(wecomBotEventSchemas) as WecomBotEventName[];
const DEFAULT_DEADLINE_MS = 4_000;
/** "企业微信服务器在五秒内收不到响应会断掉连接" (the template card event's page). */
const WECOM_BOT_TIMEOUT: SenderTimeout = {
  ms: 5_000,
  name: "WeCom's 5 s limit",
  consequence: 'WeCom drops what it got no answer to.',
};
/** "企业内部智能机器人场景中，ReceiveId为\"\"": every message is encrypted for the empty receive id. */
const RECEIVE_ID = '';

/**
 * A WeCom smart bot's (智能机器人, API mode) callback URL: the GET URL check, POSTed
 * `{"encrypt"}` JSON messages and events decrypted and typed by `msgtype`, and JSON replies
 * (streams, template cards, welcomes, card updates) encrypted and signed back as
 * `{"encrypt","msgsignature","timestamp","nonce"}`.
 * https://developer.work.weixin.qq.com/document/path/101039
 * https://developer.work.weixin.qq.com/document/path/101033
 */
export function wecomBot(options: WecomBotOptions): WecomBotProvider {
  const crypt = wxBizMsgCrypt({
    token: options?.token,
    encodingAESKey: options?.encodingAESKey,
    receiveId: RECEIVE_ID,
    label: 'wecomBot()',
  });
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'wecomBot()');
  return {
    name: 'wecom-bot',
    proofNames: { headers: [], query: [WECOM_BOT_SIGNATURE_PARAM] },
    methods: ['GET', 'POST'],
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, WECOM_BOT_TIMEOUT, 'wecomBot()'),
    verify: (input) => verifyWecomBot(crypt, input),
    decode: (input) => decryptJsonEnvelope(crypt, input),
    handshake: (_payload, input) => (input.method === 'GET' ? echostrAnswer(crypt, input) : undefined),
    parse(payload, input): ParsedEvent<WecomBotMeta> {
      const resolved = resolveEvent(wecomBotEventSchemas, wecomBotEventCandidates(payload), payload);
      const meta = { timestamp: input.query.get('timestamp') ?? undefined };
      const event = parsedEvent(resolved, wecomBotMsgId(payload), meta);
      return { ...event, dedupeBytes: decryptedJsonBytes(input) };
    },
    respond(reply, event) {
      if (reply === undefined || reply === null) return emptyResponse(200);
      return encryptedReply(crypt, replyJson(event.name, reply));
    },
    fallback: () => emptyResponse(200),
  };
}

/**
 * The reply as the smart bot reads it: `{"encrypt","msgsignature","timestamp","nonce"}`, with
 * `msgsignature` spelled without the underscore the query's `msg_signature` has and the timestamp
 * as text, as the WXBizJsonMsgCrypt samples write them; fresh random bytes, timestamp and nonce,
 * and the signature over them.
 */
function encryptedReply(crypt: WxBizMsgCrypt, json: string): WebhookResponse {
  const sealed = crypt.seal(json, { now: Date.now() });
  return jsonResponse(200, {
    encrypt: sealed.encrypt,
    msgsignature: sealed.signature,
    timestamp: sealed.timestamp,
    nonce: sealed.nonce,
  });
}
