import { randomUUID } from 'node:crypto';
import { createReceiver, github } from '@hookguard/core';
import { githubFixtures, signGithub } from '@hookguard/core/testing';
import { DEMO_SECRETS } from './demo-secrets.js';
import { utf8 } from './json-body.js';
import type { SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, wrongSecret } from './tamperings.js';

const DEMO_SECRET = DEMO_SECRETS.github;

/**
 * GitHub repository webhooks, "application/json" content type. Header names, letter case and
 * order follow the delivery example in GitHub's "Webhook events and payloads" docs.
 */
export const githubSender: SenderProfile = {
  name: 'github',
  sender: 'GitHub (repository webhook)',
  wire: 'JSON body with Content-Length; X-GitHub-Event, X-GitHub-Delivery, X-Hub-Signature-256: sha256=<hex>',
  path: '/github',
  fixtures: githubFixtures,
  secret: { optional: false, where: 'the webhook\'s "Secret" in the repository settings on GitHub' },
  encode: (payload) => utf8(JSON.stringify(payload)),
  needsEvent: 'the X-GitHub-Event header: pass --event (e.g. --event issues)',
  sign({ body, secret, event }) {
    const signed = signGithub(body, secret ?? '');
    return {
      query: [],
      headers: [
        ['X-GitHub-Delivery', randomUUID()],
        ['X-Hub-Signature', signed['x-hub-signature'] ?? ''],
        ['X-Hub-Signature-256', signed['x-hub-signature-256'] ?? ''],
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
  createProvider: (secret) => github({ secret: secret ?? '' }),
  readReply(status) {
    if (status >= 200 && status < 300)
      return { delivered: true, summary: 'delivered (only the status is read)' };
    return {
      delivered: false,
      summary: 'failed under Recent Deliveries; no automatic retry (redeliver by hand or API)',
    };
  },
  demo: {
    secret: DEMO_SECRET,
    showcase: 'issues.opened',
    createReceiver: (options) => createReceiver(github({ secret: DEMO_SECRET }), options).on('*', () => {}),
    // GitHub reads only the status; the ping's body shows under "Recent Deliveries".
    expect: (event) => (event === 'ping' ? { status: 200, body: '{"ok":true}' } : { status: 204, body: '' }),
    tamperings: [bodySpaceAdded(), wrongSecret()],
  },
};
