import { createReceiver } from '../../../receiver/create-receiver.js';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';
import { utf8 } from '../../../testing/json-fields.js';
import { openSealedJson } from '../../../testing/sealed-json.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { jsonEncryptAltered, wrongSecret } from '../../../testing/tamperings.js';
import { urlCheckRequest } from '../../wecom/kit/sign.js';
import { wecomBot } from '../index.js';
import type { WecomBotMessageReply, WecomBotWelcomeReply } from '../replies.js';
import { wecomBotFixtures } from './fixtures.js';
import { signWecomBot, wecomBotUrlCheck } from './sign.js';

/** The demo's Token and EncodingAESKey: never deploy them. */
const DEMO_TOKEN = 'hookguardDemoBotToken';
export const WECOM_BOT_DEMO_AES_KEY = 'hookguardDemoWecomBotAesKey0123456789abcdef';
const settings = (token: string) => ({ token, encodingAESKey: WECOM_BOT_DEMO_AES_KEY });

/** The event name the kit's `sign` sends as WeCom's GET URL check rather than as a delivery. */
export const WECOM_BOT_URL_CHECK_EVENT = 'url-check';
/** What WeCom encrypts into the check's `echostr`: digits it expects back, decrypted, as the whole body. */
const ECHO = '6358734917352068431';

const demoCrypt = wxBizMsgCrypt({
  token: DEMO_TOKEN,
  encodingAESKey: WECOM_BOT_DEMO_AES_KEY,
  receiveId: '',
  label: 'wecomBotKit',
});

/** The smart bot's reading of an answer: `msgsignature` checked with the Token, then decrypted. */
const openAnswer = (body: string) =>
  openSealedJson(demoCrypt, body, { signature: 'msgsignature', timestamp: 'timestamp' });

const text = { name: 'text', payload: wecomBotFixtures['text']! };
const enterChat = { name: 'event.enter_chat', payload: wecomBotFixtures['event.enter_chat']! };
const feedback = { name: 'event.feedback_event', payload: wecomBotFixtures['event.feedback_event']! };
const streamed = {
  msgtype: 'stream',
  stream: { id: 'hookguard-stream-1', finish: true, content: '**已发布** 3 个包' },
} satisfies WecomBotMessageReply;
const welcome = {
  msgtype: 'text',
  text: { content: '你好，我是 hookguard 演示机器人' },
} satisfies WecomBotWelcomeReply;

/**
 * WeCom smart bots (智能机器人, API mode): the message JSON encrypted for the empty receive id in
 * `{"encrypt"}`, `msg_signature`, `timestamp` and `nonce` in the query, and replies encrypted as
 * `{"encrypt","msgsignature","timestamp","nonce"}`. The kit's secret is the Token; the
 * EncodingAESKey is the demo's.
 */
export const wecomBotKit: SenderKit = {
  name: 'wecom-bot',
  aliases: ['wecombot', 'aibot', 'wecom-aibot', 'wework-bot'],
  sender: 'WeCom smart bot (企业微信智能机器人, API mode)',
  wire: 'JSON {"encrypt": AES-256-CBC(message JSON)}; ?msg_signature=sha1(sort(token, timestamp, nonce, encrypt))&timestamp&nonce',
  path: '/wecom-bot',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where:
      'the Token under the smart bot\'s "API模式" settings (the EncodingAESKey is an option of wecomBot())',
  },
  fixtures: wecomBotFixtures,
  bodyFormat: 'encrypted-json',
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now, event }) {
    if (event === WECOM_BOT_URL_CHECK_EVENT) {
      return urlCheckRequest(wecomBotUrlCheck(ECHO, { ...settings(secret ?? DEMO_TOKEN), now }), secret);
    }
    const signed = signWecomBot(body, { ...settings(secret ?? DEMO_TOKEN), now });
    return {
      // Without the Token nobody can sign: the envelope arrives with no signature in the query.
      query: secret === undefined ? [] : signed.query,
      headers: [['Content-Type', 'application/json']],
      body: utf8(signed.body),
      chunked: false,
    };
  },
  provider: (secret) => wecomBot(settings(secret ?? '')),
  proof: { relatedHeaders: [], coversBody: true },
  tamperings: [jsonEncryptAltered(), wrongSecret()],
  readReply: ({ status, body }) =>
    status === 200
      ? {
          delivered: true,
          summary: body === '' ? 'received, nothing to say' : 'received, an encrypted reply',
        }
      : { delivered: false, summary: 'not received; WeCom may call again' },
  answers: {
    sample: text,
    unknownEvent: { name: 'hookguard_probe', payload: { ...text.payload, msgtype: 'hookguard_probe' } },
    noReply: { status: 200 },
    replies: [
      { name: 'nothing to say', event: text, on: 'text', reply: undefined, expect: { status: 200 } },
      {
        name: 'a streamed reply, encrypted and signed',
        event: text,
        on: 'text',
        reply: streamed,
        expect: { status: 200, opened: JSON.stringify(streamed) },
      },
      {
        name: 'a welcome on enter_chat',
        event: enterChat,
        on: 'event.enter_chat',
        reply: welcome,
        expect: { status: 200, opened: JSON.stringify(welcome) },
      },
      {
        // WeCom reads a text reply only as a welcome; a message is answered with a stream or a card.
        name: 'a message cannot be answered with text',
        event: text,
        on: 'text',
        reply: welcome,
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
      {
        // "该事件目前仅支持回复空包"
        name: 'feedback events cannot reply',
        event: feedback,
        on: 'event.feedback_event',
        reply: streamed,
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'GET URL check',
        event: { name: WECOM_BOT_URL_CHECK_EVENT, payload: {} },
        expect: { status: 200, text: ECHO },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'text',
    createReceiver: (options) =>
      createReceiver(wecomBot(settings(DEMO_TOKEN)), options)
        .on('*', () => {})
        .on('text', (event) => ({
          msgtype: 'stream',
          stream: { id: event.msgid, finish: true, content: `echo: ${event.text.content}` },
        })),
    // The reply is encrypted with fresh random bytes: only its status is fixed.
    expect: () => ({ status: 200 }),
  },
  openAnswer,
};
