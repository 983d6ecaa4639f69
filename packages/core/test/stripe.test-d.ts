/**
 * Type tests, checked by `tsc`: a Stripe event type narrows `data.object`, every other type is
 * `other` (typed by the envelope), handlers cannot reply. Each `@ts-expect-error` fails the
 * typecheck if the line ever compiles.
 */
import {
  createReceiver,
  type HandlerContext,
  type StripeEvent,
  type StripeEventOf,
  type StripeMeta,
  stripe,
  type UnknownEvent,
} from '@hookguard/core';
import { expectTypeOf } from 'vitest';

const receiver = createReceiver(stripe({ secret: 'whsec_x' }));

receiver.on('checkout.session.completed', (event, context) => {
  expectTypeOf(event.type).toEqualTypeOf<'checkout.session.completed'>();
  expectTypeOf(event.id).toBeString();
  expectTypeOf(event.livemode).toBeBoolean();
  expectTypeOf(event.created).toBeNumber();
  expectTypeOf(event.api_version).toEqualTypeOf<string | null>();
  expectTypeOf(event.data.object.object).toEqualTypeOf<'checkout.session'>();
  expectTypeOf(event.data.object.amount_total).toEqualTypeOf<number | null>();
  expectTypeOf(event.data.object.metadata).toEqualTypeOf<Record<string, string> | null>();
  // Loose objects: a field Stripe adds is there, typed unknown until checked.
  expectTypeOf(event.data.object['customer_details']).toBeUnknown();
  expectTypeOf(context).toEqualTypeOf<HandlerContext<StripeMeta>>();
  expectTypeOf(context.meta.timestamp).toEqualTypeOf<number | undefined>();
});

// A prefix is the union of the events under it.
receiver.on('payment_intent', (event) => {
  expectTypeOf(event.type).toEqualTypeOf<'payment_intent.succeeded' | 'payment_intent.payment_failed'>();
  expectTypeOf(event.data.object.amount).toBeNumber();
  expectTypeOf(event.data.object.last_payment_error?.type).toEqualTypeOf<string | undefined>();
});

receiver.on('customer.subscription', (event) => {
  expectTypeOf(event.data.object.status).toBeString();
  expectTypeOf(event.data.object.items.data[0]!.price.id).toBeString();
  expectTypeOf(event.data.previous_attributes).toEqualTypeOf<Record<string, unknown> | undefined>();
});

receiver.on('invoice.payment_failed', (event) => {
  expectTypeOf(event).toEqualTypeOf<StripeEventOf<'invoice.payment_failed'>>();
  expectTypeOf(event.data.object.amount_due).toBeNumber();
});

receiver.on('other', (event) => {
  expectTypeOf(event).toEqualTypeOf<StripeEvent>();
  expectTypeOf(event.type).toBeString();
  expectTypeOf(event.data.object.object).toBeString();
});

receiver.on('unknown', (event) => {
  expectTypeOf(event).toEqualTypeOf<UnknownEvent>();
});

// @ts-expect-error Stripe handlers cannot reply: only the status is read
receiver.on('invoice.paid', () => ({ received: true }));

// @ts-expect-error not a typed name: other types arrive as `other`
receiver.on('charge.refunded', () => {});

// @ts-expect-error the option is `secret`
stripe({ signingSecret: 'whsec_x' });

// docs/senders.md, "Stripe", kept compiling.
declare function fulfil(reference: string | null): void;
declare function warn(customer: unknown): void;
declare function sync(subscription: { status: string }): void;
declare function log(...values: unknown[]): void;
export const billing = createReceiver(stripe({ secret: process.env['STRIPE_WEBHOOK_SECRET']! }))
  .on('checkout.session.completed', (event) => fulfil(event.data.object.client_reference_id))
  .on('invoice.payment_failed', (event) => warn(event.data.object.customer))
  .on('customer.subscription', (event) => sync(event.data.object))
  .on('other', (event) => log(event.type, event.id));
