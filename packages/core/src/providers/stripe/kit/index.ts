import { createReceiver } from '../../../receiver/create-receiver.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../../../sender-toolkit/timestamp-window.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { stripe } from '../index.js';
import { stripeFixtures } from './fixtures.js';
import { signStripe } from './sign.js';

/** A secret as Stripe writes one: `whsec_` and the key text (used as is, never decoded). */
const whsec = (bytes: Uint8Array) => `whsec_${Buffer.from(bytes).toString('base64url')}`;
const DEMO_SECRET = 'whsec_hookguard-demo-stripe';
const paid = { name: 'invoice.paid', payload: stripeFixtures['invoice.paid'] };

/**
 * Stripe webhook endpoints. Stripe sends the event pretty-printed (two-space indent); the
 * signature covers exactly those bytes.
 */
export const stripeKit: SenderKit = {
  name: 'stripe',
  aliases: [],
  sender: 'Stripe (webhook endpoint)',
  wire: 'JSON body (indented) with Content-Length; Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256(t.body)>',
  path: '/stripe',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where:
      'the endpoint\'s "Signing secret" (whsec_…) in the Stripe dashboard, or the one `stripe listen` prints',
    fromBytes: whsec,
  },
  fixtures: stripeFixtures,
  encode: (payload) => utf8(JSON.stringify(payload, null, 2)),
  sign({ body, secret, now }) {
    const headers: [string, string][] = [
      ['Content-Type', 'application/json; charset=utf-8'],
      ['User-Agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)'],
    ];
    if (secret !== undefined) {
      headers.push(['Stripe-Signature', signStripe(body, { secret, timestamp: Math.floor(now / 1000) })]);
    }
    return { query: [], headers, body, chunked: false };
  },
  provider: (secret) => stripe({ secret: secret ?? '' }),
  proof: {
    header: 'stripe-signature',
    relatedHeaders: [],
    coversBody: true,
    windowMs: DEFAULT_TOLERANCE_SECONDS * 1000,
  },
  tamperings: [bodySpaceAdded(), wrongSecret(whsec(utf8('not-the-secret'))), replayedLater()],
  readReply: statusReading(
    'delivered (only the status is read)',
    'failed: retried with exponential backoff for up to three days (live mode)',
  ),
  answers: {
    sample: paid,
    // No `type`: nothing names it, so it goes to `unknown` handlers (a `type` without a schema is `other`).
    unknownEvent: { name: '', payload: { id: 'evt_probe', object: 'event', data: { object: {} } } },
    noReply: { status: 204 },
    replies: [
      { name: 'acknowledged', event: paid, on: 'invoice.paid', reply: undefined, expect: { status: 204 } },
      {
        name: 'handlers cannot reply',
        event: paid,
        on: 'invoice',
        reply: { received: true },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'checkout.session.completed',
    createReceiver: (options) => createReceiver(stripe({ secret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 204, body: '' }),
  },
};
