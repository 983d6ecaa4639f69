import { hmacDigest } from '../../../crypto/hmac.js';
import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { deliveryItems } from '../batch.js';
import { whatsappCloud } from '../index.js';
import { whatsappCloudDelivery, whatsappCloudFixtures } from './fixtures.js';
import { signWhatsappCloud, whatsappCloudJson } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-whatsapp-cloud';
/** The event name the kit's `sign` sends as Meta's GET subscription check rather than as a delivery. */
export const WHATSAPP_CLOUD_CHECK_EVENT = 'subscribe';
const CHALLENGE = '1158201444';
const text = { name: 'messages.text', payload: whatsappCloudFixtures['messages.text'] };

type Delivery = ReturnType<typeof whatsappCloudDelivery>;

/**
 * Meta's Graph webhooks for the WhatsApp Cloud API. `hookguard listen` checks Meta's GET with the
 * same value it verifies signatures with: type the app secret as the Verify token, or run the
 * receiver in your app with both.
 */
export const whatsappCloudKit: SenderKit = {
  name: 'whatsapp-cloud',
  aliases: ['whatsappcloud', 'whatsapp-business', 'meta-whatsapp'],
  sender: 'Meta (WhatsApp Cloud API webhooks)',
  wire: 'GET ?hub.mode=subscribe&hub.verify_token&hub.challenge; POST JSON { object, entry: [{ changes }] } (non-ASCII as \\u00e4); X-Hub-Signature-256: sha256=<hex>',
  path: '/whatsapp-cloud',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the App Secret (App Dashboard → App settings → Basic); the Verify token is yours to choose',
  },
  fixtures: whatsappCloudFixtures,
  encode: (payload) => utf8(whatsappCloudJson(payload)),
  sign({ body, secret, event }) {
    if (event === WHATSAPP_CLOUD_CHECK_EVENT) {
      return {
        method: 'GET',
        query: [
          ['hub.mode', 'subscribe'],
          ['hub.challenge', CHALLENGE],
          ...(secret === undefined ? [] : [['hub.verify_token', secret] as const]),
        ],
        headers: [['User-Agent', 'facebookplatform/1.0 (+http://developers.facebook.com)']],
        body: new Uint8Array(),
        chunked: false,
      };
    }
    return {
      query: [],
      headers: [
        ['Content-Type', 'application/json'],
        ...(secret === undefined
          ? []
          : ([
              // Meta sends the SHA-1 form beside it for older receivers; hookguard reads only SHA-256.
              ['X-Hub-Signature', `sha1=${hmacDigest('sha1', secret, [body]).toString('hex')}`],
              ['X-Hub-Signature-256', signWhatsappCloud(body, secret)],
            ] as const)),
        ['User-Agent', 'facebookexternalua'],
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => whatsappCloud({ appSecret: secret ?? '', verifyToken: secret ?? '' }),
  proof: {
    header: 'x-hub-signature-256',
    relatedHeaders: [],
    coversBody: true,
    // Meta sends every change inside `entry[].changes[]`: any other value arrives as one message.
    shape: (value) =>
      deliveryItems(value) === undefined
        ? whatsappCloudDelivery({ field: 'messages', value: { messages: [value] } })
        : value,
  },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: statusReading(
    'delivered (only the status is read)',
    'retried with decreasing frequency for up to 7 days, the whole delivery again',
  ),
  answers: {
    sample: text,
    unknownEvent: {
      name: 'messages.hologram',
      payload: whatsappCloudDelivery({
        field: 'messages',
        value: {
          messages: [{ from: '16505551234', id: 'wamid.hologram', timestamp: '1', type: 'hologram' }],
        },
      }),
    },
    noReply: { status: 200 },
    replies: [
      { name: 'acknowledged', event: text, on: 'messages.text', reply: undefined, expect: { status: 200 } },
      {
        name: 'handlers cannot reply',
        event: text,
        on: 'messages',
        reply: { type: 'text', text: { body: 'hi' } },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      {
        name: 'GET subscription check',
        event: { name: WHATSAPP_CLOUD_CHECK_EVENT, payload: {} },
        expect: { status: 200, text: CHALLENGE },
        forged: { status: 403, code: 'SIGNATURE_MISMATCH' },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  batch: {
    combine: (deliveries) => ({
      object: 'whatsapp_business_account',
      entry: deliveries.flatMap((delivery) => (delivery as Delivery).entry ?? []),
    }),
    eventsOf: deliveryItems,
  },
  demo: {
    showcase: 'messages.text',
    createReceiver: (options) =>
      createReceiver(whatsappCloud({ appSecret: DEMO_SECRET, verifyToken: DEMO_SECRET }), options).on(
        '*',
        () => {},
      ),
    expect: () => ({ status: 200, body: '' }),
  },
};
