import type { RequestListener } from 'node:http';
import { createReceiver, onebot, type Provider, type ReceiverLike, type VerifyInput } from '@hookguard/core';
import { napcatGroupMessage, onebotFixtures, signOnebot } from '@hookguard/core/testing';
import { koaWebhook } from '@hookguard/koa';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post } from '../../../test/support/http.js';

const SECRET = 'napcat-token';
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(app: { callback(): RequestListener }): Promise<string> {
  server = await listen(app.callback());
  return server.url;
}

/** Exactly what NapCat sends: JSON.stringify, lower-case headers, chunked, no Content-Length. */
function napcatPost(url: string, event: unknown) {
  const body = JSON.stringify(event);
  return post(url, body, { headers: signOnebot(body, SECRET), chunked: true });
}

function pingBot() {
  return createReceiver(onebot({ secret: SECRET }))
    .on('message.group', () => ({ reply: 'pong', at_sender: true }))
    .on('request.friend', () => ({ approve: true }));
}

/** A provider that accepts everything and records what the adapter handed to the core. */
function recordingReceiver(seen: (input: VerifyInput) => void): ReceiverLike {
  const provider: Provider = {
    name: 'recording',
    proofNames: { headers: [], query: [] },
    verify(input) {
      seen(input);
      return { ok: true, secretIndex: undefined };
    },
    parse: (payload) => ({
      name: 'x',
      known: false,
      payload,
      issues: [],
      deliveryKey: undefined,
      meta: undefined,
    }),
    respond: () => ({ status: 204, headers: {}, body: '' }),
  };
  return createReceiver(provider);
}

describe('koaWebhook() on @koa/router', () => {
  it('answers a NapCat post (chunked, no Content-Length) with the quick reply', async () => {
    const router = new Router();
    router.post('/onebot', koaWebhook(pingBot()));
    const url = await start(new Koa().use(router.routes()));
    const response = await napcatPost(`${url}/onebot`, napcatGroupMessage);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('sends an empty answer as 204 with no body and no Content-Type', async () => {
    const router = new Router();
    router.post('/onebot', koaWebhook(pingBot()));
    const url = await start(new Koa().use(router.routes()));
    const response = await napcatPost(`${url}/onebot`, onebotFixtures['notice.group_increase.approve']);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers['content-type']).toBeUndefined();
  });

  it('keeps the status and headers of a refusal (405 with Allow on router.all)', async () => {
    const router = new Router();
    router.all('/onebot', koaWebhook(pingBot()));
    const url = await start(new Koa().use(router.routes()));
    const response = await post(`${url}/onebot`, '', { method: 'GET' });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect(response.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('hands the core the original URL (query kept under a router prefix) and the trust-proxy aware ctx.ip', async () => {
    const seen = vi.fn();
    const router = new Router({ prefix: '/hooks' });
    router.post('/tencent', koaWebhook(recordingReceiver(seen)));
    const app = new Koa({ proxy: true });
    const url = await start(app.use(router.routes()));
    await post(`${url}/hooks/tencent?SdkAppid=1400000000&Sign=abc`, '{}', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
    });
    const input = seen.mock.calls[0]![0] as VerifyInput;
    expect(input.query.get('SdkAppid')).toBe('1400000000');
    expect(input.remoteAddress).toBe('203.0.113.7');
  });

  it('ignores X-Forwarded-For when the app does not trust a proxy', async () => {
    const seen = vi.fn();
    const router = new Router();
    router.post('/hook', koaWebhook(recordingReceiver(seen)));
    const url = await start(new Koa().use(router.routes()));
    await post(`${url}/hook`, '{}', {
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
    });
    expect((seen.mock.calls[0]![0] as VerifyInput).remoteAddress).toMatch(/127\.0\.0\.1$/);
  });
});

describe('koaWebhook() on plain Koa', () => {
  it('answers only its path and passes every other request to next()', async () => {
    const app = new Koa();
    app.use(koaWebhook(pingBot(), { path: '/onebot' }));
    app.use((ctx) => {
      ctx.body = { route: ctx.path };
    });
    const url = await start(app);
    expect((await napcatPost(`${url}/onebot`, onebotFixtures['request.friend'])).json()).toEqual({
      approve: true,
    });
    const other = await post(`${url}/status`, '{}', { headers: { 'content-type': 'application/json' } });
    expect(other.json()).toEqual({ route: '/status' });
  });
});

describe('koaWebhook() next to a body parser', () => {
  it('refuses with 500 and names the fix when a body parser already drained the stream', async () => {
    const handler = vi.fn();
    const router = new Router();
    router.post('/onebot', koaWebhook(createReceiver(onebot({ secret: SECRET })).on('*', handler)));
    const url = await start(new Koa().use(bodyParser()).use(router.routes()));
    const response = await napcatPost(`${url}/onebot`, napcatGroupMessage);
    expect(response.status).toBe(500);
    const { error } = response.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('BODY_ALREADY_CONSUMED');
    expect(error.message).toMatch(/Koa: before bodyParser\(\)/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('works behind a body parser that skipped the request (its stream is still unread)', async () => {
    const router = new Router();
    router.post('/onebot', koaWebhook(pingBot()));
    // This parser only takes form posts, so the JSON webhook's stream is left alone.
    const url = await start(new Koa().use(bodyParser({ enableTypes: ['form'] })).use(router.routes()));
    const response = await napcatPost(`${url}/onebot`, napcatGroupMessage);
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('leaves other routes parsing JSON with their own body parser', async () => {
    const router = new Router();
    router.post('/api', bodyParser(), (ctx) => {
      ctx.body = { got: ctx.request.body };
    });
    router.post('/onebot', koaWebhook(pingBot()));
    const app = new Koa().use(router.routes());
    app.silent = true; // Koa would print the bad JSON's stack for the 400 below.
    const url = await start(app);
    const api = await post(`${url}/api`, '{"a":1}', { headers: { 'content-type': 'application/json' } });
    expect(api.json()).toEqual({ got: { a: 1 } });
    const bad = await post(`${url}/api`, '{"a":', { headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect((await napcatPost(`${url}/onebot`, napcatGroupMessage)).json()).toEqual({
      reply: 'pong',
      at_sender: true,
    });
  });
});
