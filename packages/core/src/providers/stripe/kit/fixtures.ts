import type { StripeEventName } from '../events.js';

/**
 * Example events shaped as the API reference shows them (https://docs.stripe.com/api/events/object
 * and each resource's object page), trimmed to the fields a bot reads and a few it does not.
 */
const created = 1764561600;
const envelope = (id: string, type: string, object: Record<string, unknown>) => ({
  id,
  object: 'event',
  api_version: '2025-10-29.clover',
  created,
  data: { object },
  livemode: false,
  pending_webhooks: 1,
  request: { id: 'req_Q1xm3Ck0Xb2KdT', idempotency_key: '1f4c2a7e-6d1b-4a59-9c3e-2b8f0d5e7a41' },
  type,
});

const session = {
  id: 'cs_test_a1B2c3D4e5F6g7H8',
  object: 'checkout.session',
  amount_subtotal: 2000,
  amount_total: 2000,
  client_reference_id: 'user_42',
  currency: 'eur',
  customer: 'cus_NffrFeUfNV2Hib',
  customer_details: { email: 'jenny.rosen@example.com', name: 'Jenny Rosen 🌸' },
  customer_email: null,
  metadata: { order: '1042' },
  mode: 'payment',
  payment_intent: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
  payment_status: 'paid',
  status: 'complete',
  subscription: null,
};
const intent = (status: string, error: Record<string, unknown> | null) => ({
  id: 'pi_3MtwBwLkdIwHu7ix28a3tqPa',
  object: 'payment_intent',
  amount: 2000,
  amount_received: status === 'succeeded' ? 2000 : 0,
  currency: 'usd',
  customer: null,
  description: '注文 #1042',
  last_payment_error: error,
  metadata: {},
  payment_method_types: ['card'],
  status,
});
const invoice = (paid: boolean) => ({
  id: 'in_1MtHbELkdIwHu7ixl4OzzPMv',
  object: 'invoice',
  amount_due: 999,
  amount_paid: paid ? 999 : 0,
  amount_remaining: paid ? 0 : 999,
  attempt_count: 1,
  currency: 'usd',
  customer: 'cus_NeZwdNtLEOXuvB',
  customer_email: 'jennyrosen@example.com',
  hosted_invoice_url: 'https://invoice.stripe.com/i/acct_1M2JTkLkdIwHu7ix/test_YWNjdF8x',
  metadata: {},
  status: paid ? 'paid' : 'open',
});
const subscription = (status: string, canceledAt: number | null) => ({
  id: 'sub_1MowQVLkdIwHu7ixeRlqHVzs',
  object: 'subscription',
  cancel_at_period_end: false,
  canceled_at: canceledAt,
  currency: 'usd',
  customer: 'cus_Na6dX7aXxi11N4',
  items: {
    object: 'list',
    data: [
      {
        id: 'si_Na6dzxczY5fwHx',
        object: 'subscription_item',
        price: { id: 'price_1MowQULkdIwHu7ixraBm864M', object: 'price', unit_amount: 1000 },
        quantity: 1,
      },
    ],
    has_more: false,
  },
  metadata: {},
  status,
});
const declined = {
  code: 'card_declined',
  decline_code: 'insufficient_funds',
  message: 'Your card has insufficient funds.',
  type: 'card_error',
};

/** One example event per name stripe() types; `other` is a `charge.refunded`, typed by the envelope. */
export const stripeFixtures: Readonly<Record<StripeEventName, Record<string, unknown>>> = {
  'checkout.session.completed': envelope('evt_1QcS0aLkdIwHu7ixCk01', 'checkout.session.completed', session),
  'payment_intent.succeeded': envelope(
    'evt_1QcS0aLkdIwHu7ixPi02',
    'payment_intent.succeeded',
    intent('succeeded', null),
  ),
  'payment_intent.payment_failed': envelope(
    'evt_1QcS0aLkdIwHu7ixPf03',
    'payment_intent.payment_failed',
    intent('requires_payment_method', declined),
  ),
  'invoice.paid': envelope('evt_1QcS0aLkdIwHu7ixIp04', 'invoice.paid', invoice(true)),
  'invoice.payment_failed': envelope('evt_1QcS0aLkdIwHu7ixIf05', 'invoice.payment_failed', invoice(false)),
  'customer.subscription.created': envelope(
    'evt_1QcS0aLkdIwHu7ixSc06',
    'customer.subscription.created',
    subscription('active', null),
  ),
  'customer.subscription.updated': {
    ...envelope('evt_1QcS0aLkdIwHu7ixSu07', 'customer.subscription.updated', subscription('past_due', null)),
    data: { object: subscription('past_due', null), previous_attributes: { status: 'active' } },
  },
  'customer.subscription.deleted': envelope(
    'evt_1QcS0aLkdIwHu7ixSd08',
    'customer.subscription.deleted',
    subscription('canceled', created),
  ),
  other: envelope('evt_1QcS0aLkdIwHu7ixCr09', 'charge.refunded', {
    id: 'ch_3MmlLrLkdIwHu7ix0snN0B15',
    object: 'charge',
    amount: 1099,
    amount_refunded: 1099,
    currency: 'usd',
    refunded: true,
  }),
};
