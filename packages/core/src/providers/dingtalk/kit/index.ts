import { createReceiver } from '../../../receiver/create-receiver.js';
import { wxBizMsgCrypt } from '../../../sender-toolkit/wx-biz-msg-crypt.js';
import { utf8 } from '../../../testing/json-fields.js';
import { openSealedJson } from '../../../testing/sealed-json.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { jsonEncryptAltered, wrongSecret } from '../../../testing/tamperings.js';
import { dingtalk } from '../index.js';
import { DINGTALK_FIXTURE_APP_KEY, dingtalkFixtures } from './fixtures.js';
import { signDingtalk } from './sign.js';

/** The demo's Token and aes_key: never deploy them. */
const DEMO_TOKEN = 'hookguardDemoDingTalkToken';
export const DINGTALK_DEMO_AES_KEY = 'hookguardDemoDingTalkAesKey0123456789abcdef';
const settings = (token: string) => ({
  token,
  aesKey: DINGTALK_DEMO_AES_KEY,
  appKey: DINGTALK_FIXTURE_APP_KEY,
});

const demoCrypt = wxBizMsgCrypt({
  token: DEMO_TOKEN,
  encodingAESKey: DINGTALK_DEMO_AES_KEY,
  receiveId: DINGTALK_FIXTURE_APP_KEY,
  label: 'dingtalkKit',
});
/** What DingTalk must read back for every push: `success`, encrypted afresh each time. */
const SUCCESS = { status: 200, opened: 'success' } as const;

/** DingTalk's answer as its own SDK checks it: signed with the Token, decrypted with the aes_key. */
const openAnswer = (body: string) =>
  openSealedJson(demoCrypt, body, { signature: 'msg_signature', timestamp: 'timeStamp' });

const userAdded = { name: 'user_add_org', payload: dingtalkFixtures['user_add_org']! };

/**
 * DingTalk's event subscription over HTTP: the event JSON encrypted for the AppKey in
 * `{"encrypt"}`, `signature`, `timestamp` and `nonce` in the query. The kit's secret is the
 * Token; the aes_key and AppKey are the demo's.
 */
export const dingtalkKit: SenderKit = {
  name: 'dingtalk',
  aliases: ['dingding', 'ding'],
  sender: 'DingTalk (钉钉 event subscription over HTTP)',
  wire: 'JSON {"encrypt": AES-256-CBC(event JSON)}; ?signature=sha1(sort(token, timestamp, nonce, encrypt))&timestamp&nonce',
  path: '/dingtalk',
  secret: {
    demo: DEMO_TOKEN,
    optional: false,
    where:
      'the signing Token under the app\'s "事件订阅" (event subscription) settings (the aes_key and AppKey are options of dingtalk())',
  },
  fixtures: dingtalkFixtures,
  bodyFormat: 'encrypted-json',
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const signed = signDingtalk(body, { ...settings(secret ?? DEMO_TOKEN), now });
    return {
      // Without the Token nobody can sign: the envelope arrives with no signature in the query.
      query: secret === undefined ? [] : signed.query,
      headers: [['Content-Type', 'application/json']],
      body: utf8(signed.body),
      chunked: false,
    };
  },
  provider: (secret) => dingtalk(settings(secret ?? '')),
  proof: { relatedHeaders: [], coversBody: true },
  tamperings: [jsonEncryptAltered(), wrongSecret()],
  readReply: ({ status, body }) =>
    status === 200 && body.includes('"encrypt"')
      ? { delivered: true, summary: 'received (an encrypted success)' }
      : { delivered: false, summary: 'counted as failed (推送失败); DingTalk lists it among failed pushes' },
  answers: {
    sample: userAdded,
    unknownEvent: {
      name: 'hookguard_probe',
      payload: { ...userAdded.payload, EventType: 'hookguard_probe' },
    },
    noReply: SUCCESS,
    replies: [
      {
        name: 'acknowledged with the encrypted success',
        event: userAdded,
        on: 'user_add_org',
        reply: undefined,
        expect: SUCCESS,
      },
      {
        name: 'events cannot reply',
        event: userAdded,
        on: 'user_add_org',
        reply: { msgtype: 'text', text: { content: 'hi' } },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'check_url',
        event: { name: 'check_url', payload: { EventType: 'check_url' } },
        expect: SUCCESS,
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'user_add_org',
    createReceiver: (options) => createReceiver(dingtalk(settings(DEMO_TOKEN)), options).on('*', () => {}),
    // The encrypted success differs every time: only its status is fixed.
    expect: () => ({ status: 200 }),
  },
  openAnswer,
};
