import { createReceiver, GOWA_DEFAULT_SECRET, whatsapp } from '@hookguard/core';
import { goJson, signWhatsapp, whatsappFixtures } from '@hookguard/core/testing';
import { DEMO_SECRETS } from './demo-secrets.js';
import { utf8 } from './json-body.js';
import type { SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, wrongSecret } from './tamperings.js';

/** go-whatsapp-web-multidevice, v9.0.1+ (https://github.com/aldinokemal/go-whatsapp-web-multidevice/blob/main/src/infrastructure/whatsapp/webhook.go). */
export const whatsappSender: SenderProfile = {
  name: 'whatsapp',
  sender: 'GOWA (go-whatsapp-web-multidevice)',
  wire: 'Go json.Marshal body (sorted keys, \\u003c escapes) with Content-Length, X-Hub-Signature-256',
  path: '/whatsapp',
  fixtures: whatsappFixtures,
  secret: {
    optional: false,
    fallback: GOWA_DEFAULT_SECRET,
    where: 'GOWA\'s --webhook-secret / WHATSAPP_WEBHOOK_SECRET (default "secret")',
  },
  encode: (payload) => utf8(goJson(payload)),
  sign({ body, secret }) {
    const signed = signWhatsapp(body, secret ?? GOWA_DEFAULT_SECRET);
    // Header names as Go canonicalises them; Go's transport adds Accept-Encoding itself.
    return {
      query: [],
      headers: [
        ['User-Agent', signed['user-agent'] ?? 'Go-http-client/1.1'],
        ['Content-Type', 'application/json'],
        ['X-Hub-Signature-256', signed['x-hub-signature-256'] ?? ''],
        ['Accept-Encoding', 'gzip'],
      ],
      body,
      chunked: false,
    };
  },
  createProvider: (secret) => whatsapp({ secret: secret ?? GOWA_DEFAULT_SECRET }),
  readReply(status) {
    if (status >= 200 && status < 300)
      return { delivered: true, summary: 'delivered (the body is never read)' };
    return { delivered: false, summary: 'retries: 5 attempts in all, 1, 2, 4, 8 s apart' };
  },
  demo: {
    secret: DEMO_SECRETS.whatsapp,
    showcase: 'message',
    // GOWA offers no quick action: every authentic delivery gets the same ack.
    createReceiver: (options) =>
      createReceiver(whatsapp({ secret: DEMO_SECRETS.whatsapp }), options).on('*', () => {}),
    expect: () => ({ status: 200, body: '{"ok":true}' }),
    tamperings: [bodySpaceAdded(), wrongSecret()],
  },
};
