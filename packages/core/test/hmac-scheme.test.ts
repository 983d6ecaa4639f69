import { createHmac } from 'node:crypto';
import {
  createReceiver,
  type HmacSchemeOptions,
  hmac,
  jsonResponse,
  type Logger,
  verify,
  type WebhookRequest,
} from '@hookguard/core';
import { hmacRequest, signHmac } from '@hookguard/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

const SECRET = 'shh';
const NOW = 1_760_000_000_000;
const clock = { now: () => NOW };
const body = JSON.stringify({ kind: 'alert.fired', alert: { id: 'a-1', severity: 'high' }, note: 'ünïcödé' });
const request = (headers: Record<string, string>, url = '/hook', bytes = body): WebhookRequest => ({
  method: 'POST',
  url,
  headers,
  body: Buffer.from(bytes),
});
const mac = (algorithm: string, text: string, key = SECRET) =>
  createHmac(algorithm, key).update(Buffer.from(text));
const outcome = async (provider: Parameters<typeof verify>[0], req: WebhookRequest, now = NOW) => {
  const result = await verify(provider, req, { now: () => now });
  return result.ok ? 'ok' : result.error.code;
};

describe('hmac(): where the signature is and how it is written', () => {
  it('reads a hex HMAC-SHA256 from a header, in any header-name case', async () => {
    const provider = hmac({ secret: SECRET, signature: { header: 'X-Signature' } });
    expect(await outcome(provider, request({ 'x-signature': mac('sha256', body).digest('hex') }))).toBe('ok');
    expect(await outcome(provider, request({ 'x-signature': mac('sha256', `${body} `).digest('hex') }))).toBe(
      'SIGNATURE_MISMATCH',
    );
  });

  it('reads a signature from a query parameter, and says where it looked when it is missing', async () => {
    const provider = hmac({ secret: SECRET, algorithm: 'sha1', signature: { query: 'sig' } });
    expect(await outcome(provider, request({}, `/hook?sig=${mac('sha1', body).digest('hex')}`))).toBe('ok');
    const missing = await verify(provider, request({}, '/hook?other=1'));
    expect(missing.ok === false && missing.error).toMatchObject({
      code: 'SIGNATURE_MISSING',
      message: expect.stringContaining('"sig" query parameter'),
    });
  });

  it.each([
    ['sha1', 'hex', 'sha1='],
    ['sha256', 'base64', ''],
    ['sha512', 'base64', 'sha512:'],
    ['sha512', 'base64url', ''],
    ['sha256', 'hex', 'v1='],
  ] as const)('checks %s written as %s with prefix "%s"', async (algorithm, encoding, prefix) => {
    const provider = hmac({ secret: SECRET, algorithm, signature: { header: 'x-sig', prefix, encoding } });
    const good = prefix + mac(algorithm, body).digest(encoding);
    expect(await outcome(provider, request({ 'x-sig': good }))).toBe('ok');
    const withoutPrefixOrLonger = prefix ? good.slice(prefix.length) : `${good}AA`;
    expect(await outcome(provider, request({ 'x-sig': withoutPrefixOrLonger }))).toBe('SIGNATURE_MALFORMED');
    const wrongKey = prefix + mac(algorithm, body, 'other').digest(encoding);
    expect(await outcome(provider, request({ 'x-sig': wrongKey }))).toBe('SIGNATURE_MISMATCH');
  });

  it('refuses a digest of the wrong length or alphabet as malformed, naming the expected form', async () => {
    const provider = hmac({ secret: SECRET, signature: { header: 'x-sig', prefix: 'sha256=' } });
    const short = await verify(provider, request({ 'x-sig': `sha256=${'ab'.repeat(20)}` }));
    expect(short.ok === false && short.error.message).toContain('"sha256=<hex HMAC-SHA256>"');
    expect(await outcome(provider, request({ 'x-sig': `sha256=${'zz'.repeat(32)}` }))).toBe(
      'SIGNATURE_MALFORMED',
    );
  });

  it('accepts any of several signatures in one value when a separator is declared', async () => {
    const provider = hmac({ secret: SECRET, signature: { header: 'x-sig', prefix: 'v1=', separator: ',' } });
    const good = `v1=${mac('sha256', body).digest('hex')}`;
    const other = `v1=${mac('sha256', body, 'old').digest('hex')}`;
    expect(await outcome(provider, request({ 'x-sig': `t=1,${other}, ${good}` }))).toBe('ok');
    expect(await outcome(provider, request({ 'x-sig': `t=1,${other}` }))).toBe('SIGNATURE_MISMATCH');
  });

  it('accepts any secret of a rotation and reports which one matched', async () => {
    const provider = hmac({ secret: ['new', SECRET], signature: { header: 'x-sig' } });
    const result = await verify(provider, request({ 'x-sig': mac('sha256', body).digest('hex') }));
    expect(result.ok && result.secretIndex).toBe(1);
  });
});

