/**
 * Type tests, checked by `tsc`: WhatsApp Cloud event names narrow to that message or status,
 * the meta carries the number and contact, and handlers can reply nothing.
 */
import {
  createReceiver,
  type HandlerContext,
  type UnknownEvent,
  type WhatsAppCloudContact,
  type WhatsAppCloudEventOf,
  type WhatsAppCloudMeta,
  whatsappCloud,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(whatsappCloud({ appSecret: 's', verifyToken: 't' }));

receiver.on('messages.text', (message, context) => {
  expectTypeOf(message.text.body).toBeString();
  expectTypeOf(message.type).toEqualTypeOf<'text'>();
  expectTypeOf(message.id).toBeString();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<WhatsAppCloudMeta>>();
  expectTypeOf(context.meta.phoneNumberId).toEqualTypeOf<string | undefined>();
  expectTypeOf(context.meta.contact).toEqualTypeOf<WhatsAppCloudContact | undefined>();
});

receiver.on('messages', (message) => {
  if (message.type === 'image') expectTypeOf(message.image.id).toBeString();
  if (message.type === 'location') expectTypeOf(message.location.latitude).toBeNumber();
  if (message.type === 'reaction') expectTypeOf(message.reaction.emoji).toEqualTypeOf<string | undefined>();
});

receiver.on('statuses.read', (status) => {
  expectTypeOf(status.status).toEqualTypeOf<'read'>();
  expectTypeOf(status.recipient_id).toBeString();
  expectTypeOf(status).toEqualTypeOf<WhatsAppCloudEventOf<'statuses.read'>>();
});

receiver.on('statuses', (status) => {
  expectTypeOf(status.status).toEqualTypeOf<'sent' | 'delivered' | 'read' | 'failed'>();
});

receiver.on('message_template_status_update', (update) => {
  expectTypeOf(update.message_template_name).toBeString();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// Meta reads only the status: a handler cannot reply.
// @ts-expect-error a reply the event cannot carry
receiver.on('messages.text', () => ({ type: 'text', text: { body: 'hi' } }));

// @ts-expect-error no such event
receiver.on('messages.hologram', () => {});

// @ts-expect-error both are required
whatsappCloud({ appSecret: 's' });
