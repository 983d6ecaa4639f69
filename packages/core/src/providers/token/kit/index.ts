import { randomUUID } from 'node:crypto';
import { createReceiver } from '../../../receiver/create-receiver.js';
import { fieldOf, tryParseJson, utf8 } from '../../../testing/json-fields.js';
import type { SenderKit } from '../../../testing/sender-kit.js';
import { statusReading } from '../../../testing/status-reading.js';
import { bodySpaceAdded, wrongSecret } from '../../../testing/tamperings.js';
import { type TokenOptions, token } from '../token.js';
import { GITLAB_EVENT_HEADER, GITLAB_SCHEME, type TokenScheme, tokenFixtures } from './fixtures.js';

const DEMO_TOKEN = 'hookguard-demo-gitlab';
const push = { name: 'push', payload: tokenFixtures.push };
const providerFor = (scheme: TokenScheme, secret: string) => token({ ...scheme, secret } as TokenOptions);

/** A sender that proves itself with a shared token (default: GitLab's X-Gitlab-Token). */
export function tokenKitFor(scheme: TokenScheme): SenderKit {
  const gitlab = scheme === GITLAB_SCHEME;
  return {
    name: 'token',
    aliases: [],
    sender: gitlab ? 'GitLab (X-Gitlab-Token)' : `${scheme.name ?? 'a sender'} (described by --scheme)`,
    wire: gitlab
      ? 'JSON body; X-Gitlab-Event, X-Gitlab-Event-UUID, X-Gitlab-Token: <the token itself>; the body is not signed'
      : 'as --scheme describes; the body is not signed',
    path: '/gitlab',
    secret: {
      demo: DEMO_TOKEN,
      optional: false,
      where: gitlab ? 'the webhook\'s "Secret token" in GitLab' : "the sender's token",
    },
    // A sender described otherwise sends the same bodies.
    fixtures: tokenFixtures,
    encode: (payload) => utf8(JSON.stringify(payload)),
    sign({ body, secret }) {
      const proof = `${scheme.prefix ?? ''}${secret ?? ''}`;
      const headers: [string, string][] = [['Content-Type', 'application/json']];
      if (gitlab) {
        const kind = fieldOf(tryParseJson(body), 'object_kind');
        headers.push(
          ['User-Agent', 'GitLab/17.8.0'],
          ['X-Gitlab-Event', GITLAB_EVENT_HEADER[String(kind)] ?? 'System Hook'],
          ['X-Gitlab-Instance', 'https://gitlab.example.com'],
          ['X-Gitlab-Webhook-UUID', '5a1d3f7e-0c44-4b8e-9f51-0b6a9f1f7c11'],
          ['X-Gitlab-Event-UUID', randomUUID()],
        );
      }
      // No secret, no token: nothing else proves the sender.
      if (secret === undefined) return { query: [], headers, body, chunked: false };
      if (scheme.header !== undefined) headers.push([scheme.header, proof]);
      const query: [string, string][] = scheme.query === undefined ? [] : [[scheme.query, proof]];
      return { query, headers, body, chunked: false };
    },
    provider: (secret) => providerFor(scheme, secret ?? ''),
    proof: {
      ...(scheme.header === undefined ? {} : { header: scheme.header.toLowerCase() }),
      relatedHeaders: [],
      coversBody: false,
    },
    // A token proves who sent it, not what: a changed body still passes.
    tamperings: [bodySpaceAdded(204, ', not signed'), wrongSecret()],
    readReply: statusReading(
      'delivered',
      'failed; GitLab shows it under Recent events and disables a hook that keeps failing',
    ),
    answers: {
      sample: push,
      // No object_kind: nothing names it, so it goes to `unknown` handlers.
      unknownEvent: { name: '', payload: { ref: 'refs/heads/main' } },
      noReply: { status: 204 },
      replies: [{ name: 'acknowledged', event: push, on: 'push', reply: undefined, expect: { status: 204 } }],
      // A token either matches or is missing: both answer as a signature would.
      forgedCode: 'SIGNATURE_MISMATCH',
      unsignedCode: 'SIGNATURE_MISSING',
    },
    demo: {
      showcase: 'push',
      createReceiver: (options) => createReceiver(providerFor(scheme, DEMO_TOKEN), options).on('*', () => {}),
      expect: () => ({ status: 204, body: '' }),
    },
    withScheme(options) {
      const described = options as TokenScheme;
      providerFor(described, DEMO_TOKEN);
      return tokenKitFor(described);
    },
    schemeExample: '{"header":"x-gitlab-token"}',
  };
}

/** GitLab, the token() example sender. */
export const tokenKit: SenderKit = tokenKitFor(GITLAB_SCHEME);
