import { createReceiver, silentLogger, stripe, type WebhookRequest } from '@hookguard/core';
import { stripeEventSchemas } from '@hookguard/core/schemas';
import { signStripe, stripeFixtures, stripeRequest } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const SECRET = 'whsec_test_secret';
const T = 1_700_000_000;
const NOW = T * 1000;
// Stripe's manual-verification recipe (https://docs.stripe.com/webhooks#verify-manually) computed
// for this secret, time and body; the interop test checks the same bytes against Stripe's library.
const VECTOR_BODY = '{"id":"evt_test_webhook","object":"event"}';
const VECTOR_V1 = 'd95c6b7477fbd7e9f90b1b0ef5f9c7ac25abca5382460e0d988c2b2a5b71b990';

const request = (body: string, signature: string | undefined): WebhookRequest => ({
  method: 'POST',
  url: '/stripe',
  headers: {
    'content-type': 'application/json; charset=utf-8',
    ...(signature === undefined ? {} : { 'stripe-signature': signature }),
  },
  body: Buffer.from(body, 'utf8'),
});

function receiverAt(now: number, options: Partial<Parameters<typeof stripe>[0]> = {}) {
  const seen = vi.fn();
  const receiver = createReceiver(stripe({ secret: SECRET, ...options }), {
    logger: silentLogger,
    now: () => now,
  }).on('*', (event, context) => {
    // `*` receives unknown events too, named `unknown`.
    seen(context.name, event, context);
  });
  return { receiver, seen };
}

const codeOf = (answer: { body?: unknown }) =>
  (JSON.parse(String(answer.body)) as { error: { code: string } }).error.code;

const invoice = JSON.stringify(stripeFixtures['invoice.paid'], null, 2);
const hmacOf = (secret: string, t: number, body: string) =>
  signStripe(body, { secret, timestamp: t }).split(',v1=')[1]!;

