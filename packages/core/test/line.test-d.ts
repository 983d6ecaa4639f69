/**
 * Type tests, checked by `tsc`: LINE event names narrow to that event's payload, message kinds
 * to their message, and handlers can reply nothing. Each `@ts-expect-error` fails the typecheck if
 * the line ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type LineEventOf,
  type LineMeta,
  line,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(line({ channelSecret: 's' }));

receiver.on('message.text', (event, context) => {
  expectTypeOf(event.message.text).toBeString();
  expectTypeOf(event.message.type).toEqualTypeOf<'text'>();
  expectTypeOf(event.replyToken).toBeString();
  expectTypeOf(event.webhookEventId).toBeString();
  expectTypeOf(event.deliveryContext.isRedelivery).toBeBoolean();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<LineMeta>>();
  expectTypeOf(context.meta.isRedelivery).toEqualTypeOf<boolean | undefined>();
  expectTypeOf(context.meta.destination).toEqualTypeOf<string | undefined>();
});

receiver.on('message', (event) => {
  expectTypeOf(event.type).toEqualTypeOf<'message'>();
  if (event.message.type === 'sticker') expectTypeOf(event.message.packageId).toBeString();
  if (event.message.type === 'location') expectTypeOf(event.message.latitude).toBeNumber();
  if (event.message.type === 'text') expectTypeOf(event.message.text).toBeString();
});

receiver.on('postback', (event) => {
  expectTypeOf(event.postback.data).toBeString();
  expectTypeOf(event).toEqualTypeOf<LineEventOf<'postback'>>();
});

receiver.on('unfollow', (event) => {
  expectTypeOf(event.type).toEqualTypeOf<'unfollow'>();
  // Loose objects: a field LINE adds later is readable, as unknown.
  expectTypeOf(event.replyToken).toBeUnknown();
});

receiver.on('memberJoined', (event) => {
  expectTypeOf(event.joined.members[0]!.type).toEqualTypeOf<'user' | 'group' | 'room'>();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// LINE reads only the status: replies go through the Messaging API with the replyToken.
// @ts-expect-error no reply
receiver.on('message.text', () => ({ type: 'text', text: 'hi' }));
receiver.on('follow', async () => undefined);

// @ts-expect-error not a LINE event
receiver.on('message.hologram', () => {});

// @ts-expect-error the option is channelSecret
line({ secret: 's' });
