import { describe, expect, it } from 'vitest';
import {
  createReceiver,
  jsonResponse,
  type Provider,
  silentLogger,
  VerificationError,
} from '../src/index.js';

/**
 * `Provider.errorResponse`: a sender that reads errors in its own form (Matrix) gets every
 * refusal and failure in it, with hookguard's status and headers kept; other senders are unchanged.
 */
const base: Provider = {
  name: 'own-errors',
  proofNames: { headers: ['x-token'], query: [] },
  verify: (input) =>
    input.headers['x-token'] === 't'
      ? { ok: true, secretIndex: 0 }
      : { ok: false, error: new VerificationError('SIGNATURE_MISMATCH', 'Wrong token', { status: 403 }) },
  parse: (payload) => ({ name: 'event', known: true, payload, issues: [], deliveryKey: undefined, meta: {} }),
  respond: () => jsonResponse(200, {}),
};
const worded: Provider = {
  ...base,
  errorResponse: (error) =>
    jsonResponse(error.status, { errcode: `X_${error.code}`, error: error.message }, { ...error.headers }),
};

const request = (method: string, token: string, body = '{}') => ({
  method,
  url: '/hook',
  headers: { 'content-type': 'application/json', 'x-token': token },
  body: new TextEncoder().encode(body),
});

describe('Provider.errorResponse', () => {
  it('words every refusal and failure, keeping the status and headers', async () => {
    const receiver = createReceiver(worded, { logger: silentLogger }).on('*', () => {
      throw new Error('secret database password');
    });
    const forged = await receiver.handle(request('POST', 'x'));
    expect([forged.status, JSON.parse(forged.body)]).toEqual([
      403,
      { errcode: 'X_SIGNATURE_MISMATCH', error: 'Wrong token' },
    ]);
    const put = await receiver.handle(request('PUT', 't'));
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    expect(JSON.parse(put.body)).toMatchObject({ errcode: 'X_METHOD_NOT_ALLOWED' });
    const notJson = await receiver.handle(request('POST', 't', '{oops'));
    expect([notJson.status, JSON.parse(notJson.body).errcode]).toEqual([400, 'X_INVALID_JSON']);
    const failed = await receiver.handle(request('POST', 't'));
    expect([failed.status, JSON.parse(failed.body)]).toEqual([
      500,
      { errcode: 'X_HANDLER_FAILED', error: 'The webhook handler failed' },
    ]);
    const fetched = await receiver.fetch(
      new Request('http://x/hook', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(await fetched.json()).toMatchObject({ errcode: 'X_SIGNATURE_MISMATCH' });
  });

  it("leaves a provider without one on hookguard's form", async () => {
    const receiver = createReceiver(base, { logger: silentLogger });
    const forged = await receiver.handle(request('POST', 'x'));
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body)).toEqual({
      error: { code: 'SIGNATURE_MISMATCH', message: 'Wrong token' },
    });
  });
});
