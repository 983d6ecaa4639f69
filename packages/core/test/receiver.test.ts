import { gzipSync } from 'node:zlib';
import { createReceiver, type Logger, onebot } from '@hookguard/core';
import { napcatGroupMessage, onebotRequest, signOnebot } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';

const provider = onebot({ secret: 'secret' });
const body = JSON.stringify(napcatGroupMessage);

describe('createReceiver().handle()', () => {
  it('answers 405 with Allow: POST for other methods, before verifying', async () => {
    const response = await createReceiver(provider).handle({
      ...onebotRequest(napcatGroupMessage, 'secret'),
      method: 'GET',
    });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect(JSON.parse(response.body).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers 415 for a Content-Type that is clearly not JSON, and accepts a missing one', async () => {
    const receiver = createReceiver(provider);
    const request = onebotRequest(napcatGroupMessage, 'secret');
    const form = await receiver.handle({
      ...request,
      headers: { ...request.headers, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    const { 'content-type': _, ...noType } = request.headers as Record<string, string>;
    expect((await receiver.handle({ ...request, headers: noType })).status).toBe(204);
    const charset = await receiver.handle({
      ...request,
      headers: { ...request.headers, 'content-type': 'Application/JSON; charset=utf-8' },
    });
    expect(charset.status).toBe(204);
  });

  it('answers 400 for a signed body that is not UTF-8', async () => {
    const bytes = Buffer.from([0x7b, 0xff, 0x7d]);
    const response = await createReceiver(provider).handle({
      method: 'POST',
      url: '/',
      headers: signOnebot(bytes, 'secret'),
      body: bytes,
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error).toEqual({
      code: 'INVALID_JSON',
      message: 'Request body is not valid UTF-8',
    });
  });

  it('answers with the no-reply form when the deadline passes, and lets the handler finish', async () => {
    let finished = false;
    const onError = vi.fn();
    const receiver = createReceiver(provider, { deadlineMs: 50, onError }).on('message', async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished = true;
      return { reply: 'too late' };
    });
    const started = Date.now();
    const response = await receiver.handle(onebotRequest(napcatGroupMessage, 'secret'));
    expect(response.status).toBe(204);
    expect(Date.now() - started).toBeLessThan(250);
    expect(finished).toBe(false);
    const report = await receiver.close({ timeoutMs: 2000 });
    expect(finished).toBe(true);
    expect(report.unfinished).toBe(0);
    expect(onError).not.toHaveBeenCalled();
  });

  it('gives a duplicate the answer the sender actually got when the deadline passed, not the late reply', async () => {
    let runs = 0;
    const receiver = createReceiver(provider, { deadlineMs: 50 }).on('message', async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { reply: 'too late' };
    });
    const request = onebotRequest(napcatGroupMessage, 'secret');
    const first = await receiver.handle(request);
    const whileRunning = await receiver.handle(request);
    await receiver.close({ timeoutMs: 2000 });
    expect(first.status).toBe(204);
    expect(whileRunning).toEqual(first);
    expect(runs).toBe(1);
  });

  it('logs refusals by code only, never the secret or the body', async () => {
    const lines: string[] = [];
    const logger: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message, fields) => lines.push(message + JSON.stringify(fields)),
      error: (message, fields) => lines.push(message + JSON.stringify(fields)),
    };
    await createReceiver(onebot({ secret: 'top-secret-value' }), { logger }).handle({
      method: 'POST',
      url: '/',
      headers: signOnebot(body, 'wrong'),
      body: Buffer.from(body),
    });
    expect(lines.join('\n')).toMatch(/SIGNATURE_MISMATCH/);
    expect(lines.join('\n')).not.toMatch(/top-secret-value|小不点/);
  });
});

describe('createReceiver().fetch()', () => {
  const receiver = createReceiver(provider).on('message.group', () => ({ reply: 'pong' }));

  it('takes a Web Request and returns a Web Response', async () => {
    const response = await receiver.fetch(
      new Request('http://bot.local/onebot', { method: 'POST', headers: signOnebot(body, 'secret'), body }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ reply: 'pong' });
  });

  it('answers 204 with a null body when there is no reply', async () => {
    const response = await createReceiver(provider).fetch(
      new Request('http://bot.local/onebot', { method: 'POST', headers: signOnebot(body, 'secret'), body }),
    );
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('decodes a gzip body and verifies the signature over the decoded bytes', async () => {
    const response = await receiver.fetch(
      new Request('http://bot.local/onebot', {
        method: 'POST',
        headers: { ...signOnebot(body, 'secret'), 'content-encoding': 'gzip' },
        body: gzipSync(body),
      }),
    );
    expect(await response.json()).toEqual({ reply: 'pong' });
  });

  it('applies the body limit to Web requests too', async () => {
    const small = createReceiver(provider, { bodyLimit: 100 });
    const response = await small.fetch(
      new Request('http://bot.local/onebot', { method: 'POST', headers: signOnebot(body, 'secret'), body }),
    );
    expect(response.status).toBe(413);
  });
});
