import { createReceiver, standardWebhooks } from '@hookguard/core';
import { signStandardWebhooks, standardWebhooksFixtures } from '@hookguard/core/testing';
import { DEMO_SECRETS } from './demo-secrets.js';
import { utf8 } from './json-body.js';
import type { SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, replayedLater, wrongSecret } from './tamperings.js';

const whsec = (text: string) => `whsec_${Buffer.from(text).toString('base64')}`;
const DEMO_SECRET = DEMO_SECRETS.standardWebhooks;

/** Svix and every Standard Webhooks sender (the spec at standardwebhooks.com). */
export const standardWebhooksSender: SenderProfile = {
  name: 'standard-webhooks',
  sender: 'Standard Webhooks (Svix and others)',
  wire: 'JSON body; webhook-id, webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>',
  path: '/standard-webhooks',
  fixtures: standardWebhooksFixtures,
  secret: { optional: false, where: 'the endpoint\'s signing secret, "whsec_<base64>"' },
  encode: (payload) => utf8(JSON.stringify(payload)),
  sign({ body, secret, now }) {
    const signed = signStandardWebhooks(body, secret ?? '', { timestamp: Math.floor(now / 1000) });
    return { query: [], headers: Object.entries(signed), body, chunked: false };
  },
  createProvider: (secret) => standardWebhooks({ secret: secret ?? '' }),
  readReply(status) {
    if (status >= 200 && status < 300)
      return { delivered: true, summary: 'delivered (only the status is read)' };
    return { delivered: false, summary: "failed: retried later on the sender's backoff schedule" };
  },
  demo: {
    secret: DEMO_SECRET,
    showcase: 'invoice.paid',
    createReceiver: (options) =>
      createReceiver(standardWebhooks({ secret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 204, body: '' }),
    tamperings: [bodySpaceAdded(), wrongSecret(whsec('not-the-secret')), replayedLater()],
  },
};
