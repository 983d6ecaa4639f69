/**
 * Type tests, checked by `tsc`: a DingTalk `EventType` narrows the decrypted event, handlers
 * return nothing (DingTalk reads only the encrypted `success`), and `check_url` never reaches a
 * handler. Each `@ts-expect-error` fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type DingtalkEventOf,
  type DingtalkMeta,
  dingtalk,
  type HandlerContext,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(dingtalk({ token: 't', aesKey: 'a'.repeat(43), appKey: 'dingappkey' }));

receiver.on('user_add_org', (event, context) => {
  expectTypeOf(event.EventType).toEqualTypeOf<'user_add_org'>();
  expectTypeOf(event.UserId).toEqualTypeOf<string[] | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<DingtalkMeta>>();
  expectTypeOf(context.meta.timestamp).toEqualTypeOf<string | undefined>();
});

receiver.on('bpms_instance_change', (event) => {
  expectTypeOf(event).toEqualTypeOf<DingtalkEventOf<'bpms_instance_change'>>();
  expectTypeOf(event.processInstanceId).toEqualTypeOf<string | undefined>();
});

receiver.on('chat_add_member', (event) => {
  expectTypeOf(event.ChatId).toEqualTypeOf<string | undefined>();
});

// @ts-expect-error DingTalk reads only success: an event handler cannot reply
receiver.on('user_leave_org', () => ({ msgtype: 'text', text: { content: 'bye' } }));

// @ts-expect-error check_url is answered by the provider, never a handler
receiver.on('check_url', () => {});

// @ts-expect-error not an event DingTalk sends
receiver.on('user_nope', () => {});
