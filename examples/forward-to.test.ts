/**
 * `hookguard listen --forward-to`: the sender's delivery reaches the app byte for byte, and the
 * app's answer reaches the sender byte for byte; an app that is down or too slow gets the answer
 * the sender's deadline rules give (packages/cli/README.md).
 */
import { createServer } from 'node:http';
import { findSenderKit, type OutgoingRequest } from '@hookguard/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Background, startCli } from '../packages/cli/test/support/cli.js';
import { type Listening, listen, post, type RawResponse } from '../test/support/http.js';
import { configFromEnv, createReceivers } from './common/receivers.js';
import { type StartExample, startFastify, startFetch, startKoa } from './common/start-example.js';
import { createApp as createExpressApp, configFromEnv as expressConfig } from './express/app.js';

const onebotKit = findSenderKit('onebot')!;
const tencentKit = findSenderKit('tencent-chat')!;
const ONEBOT_SECRET = onebotKit.secret.demo;
const TENCENT_TOKEN = tencentKit.secret.demo;

/** A NapCat private message "ping", which every example answers with the quick reply "pong". */
function napcatPing(): OutgoingRequest {
  const payload = {
    ...onebotKit.fixtures['message.private.friend'],
    message: [{ type: 'text', data: { text: 'ping' } }],
    raw_message: 'ping',
  };
  return onebotKit.sign({
    body: onebotKit.encode(payload),
    secret: ONEBOT_SECRET,
    now: Date.now(),
    event: undefined,
  });
}

/** A Tencent before-send callback the examples reject ("forbidden"). */
function tencentForbidden(token = TENCENT_TOKEN): OutgoingRequest {
  const payload = {
    ...tencentKit.fixtures['C2C.CallbackBeforeSendMsg'],
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'forbidden words' } }],
  };
  return tencentKit.sign({
    body: tencentKit.encode(payload),
    secret: token,
    now: Date.now(),
    event: undefined,
  });
}

/** Puts the request on the wire as its sender does (NapCat: chunked). */
function deliver(base: string, path: string, request: OutgoingRequest): Promise<RawResponse> {
  const query = new URLSearchParams(request.query.map(([name, value]): [string, string] => [name, value]));
  const url = `${base}${path}${request.query.length > 0 ? `?${query}` : ''}`;
  return post(url, request.body, { headers: Object.fromEntries(request.headers), chunked: request.chunked });
}

function answerOf(response: RawResponse) {
  return { status: response.status, type: response.headers['content-type'], body: response.text };
}

let listener: Background | undefined;
afterEach(async () => {
  await listener?.stop();
  listener = undefined;
});

async function listenForwarding(provider: string, secret: string, target: string): Promise<string> {
  listener = startCli(['listen', provider, '--port', '0', '--secret', secret, '--forward-to', target]);
  const [, url] = await listener.waitFor(/listening on (http:\/\/\S+)/);
  return url!;
}

const starters: Record<string, StartExample> = {
  koa: startKoa,
  fastify: startFastify,
  fetch: startFetch,
  express: (mounts) => {
    void mounts;
    return listen(
      createExpressApp({ ...expressConfig({}), quiet: true }) as unknown as Parameters<typeof listen>[0],
    );
  },
};

describe.each(Object.entries(starters))('listen --forward-to examples/%s', (name, start) => {
  let app: Listening;
  beforeAll(async () => {
    app = await start(createReceivers({ ...configFromEnv({}).config, quiet: true }));
  });
  afterAll(() => app.close());

  it("NapCat's ping: the app's quick reply reaches the sender byte for byte", async () => {
    const direct = answerOf(await deliver(app.url, '/onebot', napcatPing()));
    expect(direct).toMatchObject({ status: 200, body: '{"reply":"pong"}' });
    const url = await listenForwarding('onebot', ONEBOT_SECRET, app.url);
    const forwarded = answerOf(await deliver(url, '/onebot', napcatPing()));
    expect(forwarded).toEqual(direct);
    await listener!.waitFor(/forwarded to .*\/onebot: the app answered in \d+ ms/);
    expect(listener!.stdout.text).toContain('✓ verified  message.private.friend');
    expect(listener!.stdout.text).toContain('reply 200 {"reply":"pong"}');
  });

  // The Express example mounts NapCat only.
  if (name !== 'express')
    it("Tencent's before-send callback: the app's decision reaches Tencent", async () => {
      const direct = answerOf(await deliver(app.url, '/tencent', tencentForbidden()));
      expect(direct.body).toContain('"ErrorCode":120001');
      const url = await listenForwarding('tencent-chat', TENCENT_TOKEN, app.url);
      expect(answerOf(await deliver(url, '/tencent', tencentForbidden()))).toEqual(direct);
    });

  it("a forged delivery is forwarded too: the app's own receiver refuses it, as in production", async () => {
    const url = await listenForwarding('onebot', ONEBOT_SECRET, app.url);
    const forged = onebotKit.sign({
      body: napcatPing().body,
      secret: 'not-the-token',
      now: Date.now(),
      event: undefined,
    });
    const response = await deliver(url, '/onebot', forged);
    expect(response.status).toBe(401);
    await listener!.waitFor(/doctor:/);
    expect(listener!.stdout.text).toMatch(/✗ refused SIGNATURE_MISMATCH[\s\S]*the app answered/);
  });
});

describe('listen --forward-to an app that is down or slow', () => {
  let closedPort: string;
  let slow: Listening;
  beforeAll(async () => {
    const probe = await listen(createServer());
    closedPort = probe.url;
    await probe.close();
    // Takes the request and never answers: an app stuck in a handler.
    slow = await listen(createServer(() => {}));
  });
  afterAll(() => slow.close());

  it('NapCat (no deadline of its own) and the app down: 502, and the output says so', async () => {
    const url = await listenForwarding('onebot', ONEBOT_SECRET, closedPort);
    const response = await deliver(url, '/onebot', napcatPing());
    expect(response.status).toBe(502);
    expect(response.json()).toMatchObject({ error: { code: 'FORWARD_UNREACHABLE' } });
    await listener!.waitFor(/unreachable \(ECONNREFUSED\); the sender got the answer below/);
  });

  it("Tencent and the app down: Tencent's deadline answer (allow), as a receiver gives it", async () => {
    const url = await listenForwarding('tencent-chat', TENCENT_TOKEN, closedPort);
    const response = await deliver(url, '/tencent', tencentForbidden());
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it("Tencent and a stuck app: the deadline answer within Tencent's deadline", async () => {
    const url = await listenForwarding('tencent-chat', TENCENT_TOKEN, slow.url);
    const started = Date.now();
    const response = await deliver(url, '/tencent', tencentForbidden());
    const took = Date.now() - started;
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(took).toBeLessThan(2000);
    await listener!.waitFor(/too slow \(no answer within \d+ ms\)/);
  });

  it('a refused delivery and a stuck app: 504 within the deadline (nothing to fall back on)', async () => {
    const url = await listenForwarding('tencent-chat', TENCENT_TOKEN, slow.url);
    const started = Date.now();
    const response = await deliver(url, '/tencent', tencentForbidden('not-the-token'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(504);
    expect(response.json()).toMatchObject({ error: { code: 'FORWARD_TIMEOUT' } });
  });
});
