/**
 * Type tests, checked by `tsc` (pnpm test runs it): narrowing by event name and typed replies.
 * Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type GroupMessageEvent,
  type HandlerContext,
  type OneBotMeta,
  onebot,
  type PrivateMessageEvent,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(onebot({ secret: 's' }));

receiver.on('message.group', (event, context) => {
  expectTypeOf(event).toEqualTypeOf<GroupMessageEvent>();
  expectTypeOf(event.group_id).toBeNumber();
  expectTypeOf(event.sub_type).toEqualTypeOf<'normal' | 'anonymous' | 'notice'>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<OneBotMeta>>();
  expectTypeOf(context.meta.selfId).toEqualTypeOf<string | undefined>();
  return { reply: 'pong', at_sender: true };
});

receiver.on('message.group.anonymous', (event) => {
  expectTypeOf(event.sub_type).toEqualTypeOf<'anonymous'>();
});

receiver.on('message', (event) => {
  expectTypeOf(event).toEqualTypeOf<PrivateMessageEvent | GroupMessageEvent>();
  if (event.message_type === 'group') expectTypeOf(event.group_id).toBeNumber();
});

receiver.on('notice.group_ban', (event) => {
  expectTypeOf(event.duration).toBeNumber();
  expectTypeOf(event.sub_type).toEqualTypeOf<'ban' | 'lift_ban'>();
});

receiver.on('request.friend', (event) => {
  expectTypeOf(event.flag).toBeString();
  return { approve: true, remark: 'friend' };
});

receiver.on('request.group', async () => ({ approve: false, reason: 'full' }));

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

receiver.on(['notice.friend_add', 'request.friend'], (event) => {
  expectTypeOf(event.post_type).toEqualTypeOf<'notice' | 'request'>();
});

// A handler may return nothing for any event.
receiver.on('message.private', () => undefined);
receiver.on('notice', async () => {});

// @ts-expect-error a message handler cannot approve a request
receiver.on('message.group', () => ({ approve: true }));

// @ts-expect-error notices take no quick operation
receiver.on('notice', () => ({ reply: 'x' }));

// @ts-expect-error at_sender is for group messages only
receiver.on('message.private', () => ({ reply: 'x', at_sender: true }));

// @ts-expect-error a friend request has no `reason`
receiver.on('request.friend', () => ({ approve: false, reason: 'no' }));

// @ts-expect-error meta events take no reply, async either
receiver.on('meta_event', async () => ({ reply: 'x' }));

// @ts-expect-error not an event name or prefix
receiver.on('message.groups', () => undefined);

// @ts-expect-error a partial segment of a name is not a prefix
receiver.on('mess', () => undefined);

// @ts-expect-error the reply must be a message, not a number
receiver.on('message.group', () => ({ reply: 42 }));

// A handler whose body is a call returning void is fine where no reply is possible.
declare function log(value: unknown): void;
receiver.on('notice', (event) => log(event));
receiver.on('message.group', (event) => log(event.group_id));
