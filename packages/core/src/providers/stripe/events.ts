import { z } from 'zod';

/**
 * zod schemas for Stripe's event objects (https://docs.stripe.com/api/events/object), keyed by
 * the event's `type`. The envelope's fields are the ones every event carries; `data.object` is
 * the API resource at the time of the event, typed loosely (the fields bots read first, as the
 * API reference names them). Objects are loose: every other field, and fields Stripe adds in a
 * later API version, are kept as sent. Events without a schema here arrive as `other`, typed by
 * the envelope.
 */
const metadata = z.record(z.string(), z.string());
const id = z.string();
const customerRef = z.union([z.string(), z.looseObject({ id })]).nullable();

const envelope = {
  /** `evt_…`: the same for every retry of a delivery, so it is the dedupe key. */
  id,
  object: z.literal('event'),
  /** The API version the event was rendered with; null for some Connect and old events. */
  api_version: z.string().nullable(),
  /** Unix seconds when the event was created. */
  created: z.number(),
  livemode: z.boolean(),
  pending_webhooks: z.number().optional(),
  account: z.string().optional(),
  // An object since API version 2017-05-25; the request id as a string before it.
  request: z
    .union([
      z.looseObject({ id: z.string().nullable(), idempotency_key: z.string().nullable().optional() }),
      z.string(),
    ])
    .nullable()
    .optional(),
};

/** Any Stripe event: what every `type` shares. */
export const stripeEventEnvelope = z.looseObject({
  ...envelope,
  type: z.string(),
  data: z.looseObject({
    object: z.looseObject({ object: z.string() }),
    previous_attributes: z.record(z.string(), z.unknown()).optional(),
  }),
});

const checkoutSession = z.looseObject({
  id,
  object: z.literal('checkout.session'),
  mode: z.string(),
  status: z.string().nullable(),
  payment_status: z.string(),
  customer: customerRef,
  customer_email: z.string().nullish(),
  client_reference_id: z.string().nullable(),
  amount_total: z.number().nullable(),
  currency: z.string().nullable(),
  payment_intent: z.union([z.string(), z.looseObject({ id })]).nullable(),
  subscription: z
    .union([z.string(), z.looseObject({ id })])
    .nullable()
    .optional(),
  metadata: metadata.nullable(),
});

const paymentIntent = z.looseObject({
  id,
  object: z.literal('payment_intent'),
  amount: z.number(),
  amount_received: z.number().optional(),
  currency: z.string(),
  status: z.string(),
  customer: customerRef,
  description: z.string().nullable(),
  metadata,
  last_payment_error: z
    .looseObject({ code: z.string().optional(), message: z.string().optional(), type: z.string() })
    .nullable(),
});

const invoice = z.looseObject({
  id: z.string().nullable(),
  object: z.literal('invoice'),
  customer: customerRef,
  customer_email: z.string().nullable(),
  status: z.string().nullable(),
  amount_due: z.number(),
  amount_paid: z.number(),
  amount_remaining: z.number().optional(),
  currency: z.string(),
  hosted_invoice_url: z.string().nullish(),
  metadata: metadata.nullable(),
});

const subscriptionItem = z.looseObject({
  id,
  object: z.literal('subscription_item'),
  price: z.looseObject({ id, object: z.literal('price') }),
  quantity: z.number().optional(),
});
const subscription = z.looseObject({
  id,
  object: z.literal('subscription'),
  customer: z.union([z.string(), z.looseObject({ id })]),
  status: z.string(),
  cancel_at_period_end: z.boolean(),
  canceled_at: z.number().nullable(),
  items: z.looseObject({ object: z.literal('list'), data: z.array(subscriptionItem) }),
  metadata,
});

function event<T extends string, O extends z.ZodType>(type: T, object: O) {
  return z.looseObject({
    ...envelope,
    type: z.literal(type),
    data: z.looseObject({ object, previous_attributes: z.record(z.string(), z.unknown()).optional() }),
  });
}

export const stripeEventSchemas = {
  'checkout.session.completed': event('checkout.session.completed', checkoutSession),
  'payment_intent.succeeded': event('payment_intent.succeeded', paymentIntent),
  'payment_intent.payment_failed': event('payment_intent.payment_failed', paymentIntent),
  'invoice.paid': event('invoice.paid', invoice),
  'invoice.payment_failed': event('invoice.payment_failed', invoice),
  'customer.subscription.created': event('customer.subscription.created', subscription),
  'customer.subscription.updated': event('customer.subscription.updated', subscription),
  'customer.subscription.deleted': event('customer.subscription.deleted', subscription),
  /** Every other `type`: the envelope only; `event.type` says which. */
  other: stripeEventEnvelope,
};

export type StripeEventName = keyof typeof stripeEventSchemas;
export type StripeEventOf<N extends StripeEventName> = z.output<(typeof stripeEventSchemas)[N]>;
/** Any Stripe event, as the envelope types it. */
export type StripeEvent = z.output<typeof stripeEventEnvelope>;
