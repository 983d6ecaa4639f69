import { GITHUB_ACTIONS, type GitHubActionEvent } from '../actions.js';
import type { GitHubEventName } from '../events.js';

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
