/**
 * Type tests, checked by `tsc`: senders described with hmac(), token() and standardWebhooks() are
 * typed by their schemas when given, open (any name, `unknown` payload) when not.
 */
import {
  createReceiver,
  type HandlerContext,
  hmac,
  jsonResponse,
  type SenderMeta,
  standardWebhooks,
  token,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';
import { z } from 'zod';

const signature = { header: 'x-sig' } as const;

// Without schemas: any event name, payload `unknown`, no reply.
const open = createReceiver(hmac({ secret: 's', signature, event: { body: 'kind' } }));
open.on('build.finished', (event, context) => {
  expectTypeOf(event).toBeUnknown();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<SenderMeta>>();
  expectTypeOf(context.meta.timestamp).toEqualTypeOf<number | undefined>();
});
open.on('*', (event) => {
  expectTypeOf(event).toEqualTypeOf<unknown>();
});
// @ts-expect-error the sender reads no reply unless respond() is given
open.on('build.finished', () => ({ text: 'hi' }));

// With schemas: listed names only, typed payloads, prefixes narrow to the union.
const alerts = createReceiver(
  token({
    header: 'x-token',
    secret: 't',
    event: { body: 'kind' },
    events: {
      'alert.fired': z.looseObject({ kind: z.literal('alert.fired'), severity: z.enum(['low', 'high']) }),
      'alert.resolved': z.looseObject({ kind: z.literal('alert.resolved'), after_seconds: z.number() }),
    },
  }),
);
alerts.on('alert.fired', (event) => {
  expectTypeOf(event.severity).toEqualTypeOf<'low' | 'high'>();
});
alerts.on('alert', (event) => {
  expectTypeOf(event.kind).toEqualTypeOf<'alert.fired' | 'alert.resolved'>();
  if (event.kind === 'alert.resolved') expectTypeOf(event.after_seconds).toBeNumber();
});
alerts.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});
// @ts-expect-error not a name the schemas list
alerts.on('alert.snoozed', () => {});

// respond() decides what a handler may return.
const chatty = createReceiver(
  hmac({
    secret: 's',
    signature,
    event: { body: 'kind' },
    respond: (reply: { text: string } | undefined) => jsonResponse(200, { text: reply?.text ?? '' }),
  }),
);
chatty.on('ping', () => ({ text: 'pong' }));
chatty.on('ping', async () => undefined);
// @ts-expect-error the reply must fit respond()'s parameter
chatty.on('ping', () => ({ txt: 'pong' }));

// standardWebhooks() takes the same schemas.
const svix = createReceiver(
  standardWebhooks({
    secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    events: {
      'invoice.paid': z.looseObject({
        type: z.literal('invoice.paid'),
        data: z.looseObject({ amount: z.number() }),
      }),
    },
  }),
);
svix.on('invoice', (event) => {
  expectTypeOf(event.data.amount).toBeNumber();
});