describe('stripe(): Stripe-Signature', () => {
  it('signs t.body as the derived vector says, and the provider accepts it', async () => {
    expect(signStripe(VECTOR_BODY, { secret: SECRET, timestamp: T })).toBe(`t=${T},v1=${VECTOR_V1}`);
    const { receiver, seen } = receiverAt(NOW);
    const answer = await receiver.handle(request(VECTOR_BODY, `t=${T},v1=${VECTOR_V1}`));
    expect(answer.status).toBe(204);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('accepts a header where any v1 matches (a rolled secret is signed with both)', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const other = hmacOf('whsec_rolled_away', T, invoice);
    const mine = hmacOf(SECRET, T, invoice);
    for (const header of [`t=${T},v1=${other},v1=${mine}`, `t=${T},v1=${mine},v1=${other}`]) {
      const id = `evt_roll_${header.length}_${header.indexOf(mine)}`;
      const body = invoice.replace('evt_1QcS0aLkdIwHu7ixIp04', id);
      const signed = signStripe(body, { secret: ['whsec_rolled_away', SECRET], timestamp: T });
      expect(signed.split(',')).toHaveLength(3);
      expect((await receiver.handle(request(body, signed))).status).toBe(204);
    }
    expect(seen).toHaveBeenCalledTimes(2);
  });

  it('takes several configured secrets and says which one matched', async () => {
    const { receiver, seen } = receiverAt(NOW, { secret: ['whsec_new_one', SECRET] });
    const answer = await receiver.handle(stripeRequest(invoice, { secret: SECRET, timestamp: T }));
    expect(answer.status).toBe(204);
    expect(seen.mock.calls[0]?.[2]).toMatchObject({
      secretIndex: 1,
      deliveryKey: 'evt_1QcS0aLkdIwHu7ixIp04',
    });
  });

  it('ignores v0 (a correct v0 never stands in for v1) and refuses a header with no v1', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const right = hmacOf(SECRET, T, invoice);
    const wrong = hmacOf('whsec_someone_else', T, invoice);
    const cases: [string, number, string?][] = [
      [`t=${T},v1=${right},v0=${wrong}`, 204],
      [`t=${T},v0=${right}`, 401, 'SIGNATURE_MALFORMED'],
      [`t=${T},v1=${wrong},v0=${right}`, 401, 'SIGNATURE_MISMATCH'],
    ];
    for (const [header, status, code] of cases) {
      const answer = await receiver.handle(request(invoice, header));
      expect(answer.status, header).toBe(status);
      if (code) expect(codeOf(answer)).toBe(code);
    }
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('refuses a t outside the window, past or future, with the clock injected; toleranceSeconds widens it', async () => {
    const header = signStripe(invoice, { secret: SECRET, timestamp: T });
    for (const [now, status] of [
      [NOW + 299_000, 204],
      [NOW + 301_000, 401],
      [NOW - 299_000, 204],
      [NOW - 301_000, 401],
    ] as const) {
      const answer = await receiverAt(now).receiver.handle(request(invoice, header));
      expect(answer.status, `now - t = ${(now - NOW) / 1000} s`).toBe(status);
      if (status === 401) expect(codeOf(answer)).toBe('TIMESTAMP_OUT_OF_RANGE');
    }
    const wide = receiverAt(NOW + 500_000, { toleranceSeconds: 600 });
    expect((await wide.receiver.handle(request(invoice, header))).status).toBe(204);
  });

  it('refuses malformed headers as SIGNATURE_MALFORMED and a missing one as SIGNATURE_MISSING', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const v1 = hmacOf(SECRET, T, invoice);
    for (const header of [
      `v1=${v1}`,
      `t=${T}`,
      `t=${T}.5,v1=${v1}`,
      `t=-${T},v1=${v1}`,
      `t=${T},v1=${v1.slice(2)}`,
      `t=${T},v1=${v1}zz`,
      `t=${T},V1=${v1}`,
      `t=${T},t=${T},v1=${v1}`,
      `t=${T}, v1=${v1}`,
      `t=${T},v1=${v1},`,
      `${v1}`,
      // A header sent twice is joined with ", ": neither copy is picked out of it.
      `t=${T},v1=${v1}, t=${T},v1=${v1}`,
    ]) {
      const answer = await receiver.handle(request(invoice, header));
      expect(answer.status, header).toBe(401);
      expect(codeOf(answer), header).toBe('SIGNATURE_MALFORMED');
    }
    const missing = await receiver.handle(request(invoice, undefined));
    expect(codeOf(missing)).toBe('SIGNATURE_MISSING');
    expect(seen).not.toHaveBeenCalled();
  });

  it('refuses a body changed after signing, and never echoes the secret', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const header = signStripe(invoice, { secret: SECRET, timestamp: T });
    const answer = await receiver.handle(request(invoice.replace('999', '998'), header));
    expect(answer.status).toBe(401);
    expect(codeOf(answer)).toBe('SIGNATURE_MISMATCH');
    expect(String(answer.body)).not.toContain(SECRET);
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('stripe(): construction', () => {
  it.each([
    [{}, /a secret is required/],
    [{ secret: '' }, /a secret is required/],
    [
      { secret: 'sk_test_51Hsecretkey' },
      /secret #1 is not an endpoint signing secret: those start with "whsec_"/,
    ],
    [{ secret: ['whsec_ok', 'rk_live_restricted'] }, /secret #2 is not an endpoint signing secret/],
    [{ secret: 'whsec_trailing\n' }, /secret #1 contains whitespace/],
    [{ secret: SECRET, toleranceSeconds: 0 }, /toleranceSeconds must be a positive number/],
    [{ secret: SECRET, toleranceSeconds: Number.NaN }, /toleranceSeconds must be a positive number/],
  ])('refuses %j with a TypeError that does not repeat the secret', (options, message) => {
    const build = () => stripe(options as Parameters<typeof stripe>[0]);
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
    try {
      build();
    } catch (error) {
      for (const value of [options as { secret?: unknown }].flatMap((o) => [o.secret].flat())) {
        if (typeof value === 'string' && value.length > 0)
          expect((error as Error).message).not.toContain(value);
      }
    }
  });
});

describe('stripe(): events', () => {
  it('names every typed event by its type and delivers the parsed envelope', async () => {
    const { receiver, seen } = receiverAt(NOW);
    for (const [name, payload] of Object.entries(stripeFixtures)) {
      const answer = await receiver.handle(stripeRequest(payload, { secret: SECRET, timestamp: T }));
      expect(answer.status, name).toBe(204);
      expect(seen.mock.lastCall?.[0], name).toBe(name);
      expect(seen.mock.lastCall?.[1], name).toEqual(payload);
    }
    expect(seen).toHaveBeenCalledTimes(Object.keys(stripeEventSchemas).length);
  });

  it('delivers a type without its own schema as `other`, typed by the envelope, new fields kept', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const payload = {
      ...stripeFixtures.other,
      id: 'evt_new_kind',
      type: 'billing.meter.error_report_triggered',
      future_field: { kept: true },
    };
    await receiver.handle(stripeRequest(payload, { secret: SECRET, timestamp: T }));
    expect(seen.mock.calls[0]?.[0]).toBe('other');
    expect(seen.mock.calls[0]?.[1]).toEqual(payload);
    expect(seen.mock.calls[0]?.[2]).toMatchObject({ meta: { timestamp: NOW } });
  });

  it('types an event rendered for an API version before 2017-05-25 (`request` was the id as a string)', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const payload = {
      ...stripeFixtures['invoice.paid'],
      id: 'evt_old',
      api_version: '2017-02-14',
      request: 'req_old',
    };
    await receiver.handle(stripeRequest(payload, { secret: SECRET, timestamp: T }));
    expect(seen.mock.calls[0]?.[0]).toBe('invoice.paid');
  });

  it('sends a typed event that does not fit its schema, or a body with no type, to `unknown`', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const broken = {
      ...stripeFixtures['invoice.paid'],
      id: 'evt_broken',
      data: { object: { object: 'invoice' } },
    };
    const untyped = { id: 'evt_untyped', object: 'event', data: { object: {} } };
    for (const payload of [broken, untyped]) {
      const answer = await receiver.handle(stripeRequest(payload, { secret: SECRET, timestamp: T }));
      expect(answer.status).toBe(204);
    }
    expect(seen.mock.calls.map((call) => call[0])).toEqual(['unknown', 'unknown']);
    expect(seen.mock.calls[0]?.[1]).toMatchObject({ name: 'invoice.paid', payload: broken });
  });

  it('runs a retried event once: Stripe signs each attempt afresh, the event id stays', async () => {
    const { receiver, seen } = receiverAt(NOW);
    const first = await receiver.handle(stripeRequest(invoice, { secret: SECRET, timestamp: T - 60 }));
    const retry = await receiver.handle(stripeRequest(invoice, { secret: SECRET, timestamp: T }));
    expect([first.status, retry.status]).toEqual([204, 204]);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('refuses a handler reply: Stripe reads only the status', async () => {
    const receiver = createReceiver(stripe({ secret: SECRET }), { logger: silentLogger, now: () => NOW }).on(
      'invoice.paid',
      // @ts-expect-error Stripe handlers cannot reply
      () => ({ received: true }),
    );
    const answer = await receiver.handle(stripeRequest(invoice, { secret: SECRET, timestamp: T }));
    expect(answer.status).toBe(500);
    expect(codeOf(answer)).toBe('INVALID_REPLY');
  });
});
