import { connect } from 'node:net';
import { createReceiver, onebot, type Receiver } from '@hookguard/core';
import { napcatGroupMessage, onebotFixtures, signOnebot } from '@hookguard/core/testing';
import { expressWebhook } from '@hookguard/express';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Listening, listen, post } from '../../../test/support/http.js';

const SECRET = 'napcat-token';
let server: Listening | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(
  receiver: Pick<Receiver, 'handle' | 'handleStream' | 'fetch'>,
  setup?: (app: express.Express) => void,
) {
  const app = express();
  setup?.(app);
  app.post('/onebot', expressWebhook(receiver));
  server = await listen(app as unknown as Parameters<typeof listen>[0]);
  return `${server.url}/onebot`;
}

/** Exactly what NapCat sends: JSON.stringify, lower-case headers, chunked, no Content-Length. */
function napcatPost(url: string, event: unknown, secret = SECRET, tamper?: (body: string) => string) {
  const body = JSON.stringify(event);
  return post(url, tamper ? tamper(body) : body, { headers: signOnebot(body, secret), chunked: true });
}

describe('expressWebhook() with onebot()', () => {
  it('accepts a NapCat post (chunked, non-ASCII, lower-case headers) and answers the quick reply', async () => {
    const seen = vi.fn();
    const receiver = createReceiver(onebot({ secret: SECRET })).on('message.group', (event, context) => {
      seen(event.group_id, event.sender.nickname, context.meta.selfId);
      return { reply: 'pong', at_sender: true };
    });
    const response = await napcatPost(await serve(receiver), napcatGroupMessage);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ reply: 'pong', at_sender: true });
    expect(seen).toHaveBeenCalledWith(114514, '小不点', '10001000');
  });

  it('reads header names case-insensitively (X-Signature as the standard writes it)', async () => {
    const receiver = createReceiver(onebot({ secret: SECRET })).on('request.friend', () => ({
      approve: true,
    }));
    const body = JSON.stringify(onebotFixtures['request.friend']);
    const { 'x-signature': signature } = signOnebot(body, SECRET);
    const response = await post(await serve(receiver), body, {
      headers: { 'Content-Type': 'application/json', 'X-Self-ID': '1', 'X-Signature': signature! },
    });
    expect(response.json()).toEqual({ approve: true });
  });

  const refused: [string, (body: string) => string, string, Record<string, string> | undefined, string][] = [
    ['one byte changed', (b) => b.replace('hi', 'ho'), SECRET, undefined, 'SIGNATURE_MISMATCH'],
    ['a wrong secret', (b) => b, 'other-token', undefined, 'SIGNATURE_MISMATCH'],
    ['a missing header', (b) => b, SECRET, { 'content-type': 'application/json' }, 'SIGNATURE_MISSING'],
    [
      'sha1= with non-hex',
      (b) => b,
      SECRET,
      { 'x-signature': `sha1=${'g'.repeat(40)}` },
      'SIGNATURE_MALFORMED',
    ],
    ['a wrong length', (b) => b, SECRET, { 'x-signature': `sha1=${'a'.repeat(38)}` }, 'SIGNATURE_MALFORMED'],
    ['another prefix', (b) => b, SECRET, { 'x-signature': `md5=${'a'.repeat(40)}` }, 'SIGNATURE_MALFORMED'],
    ['an empty value', (b) => b, SECRET, { 'x-signature': '' }, 'SIGNATURE_MISSING'],
  ];
  it.each(refused)('answers 401 for %s, and no handler runs', async (_, tamper, secret, headers, code) => {
    const handler = vi.fn();
    const url = await serve(createReceiver(onebot({ secret: SECRET })).on('*', handler));
    const body = JSON.stringify(napcatGroupMessage);
    const response = headers
      ? await post(url, body, { headers, chunked: true })
      : await napcatPost(url, napcatGroupMessage, secret, tamper);
    expect(response.status).toBe(401);
    expect(response.json()).toMatchObject({ error: { code } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 204 with no body when the handler has nothing to say', async () => {
    const receiver = createReceiver(onebot({ secret: SECRET })).on('notice', () => undefined);
    const response = await napcatPost(await serve(receiver), onebotFixtures['notice.group_increase.approve']);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
  });

  it('answers 400 for a validly signed body that is not JSON, without running a handler', async () => {
    const handler = vi.fn();
    const url = await serve(createReceiver(onebot({ secret: SECRET })).on('*', handler));
    const body = '{"post_type": "message", oops';
    const response = await post(url, body, { headers: signOnebot(body, SECRET), chunked: true });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'INVALID_JSON' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 500 when a handler throws, calls onError, leaks nothing, and serves the next request', async () => {
    const onError = vi.fn();
    let fail = true;
    const receiver = createReceiver(onebot({ secret: SECRET }), { onError }).on('message', () => {
      if (fail) throw new Error('database password is hunter2');
      return { reply: 'ok' };
    });
    const url = await serve(receiver);
    const failed = await napcatPost(url, napcatGroupMessage);
    expect(failed.status).toBe(500);
    expect(failed.json()).toEqual({
      error: { code: 'HANDLER_FAILED', message: 'The webhook handler failed' },
    });
    expect(failed.text).not.toMatch(/hunter2|at .*\.ts/);
    expect(onError).toHaveBeenCalledOnce();
    expect((onError.mock.calls[0]![0] as Error).message).toMatch(/hunter2/);
    fail = false;
    const next = await napcatPost(url, napcatGroupMessage);
    expect(next.json()).toEqual({ reply: 'ok' });
  });

  it('answers 413 before reading a body whose Content-Length is over the limit', async () => {
    const handler = vi.fn();
    const url = await serve(createReceiver(onebot({ secret: SECRET }), { bodyLimit: 1024 }).on('*', handler));
    const body = JSON.stringify({ ...napcatGroupMessage, raw_message: 'x'.repeat(4096) });
    const response = await post(url, body, { headers: signOnebot(body, SECRET) });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('stops reading a chunked body at the limit and closes the connection', async () => {
    const url = new URL(await serve(createReceiver(onebot({ secret: SECRET }), { bodyLimit: 16 * 1024 })));
    const socket = connect(Number(url.port), url.hostname);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const total = 64 * 1024 * 1024;
    let written = 0;
    let response = '';
    socket.on('data', (data) => {
      response += data.toString('latin1');
    });
    socket.on('error', () => {});
    await new Promise<void>((resolve) => {
      socket.on('close', () => resolve());
      socket.write(
        'POST /onebot HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
      );
      const pump = () => {
        while (written < total && !socket.destroyed) {
          written += chunk.length;
          const ok =
            socket.write(`${chunk.length.toString(16)}\r\n`) &&
            socket.write(Buffer.concat([chunk, Buffer.from('\r\n')]));
          if (!ok) return void socket.once('drain', pump);
        }
        if (!socket.destroyed) socket.end('0\r\n\r\n');
      };
      pump();
    });
    expect(response).toMatch(/^HTTP\/1\.1 413/);
    expect(response).toMatch(/connection: close/i);
    // The server refused early: far less than the 64 MiB the client meant to send went out.
    expect(written).toBeLessThan(total / 4);
  });

  describe('next to express.json()', () => {
    it('refuses with 500 and names the fix when express.json() already consumed the body', async () => {
      const handler = vi.fn();
      const receiver = createReceiver(onebot({ secret: SECRET })).on('*', handler);
      const url = await serve(receiver, (app) => app.use(express.json()));
      const response = await napcatPost(url, napcatGroupMessage);
      expect(response.status).toBe(500);
      const { error } = response.json() as { error: { code: string; message: string } };
      expect(error.code).toBe('BODY_ALREADY_CONSUMED');
      expect(error.message).toMatch(/before .*express\.json\(\)/);
      expect(handler).not.toHaveBeenCalled();
    });

    it('uses the exact bytes when express.json({ verify }) captured them as req.rawBody', async () => {
      const receiver = createReceiver(onebot({ secret: SECRET })).on('message', () => ({
        reply: 'captured',
      }));
      const url = await serve(receiver, (app) =>
        app.use(
          express.json({
            verify: (req, _res, buf) => {
              (req as unknown as { rawBody: Buffer }).rawBody = buf;
            },
          }),
        ),
      );
      const response = await napcatPost(url, napcatGroupMessage);
      expect(response.json()).toEqual({ reply: 'captured' });
    });

    it('leaves other routes parsing JSON as before', async () => {
      const receiver = createReceiver(onebot({ secret: SECRET })).on('message', () => ({ reply: 'hook' }));
      const url = await serve(receiver, (app) => {
        app.post('/api', express.json(), (req, res) => {
          res.json({ got: req.body });
        });
      });
      const api = await post(url.replace('/onebot', '/api'), '{"a":1}', {
        headers: { 'content-type': 'application/json' },
      });
      expect(api.json()).toEqual({ got: { a: 1 } });
      expect((await napcatPost(url, napcatGroupMessage)).json()).toEqual({ reply: 'hook' });
    });
  });
});
