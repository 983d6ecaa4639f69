import {
  createReceiver,
  onebot,
  type Receiver,
  type ReceiverOptions,
  tencentChat,
  whatsapp,
} from '@hookguard/core';
import {
  goJson,
  onebotFixtures,
  signOneBot,
  signWhatsApp,
  tencentChatFixtures,
  tencentChatUrl,
  whatsappFixtures,
} from '@hookguard/core/testing';

/** What a sender puts on the wire: the query string (Tencent signs there), headers and body. */
export interface Delivery {
  readonly query?: string;
  readonly headers: Record<string, string>;
  readonly body: string | Uint8Array;
}

/** An answer the matrix expects: the status, then the exact JSON, or just the error code. */
export interface ExpectedAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly code?: string;
}

/** A handler reply and the exact answer the sender must read for it. */
export interface ReplyForm {
  readonly name: string;
  readonly event: unknown;
  /** The event name the replying handler is registered on. */
  readonly on: string;
  readonly reply: unknown;
  readonly expect: ExpectedAnswer;
}

/**
 * One sender, as the matrix drives it. Add a provider by adding a row: everything the scenarios
 * need is here, built with that provider's own `@hookguard/core/testing` signer.
 */
export interface ProviderRow {
  readonly name: string;
  readonly path: string;
  receiver(options?: ReceiverOptions): Receiver;
  /** The body bytes exactly as the sender serialises an event. */
  serialise(event: unknown): string;
  /** An authentic delivery of these exact bytes. */
  deliver(body: string): Delivery;
  /** A delivery whose proof does not match, and the 401 code it earns. */
  readonly forged: { deliver(body: string): Delivery; readonly code: string };
  /** A delivery with no proof at all, and the 401 code it earns. */
  readonly unsigned: { deliver(body: string): Delivery; readonly code: string };
  /** A known event, with a delivery key so a duplicate is recognisable. */
  readonly sample: unknown;
  /** An authentic body that no schema knows: delivered to `unknown` handlers. */
  readonly unknownEvent: unknown;
  /** The answer when no handler replies, for `sample` (also the deadline fallback unless overridden). */
  readonly noReply: ExpectedAnswer;
  /** The answer for `unknownEvent` with no reply; default `noReply`. */
  readonly unknownAnswer?: ExpectedAnswer;
  readonly deadlineFallback?: ExpectedAnswer;
  /** The first one is also sent twice: its event must carry a delivery key. */
  readonly replies: readonly ReplyForm[];
}

/** Rows' receivers are driven with names from data, so their event types are widened here. */
const widen = (receiver: unknown) => receiver as Receiver;

const ONEBOT_SECRET = 'conformance-onebot';

