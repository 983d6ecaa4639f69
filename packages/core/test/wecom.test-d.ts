/**
 * Type tests, checked by `tsc`: a WeCom event name narrows the decrypted message, messages may
 * return a passive reply, events may not. Each `@ts-expect-error` fails the typecheck if the line
 * ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type WecomEventOf,
  type WecomMeta,
  type WecomReply,
  wecom,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(
  wecom({ token: 't', encodingAESKey: 'a'.repeat(43), corpId: 'ww0123456789abcdef' }),
);

receiver.on('text', (event, context) => {
  expectTypeOf(event.Content).toBeString();
  // Numbers stay text, as sent: a MsgId does not fit a double.
  expectTypeOf(event.MsgId).toBeString();
  expectTypeOf(event.CreateTime).toBeString();
  expectTypeOf(event.MsgType).toEqualTypeOf<'text'>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<WecomMeta>>();
  expectTypeOf(context.meta.agentId).toEqualTypeOf<string | undefined>();
  return { type: 'text', content: 'hi' };
});

receiver.on('image', () => ({ type: 'image', mediaId: 'm' }));
receiver.on('voice', () => ({ type: 'news', articles: [{ title: 'a', url: 'https://example.com' }] }));

// @ts-expect-error a text reply needs its content
receiver.on('text', () => ({ type: 'text' }));
// @ts-expect-error no such reply type
receiver.on('text', () => ({ type: 'markdown', content: 'x' }));

receiver.on('event.click', (event) => {
  expectTypeOf(event.EventKey).toBeString();
  expectTypeOf(event.Event).toEqualTypeOf<'click'>();
});

// @ts-expect-error an event gets no passive reply
receiver.on('event.subscribe', () => ({ type: 'text', content: 'welcome' }));

receiver.on('event.change_contact', (event) => {
  expectTypeOf(event.ChangeType).toBeString();
});

receiver.on('event.change_contact.create_user', (event) => {
  expectTypeOf(event).toEqualTypeOf<WecomEventOf<'event.change_contact.create_user'>>();
  expectTypeOf(event.UserID).toBeString();
});

expectTypeOf<Extract<WecomReply, { type: 'video' }>['title']>().toEqualTypeOf<string | undefined>();

// @ts-expect-error not an event WeCom sends
receiver.on('event.nope', () => {});
