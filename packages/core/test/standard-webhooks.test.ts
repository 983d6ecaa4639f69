import { createHmac, randomBytes } from 'node:crypto';
import { createReceiver, standardWebhooks, verify, type WebhookRequest } from '@hookguard/core';
import { signStandardWebhooks, standardWebhooksRequest } from '@hookguard/core/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;
const SECRET = newSecret();
const NOW = 1_760_000_000_000;
const nowSeconds = NOW / 1000;
const event = {
  type: 'invoice.paid',
  timestamp: '2026-01-01T00:00:00Z',
  data: { id: 'inv_1', amount: 4200, note: 'naïve 🎉' },
};
const body = JSON.stringify(event);
const raw = (headers: Record<string, string>, bytes: string = body): WebhookRequest => ({
  method: 'POST',
  url: '/webhooks',
  headers,
  body: Buffer.from(bytes),
});
const clock = { now: () => NOW };

describe('standardWebhooks() interoperates with the standardwebhooks package', () => {
  it('verifies what the standardwebhooks package signs', async () => {
    const theirs = new Webhook(SECRET);
    const timestamp = new Date(NOW);
    const headers = {
      'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      'webhook-timestamp': String(nowSeconds),
      'webhook-signature': theirs.sign('msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', timestamp, body),
    };
    const result = await verify(standardWebhooks({ secret: SECRET }), raw(headers), clock);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event).toMatchObject({
      name: 'invoice.paid',
      known: true,
      deliveryKey: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
    });
    expect(result.event.payload).toEqual(event);
  });

  it('signs what the standardwebhooks package verifies (our testing helper, current time)', () => {
    const headers = signStandardWebhooks(body, SECRET, { id: 'msg_ours' });
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(event);
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(/No matching signature/);
  });

  it('accepts a secret without the whsec_ prefix, as the package does', async () => {
    const bare = SECRET.slice('whsec_'.length);
    const request = standardWebhooksRequest(event, SECRET, { timestamp: nowSeconds });
    expect((await verify(standardWebhooks({ secret: bare }), request, clock)).ok).toBe(true);
  });

  it('computes HMAC-SHA256 over "id.timestamp.body" with the base64-decoded key', () => {
    const key = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`msg_1.${nowSeconds}.${body}`).digest('base64');
    const headers = signStandardWebhooks(body, SECRET, { id: 'msg_1', timestamp: nowSeconds });
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
  });
});

