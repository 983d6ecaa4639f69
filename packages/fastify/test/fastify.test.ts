import { Writable } from 'node:stream';
import { createReceiver, hmac, onebot, type ReceiverOptions } from '@hookguard/core';
import { napcatGroupMessage, onebotFixtures, signHmac, signOnebot } from '@hookguard/core/testing';
import { fastifyLogger, fastifyWebhook } from '@hookguard/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { post } from '../../../test/support/http.js';

const SECRET = 'napcat-token';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

function track(app: FastifyInstance): FastifyInstance {
  apps.push(app);
  return app;
}

function pingBot(options?: ReceiverOptions) {
  return createReceiver(onebot({ secret: SECRET }), options)
    .on('message.group', () => ({ reply: 'pong', at_sender: true }))
    .on('request.friend', () => ({ approve: true }));
}

function signed(event: unknown) {
  const payload = JSON.stringify(event);
  return { method: 'POST' as const, payload, headers: signOnebot(payload, SECRET) };
}

/** JSON routes a host app already has, to show the plugin leaves them alone. */
function addJsonRoutes(app: FastifyInstance, name: string) {
  app.post(`/${name}`, async (request) => ({ got: request.body, isBuffer: Buffer.isBuffer(request.body) }));
}

describe('fastifyWebhook', () => {
  it('answers a signed post through fastify.inject() with the quick reply', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('answers a NapCat post over real HTTP (chunked, no Content-Length)', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot', prefix: '/hooks' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify(onebotFixtures['request.friend']);
    const response = await post(`${address}/hooks/onebot`, body, {
      headers: signOnebot(body, SECRET),
      chunked: true,
    });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ approve: true });
  });

  it('sends an empty answer as 204 with no body and no Content-Type', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(onebotFixtures['notice.friend_add']) });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(response.headers['content-type']).toBeUndefined();
  });

  it('lets the core decide on every Content-Type: text/plain and malformed are its 415, missing or empty accepted', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const { payload, headers } = signed(napcatGroupMessage);
    const text = await app.inject({
      method: 'POST',
      url: '/onebot',
      payload,
      headers: { ...headers, 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    expect(text.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const { 'content-type': _, ...withoutType } = headers;
    const none = await app.inject({ method: 'POST', url: '/onebot', payload, headers: withoutType });
    expect(none.json()).toEqual({ reply: 'pong', at_sender: true });
    // Fastify itself would refuse these before any parser; the core reads '' as absent.
    const empty = await app.inject({
      method: 'POST',
      url: '/onebot',
      payload,
      headers: { ...headers, 'content-type': '' },
    });
    expect(empty.json()).toEqual({ reply: 'pong', at_sender: true });
    const malformed = await app.inject({
      method: 'POST',
      url: '/onebot',
      payload,
      headers: { ...headers, 'content-type': 'json' },
    });
    expect(malformed.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it("runs the app's onRequest hooks first (rate limits, request ids), then answers", async () => {
    const app = track(Fastify());
    app.addHook('onRequest', async (_request, reply) => {
      reply.header('x-request-id', 'r-1');
    });
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) });
    expect(response.headers['x-request-id']).toBe('r-1');
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('hands the core the trust-proxy aware request.ip, so an allowFrom list works behind a proxy', async () => {
    const scheme = { signature: { header: 'x-signature', prefix: 'sha256=' } } as const;
    const ci = () =>
      createReceiver(hmac({ ...scheme, secret: 'ci-secret', allowFrom: ['203.0.113.0/24'] })).on(
        '*',
        () => undefined,
      );
    const body = '{"build":1}';
    const request = {
      method: 'POST' as const,
      url: '/ci',
      payload: body,
      headers: { ...signHmac(scheme, 'ci-secret', { body }).headers, 'x-forwarded-for': '203.0.113.7' },
    };
    const behindProxy = track(Fastify({ trustProxy: true }));
    await behindProxy.register(fastifyWebhook, { receiver: ci(), path: '/ci' });
    expect((await behindProxy.inject(request)).statusCode).toBe(204);
    const direct = track(Fastify());
    await direct.register(fastifyWebhook, { receiver: ci(), path: '/ci' });
    const refused = await direct.inject(request);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'SOURCE_NOT_ALLOWED' } });
  });

  it('decodes a gzip body with the core, signature over the decoded bytes', async () => {
    const { gzipSync } = await import('node:zlib');
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const { payload, headers } = signed(napcatGroupMessage);
    const response = await app.inject({
      method: 'POST',
      url: '/onebot',
      payload: gzipSync(payload),
      headers: { ...headers, 'content-encoding': 'gzip' },
    });
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
  });

  it('answers 405 with Allow: POST for a GET, as the other adapters do', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const response = await app.inject({ method: 'GET', url: '/onebot' });
    expect(response.statusCode).toBe(405);
    expect(response.headers['allow']).toBe('POST');
  });

  it('mounts twice in one app (two senders on two paths)', async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/a' });
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/b' });
    for (const url of ['/a', '/b']) {
      const response = await app.inject({ url, ...signed(onebotFixtures['request.friend']) });
      expect(response.json()).toEqual({ approve: true });
    }
  });
});

