import { request as httpRequest } from 'node:http';
import { createReceiver, whatsapp } from '@hookguard/core';
import { goJson, signWhatsapp, whatsappFixtures } from '@hookguard/core/testing';
import { expressWebhook } from '@hookguard/express';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post, type RawResponse } from '../../../test/support/http.js';

const SECRET = 'gowa-webhook-secret';
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(receiver: Parameters<typeof expressWebhook>[0]): Promise<string> {
  const app = express();
  app.post('/whatsapp', expressWebhook(receiver));
  server = await listen(app as unknown as Parameters<typeof listen>[0]);
  return `${server.url}/whatsapp`;
}

/** The headers Go's client sends for GOWA, in Go's canonical case. */
function goHeaders(body: string, secret = SECRET): Record<string, string> {
  const signed = signWhatsapp(body, secret);
  return {
    'User-Agent': signed['user-agent']!,
    'Content-Type': signed['content-type']!,
    'X-Hub-Signature-256': signed['x-hub-signature-256']!,
    'Accept-Encoding': 'gzip',
  };
}

/**
 * GOWA before v9.0.1: the body went out chunked, no Content-Length. The chunks here split a
 * four-byte emoji and a `\u003c` escape, so only a reader that joins raw bytes gets it right.
 */
function postChunked(url: string, bytes: Buffer, headers: Record<string, string>): Promise<RawResponse> {
  const cuts = [bytes.indexOf('\\u003c') + 3, bytes.indexOf(Buffer.from('👍')) + 2, 4096];
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    let start = 0;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      req.write(bytes.subarray(start, cut));
      start = cut;
    }
    req.end(bytes.subarray(start));
  });
}

// A message as GOWA writes it: sorted keys, `<>&` escaped, emoji raw, over 4 KiB.
const event = {
  ...whatsappFixtures.message,
  payload: {
    ...(whatsappFixtures.message['payload'] as object),
    body: `<b>Deal</b> & 👍 ${'ünïcödé '.repeat(600)}`,
  },
};
const body = goJson(event);

describe('expressWebhook() with whatsapp() over real HTTP', () => {
  it('verifies a Go-encoded body sent with Content-Length (GOWA v9.0.1+) and acks 200', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(whatsapp({ secret: SECRET })).on('message', (message, context) => {
      if (message.event === 'message') {
        seen(message.payload.body, context.secretIndex, context.headers['content-length']);
      }
    });
    const response = await post(await serve(receiver), body, { headers: goHeaders(body) });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(seen).toHaveBeenCalledWith(event.payload.body, 0, String(Buffer.byteLength(body)));
  });

  it('verifies the same body sent chunked with no Content-Length (GOWA before v9.0.1)', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(whatsapp({ secret: SECRET })).on('message', handler);
    const bytes = Buffer.from(body);
    expect(bytes.byteLength).toBeGreaterThan(4096);
    const response = await postChunked(await serve(receiver), bytes, goHeaders(body));
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
    const [received, context] = handler.mock.calls[0]!;
    expect(received).toEqual(event);
    expect(context.headers).toMatchObject({ 'transfer-encoding': 'chunked' });
    expect(context.headers['content-length']).toBeUndefined();
  });

  it('refuses the body re-serialised by JSON.stringify with 401, over the wire too', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(whatsapp({ secret: SECRET })).on('*', handler);
    const reserialised = JSON.stringify(JSON.parse(body));
    const response = await post(await serve(receiver), reserialised, { headers: goHeaders(body) });
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code: 'SIGNATURE_MISMATCH' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers all five attempts of a retried delivery with 2xx and runs the handler once', async () => {
    const handler = vi.fn();
    const receiver = createReceiver(whatsapp({ secret: SECRET })).on('message.ack', handler);
    const url = await serve(receiver);
    const ack = goJson(whatsappFixtures['message.ack']);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await post(url, ack, { headers: goHeaders(ack), chunked: attempt % 2 === 0 })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(handler).toHaveBeenCalledOnce();
  });
});