describe('hmac(): what is signed, and when', () => {
  // A Slack-style scheme: "v0:<timestamp>:<body>" in X-Slack-Signature: v0=<hex>.
  const slackLike = hmac({
    secret: SECRET,
    signature: { header: 'x-slack-signature', prefix: 'v0=' },
    signed: 'v0:{timestamp}:{body}',
    timestamp: { header: 'x-slack-request-timestamp' },
  });
  const slackHeaders = (timestamp: number, text = body) => ({
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': `v0=${mac('sha256', `v0:${timestamp}:${text}`).digest('hex')}`,
  });

  it('signs the template with literal text, timestamp and the exact body bytes', async () => {
    expect(await outcome(slackLike, request(slackHeaders(NOW / 1000)))).toBe('ok');
    const bodyOnly = {
      ...slackHeaders(NOW / 1000),
      'x-slack-signature': `v0=${mac('sha256', body).digest('hex')}`,
    };
    expect(await outcome(slackLike, request(bodyOnly))).toBe('SIGNATURE_MISMATCH');
  });

  it('refuses a timestamp changed after signing, and stale or future ones', async () => {
    const signed = slackHeaders(NOW / 1000);
    expect(
      await outcome(slackLike, request({ ...signed, 'x-slack-request-timestamp': String(NOW / 1000 + 1) })),
    ).toBe('SIGNATURE_MISMATCH');
    expect(await outcome(slackLike, request(slackHeaders(NOW / 1000 - 301)))).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await outcome(slackLike, request(slackHeaders(NOW / 1000 + 301)))).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await outcome(slackLike, request({ ...signed, 'x-slack-request-timestamp': '' }))).toBe(
      'TIMESTAMP_MISSING',
    );
    expect(await outcome(slackLike, request({ ...signed, 'x-slack-request-timestamp': '1.76e9' }))).toBe(
      'TIMESTAMP_OUT_OF_RANGE',
    );
  });

  it('reads millisecond timestamps from the query string with a custom tolerance', async () => {
    const scheme: HmacSchemeOptions = {
      signature: { header: 'x-sig' },
      signed: '{timestamp}{body}',
      timestamp: { query: 'ts', unit: 'milliseconds', toleranceSeconds: 10 },
    };
    const provider = hmac({ secret: SECRET, ...scheme });
    const at = (ts: number) =>
      request({ 'x-sig': mac('sha256', `${ts}${body}`).digest('hex') }, `/hook?ts=${ts}`);
    expect(await outcome(provider, at(NOW - 9_999))).toBe('ok');
    expect(await outcome(provider, at(NOW - 10_001))).toBe('TIMESTAMP_OUT_OF_RANGE');
    expect(await outcome(provider, hmacRequest(scheme, SECRET, { body, now: NOW }))).toBe('ok');
  });

  it('signs the delivery id when the template names it, and refuses a request without one', async () => {
    const provider = hmac({
      secret: SECRET,
      signature: { header: 'x-sig' },
      signed: '{id}.{body}',
      id: { header: 'x-id' },
    });
    const headers = { 'x-id': 'd-9', 'x-sig': mac('sha256', `d-9.${body}`).digest('hex') };
    expect(await outcome(provider, request(headers))).toBe('ok');
    expect(await outcome(provider, request({ ...headers, 'x-id': 'd-10' }))).toBe('SIGNATURE_MISMATCH');
    expect(await outcome(provider, request({ 'x-sig': headers['x-sig'] }))).toBe('SIGNATURE_MALFORMED');
  });

  it('warns once at startup when the template leaves the body unsigned', () => {
    const warn = vi.fn();
    const logger: Logger = { debug() {}, info() {}, warn, error() {} };
    const provider = hmac({
      secret: SECRET,
      signature: { header: 'x-sig' },
      signed: '{timestamp}',
      timestamp: { header: 'x-ts' },
    });
    createReceiver(provider, { logger });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/body is not authenticated/), expect.anything());
  });
});

