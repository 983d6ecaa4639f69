import { randomUUID } from 'node:crypto';
import { hmacDigest } from '../crypto/hmac.js';
import type { WebhookRequest } from '../http/types.js';
import { GITHUB_ACTIONS, type GitHubActionEvent } from '../providers/github/actions.js';
import type { GitHubEventName } from '../providers/github/events.js';

export interface GitHubDelivery {
  /** `X-GitHub-Delivery`. Default: a fresh GUID. */
  readonly delivery?: string;
  /** `X-GitHub-Hook-ID`. Default `123456789`. */
  readonly hookId?: string;
  /** Post as GitHub's "application/x-www-form-urlencoded" content type: `payload=<json>`. */
  readonly form?: boolean;
}

/** `X-Hub-Signature-256` for exactly these bytes (GitHub also sends the legacy SHA-1 header). */
export function signGitHub(body: string | Uint8Array, secret: string): Record<string, string> {
  return {
    'x-hub-signature': `sha1=${hmacDigest('sha1', secret, [body]).toString('hex')}`,
    'x-hub-signature-256': `sha256=${hmacDigest('sha256', secret, [body]).toString('hex')}`,
  };
}

/**
 * A delivery as GitHub builds it: the event header is the name's first part (`issues` for
 * `issues.opened`), the body `JSON.stringify(payload)` (or the form encoding of it), signed.
 */
export function gitHubRequest(
  name: GitHubEventName | (string & {}),
  payload: unknown,
  secret: string,
  delivery: GitHubDelivery = {},
): WebhookRequest {
  const json = JSON.stringify(payload);
  const text = delivery.form ? new URLSearchParams({ payload: json }).toString() : json;
  return {
    method: 'POST',
    url: '/github',
    headers: {
      'content-type': delivery.form ? 'application/x-www-form-urlencoded' : 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': name.split('.', 1)[0]!,
      'x-github-delivery': delivery.delivery ?? randomUUID(),
      'x-github-hook-id': delivery.hookId ?? '123456789',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '35129377',
      ...signGitHub(text, secret),
    },
    body: Buffer.from(text),
  };
}

const at = '2026-01-02T03:04:05Z';
const octocat = { login: 'octocat', id: 583231, type: 'User', html_url: 'https://github.com/octocat' };
const repository = {
  id: 35129377,
  name: 'public-repo',
  full_name: 'octocat/public-repo',
  html_url: 'https://github.com/octocat/public-repo',
  private: false,
  owner: octocat,
  description: null,
  default_branch: 'main',
  topics: [],
};
const envelope = { repository, sender: octocat };
const issue = {
  id: 73464126,
  number: 2,
  title: 'Spelling error in the README file',
  body: 'It looks like you accidently spelled "commit" with two "t"s.',
  state: 'open',
  html_url: 'https://github.com/octocat/public-repo/issues/2',
  user: octocat,
  labels: [{ name: 'bug', color: 'fc2929' }],
  assignees: [],
  comments: 0,
  created_at: at,
  updated_at: at,
  closed_at: null,
  author_association: 'OWNER',
};
const commit = {
  id: '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
  tree_id: 'f9d2a07e9488b91af2641b26b9407fe22a451433',
  distinct: true,
  message: 'Update README.md',
  timestamp: at,
  url: 'https://github.com/octocat/public-repo/commit/0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c',
  author: { name: 'Octo Cat', email: 'octocat@github.com', username: 'octocat' },
  committer: { name: 'GitHub', email: 'noreply@github.com', username: 'web-flow' },
  added: [],
  removed: [],
  modified: ['README.md'],
};
const branch = (ref: string, sha: string) => ({ ref, sha, label: `octocat:${ref}` });

const base: Record<GitHubActionEvent | 'push' | 'ping', Record<string, unknown>> = {
  push: {
    ref: 'refs/heads/main',
    before: '9049f1265b7d61be4a8904a9a27120d2064dab3b',
    after: commit.id,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: 'https://github.com/octocat/public-repo/compare/9049f1265b7d...0d1a26e67d8f',
    commits: [commit],
    head_commit: commit,
    pusher: { name: 'octocat', email: 'octocat@github.com' },
    ...envelope,
  },
  ping: {
    zen: 'Keep it logically awesome.',
    hook_id: 123456789,
    hook: {
      type: 'Repository',
      id: 123456789,
      name: 'web',
      active: true,
      events: ['push', 'issues'],
      config: { content_type: 'json', insecure_ssl: '0', url: 'https://bot.example/github' },
    },
    ...envelope,
  },
  issues: { issue, ...envelope },
  issue_comment: {
    issue,
    comment: {
      id: 1119290003,
      body: '/deploy staging',
      html_url: 'https://github.com/octocat/public-repo/issues/2#issuecomment-1119290003',
      user: octocat,
      created_at: at,
      updated_at: at,
    },
    ...envelope,
  },
  pull_request: {
    number: 1,
    pull_request: {
      id: 34778301,
      number: 1,
      title: 'Update the README with new information',
      body: 'This is a pretty simple change that we need to pull into main.',
      state: 'open',
      html_url: 'https://github.com/octocat/public-repo/pull/1',
      user: octocat,
      draft: false,
      merged: false,
      merged_at: null,
      head: branch('changes', '0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c'),
      base: branch('main', '9049f1265b7d61be4a8904a9a27120d2064dab3b'),
      labels: [],
    },
    ...envelope,
  },
  release: {
    release: {
      id: 2234456,
      tag_name: 'v1.2.0',
      name: 'v1.2.0',
      body: 'Bug fixes',
      draft: false,
      prerelease: false,
      html_url: 'https://github.com/octocat/public-repo/releases/tag/v1.2.0',
      target_commitish: 'main',
      published_at: at,
      author: octocat,
    },
    ...envelope,
  },
  workflow_run: {
    workflow_run: {
      id: 30433642,
      name: 'CI',
      display_title: 'Update README.md',
      head_branch: 'main',
      head_sha: commit.id,
      event: 'push',
      status: 'completed',
      conclusion: 'failure',
      html_url: 'https://github.com/octocat/public-repo/actions/runs/30433642',
      run_number: 562,
      run_attempt: 1,
      workflow_id: 159038,
    },
    workflow: { id: 159038, name: 'CI', path: '.github/workflows/ci.yml' },
    ...envelope,
  },
};

function fixturesFor(event: GitHubActionEvent): [string, Record<string, unknown>][] {
  return GITHUB_ACTIONS[event].map((action) => [`${event}.${action}`, { action, ...base[event] }]);
}

/** One example body for every event name github() types, shaped as GitHub sends it. */
export const githubFixtures = Object.fromEntries([
  ['push', base.push],
  ['ping', base.ping],
  ...(Object.keys(GITHUB_ACTIONS) as GitHubActionEvent[]).flatMap(fixturesFor),
]) as Readonly<Record<GitHubEventName, Record<string, unknown>>>;
