import { createReceiver, jsonResponse, type Provider, VerificationError, verify } from '@hookguard/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { post } from '../support/http.js';
import { adapters } from './adapters.js';

/**
 * A sender shaped like Matrix and Meta together: deliveries are PUT with their id at the end of
 * the path, and a GET checks the endpoint. What the core must do for it: take exactly these
 * methods, hand the provider the path as received, and let only the handshake answer a GET.
 */
const putAndGet: Provider = {
  name: 'put-and-get',
  methods: ['PUT', 'GET'],
  proofNames: { headers: ['authorization'], query: [] },
  verify: (input) =>
    input.headers.authorization === 'Bearer s3cret'
      ? { ok: true, secretIndex: 0 }
      : { ok: false, error: new VerificationError('SIGNATURE_MISMATCH', 'Wrong token') },
  handshake: (_payload, input) => {
    if (input.method !== 'GET') return undefined;
    const challenge = input.query.get('challenge');
    return challenge === null ? undefined : jsonResponse(200, { challenge });
  },
  parse: (payload, input) => {
    const id = /\/transactions\/([^/]+)$/.exec(input.path)?.[1];
    return {
      name: 'transaction',
      known: true,
      payload,
      issues: [],
      deliveryKey: id === undefined ? undefined : decodeURIComponent(id),
      meta: { path: input.path },
    };
  },
  respond: () => jsonResponse(200, {}),
};

const auth = { authorization: 'Bearer s3cret', 'content-type': 'application/json' };

describe('provider-declared methods and paths', () => {
  for (const adapter of adapters) {
    describe(adapter.name, () => {
      const handler = vi.fn();
      const receiver = createReceiver(putAndGet, { deadlineMs: 1000 }).on('*', (event, context) => {
        handler(event, context.deliveryKey, context.meta);
      });
      let server: Awaited<ReturnType<typeof adapter.serve>>;
      beforeAll(async () => {
        server = await adapter.serve(receiver, '/as/transactions/:txn');
      });
      afterAll(() => server.close());

      it('answers a method the provider does not take with 405 and Allow listing exactly its methods', async () => {
        for (const method of ['POST', 'DELETE', 'PATCH']) {
          const response = await post(`${server.url}/as/transactions/1`, '{}', { method, headers: auth });
          expect(response.status, method).toBe(405);
          expect(response.headers.allow).toBe('PUT, GET');
          expect(response.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
        }
        expect(handler).not.toHaveBeenCalled();
      });

      it('runs a PUT delivery with the id the provider read from the path, percent-decoded once', async () => {
        handler.mockClear();
        const response = await post(`${server.url}/as/transactions/t%2525x?access_token=a`, '{"n":1}', {
          method: 'PUT',
          headers: auth,
        });
        expect(response.status).toBe(200);
        expect(handler).toHaveBeenCalledWith({ n: 1 }, 't%25x', { path: '/as/transactions/t%2525x' });
      });

      it('answers a GET only through the handshake, with no handler and no Content-Type needed', async () => {
        handler.mockClear();
        const checked = await post(`${server.url}/as/transactions/x?challenge=abc`, '', {
          method: 'GET',
          headers: { authorization: 'Bearer s3cret' },
        });
        expect(checked.status).toBe(200);
        expect(checked.json()).toEqual({ challenge: 'abc' });
        const plain = await post(`${server.url}/as/transactions/x`, '', {
          method: 'GET',
          headers: { authorization: 'Bearer s3cret' },
        });
        expect(plain.status).toBe(400);
        expect(plain.json()).toMatchObject({ error: { code: 'NOT_A_DELIVERY' } });
        const forged = await post(`${server.url}/as/transactions/x?challenge=abc`, '', { method: 'GET' });
        expect(forged.status).toBe(401);
        expect(handler).not.toHaveBeenCalled();
      });
    });
  }

  it('keeps POST-only senders as they were: 405 with Allow: POST, and the path is the pathname', async () => {
    const seen: string[] = [];
    const receiver = createReceiver({ ...putAndGet, methods: undefined }).on('*', (_event, context) => {
      seen.push((context.meta as { path: string }).path);
    });
    const get = await receiver.handle({ method: 'GET', url: '/x', headers: auth, body: new Uint8Array() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
    const body = new TextEncoder().encode('{}');
    for (const url of [
      '/a/transactions/1?q=/b',
      'https://example.com/a/transactions/2#f',
      'https://example.com',
    ]) {
      expect((await receiver.handle({ method: 'post', url, headers: auth, body })).status).toBe(200);
    }
    expect(seen).toEqual(['/a/transactions/1', '/a/transactions/2', '/']);
  });

  it('verify() refuses a GET its provider does not answer as a handshake', async () => {
    const result = await verify(putAndGet, {
      method: 'GET',
      url: '/as/transactions/1',
      headers: { authorization: 'Bearer s3cret' },
      body: new Uint8Array(),
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('NOT_A_DELIVERY');
  });
});
