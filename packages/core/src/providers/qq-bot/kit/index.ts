import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { qqBotValidationSignature } from '../handshake.js';
import { qqBot } from '../index.js';
import { qqBotKeyPair } from '../keys.js';
import { qqBotFixtures } from './fixtures.js';
import { signQqBot } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-qq-bot';
const ACK = { op: 12, d: 0 };
const message = { name: 'C2C_MESSAGE_CREATE', payload: qqBotFixtures.C2C_MESSAGE_CREATE };
// QQ's own example validation (event-emit page): the token and event time it shows.
const validation = { d: { plain_token: 'Arq0D5A61EgUu4OxUvOp', event_ts: '1725442341' }, op: 13 };

/**
 * QQ official bots in HTTP callback mode: a JSON body with Content-Length, signed with the key pair
 * derived from the AppSecret. Header names and order follow a recorded callback (see `sign.ts`).
 */
export const qqBotKit: SenderKit = {
  name: 'qq-bot',
  aliases: ['qqbot', 'qq'],
  sender: 'QQ official bot (HTTP callback)',
  wire: 'JSON body with Content-Length; X-Signature-Timestamp, X-Signature-Ed25519: hex Ed25519(timestamp ‖ body), X-Bot-Appid',
  path: '/qq',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the bot\'s AppSecret under "开发设置" (development settings) in the QQ bot console',
  },
  fixtures: qqBotFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const timestamp = String(Math.floor(now / 1000));
    const signed = secret === undefined ? undefined : signQqBot(body, { secret, timestamp });
    // Without the AppSecret nobody can sign: what arrives is QQ's other headers and no signature.
    const headers: [string, string][] = signed
      ? Object.entries(signed)
      : [
          ['Content-Type', 'application/json'],
          ['User-Agent', 'QQBot-Callback'],
          ['X-Signature-Timestamp', timestamp],
        ];
    return { query: [], headers, body, chunked: false };
  },
  provider: (secret) => qqBot({ secret: secret ?? '' }),
  proof: {
    header: 'x-signature-ed25519',
    timestampHeader: 'x-signature-timestamp',
    relatedHeaders: ['x-signature-method', 'x-bot-appid'],
    coversBody: true,
  },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: statusReading('acknowledged (op 12)', 'not acknowledged; whether QQ retries is not documented'),
  answers: {
    sample: message,
    unknownEvent: { name: 'HOOKGUARD_PROBE', payload: { ...message.payload, t: 'HOOKGUARD_PROBE' } },
    noReply: { status: 200, json: ACK },
    deadlineFallback: { status: 200, json: ACK },
    replies: [
      {
        name: 'acknowledged',
        event: message,
        on: 'C2C_MESSAGE_CREATE',
        reply: undefined,
        expect: { status: 200, json: ACK },
      },
      {
        // The bot answers through QQ's OpenAPI; the callback's answer is only the ACK.
        name: 'handlers cannot reply',
        event: message,
        on: 'C2C_MESSAGE_CREATE',
        reply: { content: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'callback URL validation (op 13)',
        event: { name: 'validation', payload: validation },
        expect: {
          status: 200,
          json: {
            plain_token: validation.d.plain_token,
            signature: qqBotValidationSignature(
              qqBotKeyPair(DEMO_SECRET).privateKey,
              validation.d.event_ts,
              validation.d.plain_token,
            ),
          },
        },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'C2C_MESSAGE_CREATE',
    createReceiver: (options) => createReceiver(qqBot({ secret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 200, body: JSON.stringify(ACK) }),
  },
};
