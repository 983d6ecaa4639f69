import { createReceiver } from '../../../receiver/create-receiver.js';
import { goJson } from '../../../testing/go-json.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { GOWA_DEFAULT_SECRET, whatsapp } from '../index.js';
import { whatsappFixtures } from './fixtures.js';
import { signWhatsapp } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-whatsapp';
const ack = { status: 200, json: { ok: true } };
const message = { name: 'message', payload: whatsappFixtures.message };

/** go-whatsapp-web-multidevice, v9.0.1+ (https://github.com/aldinokemal/go-whatsapp-web-multidevice/blob/main/src/infrastructure/whatsapp/webhook.go). */
export const whatsappKit: SenderKit = {
  name: 'whatsapp',
  aliases: ['gowa'],
  sender: 'GOWA (go-whatsapp-web-multidevice)',
  wire: 'Go json.Marshal body (sorted keys, \\u003c escapes) with Content-Length, X-Hub-Signature-256',
  path: '/whatsapp',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    // GOWA's public default: also exactly the secret a misconfigured sender forges with.
    fallback: GOWA_DEFAULT_SECRET,
    where: 'GOWA\'s --webhook-secret / WHATSAPP_WEBHOOK_SECRET (default "secret")',
  },
  fixtures: whatsappFixtures,
  encode: (payload) => utf8(goJson(payload)),
  sign({ body, secret }) {
    const signed = secret === undefined ? undefined : signWhatsapp(body, secret);
    // Header names as Go canonicalises them; Go's transport adds Accept-Encoding itself.
    const headers: [string, string][] = [
      ['User-Agent', 'Go-http-client/1.1'],
      ['Content-Type', 'application/json'],
    ];
    if (signed) headers.push(['X-Hub-Signature-256', signed['x-hub-signature-256'] ?? '']);
    headers.push(['Accept-Encoding', 'gzip']);
    return { query: [], headers, body, chunked: false };
  },
  provider: (secret) => whatsapp({ secret: secret ?? GOWA_DEFAULT_SECRET }),
  proof: { header: 'x-hub-signature-256', relatedHeaders: [], coversBody: true },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: statusReading(
    'delivered (the body is never read)',
    'retries: 5 attempts in all, 1, 2, 4, 8 s apart',
  ),
  answers: {
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
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'message',
    // GOWA offers no quick action: every authentic delivery gets the same ack.
    createReceiver: (options) => createReceiver(whatsapp({ secret: DEMO_SECRET }), options).on('*', () => {}),
    expect: () => ({ status: 200, body: '{"ok":true}' }),
  },
};