const onebotRow: ProviderRow = {
  name: 'onebot',
  path: '/onebot',
  receiver: (options) => widen(createReceiver(onebot({ secret: ONEBOT_SECRET }), options)),
  serialise: (event) => JSON.stringify(event),
  deliver: (body) => ({ headers: signOneBot(body, ONEBOT_SECRET), body }),
  forged: {
    deliver: (body) => ({ headers: signOneBot(body, 'not-the-secret'), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: onebotFixtures['message.group.normal'],
  unknownEvent: { time: 1700000000, self_id: 10001000, post_type: 'message', message_type: 'channel' },
  noReply: { status: 204 },
  replies: [
    {
      name: 'group quick reply',
      event: onebotFixtures['message.group.normal'],
      on: 'message.group',
      reply: { reply: 'pong', at_sender: true },
      expect: { status: 200, json: { reply: 'pong', at_sender: true } },
    },
    {
      name: 'private quick reply as segments',
      event: onebotFixtures['message.private.friend'],
      on: 'message.private',
      reply: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      expect: {
        status: 200,
        json: { reply: [{ type: 'text', data: { text: 'pong' } }], auto_escape: false },
      },
    },
    {
      name: 'friend request approved',
      event: onebotFixtures['request.friend'],
      on: 'request.friend',
      reply: { approve: true },
      expect: { status: 200, json: { approve: true } },
    },
    {
      name: 'group invitation refused with a reason',
      event: onebotFixtures['request.group.invite'],
      on: 'request.group',
      reply: { approve: false, reason: 'no bots here' },
      expect: { status: 200, json: { approve: false, reason: 'no bots here' } },
    },
    {
      name: 'a reply the event cannot carry',
      event: onebotFixtures['notice.friend_add'],
      on: 'notice',
      reply: { reply: 'hi' },
      expect: { status: 500, code: 'INVALID_REPLY' },
    },
  ],
};

const WHATSAPP_SECRET = 'conformance-gowa';
const gowaAck = { status: 200, json: { ok: true } };

const whatsappRow: ProviderRow = {
  name: 'whatsapp',
  path: '/whatsapp',
  receiver: (options) => widen(createReceiver(whatsapp({ secret: WHATSAPP_SECRET }), options)),
  // GOWA's bytes: Go's encoding/json (sorted keys, \u003c for <), which only raw-byte checks survive.
  serialise: goJson,
  deliver: (body) => ({ headers: signWhatsApp(body, WHATSAPP_SECRET), body }),
  forged: {
    deliver: (body) => ({ headers: signWhatsApp(body, 'secret'), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: whatsappFixtures.message,
  unknownEvent: { event: 'newsletter.poll', device_id: '628987654321@s.whatsapp.net', payload: { id: 'x' } },
  noReply: gowaAck,
  replies: [
    // GOWA reads no body and has no quick action: every handled event gets the same 2xx ack.
    { name: 'ack', event: whatsappFixtures.message, on: 'message', reply: undefined, expect: gowaAck },
    {
      name: 'ack for a v7 legacy body',
      event: whatsappFixtures['legacy.message'],
      on: 'legacy.message',
      reply: undefined,
      expect: gowaAck,
    },
  ],
};

const TENCENT_TOKEN = 'conformance-tencent';
const tencentSample = tencentChatFixtures['C2C.CallbackBeforeSendMsg'];
const tencentOk = (fields: Record<string, unknown> = {}) => ({
  status: 200,
  json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...fields },
});

/** Tencent signs the query string only; its command must match the body's, so read it from there. */
function tencentDelivery(body: string, token?: string): Delivery {
  const command = /"CallbackCommand":"([^"]+)"/.exec(body)?.[1] ?? tencentSample.CallbackCommand;
  const url = tencentChatUrl(command, token === undefined ? {} : { token });
  // Tencent sends no Content-Type at all.
  return { query: url.slice(url.indexOf('?') + 1), headers: {}, body };
}

const tencentChatRow: ProviderRow = {
  name: 'tencentChat',
  path: '/tencent',
  receiver: (options) => widen(createReceiver(tencentChat({ token: TENCENT_TOKEN }), options)),
  serialise: (event) => JSON.stringify(event),
  deliver: (body) => tencentDelivery(body, TENCENT_TOKEN),
  forged: { deliver: (body) => tencentDelivery(body, 'xxxxyyyy-wrong'), code: 'SIGNATURE_MISMATCH' },
  unsigned: { deliver: (body) => tencentDelivery(body), code: 'SIGNATURE_MISSING' },
  sample: tencentSample,
  unknownEvent: { CallbackCommand: 'C2C.CallbackAfterSomethingNew', From_Account: 'jared' },
  // A before-send callback nobody decided on is allowed, also when the deadline passes.
  noReply: tencentOk(),
  unknownAnswer: tencentOk(),
  replies: [
    {
      name: 'reject with a custom code',
      event: tencentSample,
      on: 'C2C.CallbackBeforeSendMsg',
      reply: { decision: 'reject', code: 120001, info: 'blocked word' },
      expect: tencentOk({ ErrorCode: 120001, ErrorInfo: 'blocked word' }),
    },
    {
      name: 'discard',
      event: tencentSample,
      on: 'C2C.CallbackBeforeSendMsg',
      reply: { decision: 'discard' },
      expect: tencentOk({ ErrorCode: 2 }),
    },
    {
      name: 'modify the message body',
      event: tencentSample,
      on: 'C2C',
      reply: { decision: 'modify', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] },
      expect: tencentOk({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] }),
    },
    {
      name: 'after-callback acknowledged',
      event: tencentChatFixtures['C2C.CallbackAfterSendMsg'],
      on: 'C2C.CallbackAfterSendMsg',
      reply: undefined,
      expect: tencentOk(),
    },
  ],
};

export const providerRows: readonly ProviderRow[] = [onebotRow, whatsappRow, tencentChatRow];
