import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit, Tampering } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { feishu } from '../index.js';
import { FEISHU_DEMO_TOKEN, feishuFixtures, feishuUrlVerification } from './fixtures.js';
import { feishuEncryptedBody, signFeishu } from './sign.js';

const DEMO_KEY = 'hookguard-demo-feishu';
const WINDOW_MS = 8 * 60 * 60_000;
const message = { name: 'im.message.receive_v1', payload: feishuFixtures['im.message.receive_v1'] };
const card = { name: 'card.action.trigger', payload: feishuFixtures['card.action.trigger'] };
const TOAST = { toast: { type: 'success', content: 'Approved pay-api' } } as const;
// A fixed IV, so the kit's encrypted URL check is the same bytes every run.
const encryptedUrlVerification = JSON.parse(
  feishuEncryptedBody(feishuUrlVerification, DEMO_KEY, Buffer.alloc(16, 0x2a)),
) as { encrypt: string };

/** A captured delivery replayed after the default window (Feishu's retries end about 7 hours in). */
const replayedNextDay: Tampering = {
  name: 'replayed 9 hours later',
  expectStatus: 401,
  alter: (_request, resign) => resign({ now: Date.now() - 9 * 60 * 60_000 }),
};

/**
 * Feishu/Lark event subscriptions and card callbacks to a Request URL, for an app with an Encrypt
 * Key: signed with it (the kit signs the bytes it is given; Feishu encrypts them first, which
 * `feishuEncryptedBody` and `feishuRequest` do, and which the receiver accepts either way).
 */
export const feishuKit: SenderKit = {
  name: 'feishu',
  aliases: ['lark', 'larksuite'],
  sender: 'Feishu/Lark (event subscription and card callbacks)',
  wire: 'JSON with Content-Length, {"encrypt": base64(IV ‖ AES-256-CBC(sha256(Encrypt Key), event JSON))} once the app has an Encrypt Key; X-Lark-Signature: hex sha256(timestamp + nonce + Encrypt Key + body), X-Lark-Request-Timestamp, X-Lark-Request-Nonce; the Verification Token inside the body',
  path: '/feishu',
  secret: {
    demo: DEMO_KEY,
    optional: false,
    where:
      'the Encrypt Key under "Events & Callbacks → Encryption Strategy" in the Feishu/Lark developer console',
  },
  fixtures: feishuFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now / 1000));
    const signed =
      secret === undefined
        ? { 'X-Lark-Request-Timestamp': timestamp }
        : signFeishu(body, { encryptKey: secret, timestamp });
    return {
      query: [],
      headers: [['Content-Type', 'application/json; charset=utf-8'], ...Object.entries(signed)],
      body,
      chunked: false,
    };
  },
  provider: (secret) => feishu({ encryptKey: secret ?? '' }),
  proof: {
    header: 'x-lark-signature',
    timestampHeader: 'x-lark-request-timestamp',
    relatedHeaders: ['x-lark-request-nonce'],
    coversBody: true,
    windowMs: WINDOW_MS,
  },
  tamperings: [bodySpaceAdded(), wrongSecret(), replayedNextDay],
  readReply: statusReading(
    'acknowledged (a card callback shows its toast and card)',
    'counted as failed; Feishu pushes it again after 15 s, 5 min, 1 h and 6 h',
  ),
  answers: {
    sample: message,
    unknownEvent: {
      name: 'im.chat.disbanded_v1',
      payload: {
        ...message.payload,
        header: { ...message.payload.header, event_type: 'im.chat.disbanded_v1' },
        event: { chat_id: 'oc_413871bd3dd3d9b6d6b15b1b6c5a0b12' },
      },
    },
    // Feishu reads only the status of an event.
    noReply: { status: 200 },
    deadlineFallback: { status: 200 },
    replies: [
      {
        name: 'a card action answered with a toast',
        event: card,
        on: 'card.action.trigger',
        reply: TOAST,
        expect: { status: 200, json: TOAST },
      },
      {
        name: 'a card action answered with nothing keeps the card',
        event: card,
        on: 'card.action.trigger',
        reply: undefined,
        expect: { status: 200, json: {} },
      },
      {
        name: 'events cannot reply',
        event: message,
        on: 'im.message',
        reply: { text: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'url_verification',
        event: { name: 'url_verification', payload: feishuUrlVerification },
        expect: { status: 200, json: { challenge: feishuUrlVerification.challenge } },
      },
      {
        name: 'url_verification, encrypted',
        event: { name: 'url_verification', payload: encryptedUrlVerification },
        expect: { status: 200, json: { challenge: feishuUrlVerification.challenge } },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'card.action.trigger',
    createReceiver: (options) =>
      createReceiver(feishu({ encryptKey: DEMO_KEY, verificationToken: FEISHU_DEMO_TOKEN }), options)
        .on('card.action.trigger', (event) =>
          (event.event.action.value as { deploy?: unknown } | undefined)?.deploy === 'pay-api'
            ? TOAST
            : undefined,
        )
        .on('*', () => undefined),
    expect: (event) => {
      if (event === 'card.action.trigger') return { status: 200, body: JSON.stringify(TOAST) };
      return { status: 200, body: '' };
    },
  },
};
