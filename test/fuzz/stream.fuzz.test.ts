import { Readable } from 'node:stream';
import { deflateSync, gzipSync } from 'node:zlib';
import { createReceiver, silentLogger } from '@hookguard/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authentic, randomBody, randomRequest, utf8 } from './arbitraries.js';
import { expectRefused, expectWellFormed } from './expectations.js';
import { fuzzParameters, fuzzTimeoutMs } from './fuzz-config.js';
import { jsonEventSenders, NOW, SECRET } from './senders.js';

/** Splits bytes into the chunks a socket might deliver them in. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Readable {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(Buffer.from(bytes.subarray(from, point)));
    from = Math.max(from, point);
  }
  return Readable.from(chunks);
}

const encodings = ['identity', 'gzip', 'deflate'] as const;
type Encoding = (typeof encodings)[number];
const encode = (bytes: Uint8Array, encoding: Encoding): Uint8Array =>
  encoding === 'gzip' ? gzipSync(bytes) : encoding === 'deflate' ? deflateSync(bytes) : bytes;

/** Content-Length as a client might (mis)state it: right, short, long, garbage, or absent. */
const lengthHeader = fc.oneof(
  fc.constant<'exact' | undefined>('exact'),
  fc.constant(undefined),
  fc.integer({ min: -5, max: 5 }).map((delta) => ({ delta })),
  fc.constantFrom('abc', '-1', '1e3', '', ' 2', '99999999999999999999', '2, 2'),
);
const encodingHeader = fc.oneof(
  fc.constantFrom<Encoding | string>(...encodings),
  fc.constantFrom('br', 'zstd', 'gzip, gzip', 'GZIP', 'x-gzip', 'compress'),
);

function contentLength(spec: unknown, bytes: Uint8Array): string | undefined {
  if (spec === 'exact') return String(bytes.length);
  if (spec === undefined) return undefined;
  if (typeof spec === 'string') return spec;
  return String(Math.max(0, bytes.length + (spec as { delta: number }).delta));
}

describe.each(jsonEventSenders)('fuzz: $name through the body reader', (sender) => {
  it(
    'refuses any unsigned stream with a 4xx, whatever its length, encoding or chunking',
    async () => {
      const receiver = createReceiver(sender.provider(), {
        logger: silentLogger,
        now: () => NOW,
        bodyTimeoutMs: 2000,
      });
      let handled = 0;
      receiver.on('*', () => {
        handled++;
      });
      await fc.assert(
        fc.asyncProperty(
          randomRequest(sender),
          fc.oneof(
            randomBody,
            randomBody.map((body) => gzipSync(body)),
          ),
          lengthHeader,
          encodingHeader,
          fc.array(fc.nat(), { maxLength: 6 }),
          async (request, wire, length, encoding, cuts) => {
            const declared = contentLength(length, wire);
            const headers = {
              ...request.headers,
              'content-encoding': encoding,
              ...(declared === undefined ? {} : { 'content-length': declared }),
            };
            const response = await receiver.handleStream({ ...request, headers }, chunked(wire, cuts));
            expectRefused(response);
            expectWellFormed(response, [SECRET]);
            expect(handled).toBe(0);
          },
        ),
        fuzzParameters(0.5),
      );
    },
    fuzzTimeoutMs(0.5),
  );

  it(
    'delivers every authentic body, however it is chunked or compressed',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          authentic(sender),
          fc.constantFrom(...encodings),
          fc.boolean(),
          fc.array(fc.nat(), { maxLength: 6 }),
          async ({ value, event }, encoding, withLength, cuts) => {
            let handled = 0;
            const receiver = createReceiver(sender.provider(), { logger: silentLogger, now: () => NOW }).on(
              '*',
              () => {
                handled++;
              },
            );
            const { method, url, headers, body } = sender.sign(utf8(JSON.stringify(value)), { event });
            const wire = encode(body, encoding);
            const response = await receiver.handleStream(
              {
                method,
                url,
                headers: {
                  ...headers,
                  'content-encoding': encoding,
                  ...(withLength ? { 'content-length': String(wire.length) } : {}),
                },
              },
              chunked(wire, cuts),
            );
            expectWellFormed(response, [SECRET]);
            expect(response.status).toBeLessThan(300);
            expect(handled).toBe(sender.eventsIn?.(value).length ?? 1);
          },
        ),
        fuzzParameters(0.5),
      );
    },
    fuzzTimeoutMs(0.5),
  );
});
