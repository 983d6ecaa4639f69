/**
 * Type tests, checked by `tsc`: a robot message's `msgtype` narrows it, and a handler may answer
 * with a robot message only. Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import { createReceiver, type DingtalkRobotMeta, dingtalkRobot, type HandlerContext } from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(dingtalkRobot({ appSecret: 's' }));

receiver.on('text', (message, context) => {
  expectTypeOf(message.text.content).toBeString();
  expectTypeOf(message.msgId).toBeString();
  expectTypeOf(message.sessionWebhook).toEqualTypeOf<string | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<DingtalkRobotMeta>>();
  return { msgtype: 'text', text: { content: 'hi' }, at: { atUserIds: ['manager4220'] } };
});

receiver.on('picture', () => ({ msgtype: 'markdown', markdown: { title: 't', text: '**x**' } }));
receiver.on('file', () => ({ msgtype: 'actionCard', actionCard: { title: 't', text: 'x' } }));

// @ts-expect-error a text reply needs its content
receiver.on('text', () => ({ msgtype: 'text', text: {} }));
// @ts-expect-error not a robot message type
receiver.on('text', () => ({ msgtype: 'link', link: {} }));
// @ts-expect-error not a message DingTalk sends a robot
receiver.on('event.nope', () => {});
