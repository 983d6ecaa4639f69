import { randomUUID } from 'node:crypto';
import { createReceiver, type TokenOptions, token } from '@hookguard/core';
import { DEMO_SECRETS } from './demo-secrets.js';
import { fieldOf, tryParseJson, utf8 } from './json-body.js';
import { parseSchemeOption } from './scheme-option.js';
import type { SenderProfile } from './sender-profile.js';
import { bodySpaceAdded, wrongSecret } from './tamperings.js';

/** `token()` options without the secret, as `--scheme` takes them (JSON): where the token travels. */
export type TokenScheme = {
  readonly header?: string;
  readonly query?: string;
  readonly prefix?: string;
} & Omit<
  TokenOptions,
  'secret' | 'header' | 'query' | 'prefix' | 'allowUnsigned' | 'events' | 'respond' | 'allowFrom'
>;

/** GitLab's "Secret token", the sender DESIGN.md names for token(): sent verbatim in X-Gitlab-Token. */
export const GITLAB_SCHEME: TokenScheme = {
  name: 'gitlab',
  header: 'X-Gitlab-Token',
  event: { body: 'object_kind' },
  id: { header: 'X-Gitlab-Event-UUID' },
};

/** GitLab names the event twice: `object_kind` in the body and this header. */
const GITLAB_EVENT_HEADER: Readonly<Record<string, string>> = {
  push: 'Push Hook',
  tag_push: 'Tag Push Hook',
  issue: 'Issue Hook',
  merge_request: 'Merge Request Hook',
  note: 'Note Hook',
  pipeline: 'Pipeline Hook',
};

const project = { id: 15, name: 'Diaspora', path_with_namespace: 'mike/diaspora', default_branch: 'main' };
const user = { id: 4, name: 'John Smith', username: 'jsmith' };
/** Bodies shaped like GitLab's (a few fields of each); token() reads only `object_kind` for the name. */
const GITLAB_FIXTURES: Readonly<Record<string, Record<string, unknown>>> = {
  push: {
    object_kind: 'push',
    event_name: 'push',
    ref: 'refs/heads/main',
    checkout_sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    user_username: user.username,
    project,
    total_commits_count: 1,
  },
  issue: {
    object_kind: 'issue',
    event_type: 'issue',
    user,
    project,
    object_attributes: { iid: 23, title: 'Fix the <login> page', state: 'opened', action: 'open' },
  },
  merge_request: {
    object_kind: 'merge_request',
    event_type: 'merge_request',
    user,
    project,
    object_attributes: {
      iid: 1,
      title: 'MS-Viewport',
      source_branch: 'ms-viewport',
      target_branch: 'main',
      action: 'open',
    },
  },
};
const DEMO_TOKEN = DEMO_SECRETS.gitlab;

export function parseTokenScheme(text: string): TokenScheme {
  return parseSchemeOption<TokenScheme>(text, 'token', '{"header":"x-gitlab-token"}', (scheme) =>
    token({ ...scheme, secret: 'check' } as TokenOptions),
  );
}

/** A sender that proves itself with a shared token (default: GitLab's X-Gitlab-Token). */
export function tokenSender(scheme: TokenScheme = GITLAB_SCHEME): SenderProfile {
  const gitlab = scheme === GITLAB_SCHEME;
  return {
    name: 'token',
    sender: gitlab ? 'GitLab (X-Gitlab-Token)' : `${scheme.name ?? 'a sender'} (described by --scheme)`,
    wire: gitlab
      ? 'JSON body; X-Gitlab-Event, X-Gitlab-Event-UUID, X-Gitlab-Token: <the token itself>; the body is not signed'
      : 'as --scheme describes; the body is not signed',
    path: '/gitlab',
    // A --scheme sender sends the same bodies; `hookguard fixtures token` lists them either way.
    fixtures: GITLAB_FIXTURES,
    secret: {
      optional: false,
      where: gitlab ? 'the webhook\'s "Secret token" in GitLab' : "the sender's token",
    },
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
      if (scheme.header !== undefined) headers.push([scheme.header, proof]);
      const query: [string, string][] = scheme.query === undefined ? [] : [[scheme.query, proof]];
      return { query, headers, body, chunked: false };
    },
    createProvider: (secret) => token({ ...scheme, secret: secret ?? '' } as TokenOptions),
    readReply(status) {
      if (status >= 200 && status < 300) return { delivered: true, summary: 'delivered' };
      return {
        delivered: false,
        summary: 'failed; GitLab shows it under Recent events and disables a hook that keeps failing',
      };
    },
    withScheme: (text) => tokenSender(parseTokenScheme(text)),
    demo: {
      secret: DEMO_TOKEN,
      showcase: 'push',
      createReceiver: (options) =>
        createReceiver(token({ ...scheme, secret: DEMO_TOKEN } as TokenOptions), options).on('*', () => {}),
      expect: () => ({ status: 204, body: '' }),
      // A token proves who sent it, not what: a changed body still passes.
      tamperings: [bodySpaceAdded(204, ', not signed'), wrongSecret()],
    },
  };
}
