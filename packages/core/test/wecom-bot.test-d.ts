/**
 * Type tests, checked by `tsc`: a smart bot's event name narrows the decrypted JSON, and each
 * callback's handler may return only the replies WeCom accepts for it. Each `@ts-expect-error`
 * fails the typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type WecomBotEventOf,
  type WecomBotMeta,
  type WecomBotStreamReply,
  wecomBot,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(wecomBot({ token: 't', encodingAESKey: 'a'.repeat(43) }));

receiver.on('text', (event, context) => {
  expectTypeOf(event.msgtype).toEqualTypeOf<'text'>();
  expectTypeOf(event.text.content).toBeString();
  expectTypeOf(event.msgid).toBeString();
  expectTypeOf(event.from.userid).toBeString();
  expectTypeOf(event.chatid).toEqualTypeOf<string | undefined>();
  expectTypeOf(event.chattype).toEqualTypeOf<'single' | 'group' | undefined>();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<WecomBotMeta>>();
  return { msgtype: 'stream', stream: { id: event.msgid, content: '…' } };
});

receiver.on('mixed', (event) => {
  expectTypeOf(event.mixed.msg_item[0]!.msgtype).toBeString();
  return { msgtype: 'template_card', template_card: { card_type: 'text_notice' } };
});
receiver.on('image', (event) => {
  expectTypeOf(event.image.url).toBeString();
  return { msgtype: 'stream_with_template_card', stream: { id: 's', finish: true } };
});

// @ts-expect-error a stream needs its id
receiver.on('text', () => ({ msgtype: 'stream', stream: { content: 'x' } }));
// @ts-expect-error a message is answered with a stream or a card, not a welcome text
receiver.on('text', () => ({ msgtype: 'text', text: { content: 'hi' } }));
// @ts-expect-error the reply says msgtype, not type
receiver.on('voice', () => ({ type: 'stream', stream: { id: 's' } }));

receiver.on('stream', (event): WecomBotStreamReply => {
  expectTypeOf(event.stream.id).toBeString();
  return { msgtype: 'stream', stream: { id: event.stream.id, finish: true } };
});
// @ts-expect-error a stream refresh is answered with the stream only
receiver.on('stream', () => ({ msgtype: 'template_card', template_card: {} }));

receiver.on('event.enter_chat', (event) => {
  expectTypeOf(event.event.eventtype).toEqualTypeOf<'enter_chat'>();
  return { msgtype: 'text', text: { content: '欢迎' } };
});

receiver.on('event.template_card_event', (event) => {
  expectTypeOf(event).toEqualTypeOf<WecomBotEventOf<'event.template_card_event'>>();
  expectTypeOf(event.event.template_card_event.event_key).toBeString();
  return { response_type: 'update_template_card', template_card: { card_type: 'text_notice' } };
});
// @ts-expect-error a card event is answered with the card updated, not a new message
receiver.on('event.template_card_event', () => ({ msgtype: 'text', text: { content: 'ok' } }));

receiver.on('event.feedback_event', (event) => {
  expectTypeOf(event.event.feedback_event.type).toBeNumber();
});
// @ts-expect-error a feedback event gets only the empty answer
receiver.on('event.feedback_event', () => ({ msgtype: 'stream', stream: { id: 's' } }));

// @ts-expect-error not an event the smart bot sends
receiver.on('event.click', () => {});
