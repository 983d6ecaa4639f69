import { createReceiver } from '../../../receiver/create-receiver.js';
import { DEFAULT_TOLERANCE_SECONDS } from '../../../sender-toolkit/timestamp-window.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from '../../../testing/tamperings.js';
import { standardWebhooks } from '../index.js';
import { standardWebhooksFixtures } from './fixtures.js';
import { signStandardWebhooks } from './sign.js';

/** A key as the spec writes it: `whsec_` and the key bytes in base64. */
const whsec = (bytes: Uint8Array) => `whsec_${Buffer.from(bytes).toString('base64')}`;
const DEMO_SECRET = whsec(utf8('hookguard-demo-standard-webhooks'));
const paid = { name: 'invoice.paid', payload: standardWebhooksFixtures['invoice.paid'] };

/** Svix and every Standard Webhooks sender (the spec at standardwebhooks.com). */
export const standardWebhooksKit: SenderKit = {
  name: 'standard-webhooks',
  aliases: ['standardwebhooks', 'svix'],
  sender: 'Standard Webhooks (Svix and others)',
  wire: 'JSON body; webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>',
  path: '/standard-webhooks',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the endpoint\'s signing secret, "whsec_<base64>"',
    fromBytes: whsec,
  },
  fixtures: standardWebhooksFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const signed = signStandardWebhooks(body, secret ?? [], { timestamp: Math.floor(now / 1000) });
    const headers = Object.entries(signed).filter(
      ([name]) => secret !== undefined || name !== 'webhook-signature',
    );
    return { query: [], headers, body, chunked: false };
  },
  provider: (secret) => standardWebhooks({ secret: secret ?? '' }),
  proof: {
    header: 'webhook-signature',
    timestampHeader: 'webhook-timestamp',
    idHeader: 'webhook-id',
    relatedHeaders: [],
    coversBody: true,
    windowMs: DEFAULT_TOLERANCE_SECONDS * 1000,
  },
  tamperings: [bodySpaceAdded(), wrongSecret(whsec(utf8('not-the-secret'))), replayedLater()],
  readReply: statusReading(
    'delivered (only the status is read)',
    "failed: retried later on the sender's backoff schedule",
  ),
  answers: {
    sample: paid,
    // No `type`: no name to deliver it under, so it goes to `unknown` handlers.
    unknownEvent: { name: '', payload: { data: { id: 'in_2' } } },
    noReply: { status: 204 },
    replies: [
      { name: 'acknowledged', event: paid, on: 'invoice.paid', reply: undefined, expect: { status: 204 } },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'invoice.paid',
    createReceiver: (options) =>
      createReceiver(standardWebhooks({ secret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 204, body: '' }),
  },
};
