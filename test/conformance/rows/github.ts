import { createHash } from 'node:crypto';
import { createReceiver, github } from '@hookguard/core';
import { githubFixtures, signGithub } from '@hookguard/core/testing';
import { type Delivery, type ProviderRow, widen } from '../row.js';

const SECRET = 'conformance-github';
const ping = { name: 'ping', payload: githubFixtures.ping };

/** GitHub names the event in `X-GitHub-Event` (`issues` for `issues.opened`) and ids each delivery. */
function delivery(body: string, name: string, signature: Record<string, string>): Delivery {
  return {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/conformance',
      'x-github-event': name.split('.', 1)[0]!,
      // The same bytes are the same delivery: a duplicate carries the same id, as a redelivery does.
      'x-github-delivery': createHash('sha256').update(body).digest('hex').slice(0, 32),
      ...signature,
    },
    body,
  };
}

export const githubRow: ProviderRow = {
  name: 'github',
  path: '/github',
  receiver: (options) => widen(createReceiver(github({ secret: SECRET }), options)),
  serialise: (payload) => JSON.stringify(payload),
  deliver: (body, name) => delivery(body, name, signGithub(body, SECRET)),
  forged: {
    deliver: (body, name) => delivery(body, name, signGithub(body, 'other')),
    code: 'SIGNATURE_MISMATCH',
  },
  unsigned: { deliver: (body, name) => delivery(body, name, {}), code: 'SIGNATURE_MISSING' },
  sample: { name: 'issues.opened', payload: githubFixtures['issues.opened'] },
  unknownEvent: {
    name: 'issues.teleported',
    payload: { ...githubFixtures['issues.opened'], action: 'teleported' },
  },
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
      event: { name: 'issues.opened', payload: githubFixtures['issues.opened'] },
      on: 'issues',
      reply: { comment: 'thanks' },
      expect: { status: 500, code: 'INVALID_REPLY' },
    },
  ],
};
