import { z } from 'zod';
import { GITHUB_ACTIONS, type GitHubActionEvent } from './actions.js';

/**
 * zod schemas for the GitHub events bots most often handle, keyed by hookguard's event name:
 * `X-GitHub-Event` then `.action` (`issues.opened`), or the bare event for `push` and `ping`.
 * Only fields GitHub always sends are required (per GitHub's webhook schema as published in
 * @octokit/openapi-webhooks); objects are loose, so every other field is kept as sent.
 */
const user = z.looseObject({
  login: z.string(),
  id: z.number(),
  type: z.string().optional(),
  html_url: z.string().optional(),
});
// GitHub sends `null` for a deleted account ("ghost") in these places.
const userOrGhost = user.nullable();
const repository = z.looseObject({
  id: z.number(),
  name: z.string(),
  full_name: z.string(),
  html_url: z.string(),
  private: z.boolean(),
  owner: user,
  description: z.string().nullish(),
  default_branch: z.string().optional(),
});
const envelope = {
  repository,
  sender: user,
  installation: z.looseObject({ id: z.number() }).optional(),
  organization: z.looseObject({ login: z.string(), id: z.number() }).optional(),
};
const label = z.looseObject({ name: z.string(), color: z.string().optional() });

const issue = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.string().optional(),
  html_url: z.string(),
  user: userOrGhost,
  labels: z.array(label).optional(),
  assignees: z.array(userOrGhost).optional(),
  comments: z.number().optional(),
  created_at: z.string(),
  updated_at: z.string(),
  closed_at: z.string().nullish(),
  /** Present when the issue is a pull request (comments on a PR arrive as `issue_comment`). */
  pull_request: z.looseObject({ html_url: z.string().nullish() }).optional(),
});
const comment = z.looseObject({
  id: z.number(),
  body: z.string(),
  html_url: z.string(),
  user: userOrGhost,
  created_at: z.string(),
  updated_at: z.string(),
});
const branch = z.looseObject({ ref: z.string(), sha: z.string(), label: z.string().optional() });
const pullRequest = z.looseObject({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  body: z.string().nullable(),
  state: z.string(),
  html_url: z.string(),
  user: userOrGhost,
  draft: z.boolean().optional(),
  merged: z.boolean().nullish(),
  merged_at: z.string().nullish(),
  head: branch,
  base: branch,
  labels: z.array(label).optional(),
});
const release = z.looseObject({
  id: z.number(),
  tag_name: z.string(),
  name: z.string().nullable(),
  body: z.string().nullish(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  html_url: z.string(),
  target_commitish: z.string().optional(),
  published_at: z.string().nullish(),
  author: userOrGhost.optional(),
});
const workflowRun = z.looseObject({
  id: z.number(),
  name: z.string().nullable(),
  display_title: z.string().optional(),
  head_branch: z.string().nullable(),
  head_sha: z.string(),
  event: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  html_url: z.string(),
  run_number: z.number(),
  run_attempt: z.number().optional(),
  workflow_id: z.number(),
});
const workflow = z.looseObject({ id: z.number(), name: z.string(), path: z.string() });
const commit = z.looseObject({
  id: z.string(),
  message: z.string(),
  timestamp: z.string(),
  url: z.string(),
  distinct: z.boolean().optional(),
  author: z.looseObject({ name: z.string(), email: z.string().nullable(), username: z.string().optional() }),
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
  modified: z.array(z.string()).optional(),
});

const push = z.looseObject({
  ...envelope,
  // A push's repository may belong to a deleted owner, and GitHub marks its sender optional.
  repository: repository.extend({ owner: userOrGhost }),
  sender: user.optional(),
  ref: z.string(),
  before: z.string(),
  after: z.string(),
  created: z.boolean(),
  deleted: z.boolean(),
  forced: z.boolean(),
  base_ref: z.string().nullable(),
  compare: z.string(),
  commits: z.array(commit),
  head_commit: commit.nullable(),
  pusher: z.looseObject({ name: z.string(), email: z.string().nullish() }),
});
// Sent once when the hook is created (repository, organization or app hook): everything optional.
const ping = z.looseObject({
  zen: z.string().optional(),
  hook_id: z.number().optional(),
  hook: z
    .looseObject({
      id: z.number(),
      type: z.string(),
      events: z.array(z.string()),
      active: z.boolean(),
      config: z.looseObject({ content_type: z.string().optional(), url: z.string().optional() }).optional(),
    })
    .optional(),
  repository: repository.optional(),
  organization: envelope.organization,
  sender: user.optional(),
});

type ActionSchemas<E extends GitHubActionEvent, Shape extends z.core.$ZodLooseShape> = {
  readonly [A in (typeof GITHUB_ACTIONS)[E][number] as `${E}.${A}`]: z.ZodObject<
    Shape & { action: z.ZodLiteral<A> },
    z.core.$loose
  >;
};

/** One schema per action, so `on('issues.opened')` narrows `action` to `'opened'`. */
function withActions<E extends GitHubActionEvent, Shape extends z.core.$ZodLooseShape>(
  event: E,
  shape: Shape,
): ActionSchemas<E, Shape> {
  const entries = GITHUB_ACTIONS[event].map((action) => [
    `${event}.${action}`,
    z.looseObject({ ...shape, action: z.literal(action) }),
  ]);
  return Object.fromEntries(entries) as ActionSchemas<E, Shape>;
}

export const githubEventSchemas = {
  push,
  ping,
  ...withActions('issues', {
    ...envelope,
    issue,
    label: label.optional(),
    assignee: userOrGhost.optional(),
  }),
  ...withActions('issue_comment', { ...envelope, issue, comment }),
  ...withActions('pull_request', {
    ...envelope,
    number: z.number(),
    pull_request: pullRequest,
    label: label.optional(),
  }),
  ...withActions('release', { ...envelope, sender: user.optional(), release }),
  ...withActions('workflow_run', { ...envelope, workflow_run: workflowRun, workflow: workflow.nullish() }),
};

export type GitHubEventName = keyof typeof githubEventSchemas;
export type GitHubEventOf<N extends GitHubEventName> = z.output<(typeof githubEventSchemas)[N]>;
