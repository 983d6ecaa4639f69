import { createReceiver, whatsapp } from '@hookguard/core';
import { goJson, signWhatsapp, whatsappFixtures } from '@hookguard/core/testing';
import { type ProviderRow, widen } from '../row.js';

const SECRET = 'conformance-gowa';
const ack = { status: 200, json: { ok: true } };
const message = { name: 'message', payload: whatsappFixtures.message };

export const whatsappRow: ProviderRow = {
  name: 'whatsapp',
  path: '/whatsapp',
  receiver: (options) => widen(createReceiver(whatsapp({ secret: SECRET }), options)),
  // GOWA's bytes: Go's encoding/json (sorted keys, \u003c for <), which only raw-byte checks survive.
  serialise: goJson,
  deliver: (body) => ({ headers: signWhatsapp(body, SECRET), body }),
  // GOWA's public default secret: exactly what a misconfigured sender would use.
  forged: {
    deliver: (body) => ({ headers: signWhatsapp(body, 'secret'), body }),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: {
    deliver: (body) => ({ headers: { 'content-type': 'application/json' }, body }),
    code: 'SIGNATURE_MISSING',
  },
  sample: message,
  unknownEvent: {
    name: 'newsletter.poll',
    payload: { event: 'newsletter.poll', device_id: '628987654321@s.whatsapp.net', payload: { id: 'x' } },
  },
  noReply: ack,
  replies: [
    // GOWA reads no body and has no quick action: every handled event gets the same 2xx ack.
    { name: 'ack', event: message, on: 'message', reply: undefined, expect: ack },
    {
      name: 'ack for a v7 legacy body',
      event: { name: 'legacy.message', payload: whatsappFixtures['legacy.message'] },
      on: 'legacy.message',
      reply: undefined,
      expect: ack,
    },
  ],
};
