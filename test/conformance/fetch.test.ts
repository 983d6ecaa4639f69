import { serve } from '@hono/node-server';
import { createReceiver, onebot, tencentChat } from '@hookguard/core';
import { napcatGroupMessage, signOnebot, tencentChatFixtures, tencentChatUrl } from '@hookguard/core/testing';
import { Hono } from 'hono';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { post } from '../support/http.js';

const SECRET = 'fetch-secret';
const body = JSON.stringify(napcatGroupMessage);
const pingBot = () =>
  createReceiver(onebot({ secret: SECRET })).on('message.group', () => ({ reply: 'pong' }));

describe('receiver.fetch() on Node’s own Request and Response', () => {
  it('reads a streamed body (ReadableStream, as Next.js and Workers hand it over) in pieces', async () => {
    const bytes = Buffer.from(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7));
        controller.close();
      },
    });
    const request = new Request('https://bot.example/onebot', {
      method: 'POST',
      headers: signOnebot(body, SECRET),
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const response = await pingBot().fetch(request);
    expect(response).toBeInstanceOf(Response);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ reply: 'pong' });
  });

  it('reads the query of an absolute URL (Tencent signs there)', async () => {
    const event = tencentChatFixtures['C2C.CallbackAfterSendMsg'];
    const url = tencentChatUrl(event.CallbackCommand, { token: 'tencent-token' });
    const handler = vi.fn();
    const receiver = createReceiver(tencentChat({ token: 'tencent-token' })).on('C2C', handler);
    // Bytes, not a string: `new Request` labels a string body text/plain, which Tencent never sends.
    const response = await receiver.fetch(
      new Request(`https://bot.example${url}`, { method: 'POST', body: Buffer.from(JSON.stringify(event)) }),
    );
    expect(response.status).toBe(200);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('answers 500 BODY_ALREADY_CONSUMED, instead of rejecting, for a Request whose body was read', async () => {
    const handler = vi.fn();
    const request = new Request('https://bot.example/onebot', {
      method: 'POST',
      headers: signOnebot(body, SECRET),
      body,
    });
    await request.json();
    const response = await createReceiver(onebot({ secret: SECRET }))
      .on('*', handler)
      .fetch(request);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'BODY_ALREADY_CONSUMED' } });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('receiver.fetch() in Hono (@hono/node-server)', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function start(app: Hono): Promise<string> {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
    const address = server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  it('leaves other routes reading JSON with c.req.json()', async () => {
    const app = new Hono();
    app.post('/api', async (c) => c.json({ got: await c.req.json() }));
    app.post('/onebot', (c) => pingBot().fetch(c.req.raw));
    const url = await start(app);
    const api = await post(`${url}/api`, '{"a":1}', { headers: { 'content-type': 'application/json' } });
    expect(api.json()).toEqual({ got: { a: 1 } });
    const hook = await post(`${url}/onebot`, body, { headers: signOnebot(body, SECRET), chunked: true });
    expect(hook.json()).toEqual({ reply: 'pong' });
  });

  it('names the fix when a middleware already read the body, and Hono stays up', async () => {
    const app = new Hono();
    app.use('/onebot', async (c, next) => {
      await c.req.json();
      await next();
    });
    app.post('/onebot', (c) => pingBot().fetch(c.req.raw));
    const url = await start(app);
    const response = await post(`${url}/onebot`, body, { headers: signOnebot(body, SECRET) });
    expect(response.status).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'BODY_ALREADY_CONSUMED' } });
  });
});
