import { isXmlContentType, type XmlElement } from '../../body/xml.js';
import type { EventDef } from '../../event-map.js';
import { emptyResponse } from '../../http/responses.js';
import type { ParsedEvent, Provider, VerifyInput } from '../../provider.js';
import { positiveDeadline } from '../../sender-toolkit/positive-option.js';
import { parsedEvent, resolveEvent } from '../../sender-toolkit/resolve-event.js';
import { lateDeadlineWarnings, type SenderTimeout } from '../../sender-toolkit/sender-timeout.js';
import { type WxBizMsgCrypt, wxBizMsgCrypt } from '../../sender-toolkit/wx-biz-msg-crypt.js';
import { type WxArticle, type WxPassiveReply, wxReplyFields } from '../../sender-toolkit/wx-passive-reply.js';
import { echostrAnswer } from '../../sender-toolkit/wx-query-proof.js';
import {
  encryptedXmlReply,
  parseDecryptedXml,
  xmlFields,
  xmlText,
} from '../../sender-toolkit/wx-xml-envelope.js';
import {
  type WecomEventName,
  type WecomEventOf,
  type WecomMessageName,
  wecomEventCandidates,
  wecomEventSchemas,
} from './events.js';
import { verifyWecom, WECOM_SIGNATURE_PARAM } from './verify.js';

/** A passive reply to a user's message: text, image, voice, video or news. */
export type WecomReply = WxPassiveReply;
export type WecomArticle = WxArticle;

export interface WecomOptions {
  /** The Token from the app's "接收消息" (receive messages) API settings. */
  readonly token: string;
  /** The 43-character EncodingAESKey from the same settings. */
  readonly encodingAESKey: string;
  /** The enterprise's CorpID ("我的企业" → 企业ID): every message is encrypted for it. */
  readonly corpId: string;
  /**
   * Budget for handlers before the empty 200 is sent. Default 4 000 ms, under WeCom's 5 s with
   * room for the network; the receiver's own `deadlineMs` overrides it.
   */
  readonly deadlineMs?: number;
}

/** A message can be answered with a passive reply; an event only acknowledged. */
export type WecomEvents = {
  readonly [N in WecomEventName]: EventDef<WecomEventOf<N>, N extends WecomMessageName ? WecomReply : never>;
};

export interface WecomMeta {
  /**
   * The decrypted message's `<AgentID>`: which of the enterprise's apps the callback is for. The
   * copy outside `<Encrypt>` is not signed, so it is never read.
   */
  readonly agentId: string | undefined;
}

export interface WecomProvider extends Provider<WecomEvents, WecomMeta> {
  readonly eventNames: readonly WecomEventName[];
  readonly deadlineMs: number;
}

const eventNames = Object.keys(wecomEventSchemas) as WecomEventName[];
const WECOM_MESSAGE_NAMES: readonly string[] = [
  'text',
  'image',
  'voice',
  'video',
  'location',
  'link',
] satisfies WecomMessageName[];
const DEFAULT_DEADLINE_MS = 4_000;
/** "五秒内收不到响应会断掉连接，并且重新发起请求，总共重试三次". */
const WECOM_TIMEOUT: SenderTimeout = {
  ms: 5_000,
  name: "WeCom's 5 s limit",
  consequence: 'WeCom retries what it got no answer to.',
};

/**
 * A WeCom (企业微信) self-built app's callback URL: the GET URL check and the POSTed, encrypted XML
 * messages and events, with passive replies encrypted and signed.
 * https://developer.work.weixin.qq.com/document/path/90930
 */
export function wecom(options: WecomOptions): WecomProvider {
  if (typeof options?.corpId !== 'string' || options.corpId === '') {
    throw new TypeError('hookguard wecom(): corpId is required: the CorpID messages are encrypted for');
  }
  const crypt = wxBizMsgCrypt({
    token: options.token,
    encodingAESKey: options.encodingAESKey,
    receiveId: options.corpId,
    label: 'wecom()',
  });
  const deadlineMs = positiveDeadline(options.deadlineMs ?? DEFAULT_DEADLINE_MS, 'wecom()');
  return {
    name: 'wecom',
    proofNames: { headers: [], query: [WECOM_SIGNATURE_PARAM] },
    methods: ['GET', 'POST'],
    eventNames,
    deadlineMs,
    configWarnings: lateDeadlineWarnings(deadlineMs, WECOM_TIMEOUT, 'wecom()'),
    acceptsContentType: (contentType) => contentType === undefined || isXmlContentType(contentType),
    verify: (input) => verifyWecom(crypt, input),
    decode: (input) => decryptedFields(crypt, input),
    handshake: (_payload, input) => (input.method === 'GET' ? echostrAnswer(crypt, input) : undefined),
    parse(payload): ParsedEvent<WecomMeta> {
      const fields = payload as XmlElement;
      const event = parsedEvent(
        resolveEvent(wecomEventSchemas, wecomEventCandidates(fields), payload),
        deliveryKey(fields),
        { agentId: xmlText(fields, 'AgentID') },
      );
      return { ...event, dedupeBytes: decryptedBytes.get(fields) };
    },
    respond(reply, event) {
      if (reply === undefined || reply === null) return emptyResponse(200);
      if (!WECOM_MESSAGE_NAMES.includes(event.name)) {
        throw new TypeError(`wecom: a ${event.name} handler cannot reply; only messages get a passive reply`);
      }
      const fields = event.payload as XmlElement;
      // One reading of the clock: the reply's CreateTime and the envelope's TimeStamp agree.
      const now = Date.now();
      return encryptedXmlReply(
        crypt,
        {
          ToUserName: xmlText(fields, 'FromUserName') ?? '',
          FromUserName: xmlText(fields, 'ToUserName') ?? '',
          CreateTime: Math.floor(now / 1000),
          ...wxReplyFields(reply, 'wecom'),
        },
        now,
      );
    },
    fallback: () => emptyResponse(200),
  };
}

/**
 * The decrypted message of each decoded payload: WeCom's retries may be encrypted again with
 * fresh random bytes, so dedupe tells deliveries apart by the message, not the envelope's bytes.
 */
const decryptedBytes = new WeakMap<XmlElement, Uint8Array>();

function decryptedFields(crypt: WxBizMsgCrypt, input: VerifyInput): XmlElement {
  const outcome = crypt.decrypt(xmlText(xmlFields(input), 'Encrypt') ?? '');
  if (!outcome.ok) throw outcome.error;
  const fields = parseDecryptedXml(outcome.message);
  decryptedBytes.set(fields, Buffer.from(outcome.message, 'utf8'));
  return fields;
}

/**
 * Messages: `MsgId`. Events carry none: `FromUserName`, `CreateTime` and `Event` together, which
 * a retry repeats and two events of one user in the same second rarely share.
 */
function deliveryKey(fields: XmlElement): string | undefined {
  const msgId = xmlText(fields, 'MsgId');
  if (msgId) return msgId;
  const from = xmlText(fields, 'FromUserName');
  const time = xmlText(fields, 'CreateTime');
  if (!from || !time) return undefined;
  return `${from}:${time}:${xmlText(fields, 'Event') ?? ''}`;
}
