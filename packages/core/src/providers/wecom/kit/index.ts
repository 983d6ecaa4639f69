import { createReceiver } from '../../../receiver/create-receiver.js';
import type { SenderKit, Tampering } from '../../../testing/sender-kit.js';
import { wrongSecret } from '../../../testing/tamperings.js';
import type { WecomReply } from '../index.js';
import { wecom } from '../index.js';
import { WECOM_FIXTURE_CORP_ID, wecomFixtures } from './fixtures.js';
import { signWecom, urlCheckRequest, wecomMessageXml, wecomUrlCheck } from './sign.js';

/** The demo's Token (WeCom's Tokens are up to 32 letters and digits) and EncodingAESKey: never deploy them. */
const DEMO_TOKEN = 'hookguardDemoToken';
export const WECOM_DEMO_AES_KEY = 'hookguardDemoEncodingAESKey0123456789abcdef';
const settings = (token: string) => ({
  token,
  encodingAESKey: WECOM_DEMO_AES_KEY,
  corpId: WECOM_FIXTURE_CORP_ID,
});

/** The event name the kit's `sign` sends as WeCom's GET URL check rather than as a delivery. */
export const WECOM_URL_CHECK_EVENT = 'url-check';
/** What WeCom encrypts into the check's `echostr`: digits it expects back, decrypted, as the whole body. */
const ECHO = '5927782489442352469';

const text = { name: 'text', payload: wecomFixtures['text']! };
const subscribe = { name: 'event.subscribe', payload: wecomFixtures['event.subscribe']! };

/** One character of the ciphertext changed: the signature no longer matches it. */
const encryptAltered: Tampering = {
  name: 'Encrypt altered',
  expectStatus: 401,
  alter(request) {
    const body = Buffer.from(request.body).toString('utf8');
    const at = body.indexOf('<Encrypt><![CDATA[') + '<Encrypt><![CDATA['.length;
    const swapped = body[at] === 'A' ? 'B' : 'A';
    return { ...request, body: Buffer.from(`${body.slice(0, at)}${swapped}${body.slice(at + 1)}`, 'utf8') };
  },
};

/**
 * WeCom self-built app callbacks: the message XML encrypted for the CorpID inside an `<xml>`
 * envelope, `msg_signature`, `timestamp` and `nonce` in the query. The kit's secret is the Token;
 * the EncodingAESKey and CorpID are the demo's.
 */
export const wecomKit: SenderKit = {
  name: 'wecom',
  aliases: ['wework', 'wxwork', 'qywx', 'workweixin'],
  sender: 'WeCom (企业微信 app callback)',
  wire: 'text/xml <xml><Encrypt>AES-256-CBC(message)</Encrypt></xml>; ?msg_signature=sha1(sort(token, timestamp, nonce, Encrypt))&timestamp&nonce',
  path: '/wecom',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where:
      'the Token under the app\'s "接收消息" → "设置API接收" (the EncodingAESKey and CorpID are options of wecom())',
  },
  fixtures: wecomFixtures,
  bodyFormat: 'xml',
  encode: (payload) => Buffer.from(wecomMessageXml(payload as Record<string, unknown>), 'utf8'),
  sign({ body, secret, now, event }) {
    if (event === WECOM_URL_CHECK_EVENT) {
      return urlCheckRequest(wecomUrlCheck(ECHO, { ...settings(secret ?? DEMO_TOKEN), now }), secret);
    }
    const signed = signWecom(body, { ...settings(secret ?? DEMO_TOKEN), now });
    return {
      // Without the Token nobody can sign: the envelope arrives with no signature in the query.
      query: secret === undefined ? [] : signed.query,
      headers: [['Content-Type', 'text/xml']],
      body: Buffer.from(signed.body, 'utf8'),
      chunked: false,
    };
  },
  provider: (secret) => wecom(settings(secret ?? '')),
  proof: { relatedHeaders: [], coversBody: true },
  tamperings: [encryptAltered, wrongSecret()],
  readReply: ({ status, body }) =>
    status === 200
      ? { delivered: true, summary: body === '' ? 'received, nothing to say' : 'received, a passive reply' }
      : { delivered: false, summary: 'not received; WeCom retries three times' },
  answers: {
    sample: text,
    unknownEvent: { name: 'hookguard_probe', payload: { ...text.payload, MsgType: 'hookguard_probe' } },
    noReply: { status: 200 },
    malformedCode: 'INVALID_XML',
    replies: [
      { name: 'nothing to say', event: text, on: 'text', reply: undefined, expect: { status: 200 } },
      {
        // Only a user's message gets a passive reply; an event is only acknowledged.
        name: 'events cannot reply',
        event: subscribe,
        on: 'event.subscribe',
        reply: { type: 'text', content: 'welcome' } satisfies WecomReply,
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'GET URL check',
        event: { name: WECOM_URL_CHECK_EVENT, payload: {} },
        expect: { status: 200, text: ECHO },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'text',
    createReceiver: (options) =>
      createReceiver(wecom(settings(DEMO_TOKEN)), options)
        .on('*', () => {})
        .on('text', (event) => ({ type: 'text', content: `echo: ${event.Content}` })),
    // The passive reply is encrypted with fresh random bytes: only its status is fixed.
    expect: () => ({ status: 200 }),
  },
};
