/**
 * Type tests, checked by `tsc`: narrowing by GOWA event name and prefix, and that no WhatsApp
 * handler can return a reply. Each `@ts-expect-error` fails the typecheck if the line compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type UnknownEvent,
  type WhatsAppCallOfferEvent,
  type WhatsAppEventOf,
  type WhatsAppMessageEvent,
  type WhatsAppMeta,
  type WhatsAppReceiptEvent,
  whatsapp,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(whatsapp({ secret: 's' }));

receiver.on('message', (event, context) => {
  // `message` is both an event and the prefix of message.reaction, message.ack, ...
  expectTypeOf(event.event).toEqualTypeOf<
    'message' | 'message.reaction' | 'message.revoked' | 'message.edited' | 'message.ack' | 'message.deleted'
  >();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<WhatsAppMeta>>();
  expectTypeOf(context.meta.deviceId).toEqualTypeOf<string | undefined>();
  if (event.event === 'message') {
    expectTypeOf(event).toEqualTypeOf<WhatsAppMessageEvent>();
    expectTypeOf(event.device_id).toBeString();
    expectTypeOf(event.payload.body).toEqualTypeOf<string | undefined>();
    expectTypeOf(event.payload.image).toEqualTypeOf<
      | string
      | { [x: string]: unknown; path: string; caption: string }
      | { [x: string]: unknown; url: string; caption: string }
      | undefined
    >();
    expectTypeOf(event.payload.document).toEqualTypeOf<
      | string
      | { [x: string]: unknown; path: string; caption: string }
      | { [x: string]: unknown; url: string; filename: string }
      | undefined
    >();
    expectTypeOf(event.payload.audio).toEqualTypeOf<
      string | { [x: string]: unknown; url: string } | undefined
    >();
    expectTypeOf(event.payload.location?.degreesLatitude).toEqualTypeOf<number | undefined>();
    expectTypeOf(event.payload.contacts_array).toEqualTypeOf<
      | { [x: string]: unknown; displayName: string; vcard: string; phone_number?: string | undefined }[]
      | undefined
    >();
  }
  if (event.event === 'message.ack') {
    expectTypeOf(event.payload.ids).toEqualTypeOf<string[]>();
  }
  // Objects are loose (GOWA may add fields), so an un-narrowed field is only `unknown`.
  expectTypeOf(event.payload.body).toBeUnknown();
});

receiver.on('message.ack', (event) => {
  expectTypeOf(event).toEqualTypeOf<WhatsAppReceiptEvent>();
  expectTypeOf(event.payload.receipt_type).toEqualTypeOf<'delivered' | 'read' | 'read-self'>();
  expectTypeOf(event.timestamp).toBeString();
  expectTypeOf(event.device_id).toEqualTypeOf<string | undefined>();
});

receiver.on('message.reaction', (event) => {
  expectTypeOf(event.payload.reaction).toBeString();
  expectTypeOf(event.payload.reacted_message_id).toEqualTypeOf<string | undefined>();
});

receiver.on('group', (event) => {
  expectTypeOf(event.event).toEqualTypeOf<'group.participants' | 'group.joined'>();
  expectTypeOf(event.payload.jids).toEqualTypeOf<string[]>();
  expectTypeOf(event.payload.type).toEqualTypeOf<'join' | 'leave' | 'promote' | 'demote'>();
});

receiver.on('call', (event) => {
  expectTypeOf(event).toEqualTypeOf<WhatsAppCallOfferEvent>();
  expectTypeOf(event.payload.auto_rejected).toBeBoolean();
});

receiver.on('newsletter', (event) => {
  expectTypeOf(event.event).toEqualTypeOf<
    'newsletter.joined' | 'newsletter.left' | 'newsletter.mute' | 'newsletter.message'
  >();
});

receiver.on('chat_presence', (event) => {
  expectTypeOf(event.payload.state).toEqualTypeOf<'composing' | 'paused'>();
  expectTypeOf(event.payload.media).toEqualTypeOf<'' | 'audio'>();
});

receiver.on('label.edit', (event) => {
  expectTypeOf(event.payload.predefined_id).toEqualTypeOf<number | undefined>();
});

// v7 flat bodies: typed as sent, under `legacy`.
receiver.on('legacy', (event) => {
  expectTypeOf(event.sender_id).toBeString();
  expectTypeOf(event.timestamp).toBeString();
});

receiver.on('legacy.message', (_event, context) => {
  expectTypeOf(context.name).toBeString();
});

receiver.on('legacy.message.revoked', (event) => {
  expectTypeOf(event.action).toEqualTypeOf<'message_revoked'>();
  expectTypeOf(event.revoked_message_id).toEqualTypeOf<string | undefined>();
  expectTypeOf(event.chat_id).toBeString();
});

receiver.on('legacy.message.reaction', (event) => {
  expectTypeOf(event.reaction).toEqualTypeOf<{ message: string; id: string; [key: string]: unknown }>();
  expectTypeOf(event.message?.text).toEqualTypeOf<string | undefined>();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

receiver.on(['call.offer', 'message.ack'], (event) => {
  expectTypeOf(event.event).toEqualTypeOf<'call.offer' | 'message.ack'>();
});

expectTypeOf<WhatsAppEventOf<'group.joined'>['payload']['type']>().toEqualTypeOf<'join'>();

// A handler returns nothing, sync or async.
receiver.on('message', () => undefined);
receiver.on('*', async () => {});

// @ts-expect-error GOWA reads no response body: no event takes a reply
receiver.on('message', () => ({ reply: 'hi' }));

// @ts-expect-error not even asynchronously
receiver.on('call.offer', async () => ({ reject: true }));

// @ts-expect-error not an event name or prefix
receiver.on('messages', () => undefined);

// @ts-expect-error v7 bodies are named under `legacy`, not by their `action`
receiver.on('message_revoked', () => undefined);

// @ts-expect-error a secret is required: GOWA always signs
whatsapp({});
