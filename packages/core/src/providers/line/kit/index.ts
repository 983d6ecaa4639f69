import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { line } from '../index.js';
import { lineDelivery, lineFixtures, lineVerifyDelivery } from './fixtures.js';
import { lineJson, signLine } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-line';
const text = { name: 'message.text', payload: lineFixtures['message.text'] };
const [textEvent] = lineFixtures['message.text'].events;

/** The events of a delivery body; undefined for a body without an `events` array. */
function eventsOf(delivery: unknown): readonly object[] | undefined {
  const events = (delivery as { events?: unknown } | null)?.events;
  return Array.isArray(events) ? events : undefined;
}

/**
 * The LINE Platform's webhook delivery: headers as the LINE Platform sends them (its user agent
 * is `LineBotWebhook/2.0`), JSON with non-ASCII escaped, one signature over the whole batch.
 */
export const lineKit: SenderKit = {
  name: 'line',
  aliases: [],
  sender: 'LINE (Messaging API webhook)',
  wire: 'JSON { destination, events: [...] } (non-ASCII as \\uXXXX); x-line-signature: <base64 HMAC-SHA256(body)>',
  path: '/line',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the channel secret under "Basic settings" in the LINE Developers Console',
  },
  fixtures: lineFixtures,
  encode: (payload) => utf8(lineJson(payload)),
  sign({ body, secret }) {
    return {
      query: [],
      headers: [
        ['Content-Type', 'application/json; charset=utf-8'],
        ...(secret === undefined ? [] : [['x-line-signature', signLine(body, secret)] as const]),
        ['User-Agent', 'LineBotWebhook/2.0'],
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => line({ channelSecret: secret ?? '' }),
  proof: {
    header: 'x-line-signature',
    relatedHeaders: [],
    coversBody: true,
    // LINE sends every event inside `events`: any other value arrives as one event of a delivery.
    shape: (value) => (eventsOf(value) === undefined ? lineDelivery(value as object) : value),
  },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: statusReading(
    'delivered (only the status is read)',
    'counted as an error in the console\'s statistics; redelivered later only with "Webhook redelivery" on',
  ),
  answers: {
    sample: text,
    unknownEvent: {
      name: 'message.hologram',
      payload: lineDelivery({
        ...textEvent,
        webhookEventId: '01HGW2M5Z9ZK8Y6B3XQ4TPRZZZ',
        message: { id: '1', type: 'hologram' },
      }),
    },
    noReply: { status: 200 },
    replies: [
      { name: 'acknowledged', event: text, on: 'message.text', reply: undefined, expect: { status: 200 } },
      {
        name: 'handlers cannot reply',
        event: text,
        on: 'message',
        reply: { type: 'text', text: 'hi' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    handshakes: [
      // The console's "Verify" button: a signed delivery with no events.
      {
        name: 'Verify (events: [])',
        event: { name: '', payload: lineVerifyDelivery },
        expect: { status: 200 },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  batch: {
    combine: (deliveries) => lineDelivery(...deliveries.flatMap((delivery) => eventsOf(delivery) ?? [])),
    eventsOf,
  },
  demo: {
    showcase: 'message.text',
    createReceiver: (options) =>
      createReceiver(line({ channelSecret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 200, body: '' }),
  },
};
