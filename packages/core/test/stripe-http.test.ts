import { createReceiver, silentLogger, stripe } from '@hookguard/core';
import { signStripe, stripeFixtures } from '@hookguard/core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { adapters } from '../../../test/conformance/adapters.js';
import { type Listening, post } from '../../../test/support/http.js';

const SECRET = 'whsec_http_5b2e8f01';
const PATH = '/stripe';
// Three-byte UTF-8 characters and a four-byte emoji: 1- and 7-byte chunks split them.
const CJK = '注文 #1042 — 東京 🍣 "引用"';

let serial = 0;
/** A payment_intent.succeeded with a fresh id (dedupe stays out of the way), pretty-printed as Stripe sends it. */
function delivery(): { text: string; id: string } {
  const event = stripeFixtures['payment_intent.succeeded'] as { data: { object: object } };
  const id = `evt_http_${++serial}`;
  const payload = { ...event, id, data: { object: { ...event.data.object, description: CJK } } };
  return { id, text: JSON.stringify(payload, null, 2) };
}

const errorCode = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;
const signed = (text: string, secret: string | string[] = SECRET) => ({
  'Content-Type': 'application/json; charset=utf-8',
  'Stripe-Signature': signStripe(text, { secret }),
});

for (const adapter of adapters) {
  describe(`stripe() over real HTTP through ${adapter.name}`, () => {
    const seen = vi.fn();
    let server: Listening;
    let url: string;
    beforeAll(async () => {
      const receiver = createReceiver(stripe({ secret: SECRET }), { logger: silentLogger }).on(
        'payment_intent',
        (event) => seen(event),
      );
      server = await adapter.serve(receiver, PATH);
      url = `${server.url}${PATH}`;
    });
    afterAll(() => server.close());
    beforeEach(() => seen.mockClear());

    for (const chunkSize of [1, 7]) {
      it(`verifies an indented CJK/emoji body sent chunked in ${chunkSize}-byte chunks`, async () => {
        const { text, id } = delivery();
        const response = await post(url, text, { headers: signed(text), chunked: true, chunkSize });
        expect(response.status).toBe(204);
        expect(seen).toHaveBeenCalledTimes(1);
        expect(seen.mock.calls[0]?.[0]).toMatchObject({ id, data: { object: { description: CJK } } });
      });
    }

    it('verifies a body with Content-Length signed with two v1 (a secret being rolled)', async () => {
      const { text } = delivery();
      const response = await post(url, text, { headers: signed(text, ['whsec_old_one', SECRET]) });
      expect(response.status).toBe(204);
      expect(seen.mock.calls[0]?.[0].data.object.description).toBe(CJK);
    });

    it('runs a delivery retried with a fresh signature once', async () => {
      const { text } = delivery();
      const first = await post(url, text, { headers: signed(text) });
      const retry = await post(url, text, { headers: signed(text) });
      expect([first.status, retry.status]).toEqual([204, 204]);
      expect(seen).toHaveBeenCalledTimes(1);
    });

    it('refuses Stripe-Signature sent twice with 401, even when both copies are valid', async () => {
      const { text } = delivery();
      const valid = signStripe(text, { secret: SECRET });
      const forged = signStripe(text, { secret: 'whsec_forged' });
      for (const copies of [
        [valid, valid],
        [valid, forged],
        [forged, valid],
      ]) {
        const response = await post(url, text, { headers: { 'Stripe-Signature': copies } });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe('SIGNATURE_MALFORMED');
      }
      expect(seen).not.toHaveBeenCalled();
    });

    it('refuses forged, unsigned, stale and tampered deliveries with stable codes', async () => {
      const { text } = delivery();
      const stale = signStripe(text, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 });
      const cases: [string, Record<string, string>, string][] = [
        [text, signed(text, 'whsec_forged'), 'SIGNATURE_MISMATCH'],
        [text, { 'Content-Type': 'application/json' }, 'SIGNATURE_MISSING'],
        [text, { 'Stripe-Signature': stale }, 'TIMESTAMP_OUT_OF_RANGE'],
        [text.replace('"amount": 2000', '"amount": 1'), signed(text), 'SIGNATURE_MISMATCH'],
      ];
      for (const [body, headers, code] of cases) {
        const response = await post(url, body, { headers, chunked: true, chunkSize: 7 });
        expect(response.status).toBe(401);
        expect(errorCode(response.text)).toBe(code);
        expect(response.text).not.toContain(SECRET);
      }
      expect(seen).not.toHaveBeenCalled();
    });
  });
}
