/**
 * Type tests, checked by `tsc`: a QQ event name narrows the envelope's `d`, handlers cannot reply.
 * Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type QQBotEventOf,
  type QQBotMeta,
  qqBot,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(qqBot({ secret: 's', appId: '102012345' }));

// `e` narrows to the C2C envelope (`void`: handlers return nothing).
receiver.on('C2C_MESSAGE_CREATE', (e) => void e.d.content.length);

receiver.on('C2C_MESSAGE_CREATE', (event, context) => {
  expectTypeOf(event.d.content).toBeString();
  expectTypeOf(event.d.author.user_openid).toBeString();
  expectTypeOf(event.t).toEqualTypeOf<'C2C_MESSAGE_CREATE'>();
  expectTypeOf(event.op).toEqualTypeOf<0>();
  expectTypeOf(event.id).toBeString();
  expectTypeOf(event.s).toEqualTypeOf<number | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<QQBotMeta>>();
  expectTypeOf(context.meta.appId).toEqualTypeOf<string | undefined>();
  // Loose objects: a field QQ adds later is there, typed unknown until checked.
  expectTypeOf(event.d.author['member_openid']).toBeUnknown();
});

receiver.on('GROUP_AT_MESSAGE_CREATE', (event) => {
  expectTypeOf(event.d.group_openid).toBeString();
  expectTypeOf(event.d.author.member_openid).toBeString();
});

receiver.on('GROUP_ADD_ROBOT', (event) => {
  expectTypeOf(event.d.timestamp).toBeNumber();
  expectTypeOf(event).toEqualTypeOf<QQBotEventOf<'GROUP_ADD_ROBOT'>>();
});

receiver.on('INTERACTION_CREATE', (event) => {
  expectTypeOf(event.d.data.resolved.button_data).toEqualTypeOf<string | undefined>();
});

receiver.on(['FRIEND_ADD', 'FRIEND_DEL'], (event) => {
  expectTypeOf(event.t).toEqualTypeOf<'FRIEND_ADD' | 'FRIEND_DEL'>();
  expectTypeOf(event.d.openid).toBeString();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// @ts-expect-error QQ reads only the ACK: handlers cannot reply
receiver.on('C2C_MESSAGE_CREATE', () => ({ content: 'hi' }));

// @ts-expect-error not even a string
receiver.on('GROUP_AT_MESSAGE_CREATE', () => 'pong');

// @ts-expect-error not a QQ event name
receiver.on('C2C_MESSAGE', () => {});

// Returning nothing, synchronously or not, is fine.
receiver.on('FRIEND_ADD', async () => {});

// docs/senders.md, "QQ official bots", kept compiling.
declare function replyTo(openid: string, messageId: string, text: string): Promise<void>;
declare function replyInGroup(groupOpenid: string, messageId: string, text: string): Promise<void>;
export const bot = createReceiver(
  qqBot({ secret: process.env.QQ_APP_SECRET!, appId: process.env.QQ_APP_ID! }),
)
  .on('C2C_MESSAGE_CREATE', async (event) => {
    await replyTo(event.d.author.user_openid, event.d.id, `you said ${event.d.content}`); // OpenAPI
  })
  .on('GROUP_AT_MESSAGE_CREATE', async (event) => {
    await replyInGroup(event.d.group_openid, event.d.id, '收到');
  });
