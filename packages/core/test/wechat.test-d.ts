/**
 * Type tests, checked by `tsc`: a WeChat event name narrows the message, messages may return a
 * passive reply (music included), events may not.
 */
import { createReceiver, type HandlerContext, type WechatMeta, wechat } from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(wechat({ token: 't' }));

receiver.on('text', (event, context) => {
  expectTypeOf(event.Content).toBeString();
  expectTypeOf(event.MsgId).toBeString();
  expectTypeOf(event.MsgType).toEqualTypeOf<'text'>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<WechatMeta>>();
  expectTypeOf(context.meta.encrypted).toBeBoolean();
  return { type: 'music', thumbMediaId: 'm', title: 'song' };
});

receiver.on('event.CLICK', (event) => {
  expectTypeOf(event.EventKey).toBeString();
  expectTypeOf(event.Event).toEqualTypeOf<'CLICK'>();
});

// @ts-expect-error an event gets no passive reply
receiver.on('event.subscribe', () => ({ type: 'text', content: 'welcome' }));

// @ts-expect-error a music reply needs its thumbnail
receiver.on('text', () => ({ type: 'music' }));

// @ts-expect-error `wechat()` needs its Token
wechat({});