describe('hmac(): names, delivery keys, types and answers', () => {
  const scheme: HmacSchemeOptions = { signature: { header: 'x-sig' } };
  const signed = (payload: unknown, extra: Record<string, string> = {}, url = '/hook') => {
    const text = JSON.stringify(payload);
    const { headers } = signHmac(scheme, SECRET, { body: text });
    return request({ ...headers, ...extra }, url, text);
  };

  it.each([
    ['a header', { header: 'X-Event' }, { 'x-event': 'alert.fired' }, '/hook'],
    ['a query parameter', { query: 'event' }, {}, '/hook?event=alert.fired'],
    ['a dotted body path', { body: 'meta.kind' }, {}, '/hook'],
  ] as const)('names events from %s', async (_, event, headers, url) => {
    const handler = vi.fn();
    const receiver = createReceiver(hmac({ secret: SECRET, ...scheme, event }), clock).on('alert', handler);
    await receiver.handle(signed({ meta: { kind: 'alert.fired' } }, headers, url));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('names events with a function, and delivers a body with no name as unknown', async () => {
    const named = vi.fn();
    const unknown = vi.fn();
    const provider = hmac({ secret: SECRET, ...scheme, event: (payload) => (payload as { k?: string }).k });
    const receiver = createReceiver(provider)
      .on('deploy', named)
      .on('unknown', (event) => unknown(event.name));
    await receiver.handle(signed({ k: 'deploy' }));
    await receiver.handle(signed({ nothing: true }));
    expect(named).toHaveBeenCalledWith({ k: 'deploy' }, expect.anything());
    expect(unknown).toHaveBeenCalledWith(undefined);
  });

  it('dedupes by an id read from the body', async () => {
    const handler = vi.fn();
    const provider = hmac({ secret: SECRET, ...scheme, event: { body: 'kind' }, id: { body: 'alert.id' } });
    const receiver = createReceiver(provider).on('*', (_event, context) => handler(context.deliveryKey));
    const delivery = signed({ kind: 'alert.fired', alert: { id: 'a-1' } });
    await receiver.handle(delivery);
    await receiver.handle(delivery);
    expect(handler.mock.calls).toEqual([['a-1']]);
  });

  it('validates events that have schemas and delivers the rest as unknown', async () => {
    const typed = vi.fn();
    const unknown = vi.fn();
    const provider = hmac({
      secret: SECRET,
      ...scheme,
      event: { body: 'kind' },
      events: {
        'alert.fired': z.looseObject({ kind: z.literal('alert.fired'), severity: z.enum(['low', 'high']) }),
      },
    });
    const receiver = createReceiver(provider, { dedupe: false })
      .on('alert.fired', (event) => typed(event.severity))
      .on('unknown', (event) => unknown(event.name, event.issues.length > 0));
    await receiver.handle(signed({ kind: 'alert.fired', severity: 'high' }));
    await receiver.handle(signed({ kind: 'alert.fired', severity: 'apocalyptic' }));
    await receiver.handle(signed({ kind: 'alert.resolved' }));
    expect(typed.mock.calls).toEqual([['high']]);
    expect(unknown.mock.calls).toEqual([
      ['alert.fired', true],
      ['alert.resolved', true],
    ]);
  });

  it('answers 204 by default, and serialises a reply through respond()', async () => {
    const quiet = createReceiver(hmac({ secret: SECRET, ...scheme, event: { body: 'kind' } })).on(
      '*',
      () => undefined,
    );
    expect((await quiet.handle(signed({ kind: 'x' }))).status).toBe(204);
    const provider = hmac({
      secret: SECRET,
      ...scheme,
      event: { body: 'kind' },
      respond: (reply: { text: string } | undefined) => jsonResponse(200, { text: reply?.text ?? 'ok' }),
    });
    const chatty = createReceiver(provider).on('ping', () => ({ text: 'pong' }));
    const response = await chatty.handle(signed({ kind: 'ping' }));
    expect([response.status, JSON.parse(response.body)]).toEqual([200, { text: 'pong' }]);
  });

  it('answers 500 INVALID_REPLY when a handler replies and the sender reads no reply', async () => {
    const receiver = createReceiver(hmac({ secret: SECRET, ...scheme, event: { body: 'kind' } })).on(
      'x',
      (() => 'hi') as never,
    );
    const response = await receiver.handle(signed({ kind: 'x' }));
    expect(JSON.parse(response.body).error.code).toBe('INVALID_REPLY');
  });
});

describe('hmac(): mistakes fail at construction', () => {
  const base = { secret: SECRET, signature: { header: 'x-sig' } };
  it.each([
    ['no secret', { ...base, secret: '' }, /secret is required/],
    ['no signature location', { secret: SECRET }, /signature/],
    [
      'an empty header name',
      { ...base, signature: { header: '' } },
      /signature.header must be a non-empty string/,
    ],
    ['an unknown algorithm', { ...base, algorithm: 'md5' }, /sha1, sha256 or sha512/],
    [
      'an unknown encoding',
      { ...base, signature: { header: 'x', encoding: 'base32' } },
      /hex, base64 or base64url/,
    ],
    ['an unknown placeholder', { ...base, signed: '{time}.{body}' }, /\{time\}/],
    ['an unmatched brace', { ...base, signed: '{body' }, /unmatched brace/],
    [
      '{timestamp} with no timestamp source',
      { ...base, signed: '{timestamp}.{body}' },
      /timestamp .* is required/,
    ],
    [
      '{id} read from the body',
      { ...base, signed: '{id}.{body}', id: { body: 'id' } },
      /id must be \{ header/,
    ],
    ['a zero tolerance', { ...base, timestamp: { header: 'x-ts', toleranceSeconds: 0 } }, /positive number/],
    ['a bad event source', { ...base, event: { cookie: 'x' } }, /event must be/],
  ])('throws for %s', (_, options, message) => {
    expect(() => hmac(options as never)).toThrow(message);
  });
});