describe('fastifyWebhook body limits', () => {
  const big = { ...napcatGroupMessage, raw_message: 'x'.repeat(4000) };
  const medium = { ...napcatGroupMessage, raw_message: 'x'.repeat(1000) };

  it("honours the app's bodyLimit, answering the core's 413 JSON", async () => {
    const handler = vi.fn();
    const app = track(Fastify({ bodyLimit: 2048 }));
    await app.register(fastifyWebhook, { receiver: pingBot().on('*', handler), path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(big) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({
      error: { code: 'BODY_TOO_LARGE', message: 'Request body is larger than the 2048-byte limit' },
    });
    expect(response.headers['connection']).toBe('close');
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets the plugin's route bodyLimit override the app's, in both directions", async () => {
    const app = track(Fastify({ bodyLimit: 2048 }));
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/roomy', bodyLimit: 8192 });
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/tight', bodyLimit: 512 });
    expect((await app.inject({ url: '/roomy', ...signed(big) })).statusCode).toBe(200);
    expect((await app.inject({ url: '/tight', ...signed(medium) })).statusCode).toBe(413);
  });

  it("keeps the receiver's own smaller bodyLimit", async () => {
    const app = track(Fastify());
    await app.register(fastifyWebhook, { receiver: pingBot({ bodyLimit: 256 }), path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) });
    expect(response.json()).toMatchObject({
      error: { message: 'Request body is larger than the 256-byte limit' },
    });
  });

  it('counts a chunked body against the limit over real HTTP', async () => {
    const app = track(Fastify({ bodyLimit: 2048 }));
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const body = JSON.stringify(big);
    const response = await post(`${address}/onebot`, body, {
      headers: signOnebot(body, SECRET),
      chunked: true,
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
  });
});

describe('fastifyWebhook encapsulation', () => {
  async function hostApp(setup?: (app: FastifyInstance) => void) {
    const app = track(Fastify());
    setup?.(app);
    addJsonRoutes(app, 'before');
    await app.register(fastifyWebhook, { receiver: pingBot(), path: '/onebot' });
    addJsonRoutes(app, 'after');
    await app.ready();
    return app;
  }
  const json = { 'content-type': 'application/json' };

  it("leaves the parent's JSON routes (defined before and after) parsing JSON as before", async () => {
    const app = await hostApp();
    for (const url of ['/before', '/after']) {
      const good = await app.inject({ method: 'POST', url, payload: '{"x":1}', headers: json });
      expect(good.json()).toEqual({ got: { x: 1 }, isBuffer: false });
      const bad = await app.inject({ method: 'POST', url, payload: '{"x":', headers: json });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
      const text = await app.inject({
        method: 'POST',
        url,
        payload: 'hi',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.json()).toEqual({ got: 'hi', isBuffer: false });
      const other = await app.inject({
        method: 'POST',
        url,
        payload: 'a=1',
        headers: { 'content-type': 'x/y' },
      });
      expect(other.statusCode).toBe(415);
    }
    expect((await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) })).statusCode).toBe(200);
  });

  it("does not clash with the parent's own application/json parser, which keeps serving its routes", async () => {
    const app = await hostApp((parent) => {
      parent.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
        done(null, { custom: String(body) });
      });
    });
    const parent = await app.inject({ method: 'POST', url: '/after', payload: '{"x":1}', headers: json });
    expect(parent.json()).toEqual({ got: { custom: '{"x":1}' }, isBuffer: false });
    expect((await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) })).json()).toEqual({
      reply: 'pong',
      at_sender: true,
    });
  });

  it("adds no decorator, hook or error handler to the parent, and the parent's error handler stays its own", async () => {
    const app = await hostApp((parent) => {
      parent.setErrorHandler((_error, _request, reply) => reply.code(418).send({ parent: true }));
      parent.get('/boom', async () => {
        throw new Error('boom');
      });
    });
    expect(app.hasDecorator('fastifyWebhook')).toBe(false);
    expect((await app.inject({ method: 'GET', url: '/boom' })).json()).toEqual({ parent: true });
    // The parent's error handler is not used for webhook answers: refusals keep the core's JSON.
    const refused = await app.inject({ method: 'POST', url: '/onebot', payload: '{}', headers: json });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: { code: 'SIGNATURE_MISSING' } });
  });
});

describe('fastifyLogger', () => {
  it("writes hookguard's errors into Fastify's pino log, without secrets or bodies", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        callback();
      },
    });
    const app = track(Fastify({ logger: { level: 'info', stream } }));
    const receiver = createReceiver(onebot({ secret: SECRET }), { logger: fastifyLogger(app.log) }).on(
      'message',
      () => {
        throw new Error('database is down');
      },
    );
    await app.register(fastifyWebhook, { receiver, path: '/onebot' });
    const response = await app.inject({ url: '/onebot', ...signed(napcatGroupMessage) });
    expect(response.statusCode).toBe(500);
    const failure = lines.find((line) => line['msg'] === 'webhook handler failed');
    expect(failure).toMatchObject({ level: 50, provider: 'onebot', error: 'database is down' });
    // Fastify's own request logging still sees the answer.
    expect(lines.find((line) => line['msg'] === 'request completed')).toMatchObject({
      res: { statusCode: 500 },
    });
    expect(JSON.stringify(lines)).not.toContain(SECRET);
    expect(JSON.stringify(lines)).not.toContain('小不点');
  });
});
