import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit, Tampering } from '../../../testing/sender-kit.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { type DingtalkRobotReply, dingtalkRobot } from '../index.js';
import { DINGTALK_ROBOT_WINDOW_MS } from '../verify.js';
import { dingtalkRobotFixtures } from './fixtures.js';
import { signDingtalkRobot } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-dingtalk-robot';
const text = { name: 'text', payload: dingtalkRobotFixtures['text']! };
const picture = { name: 'picture', payload: dingtalkRobotFixtures['picture']! };
const ECHO: DingtalkRobotReply = { msgtype: 'text', text: { content: 'deploying pay-api' } };
const CARD: DingtalkRobotReply = {
  msgtype: 'actionCard',
  actionCard: {
    title: 'Deploy',
    text: '### pay-api',
    singleTitle: 'Open',
    singleURL: 'https://example.com/deploys/pay-api',
  },
};

/** A captured request replayed past DingTalk's hour. */
const replayedTwoHoursLater: Tampering = {
  name: 'replayed 2 hours later',
  expectStatus: 401,
  alter: (_request, resign) => resign({ now: Date.now() - 2 * DINGTALK_ROBOT_WINDOW_MS }),
};

/**
 * A DingTalk enterprise robot in HTTP mode: the message JSON, `timestamp` (ms) and `sign` over
 * the timestamp and AppSecret only. The kit's secret is the AppSecret.
 */
export const dingtalkRobotKit: SenderKit = {
  name: 'dingtalk-robot',
  aliases: ['dingtalkrobot', 'dingding-robot', 'dingtalk-outgoing'],
  sender: 'DingTalk robot (钉钉 robot message callback, HTTP mode)',
  wire: 'JSON message; timestamp: Unix ms, sign: base64 HMAC-SHA256(appSecret, timestamp + "\\n" + appSecret) (no body byte signed)',
  path: '/dingtalk-robot',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: "the robot app's AppSecret (Client Secret) under 凭证与基础信息 in the DingTalk developer console",
  },
  fixtures: dingtalkRobotFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const signed = signDingtalkRobot({ appSecret: secret ?? DEMO_SECRET, timestamp: String(now) });
    return {
      query: [],
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ['timestamp', signed.timestamp],
        ...(secret === undefined ? [] : [['sign', signed.sign] as const]),
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => dingtalkRobot({ appSecret: secret ?? '' }),
  proof: {
    header: 'sign',
    timestampHeader: 'timestamp',
    relatedHeaders: [],
    coversBody: false,
    windowMs: DINGTALK_ROBOT_WINDOW_MS,
  },
  tamperings: [bodySpaceAdded(200, ', not signed'), wrongSecret(), replayedTwoHoursLater],
  readReply: ({ status, body }) =>
    status === 200
      ? {
          delivered: true,
          summary: body === '' ? 'received, nothing to say' : 'received; the reply is posted',
        }
      : { delivered: false, summary: 'not received; the user sees no answer' },
  answers: {
    sample: text,
    unknownEvent: { name: 'hookguard_probe', payload: { ...text.payload, msgtype: 'hookguard_probe' } },
    noReply: { status: 200 },
    replies: [
      { name: 'a text reply', event: text, on: 'text', reply: ECHO, expect: { status: 200, json: ECHO } },
      {
        name: 'an actionCard reply',
        event: picture,
        on: 'picture',
        reply: CARD,
        expect: { status: 200, json: CARD },
      },
      {
        name: 'a reply that is not a robot message',
        event: text,
        on: 'text',
        reply: { text: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'text',
    createReceiver: (options) =>
      createReceiver(dingtalkRobot({ appSecret: DEMO_SECRET }), options)
        .on('text', (message) => ({ msgtype: 'text', text: { content: `echo:${message.text.content}` } }))
        .on('*', () => undefined),
    expect: (event) =>
      event === 'text'
        ? {
            status: 200,
            body: JSON.stringify({ msgtype: 'text', text: { content: 'echo: deploy pay-api' } }),
          }
        : { status: 200 },
  },
};
