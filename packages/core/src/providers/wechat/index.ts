import { isXmlContentType, type XmlElement } from '../../body/xml.js';
import { serialiseXml } from '../../body/xml-reply.js';
import type { EventDef } from '../../event-map.js';
import type { WebhookResponse } from '../../http/types.js';
import type { ParsedEvent, Provider } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { wxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import {
  type WxMusicReply,
  type WxPassiveReply,
  wxReplyFields,
} from '../../sender-toolkit/wx-passive-reply.js';
import {
  encryptedXmlReply,
  parseDecryptedXml,
  XML_TYPE,
  xmlFields,
  xmlText,
} from '../../sender-toolkit/wx-xml-envelope.js';
import {
  WECHAT_MESSAGE_NAMES,
  type WechatEventName,
  type WechatEventOf,
  type WechatMessageName,
  wechatEventCandidates,
  wechatEventSchemas,
} from './events.js';
import {
  isEncrypted,
  verifyWechat,
  WECHAT_MSG_SIGNATURE_PARAM,
  WECHAT_SIGNATURE_PARAM,
  type WechatVerifyConfig,
} from './verify.js';

export interface WechatOptions {
  /** The Token from 设置与开发 → 基本配置 → 服务器配置 (server configuration). */
  readonly token: string;
  /** The account's AppID: the receive id of encrypted messages. Required with `encodingAESKey`. */
  readonly appId?: string;
  /** The EncodingAESKey, for compatible and safe mode; without it only plain mode is read. */
  readonly encodingAESKey?: string;
  /**
   * Refuse requests whose signed `timestamp` is further than this from now. Default 300 s: in
   * plain mode the signature covers no body byte, so a captured one would otherwise carry any body
   * forever. `false` turns the window off (WeChat itself documents none).
   */
  readonly toleranceSeconds?: number | false;
  /** Budget for handlers before `success` is sent. Default 4 000 ms, under WeChat's 5 s. */
  readonly deadlineMs?: number;
}

/** A passive reply to a user's message; WeChat adds `music` to WeCom's kinds. */
export type WechatReply = WxPassiveReply | WxMusicReply;

export type WechatEvents = {
  readonly [N in WechatEventName]: EventDef<
    WechatEventOf<N>,
    N extends WechatMessageName ? WechatReply : never
  >;
};

export interface WechatMeta {
  /** Whether the message came encrypted (compatible or safe mode): the reply is encrypted too. */
  readonly encrypted: boolean;
  /** The `openid` WeChat adds to the query of a POST: the user's OpenID. */
  readonly openid: string | undefined;
}

export interface WechatProvider extends Provider<WechatEvents, WechatMeta> {
  readonly eventNames: readonly WechatEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(wechatEventSchemas) as WechatEventName[];
const DEFAULT_DEADLINE_MS = 4_000;
const DEFAULT_TOLERANCE_SECONDS = 300;
const TEXT_TYPE = 'text/plain; charset=utf-8';
/** What WeChat reads as "received, nothing to say" (an empty body works too). */
const SUCCESS: WebhookResponse = { status: 200, headers: { 'content-type': TEXT_TYPE }, body: 'success' };

/**
 * A WeChat Official Account's (公众号) server URL: the GET server check, and messages and events
 * POSTed as XML in plain, compatible or safe mode, with passive replies (encrypted in the last two).
 * https://developers.weixin.qq.com/doc/service/en/guide/dev/push/index.html
 */
export function wechat(options: WechatOptions): WechatProvider {
  if (typeof options?.token !== 'string' || options.token === '') {
    throw new TypeError('hookguard wechat(): token is required: the Token from the server configuration');
  }
  if (options.encodingAESKey !== undefined && (typeof options.appId !== 'string' || options.appId === '')) {
    throw new TypeError(
      'hookguard wechat(): appId is required with encodingAESKey: messages are encrypted for it',
    );
  }
  const crypt =
    options.encodingAESKey === undefined
      ? undefined
      : wxBizMsgCrypt({
          token: options.token,
          encodingAESKey: options.encodingAESKey,
          receiveId: options.appId!,
          label: 'wechat()',
        });
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (
    tolerance !== false &&
    (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance <= 0)
  ) {
    throw new TypeError('hookguard wechat(): toleranceSeconds must be a positive number or false');
  }
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'wechat()');
  const config: WechatVerifyConfig = {
    token: options.token,
    crypt,
    toleranceMs: tolerance === false ? undefined : tolerance * 1000,
  };
  return {
    name: 'wechat',
    proofNames: { headers: [], query: [WECHAT_SIGNATURE_PARAM, WECHAT_MSG_SIGNATURE_PARAM] },
    methods: ['GET', 'POST'],
    eventNames,
    deadlineMs,
    acceptsContentType: (contentType) => contentType === undefined || isXmlContentType(contentType),
    verify: (input) => verifyWechat(config, input),
    decode(input): XmlElement {
      if (!isEncrypted(config, input)) return xmlFields(input);
      const outcome = crypt!.decrypt(xmlText(xmlFields(input), 'Encrypt') ?? '');
      if (!outcome.ok) throw outcome.error;
      const fields = parseDecryptedXml(outcome.message);
      decryptedBytes.set(fields, Buffer.from(outcome.message, 'utf8'));
      return fields;
    },
    // The server check: the echostr back, exactly as sent.
    handshake: (_payload, input) => {
      const echostr = input.method === 'GET' ? input.query.get('echostr') : null;
      return echostr === null
        ? undefined
        : { status: 200, headers: { 'content-type': TEXT_TYPE }, body: echostr };
    },
    parse(payload, input): ParsedEvent<WechatMeta> {
      const fields = payload as XmlElement;
      const event = parsedEvent(
        resolveEvent(wechatEventSchemas, wechatEventCandidates(fields), payload),
        deliveryKey(fields),
        {
          encrypted: isEncrypted(config, input),
          openid: input.query.get('openid') ?? undefined,
        },
      );
      // Safe mode encrypts every attempt afresh: dedupe compares the message, not the envelope.
      const plain = decryptedBytes.get(fields);
      return plain === undefined ? event : { ...event, dedupeBytes: plain };
    },
    respond(reply, event) {
      if (reply === undefined || reply === null) return SUCCESS;
      if (!WECHAT_MESSAGE_NAMES.includes(event.name)) {
        throw new TypeError(
          `wechat: a ${event.name} handler cannot reply; only messages get a passive reply`,
        );
      }
      const fields = event.payload as XmlElement;
      const now = Date.now();
      const message = {
        ToUserName: xmlText(fields, 'FromUserName') ?? '',
        FromUserName: xmlText(fields, 'ToUserName') ?? '',
        CreateTime: Math.floor(now / 1000),
        ...wxReplyFields(reply, 'wechat'),
      };
      if (event.meta.encrypted && crypt !== undefined) return encryptedXmlReply(crypt, message, now);
      return { status: 200, headers: { 'content-type': XML_TYPE }, body: serialiseXml('xml', message) };
    },
    fallback: () => SUCCESS,
  };
}

/** The decrypted message of a safe-mode body, by the fields `decode` parsed from it. */
const decryptedBytes = new WeakMap<XmlElement, Uint8Array>();

/** Messages: `MsgId`. Events: `FromUserName` and `CreateTime`, as WeChat's docs say to dedupe them. */
function deliveryKey(fields: XmlElement): string | undefined {
  const msgId = xmlText(fields, 'MsgId');
  if (msgId) return msgId;
  const from = xmlText(fields, 'FromUserName');
  const time = xmlText(fields, 'CreateTime');
  return from && time ? `${from}:${time}` : undefined;
}
