import { createHash } from 'node:crypto';
import { createReceiver, standardWebhooks } from '@hookguard/core';
import { signStandardWebhooks } from '@hookguard/core/testing';
import { type ProviderRow, widen } from '../row.js';

const SECRET = `whsec_${Buffer.from('conformance-standard-webhooks').toString('base64')}`;
const OTHER = `whsec_${Buffer.from('another-key').toString('base64')}`;
const paid = {
  name: 'invoice.paid',
  payload: { type: 'invoice.paid', timestamp: '2026-01-02T03:04:05Z', data: { id: 'in_1' } },
};
// The same bytes are the same message: a retry carries the same webhook-id.
const message = (body: string) => ({
  id: `msg_${createHash('sha256').update(body).digest('hex').slice(0, 24)}`,
});

export const standardWebhooksRow: ProviderRow = {
  name: 'standardWebhooks',
  path: '/webhooks',
  receiver: (options) => widen(createReceiver(standardWebhooks({ secret: SECRET }), options)),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body) => ({ headers: signStandardWebhooks(body, SECRET, message(body)), body }),
  forged: {
    deliver: (body) => ({ headers: signStandardWebhooks(body, OTHER, message(body)), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: paid,
  // No `type`: no name to deliver it under, so it goes to `unknown` handlers.
  unknownEvent: { name: '', payload: { data: { id: 'in_2' } } },
  noReply: { status: 204 },
  replies: [
    { name: 'acknowledged', event: paid, on: 'invoice.paid', reply: undefined, expect: { status: 204 } },
  ],
};
