import { createReceiver } from '../../../receiver/create-receiver.js';
import { fieldOf, tryParseJson, utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { tencentChat } from '../index.js';
import { tencent } from '../reply.js';
import { tencentDocTokenMistake } from './doc-token-mistake.js';
import { tencentChatFixtures } from './fixtures.js';
import { readTencentReply } from './read-reply.js';
import { tencentChatUrl } from './sign.js';

const DEMO_TOKEN = 'hookguard-demo-tencent';
const beforeSend = {
  name: 'C2C.CallbackBeforeSendMsg',
  payload: tencentChatFixtures['C2C.CallbackBeforeSendMsg'],
};
const answer = (fields: Record<string, unknown> = {}) => ({
  status: 200,
  json: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...fields },
});

const ACK = '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}';
const DEMO_ANSWERS: Readonly<Record<string, string>> = {
  'C2C.CallbackBeforeSendMsg':
    '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"[filtered]"}}]}',
  'Group.CallbackBeforeSendMsg': '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":2}',
  'Group.CallbackBeforeCreateGroup':
    '{"ActionStatus":"OK","ErrorInfo":"no new groups today","ErrorCode":10100}',
  'C2C.CallbackAfterSendMsg': ACK,
  'Group.CallbackAfterNewMemberJoin': ACK,
  'State.StateChange': ACK,
};

/** Tencent Cloud Chat callbacks (https://www.tencentcloud.com/document/product/1047/34354). */
export const tencentChatKit: SenderKit = {
  name: 'tencent-chat',
  aliases: ['tencentchat', 'tencent'],
  sender: 'Tencent Cloud Chat (IM) callbacks',
  wire: 'JSON body with Content-Length; SdkAppid, CallbackCommand, Sign=sha256(token+RequestTime)… in the query',
  path: '/tencent',
  secret: {
    demo: DEMO_TOKEN,
    optional: true,
    where: 'the callback authentication token in the Chat console',
  },
  fixtures: tencentChatFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now, event }) {
    // The query repeats the body's CallbackCommand unless the event is named outside the body.
    const fromBody = fieldOf(tryParseJson(body), 'CallbackCommand');
    const command = event ?? (typeof fromBody === 'string' ? fromBody : '');
    // Reuses the signer's URL builder, so the parameters come out in Tencent's order.
    const url = tencentChatUrl(command, {
      path: '',
      requestTime: Math.floor(now / 1000),
      ...(secret ? { token: secret } : {}),
    });
    const query = [...new URLSearchParams(url.slice(url.indexOf('?') + 1))];
    // Tencent documents no headers but Host and Content-Length: no Content-Type.
    return { query, headers: [], body, chunked: false };
  },
  provider: (secret) => (secret ? tencentChat({ token: secret }) : tencentChat({ allowUnsigned: true })),
  proof: {
    relatedHeaders: [],
    coversBody: false,
    windowMs: 60_000,
    // Tencent always posts an object that repeats the query's CallbackCommand.
    shape: (value, event) => {
      const command = event ?? 'C2C.CallbackAfterSendMsg';
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...value, CallbackCommand: command }
        : { CallbackCommand: command, Data: value };
    },
  },
  // The Sign covers only the token and RequestTime: a changed body still verifies.
  tamperings: [bodySpaceAdded(200, ', not signed'), wrongSecret(), replayedLater()],
  readReply: readTencentReply,
  mistakes: [tencentDocTokenMistake],
  answers: {
    sample: beforeSend,
    unknownEvent: {
      name: 'C2C.CallbackAfterSomethingNew',
      payload: { CallbackCommand: 'C2C.CallbackAfterSomethingNew', From_Account: 'jared' },
    },
    // A before-send callback nobody decided on is allowed, also when the deadline passes.
    noReply: answer(),
    replies: [
      {
        name: 'reject with a custom code',
        event: beforeSend,
        on: 'C2C.CallbackBeforeSendMsg',
        reply: { decision: 'reject', code: 120001, info: 'blocked word' },
        expect: answer({ ErrorCode: 120001, ErrorInfo: 'blocked word' }),
      },
      {
        name: 'discard',
        event: beforeSend,
        on: 'C2C.CallbackBeforeSendMsg',
        reply: { decision: 'discard' },
        expect: answer({ ErrorCode: 2 }),
      },
      {
        name: 'modify the message body',
        event: beforeSend,
        on: 'C2C',
        reply: { decision: 'modify', MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] },
        expect: answer({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }] }),
      },
      {
        name: 'after-callback acknowledged',
        event: { name: 'C2C.CallbackAfterSendMsg', payload: tencentChatFixtures['C2C.CallbackAfterSendMsg'] },
        on: 'C2C.CallbackAfterSendMsg',
        reply: undefined,
        expect: answer(),
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'C2C.CallbackBeforeSendMsg',
    createReceiver: (options) =>
      createReceiver(tencentChat({ token: DEMO_TOKEN }), options)
        .on('C2C.CallbackBeforeSendMsg', () =>
          tencent.modify({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '[filtered]' } }] }),
        )
        .on('Group.CallbackBeforeSendMsg', () => tencent.discard())
        .on('Group.CallbackBeforeCreateGroup', () => tencent.reject(10100, 'no new groups today')),
    expect(event) {
      const body = DEMO_ANSWERS[event];
      return body === undefined ? { status: 200 } : { status: 200, body };
    },
  },
};
