import { Readable } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import { createReceiver, github, type WebhookError } from '@hookguard/core';
import { type BodyLimits, readBody } from '@hookguard/core/adapter';
import { githubFixtures, githubRequest } from '@hookguard/core/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BodyHead } from '../src/body/read-body.js';
import { readWebBody } from '../src/body/read-web-body.js';
import { refusal } from './refusal.js';

/** A stream that hands out these chunks, then ends. */
function streamOf(...chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

/**
 * A stream that makes each chunk only when asked (highWaterMark 0: nothing is read ahead), so
 * `pulls` is exactly how much the reader took, and `cancelled` whether it let go.
 */
function pulledStream(chunks: (pull: number) => Uint8Array | undefined) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks(state.pulls++);
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

/** Sends its first chunk, then never another and never ends: a slow loris. */
function stalled(first: Uint8Array) {
  const state = { pulls: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (state.pulls++ === 0) controller.enqueue(first);
        else return new Promise<void>(() => {});
      },
      cancel() {
        state.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  vi.useRealTimers();
});

describe('readWebBody()', () => {
  it('returns the exact bytes, including a BOM and invalid UTF-8', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d]);
    expect(Buffer.from(await readWebBody(streamOf(bytes), {}))).toEqual(bytes);
  });

  it('joins a multi-byte character split across chunks, with and without Content-Length', async () => {
    const json = Buffer.from('{"hello":"世界 👋"}');
    const cut = json.indexOf(0xe4) + 1; // inside 世
    const pieces = () => [json.subarray(0, cut), json.subarray(cut, cut + 3), json.subarray(cut + 3)];
    const counted = await readWebBody(streamOf(...pieces()), {});
    const declared = await readWebBody(streamOf(...pieces()), { contentLength: String(json.length) });
    expect(Buffer.from(counted)).toEqual(json);
    expect(Buffer.from(declared)).toEqual(json);
    expect(new TextDecoder().decode(declared)).toBe('{"hello":"世界 👋"}');
  });

  it('returns a body that came as one chunk without copying it', async () => {
    const chunk = new TextEncoder().encode('{"one":"chunk"}');
    const declared = await readWebBody(streamOf(chunk), { contentLength: String(chunk.length) });
    expect(declared.buffer).toBe(chunk.buffer);
    const counted = await readWebBody(streamOf(new Uint8Array(0), chunk), {});
    expect(counted.buffer).toBe(chunk.buffer);
  });

  it('copies several chunks into one buffer of the declared size', async () => {
    const first = Buffer.from('{"a":');
    const second = Buffer.from('1}');
    const body = await readWebBody(streamOf(first, second), { contentLength: '7' });
    expect(Buffer.from(body).toString()).toBe('{"a":1}');
    expect(body.byteLength).toBe(7);
    expect(body.buffer.byteLength).toBe(7);
  });

  it('reads an empty body as zero bytes', async () => {
    expect((await readWebBody(streamOf(), {})).byteLength).toBe(0);
    expect((await readWebBody(streamOf(), { contentLength: '0' })).byteLength).toBe(0);
  });

  it('refuses a declared Content-Length over the limit before pulling a chunk, and cancels', async () => {
    const { stream, state } = pulledStream(() => new Uint8Array(1024));
    const error = await refusal(readWebBody(stream, { contentLength: '2048' }, { limit: 1024 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', headers: { connection: 'close' } });
    expect(state.pulls).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('counts a chunked body while it streams, stops at the limit, and pulls nothing more', async () => {
    const { stream, state } = pulledStream(() => new Uint8Array(1024).fill(0x20));
    const error = await refusal(readWebBody(stream, {}, { limit: 10 * 1024 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', headers: { connection: 'close' } });
    // The eleventh KiB is the one that passes the limit.
    expect(state.pulls).toBe(11);
    expect(state.cancelled).toBe(true);
    await settle();
    expect(state.pulls).toBe(11);
  });

  it('refuses a body shorter or longer than its Content-Length with 400', async () => {
    const short = await refusal(readWebBody(streamOf(Buffer.from('{}')), { contentLength: '10' }));
    expect(short).toMatchObject({
      status: 400,
      code: 'BODY_INVALID_LENGTH',
      message: 'Request body length does not match Content-Length',
      headers: { connection: 'close' },
    });
    const long = await refusal(
      readWebBody(streamOf(Buffer.from('{"a":'), Buffer.from('1}')), { contentLength: '2' }),
    );
    expect(long).toMatchObject({ status: 400, code: 'BODY_INVALID_LENGTH' });
  });

  it('refuses a body running past its Content-Length and the limit with 413, pulling nothing more', async () => {
    const { stream, state } = pulledStream(() => new Uint8Array(100));
    const error = await refusal(readWebBody(stream, { contentLength: '100' }, { limit: 250 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(state.pulls).toBe(3);
    await settle();
    expect(state.pulls).toBe(3);
    expect(state.cancelled).toBe(true);
  });

  it('refuses a Content-Length that is not a number, and cancels', async () => {
    const { stream, state } = pulledStream(() => new Uint8Array(2));
    const error = await refusal(readWebBody(stream, { contentLength: '2, 2' }));
    expect(error).toMatchObject({
      status: 400,
      code: 'BODY_INVALID_LENGTH',
      headers: { connection: 'close' },
    });
    expect(state).toEqual({ pulls: 0, cancelled: true });
  });

  it('decodes gzip, x-gzip and deflate bodies', async () => {
    const json = Buffer.from('{"hello":"世界"}');
    const gzip = gzipSync(json);
    const halves = [gzip.subarray(0, 9), gzip.subarray(9)];
    expect(Buffer.from(await readWebBody(streamOf(...halves), { contentEncoding: 'gzip' }))).toEqual(json);
    expect(Buffer.from(await readWebBody(streamOf(gzip), { contentEncoding: 'X-Gzip' }))).toEqual(json);
    expect(
      Buffer.from(await readWebBody(streamOf(deflateSync(json)), { contentEncoding: 'deflate' })),
    ).toEqual(json);
    expect(Buffer.from(await readWebBody(streamOf(json), { contentEncoding: 'identity' }))).toEqual(json);
  });

  it('applies the limit to the decoded size, so a gzip bomb stops at the limit', async () => {
    // Compressed larger than any stream buffer (zlib's writable side holds 16 KiB on Node 20 and
    // 64 KiB from Node 22 before it pushes back), so "stopped early" is visible in the pulls:
    // 2 MiB over a 4-letter alphabet, ~4:1, from a fixed-seed generator.
    let seed = 1;
    const text = Buffer.alloc(2 * 1024 * 1024);
    for (let index = 0; index < text.length; index++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      text[index] = 0x61 + (seed >>> 30);
    }
    const bomb = gzipSync(text);
    expect(bomb.byteLength).toBeGreaterThan(256 * 1024);
    const pieces = Math.ceil(bomb.byteLength / 1024);
    const { stream, state } = pulledStream((pull) =>
      pull < pieces ? bomb.subarray(pull * 1024, (pull + 1) * 1024) : undefined,
    );
    const error = await refusal(readWebBody(stream, { contentEncoding: 'gzip' }, { limit: 64 * 1024 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', headers: { connection: 'close' } });
    expect(state.pulls).toBeLessThan(pieces);
    expect(state.cancelled).toBe(true);
    const atRefusal = state.pulls;
    await settle();
    expect(state.pulls).toBe(atRefusal);
  });

  it('refuses encodings it does not decode with 415, and corrupt or cut gzip with 400', async () => {
    const br = await refusal(readWebBody(streamOf(Buffer.from('x')), { contentEncoding: 'br' }));
    expect(br).toMatchObject({ status: 415, code: 'UNSUPPORTED_ENCODING' });
    const corrupt = await refusal(
      readWebBody(streamOf(Buffer.from('not gzip')), { contentEncoding: 'gzip' }),
    );
    expect(corrupt).toMatchObject({
      status: 400,
      code: 'INVALID_ENCODING',
      headers: { connection: 'close' },
    });
    const cut = await refusal(
      readWebBody(streamOf(gzipSync('{"a":1}').subarray(0, 12)), { contentEncoding: 'gzip' }),
    );
    expect(cut).toMatchObject({ status: 400, code: 'INVALID_ENCODING' });
  });

  it('gives up on a body that trickles in too slowly (slow loris) with 408, and cancels', async () => {
    const { stream, state } = stalled(Buffer.from('{'));
    const started = Date.now();
    const error = await refusal(readWebBody(stream, {}, { timeoutMs: 150 }));
    expect(error).toMatchObject({ status: 408, code: 'BODY_TIMEOUT', headers: { connection: 'close' } });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(state.cancelled).toBe(true);
    await settle();
    expect(state.pulls).toBe(2);
  });

  it('times out after 30 s by default, and leaves no timer behind', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { stream, state } = stalled(Buffer.from('{'));
    const reading = refusal(readWebBody(stream, { contentLength: '10' }));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await reading).toMatchObject({ status: 408, code: 'BODY_TIMEOUT' });
    expect(vi.getTimerCount()).toBe(0);
    expect(state.cancelled).toBe(true);
  });

  it('clears its timer once the body has arrived', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await readWebBody(streamOf(Buffer.from('{}')), {});
    await readWebBody(streamOf(gzipSync('{}')), { contentEncoding: 'gzip' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('answers 400 BODY_ABORTED when the stream errors, plain or compressed', async () => {
    const broken = (first: Uint8Array) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(first);
          controller.error(new Error('connection reset'));
        },
      });
    const plain = await refusal(readWebBody(broken(Buffer.from('{"a"')), {}));
    expect(plain).toMatchObject({ status: 400, code: 'BODY_ABORTED', headers: { connection: 'close' } });
    const gzip = await refusal(
      readWebBody(broken(gzipSync('{}').subarray(0, 5)), { contentEncoding: 'gzip' }),
    );
    expect(gzip).toMatchObject({ status: 400, code: 'BODY_ABORTED', headers: { connection: 'close' } });
  });

  it('refuses a stream that yields something other than bytes', async () => {
    const text = new ReadableStream<string>({
      start(controller) {
        controller.enqueue('{"a":1}');
        controller.close();
      },
    }) as unknown as ReadableStream<Uint8Array>;
    expect(await refusal(readWebBody(text, {}))).toMatchObject({ status: 400, code: 'BODY_ABORTED' });
  });

  describe('answers exactly as readBody() does', () => {
    const json = Buffer.from('{"a":1}');
    const cases: [string, () => Uint8Array[], BodyHead, BodyLimits?][] = [
      ['plain', () => [json], {}],
      ['declared', () => [json.subarray(0, 3), json.subarray(3)], { contentLength: '7' }],
      ['declared over the limit', () => [json], { contentLength: '7' }, { limit: 5 }],
      ['counted over the limit', () => [json, json], {}, { limit: 10 }],
      ['shorter than declared', () => [json], { contentLength: '8' }],
      ['longer than declared', () => [json, json], { contentLength: '7' }],
      ['past declared and the limit', () => [json, json], { contentLength: '7' }, { limit: 10 }],
      ['Content-Length not a number', () => [json], { contentLength: '7a' }],
      ['gzip', () => [gzipSync(json)], { contentEncoding: 'gzip' }],
      [
        'gzip over the decoded limit',
        () => [gzipSync(Buffer.alloc(4096))],
        { contentEncoding: 'gzip' },
        { limit: 100 },
      ],
      ['corrupt deflate', () => [json], { contentEncoding: 'deflate' }],
      ['empty gzip', () => [], { contentEncoding: 'gzip' }],
      ['br', () => [json], { contentEncoding: 'br' }],
    ];
    const outcome = (promise: Promise<Uint8Array>) =>
      promise.then(
        (body) => ({ body: Buffer.from(body).toString('hex') }),
        (error: WebhookError) => ({
          status: error.status,
          code: error.code,
          message: error.message,
          headers: error.headers,
        }),
      );
    it.each(cases)('%s', async (_, chunks, head, limits) => {
      const viaNode = await outcome(readBody(Readable.from(chunks()), head, limits));
      const viaWeb = await outcome(readWebBody(streamOf(...chunks()), head, limits));
      expect(viaWeb).toEqual(viaNode);
    });
  });
});

describe('receiver.fetch() reads the Web stream itself', () => {
  const SECRET = 'gh-web-secret';
  const delivery = () => githubRequest('issues.opened', githubFixtures['issues.opened'], SECRET);
  const receiverWith = (handled: (title: unknown) => void) =>
    createReceiver(github({ secret: SECRET })).on('issues.opened', (event) => {
      handled(event.issue.title);
    });

  it('accepts an authentic GitHub delivery streamed in small pieces, as handle() does', async () => {
    const request = delivery();
    const handled = vi.fn();
    const bytes = request.body;
    const pieces: Uint8Array[] = [];
    for (let at = 0; at < bytes.length; at += 5) pieces.push(bytes.subarray(at, at + 5));
    const response = await receiverWith(handled).fetch(
      new Request('https://bot.example/github', {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: streamOf(...pieces),
        duplex: 'half',
      } as RequestInit),
    );
    const direct = await receiverWith(() => {}).handle(delivery());
    expect(response.status).toBe(direct.status);
    expect(await response.text()).toBe(direct.body);
    expect(handled).toHaveBeenCalledWith(
      (githubFixtures['issues.opened']['issue'] as { title: string }).title,
    );
  });

  it('accepts the same delivery as a byte body with its Content-Length', async () => {
    const request = delivery();
    const handled = vi.fn();
    const response = await receiverWith(handled).fetch(
      new Request('https://bot.example/github', {
        method: 'POST',
        headers: {
          ...(request.headers as Record<string, string>),
          'content-length': String(request.body.length),
        },
        body: request.body,
      }),
    );
    expect(response.status).toBe(204);
    expect(handled).toHaveBeenCalledOnce();
  });

  it('still refuses a tampered body with 401, and an oversize one with 413 and Connection: close', async () => {
    const request = delivery();
    const tampered = Buffer.from(request.body);
    tampered.write('X', tampered.indexOf('Spelling'));
    const handled = vi.fn();
    const refused = await receiverWith(handled).fetch(
      new Request('https://bot.example/github', {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: tampered,
      }),
    );
    expect(refused.status).toBe(401);
    const small = createReceiver(github({ secret: SECRET }), { bodyLimit: 64 });
    const oversize = await small.fetch(
      new Request('https://bot.example/github', {
        method: 'POST',
        headers: request.headers as Record<string, string>,
        body: request.body,
      }),
    );
    expect(oversize.status).toBe(413);
    expect(oversize.headers.get('connection')).toBe('close');
    expect(handled).not.toHaveBeenCalled();
  });
});
