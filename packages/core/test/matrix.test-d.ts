/**
 * Type tests, checked by `tsc`: Matrix event names narrow to that event and message type, the
 * meta carries the txnId, and handlers can reply nothing.
 */
import {
  createReceiver,
  type HandlerContext,
  type MatrixEventOf,
  type MatrixMeta,
  matrix,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(matrix({ hsToken: 'hs' }));

receiver.on('m.room.message.m.text', (event, context) => {
  expectTypeOf(event.content.body).toBeString();
  expectTypeOf(event.content.msgtype).toEqualTypeOf<'m.text'>();
  expectTypeOf(event.event_id).toBeString();
  expectTypeOf(event.room_id).toBeString();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<MatrixMeta>>();
  expectTypeOf(context.meta.txnId).toEqualTypeOf<string | undefined>();
  expectTypeOf(context.meta.ephemeral).toBeBoolean();
});

receiver.on('m.room.message', (event) => {
  if (event.content.msgtype === 'm.image')
    expectTypeOf(event.content.url).toEqualTypeOf<string | undefined>();
  if (event.content.msgtype === 'm.location') expectTypeOf(event.content.geo_uri).toBeString();
});

receiver.on('m.room.member', (event) => {
  expectTypeOf(event.state_key).toBeString();
  expectTypeOf(event.content.membership).toEqualTypeOf<'invite' | 'join' | 'knock' | 'leave' | 'ban'>();
  expectTypeOf(event).toEqualTypeOf<MatrixEventOf<'m.room.member'>>();
});

receiver.on('m.reaction', (event) => {
  expectTypeOf(event.content['m.relates_to'].key).toBeString();
});

receiver.on('m.typing', (event) => {
  expectTypeOf(event.content.user_ids).toEqualTypeOf<string[]>();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// The homeserver reads only 200 {}: a handler cannot reply.
// @ts-expect-error a reply the event cannot carry
receiver.on('m.room.message.m.text', () => ({ body: 'hi' }));

// @ts-expect-error no such event
receiver.on('m.room.message.m.hologram', () => {});
