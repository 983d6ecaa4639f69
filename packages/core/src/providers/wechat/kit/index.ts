import { createReceiver } from '../../../receiver/create-receiver.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { type WechatReply, wechat } from '../index.js';
import { wechatFixtures } from './fixtures.js';
import { signWechat } from './sign.js';

const DEMO_TOKEN = 'hookguardDemoWechatToken';
/** The event name the kit's `sign` sends as WeChat's GET server check rather than as a delivery. */
export const WECHAT_SERVER_CHECK_EVENT = 'server-check';
/** The random string WeChat sends as `echostr` and expects back exactly. */
const ECHOSTR = '7166283459302584174';
const text = { name: 'text', payload: wechatFixtures['text']! };
const subscribe = { name: 'event.subscribe', payload: wechatFixtures['event.subscribe']! };

/** WeChat's XML as sent: text in CDATA, digit-only values (CreateTime, MsgId) bare. */
function messageXml(fields: Readonly<Record<string, unknown>>): string {
  const lines = Object.entries(fields).map(([name, value]) => {
    const text = String(value);
    return /^\d+$/.test(text)
      ? `<${name}>${text}</${name}>`
      : `<${name}><![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;
  });
  return `<xml>${lines.join('\n')}\n</xml>`;
}

/**
 * WeChat Official Accounts in plain mode: the message XML as the body, `signature` over the
 * Token, timestamp and nonce in the query. The kit's secret is the Token.
 */
export const wechatKit: SenderKit = {
  name: 'wechat',
  aliases: ['weixin', 'wechat-oa', 'gongzhonghao'],
  sender: 'WeChat Official Account (公众号 server URL)',
  wire: 'text/xml message; ?signature=sha1(sort(token, timestamp, nonce))&timestamp&nonce&openid (no body byte signed)',
  path: '/wechat',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where: 'the Token under 设置与开发 → 基本配置 → 服务器配置',
  },
  fixtures: wechatFixtures,
  bodyFormat: 'xml',
  encode: (payload) => Buffer.from(messageXml(payload as Record<string, unknown>), 'utf8'),
  sign({ body, secret, now, event }) {
    if (event === WECHAT_SERVER_CHECK_EVENT) {
      const signed = signWechat('', { token: secret ?? DEMO_TOKEN, now });
      // The check names no user: no openid, and no signature without the Token.
      const proof = signed.query.filter(
        ([name]) => name !== 'openid' && (secret !== undefined || name !== 'signature'),
      );
      return {
        method: 'GET',
        query: [...proof, ['echostr', ECHOSTR]],
        headers: [],
        body: new Uint8Array(),
        chunked: false,
      };
    }
    const signed = signWechat(Buffer.from(body).toString('utf8'), { token: secret ?? DEMO_TOKEN, now });
    return {
      query: secret === undefined ? [] : signed.query,
      headers: [['Content-Type', 'text/xml']],
      body,
      chunked: false,
    };
  },
  provider: (secret) => wechat({ token: secret ?? '' }),
  proof: { relatedHeaders: [], coversBody: false, windowMs: 300_000 },
  tamperings: [wrongSecret(), replayedLater()],
  readReply: ({ status, body }) =>
    status === 200
      ? {
          delivered: true,
          summary: body === 'success' || body === '' ? 'received, nothing to say' : 'a passive reply',
        }
      : { delivered: false, summary: 'not received; WeChat retries three times' },
  answers: {
    sample: text,
    unknownEvent: { name: 'hookguard_probe', payload: { ...text.payload, MsgType: 'hookguard_probe' } },
    noReply: { status: 200, text: 'success' },
    malformedCode: 'INVALID_XML',
    replies: [
      {
        name: 'nothing to say',
        event: text,
        on: 'text',
        reply: undefined,
        expect: { status: 200, text: 'success' },
      },
      {
        name: 'events cannot reply',
        event: subscribe,
        on: 'event.subscribe',
        reply: { type: 'text', content: 'welcome' } satisfies WechatReply,
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'GET server check',
        event: { name: WECHAT_SERVER_CHECK_EVENT, payload: {} },
        expect: { status: 200, text: ECHOSTR },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'text',
    createReceiver: (options) =>
      createReceiver(wechat({ token: DEMO_TOKEN }), options)
        .on('*', () => {})
        .on('text', (event) => ({ type: 'text', content: `echo: ${event.Content}` })),
    expect: (event) => (event === 'text' ? { status: 200 } : { status: 200, body: 'success' }),
  },
};
