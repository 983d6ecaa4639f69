import { randomUUID } from 'node:crypto';
import { createReceiver } from '../../../receiver/create-receiver.js';
import { utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { github } from '../index.js';
import { githubFixtures } from './fixtures.js';
import { signGithub } from './sign.js';

const DEMO_SECRET = 'hookguard-demo-github';
const ping = { name: 'ping', payload: githubFixtures.ping };
const opened = { name: 'issues.opened', payload: githubFixtures['issues.opened'] };

/**
 * GitHub repository webhooks, "application/json" content type. Header names, letter case and
 * order follow the delivery example in GitHub's "Webhook events and payloads" docs.
 */
export const githubKit: SenderKit = {
  name: 'github',
  aliases: [],
  sender: 'GitHub (repository webhook)',
  wire: 'JSON body with Content-Length; X-GitHub-Event, X-GitHub-Delivery, X-Hub-Signature-256: sha256=<hex>',
  path: '/github',
  secret: {
    demo: DEMO_SECRET,
    optional: false,
    where: 'the webhook\'s "Secret" in the repository settings on GitHub',
  },
  fixtures: githubFixtures,
  encode: (payload) => utf8(JSON.stringify(payload)),
  eventOutsideBody: { where: 'the X-GitHub-Event header', example: 'issues' },
  sign({ body, secret, event }) {
    // A webhook without a secret is delivered with no signature headers at all.
    const signed = secret === undefined ? {} : signGithub(body, secret);
    const signatures: [string, string][] = Object.entries(signed).map(([name, value]) => [
      name === 'x-hub-signature' ? 'X-Hub-Signature' : 'X-Hub-Signature-256',
      value,
    ]);
    return {
      query: [],
      headers: [
        ['X-GitHub-Delivery', randomUUID()],
        ...signatures,
        ['User-Agent', 'GitHub-Hookshot/044aadd'],
        ['Content-Type', 'application/json'],
        // `issues.opened` travels as `X-GitHub-Event: issues`; the action is in the body.
        ['X-GitHub-Event', (event ?? '').split('.', 1)[0] ?? ''],
        ['X-GitHub-Hook-ID', '292430182'],
        ['X-GitHub-Hook-Installation-Target-ID', '79929171'],
        ['X-GitHub-Hook-Installation-Target-Type', 'repository'],
      ],
      body,
      chunked: false,
    };
  },
  provider: (secret) => github({ secret: secret ?? '' }),
  proof: {
    header: 'x-hub-signature-256',
    relatedHeaders: ['x-hub-signature', 'x-github-event', 'x-github-delivery'],
    coversBody: true,
  },
  tamperings: [bodySpaceAdded(), wrongSecret()],
  readReply: statusReading(
    'delivered (only the status is read)',
    'failed under Recent Deliveries; no automatic retry (redeliver by hand or API)',
  ),
  answers: {
    sample: opened,
    unknownEvent: { name: 'issues.teleported', payload: { ...opened.payload, action: 'teleported' } },
    noReply: { status: 204 },
    // GitHub gives up after 10 s: a slow handler is answered 202 Accepted and goes on.
    deadlineFallback: { status: 202 },
    replies: [
      // The ping's answer shows under "Recent Deliveries" in GitHub's settings.
      {
        name: 'ping answered',
        event: ping,
        on: 'ping',
        reply: undefined,
        expect: { status: 200, json: { ok: true } },
      },
      {
        name: 'handlers cannot reply',
        event: opened,
        on: 'issues',
        reply: { comment: 'thanks' },
        expect: { status: 500, code: 'INVALID_REPLY' },
      },
    ],
    forgedCode: 'SIGNATURE_MISMATCH',
    unsignedCode: 'SIGNATURE_MISSING',
  },
  demo: {
    showcase: 'issues.opened',
    createReceiver: (options) => createReceiver(github({ secret: DEMO_SECRET }), options).on('*', () => {}),
    // GitHub reads only the status; the ping's body shows under "Recent Deliveries".
    expect: (event) => (event === 'ping' ? { status: 200, body: '{"ok":true}' } : { status: 204, body: '' }),
  },
};
