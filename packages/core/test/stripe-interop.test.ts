/**
 * hookguard and Stripe's own Node library (the `stripe` package) agree on Stripe-Signature in both
 * directions: what Stripe's test signer writes, stripe() accepts; what hookguard's testing signer
 * writes, Stripe's `constructEvent` accepts; a body changed after signing, both refuse.
 */
import { createReceiver, silentLogger, stripe } from '@hookguard/core';
import { signStripe, stripeFixtures } from '@hookguard/core/testing';
import Stripe from 'stripe';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'whsec_interop_7f3c9a1e';
const stripeLibrary = new Stripe('sk_test_interop_not_a_real_key');
const { webhooks } = stripeLibrary;
// Pretty-printed as Stripe sends it, with CJK and an emoji so bytes and characters differ.
const completed = stripeFixtures['checkout.session.completed'] as { data: { object: object } };
const body = JSON.stringify(
  { ...completed, data: { object: { ...completed.data.object, description: '東京の注文 🍣' } } },
  null,
  2,
);
const now = () => Math.floor(Date.now() / 1000);

function hookguard() {
  const seen = vi.fn();
  const receiver = createReceiver(stripe({ secret: SECRET }), { logger: silentLogger }).on(
    '*',
    (_e, context) => seen(context.name),
  );
  return {
    seen,
    handle: (text: string, signature: string) =>
      receiver.handle({
        method: 'POST',
        url: '/stripe',
        headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
        body: Buffer.from(text, 'utf8'),
      }),
  };
}

describe('stripe() and the stripe npm package', () => {
  it("accepts a delivery signed by Stripe's generateTestHeaderString", async () => {
    const { seen, handle } = hookguard();
    const header = webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now() });
    const answer = await handle(body, header);
    expect(answer.status).toBe(204);
    expect(seen).toHaveBeenCalledWith('checkout.session.completed');
  });

  it("has its testing signer's deliveries accepted by Stripe's constructEvent", () => {
    const header = signStripe(body, { secret: SECRET, timestamp: now() });
    const event = webhooks.constructEvent(body, header, SECRET);
    expect(event.id).toBe(stripeFixtures['checkout.session.completed'].id);
    // The same bytes either way: Stripe's signer writes exactly what hookguard's does.
    const t = Number(header.slice(2, header.indexOf(',')));
    expect(webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: t })).toBe(header);
  });

  it('refuses a tampered body in both, whoever signed it', async () => {
    const tampered = body.replace('2000', '1');
    expect(tampered).not.toBe(body);
    const { seen, handle } = hookguard();
    const byStripe = webhooks.generateTestHeaderString({ payload: body, secret: SECRET, timestamp: now() });
    const answer = await handle(tampered, byStripe);
    expect(answer.status).toBe(401);
    expect(JSON.parse(String(answer.body))).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(seen).not.toHaveBeenCalled();
    const byHookguard = signStripe(body, { secret: SECRET, timestamp: now() });
    expect(() => webhooks.constructEvent(tampered, byHookguard, SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
  });

  it('agrees on several v1 signatures (a rolled secret) in both directions', async () => {
    const { seen, handle } = hookguard();
    const header = signStripe(body, { secret: ['whsec_the_old_one', SECRET], timestamp: now() });
    expect(webhooks.constructEvent(body, header, SECRET).type).toBe('checkout.session.completed');
    expect((await handle(body, header)).status).toBe(204);
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
