/**
 * Type tests, checked by `tsc`: GitHub event names narrow to the payload of that event and action.
 * Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type GitHubAction,
  type GitHubEventOf,
  type GitHubMeta,
  github,
  type HandlerContext,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(github({ secret: 's' }));

receiver.on('issues.opened', (event, context) => {
  expectTypeOf(event.issue.number).toBeNumber();
  expectTypeOf(event.action).toEqualTypeOf<'opened'>();
  expectTypeOf(event.repository.full_name).toBeString();
  expectTypeOf(event.issue.user).toEqualTypeOf<GitHubEventOf<'issues.opened'>['issue']['user']>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<GitHubMeta>>();
  expectTypeOf(context.meta.hookId).toEqualTypeOf<string | undefined>();
});

receiver.on('issues', (event) => {
  expectTypeOf(event.action).toEqualTypeOf<GitHubAction<'issues'>>();
  if (event.action === 'labeled') expectTypeOf(event).toEqualTypeOf<GitHubEventOf<'issues.labeled'>>();
});

receiver.on('pull_request.closed', (event) => {
  expectTypeOf(event.pull_request.merged).toEqualTypeOf<boolean | null | undefined>();
  expectTypeOf(event.pull_request.head.ref).toBeString();
  expectTypeOf(event.number).toBeNumber();
});

receiver.on('push', (event) => {
  expectTypeOf(event.ref).toBeString();
  expectTypeOf(event.commits[0]!.message).toBeString();
  // A push may come from a deleted account: the owner can be null, unlike other events.
  // @ts-expect-error possibly null
  event.repository.owner.login;
  expectTypeOf(event.repository.owner?.login).toEqualTypeOf<string | undefined>();
});

receiver.on('workflow_run.completed', (event) => {
  expectTypeOf(event.workflow_run.conclusion).toEqualTypeOf<string | null>();
});

receiver.on(['release.published', 'release.released'], (event) => {
  expectTypeOf(event.action).toEqualTypeOf<'published' | 'released'>();
  expectTypeOf(event.release.tag_name).toBeString();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// @ts-expect-error GitHub's event is `issues`, not `issue`
receiver.on('issue.opened', () => {});

// @ts-expect-error GitHub reads only the status: handlers cannot reply
receiver.on('push', () => ({ text: 'hi' }));
