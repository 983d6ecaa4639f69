import type { TokenOptions } from '../token.js';

/** `token()` options without the secret, as `--scheme` takes them (JSON): where the token travels. */
export type TokenScheme = {
  readonly header?: string;
  readonly query?: string;
  readonly prefix?: string;
} & Omit<
  TokenOptions,
  'secret' | 'header' | 'query' | 'prefix' | 'allowUnsigned' | 'events' | 'respond' | 'allowFrom'
>;

/** GitLab's "Secret token", the sender token() was designed around: sent verbatim in X-Gitlab-Token. */
export const GITLAB_SCHEME: TokenScheme = {
  name: 'gitlab',
  header: 'X-Gitlab-Token',
  event: { body: 'object_kind' },
  id: { header: 'X-Gitlab-Event-UUID' },
};

/** GitLab names the event twice: `object_kind` in the body and this header. */
export const GITLAB_EVENT_HEADER: Readonly<Record<string, string>> = {
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
export const tokenFixtures: Readonly<Record<string, Record<string, unknown>>> = {
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
