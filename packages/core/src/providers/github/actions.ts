/**
 * The `action` values GitHub documents for the events hookguard types (GitHub's webhook events
 * reference, as listed by @octokit/openapi-webhooks 12). A new action GitHub adds arrives as an
 * `unknown` event with its name (`issues.<action>`) until it is listed here.
 */
export const GITHUB_ACTIONS = {
  issues: [
    'assigned',
    'closed',
    'deleted',
    'demilestoned',
    'edited',
    'labeled',
    'locked',
    'milestoned',
    'opened',
    'pinned',
    'reopened',
    'transferred',
    'typed',
    'unassigned',
    'unlabeled',
    'unlocked',
    'unpinned',
    'untyped',
  ],
  issue_comment: ['created', 'deleted', 'edited'],
  pull_request: [
    'assigned',
    'auto_merge_disabled',
    'auto_merge_enabled',
    'closed',
    'converted_to_draft',
    'demilestoned',
    'dequeued',
    'edited',
    'enqueued',
    'labeled',
    'locked',
    'milestoned',
    'opened',
    'ready_for_review',
    'reopened',
    'review_request_removed',
    'review_requested',
    'synchronize',
    'unassigned',
    'unlabeled',
    'unlocked',
  ],
  release: ['created', 'deleted', 'edited', 'prereleased', 'published', 'released', 'unpublished'],
  workflow_run: ['completed', 'in_progress', 'requested'],
} as const;

export type GitHubActionEvent = keyof typeof GITHUB_ACTIONS;
export type GitHubAction<E extends GitHubActionEvent> = (typeof GITHUB_ACTIONS)[E][number];
