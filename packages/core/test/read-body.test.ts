import { PassThrough, Readable } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import { readBody } from '@hookguard/core/adapter';
import { describe, expect, it } from 'vitest';
import { refusal } from './refusal.js';

const streamOf = (...chunks: Buffer[]) => Readable.from(chunks);

describe('readBody()', () => {
  it('returns the exact bytes, including a BOM and invalid UTF-8', async () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d]);
    expect(Buffer.from(await readBody(streamOf(bytes), {}))).toEqual(bytes);
  });

  it('refuses a declared Content-Length over the limit before reading a byte', async () => {
    const source = new PassThrough();
    let read = false;
    source.on('data', () => {
      read = true;
    });
    source.pause();
    const error = await refusal(readBody(source, { contentLength: '2048' }, { limit: 1024 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE', headers: { connection: 'close' } });
    expect(read).toBe(false);
  });

  it('counts a chunked body while it streams and stops at the limit', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 1024;
        this.push(Buffer.alloc(1024, 0x20));
      },
    });
    const error = await refusal(readBody(endless, {}, { limit: 10 * 1024 }));
    expect(error.status).toBe(413);
    // At most what the stream buffers ahead (its highWaterMark: 16 KiB on Node 20, 64 KiB on 22+)…
    expect(produced).toBeLessThan(10 * 1024 + 2 * endless.readableHighWaterMark);
    // …and nothing more is pulled once refused.
    const atRefusal = produced;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(produced).toBe(atRefusal);
  });

  it('refuses a body shorter or longer than its Content-Length with 400', async () => {
    const short = await refusal(readBody(streamOf(Buffer.from('{}')), { contentLength: '10' }));
    expect(short).toMatchObject({ status: 400, code: 'BODY_INVALID_LENGTH' });
    const long = await refusal(readBody(streamOf(Buffer.from('{"a":1}')), { contentLength: '2' }));
    expect(long).toMatchObject({ status: 400, code: 'BODY_INVALID_LENGTH' });
  });

  it('refuses a Content-Length that is not a number', async () => {
    const error = await refusal(readBody(streamOf(Buffer.from('{}')), { contentLength: '2, 2' }));
    expect(error).toMatchObject({ status: 400, code: 'BODY_INVALID_LENGTH' });
  });

  it('decodes gzip and deflate bodies', async () => {
    const json = Buffer.from('{"hello":"世界"}');
    expect(Buffer.from(await readBody(streamOf(gzipSync(json)), { contentEncoding: 'gzip' }))).toEqual(json);
    expect(Buffer.from(await readBody(streamOf(deflateSync(json)), { contentEncoding: 'deflate' }))).toEqual(
      json,
    );
  });

  it('applies the limit to the decoded size, so a gzip bomb stops at the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));
    expect(bomb.byteLength).toBeLessThan(100 * 1024);
    const error = await refusal(readBody(streamOf(bomb), { contentEncoding: 'gzip' }, { limit: 64 * 1024 }));
    expect(error).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
  });

  it('refuses encodings it does not decode with 415, and corrupt gzip with 400', async () => {
    const br = await refusal(readBody(streamOf(Buffer.from('x')), { contentEncoding: 'br' }));
    expect(br).toMatchObject({ status: 415, code: 'UNSUPPORTED_ENCODING' });
    const corrupt = await refusal(readBody(streamOf(Buffer.from('not gzip')), { contentEncoding: 'gzip' }));
    expect(corrupt).toMatchObject({ status: 400, code: 'INVALID_ENCODING' });
  });

  it('gives up on a body that trickles in too slowly (slow loris) with 408', async () => {
    const slow = new PassThrough();
    slow.write('{');
    const started = Date.now();
    const error = await refusal(readBody(slow, {}, { timeoutMs: 150 }));
    expect(error).toMatchObject({ status: 408, code: 'BODY_TIMEOUT', headers: { connection: 'close' } });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