describe('standardWebhooks() signatures', () => {
  it('accepts a header with several signatures when any one matches (sender-side rotation)', async () => {
    const headers = signStandardWebhooks(body, [newSecret(), SECRET, newSecret()], { timestamp: nowSeconds });
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(3);
    expect((await verify(standardWebhooks({ secret: SECRET }), raw(headers), clock)).ok).toBe(true);
  });

  it('skips entries of other versions (v1a asymmetric) and checks the v1 ones', async () => {
    const signed = signStandardWebhooks(body, SECRET, { timestamp: nowSeconds });
    const headers = {
      ...signed,
      'webhook-signature': `v1a,${randomBytes(64).toString('base64')} ${signed['webhook-signature']}`,
    };
    expect((await verify(standardWebhooks({ secret: SECRET }), raw(headers), clock)).ok).toBe(true);
  });

  it('accepts any of several receiver secrets and says which one matched', async () => {
    const request = standardWebhooksRequest(event, SECRET, { timestamp: nowSeconds });
    const result = await verify(standardWebhooks({ secret: [newSecret(), SECRET] }), request, clock);
    expect(result.ok && result.secretIndex).toBe(1);
  });

  const signed = signStandardWebhooks(body, SECRET, { id: 'msg_x', timestamp: nowSeconds });
  const refusals: [string, Record<string, string>, string, string][] = [
    ['a changed body', signed, body.replace('4200', '4201'), 'SIGNATURE_MISMATCH'],
    ['a changed id (it is signed)', { ...signed, 'webhook-id': 'msg_y' }, body, 'SIGNATURE_MISMATCH'],
    [
      'another key',
      signStandardWebhooks(body, newSecret(), { timestamp: nowSeconds }),
      body,
      'SIGNATURE_MISMATCH',
    ],
    [
      'only v1a entries',
      { ...signed, 'webhook-signature': `v1a,${randomBytes(64).toString('base64')}` },
      body,
      'SIGNATURE_MALFORMED',
    ],
    [
      'no signature header',
      { 'webhook-id': 'msg_x', 'webhook-timestamp': String(nowSeconds) },
      body,
      'SIGNATURE_MISSING',
    ],
    ['no id header', { ...signed, 'webhook-id': '' }, body, 'SIGNATURE_MALFORMED'],
    ['no timestamp header', { ...signed, 'webhook-timestamp': '' }, body, 'TIMESTAMP_MISSING'],
    [
      'a timestamp that is not digits',
      { ...signed, 'webhook-timestamp': `${nowSeconds}.5` },
      body,
      'TIMESTAMP_OUT_OF_RANGE',
    ],
  ];
  it.each(refusals)('refuses %s with 401 and runs no handler', async (_, headers, bytes, code) => {
    const handler = vi.fn();
    const receiver = createReceiver(standardWebhooks({ secret: SECRET }), clock).on('*', handler);
    const response = await receiver.handle(raw(headers, bytes));
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('standardWebhooks() timestamp window', () => {
  const at = (offsetSeconds: number) =>
    raw(signStandardWebhooks(body, SECRET, { timestamp: nowSeconds + offsetSeconds }));
  const check = async (offsetSeconds: number, toleranceSeconds?: number) => {
    const provider = standardWebhooks({ secret: SECRET, ...(toleranceSeconds ? { toleranceSeconds } : {}) });
    const result = await verify(provider, at(offsetSeconds), clock);
    return result.ok ? 'ok' : result.error.code;
  };

  it('accepts up to 5 minutes either way by default and refuses beyond, stale or future', async () => {
    expect(await check(-300)).toBe('ok');
    expect(await check(300)).toBe('ok');
    expect(await check(-301)).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await check(301)).toBe('TIMESTAMP_OUT_OF_RANGE');
  });

  it('takes a configured tolerance', async () => {
    expect(await check(-30, 60)).toBe('ok');
    expect(await check(-61, 60)).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await check(61, 60)).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await check(3000, 3600)).toBe('ok');
  });

  it('refuses a replay of a captured delivery once the window has passed', async () => {
    const captured = standardWebhooksRequest(event, SECRET, { timestamp: nowSeconds });
    const provider = standardWebhooks({ secret: SECRET });
    expect((await verify(provider, captured, clock)).ok).toBe(true);
    const later = await verify(provider, captured, { now: () => NOW + 301_000 });
    expect(later.ok === false && later.error.message).not.toMatch(/\d/);
  });
});

describe('standardWebhooks() events', () => {
  it('names events by the payload type, dedupes by webhook-id and carries the timestamp', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(standardWebhooks({ secret: SECRET }), clock).on(
      'invoice.paid',
      (payload, context) => {
        handler(payload, context.deliveryKey, context.meta.timestamp);
      },
    );
    const request = standardWebhooksRequest(event, SECRET, { id: 'msg_dup', timestamp: nowSeconds });
    expect((await receiver.handle(request)).status).toBe(204);
    expect((await receiver.handle(request)).status).toBe(204);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(event, 'msg_dup', NOW);
  });

  it('validates and types events when schemas are given, and delivers others as unknown', async () => {
    const typed = vi.fn();
    const unknown = vi.fn();
    const provider = standardWebhooks({
      secret: SECRET,
      events: {
        'invoice.paid': z.looseObject({
          type: z.literal('invoice.paid'),
          data: z.looseObject({ amount: z.number() }),
        }),
      },
    });
    const receiver = createReceiver(provider, clock)
      .on('invoice', (payload) => typed(payload.data.amount))
      .on('unknown', (e) => unknown(e.name));
    await receiver.handle(standardWebhooksRequest(event, SECRET, { timestamp: nowSeconds }));
    await receiver.handle(
      standardWebhooksRequest({ ...event, type: 'invoice.voided' }, SECRET, { timestamp: nowSeconds }),
    );
    expect(typed).toHaveBeenCalledWith(4200);
    expect(unknown).toHaveBeenCalledWith('invoice.voided');
  });

  it('refuses a secret that is not base64, without echoing it', () => {
    expect(() => standardWebhooks({ secret: 'whsec_not base64!' })).toThrow(
      /secret #1 is not a "whsec_<base64>"/,
    );
    expect(() => standardWebhooks({ secret: [SECRET, 'whsec_%%%'] })).toThrow(/secret #2/);
    expect(() => standardWebhooks({ secret: 'whsec_%%%' })).not.toThrow(/%%%/);
    expect(() => standardWebhooks({ secret: '' })).toThrow(/secret is required/);
  });
});
